// The token store never reads or changes another program's file: symlinks, FIFOs, devices and
// files with foreign keys are refused (without blocking), relative paths are relative to the config
// file's folder, and writes are atomic and 0600 without touching any other file's mode.
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/cdk/core/errors.js';
import { readJsonFile } from '../../src/cdk/io/json-file.js';
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { ConfigWriteBack } from '../../src/cdk/singer/config-writeback.js';
import { loadSingerConfig } from '../../src/cdk/singer/config.js';
import { readTokenStore, resolveTokenStorePath, writeTokenStore } from '../../src/cdk/io/token-store.js';
import { silentLogger } from '../../src/cdk/core/logger.js';
import { tempDir } from '../support/temp-dir.js';

const OLD = 'old-refresh-token-0000';
const NEW = 'new-refresh-token-9999';

function json(path: string, value: unknown, mode = 0o644): string {
  writeFileSync(path, JSON.stringify(value));
  chmodSync(path, mode);
  return path;
}

function load(paths: string[]) {
  return loadSingerConfig({ paths, env: {}, envPrefix: 'TAP_X_', settings: { type: 'object', properties: {} } });
}

/** A named pipe with no writer: opening it for reading the usual way blocks forever. */
function fifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

describe('token store paths', () => {
  it('resolves a relative token_store_path against the folder of the config file that set it', () => {
    const dir = tempDir('store-');
    mkdirSync(join(dir, 'conf'));
    const config = json(join(dir, 'conf', 'config.json'), { refresh_token: OLD, token_store_path: 'state/tokens.json' });
    expect(load([config]).tokenStorePath).toBe(join(dir, 'conf', 'state', 'tokens.json'));
    // A later file without the setting does not move it.
    const other = json(join(dir, 'other.json'), { client_id: 'c' });
    expect(load([config, other]).tokenStorePath).toBe(join(dir, 'conf', 'state', 'tokens.json'));
  });

  it('refuses a relative path that climbs out of that folder, naming the setting and the fix', () => {
    const dir = tempDir('store-');
    const config = json(join(dir, 'config.json'), { token_store_path: '../../home/user/.someapp/settings.json' });
    expect(() => load([config])).toThrow(ConfigError);
    expect(() => load([config])).toThrow(/token_store_path.*climbs out of the folder/);
    expect(resolveTokenStorePath('/abs/tokens.json', dir, 'x')).toBe('/abs/tokens.json');
    expect(resolveTokenStorePath('./a/../tokens.json', dir, 'x')).toBe(join(dir, 'tokens.json'));
  });
});

describe('token store refusals', () => {
  it('a symlink into another app\'s settings: not read, not written, its target and mode untouched', async () => {
    const dir = tempDir('store-');
    const foreign = json(join(dir, 'app-settings.json'), { refresh_token: 'theirs-0000', theme: 'dark' }, 0o644);
    const link = join(dir, 'tokens.json');
    symlinkSync(foreign, link);
    const config = json(join(dir, 'config.json'), { refresh_token: OLD, token_store_path: 'tokens.json' });
    expect(() => load([config])).toThrow(/symbolic link/);
    await expect(writeTokenStore(link, { refresh_token: NEW })).rejects.toThrow(/symbolic link/);
    // Through the write-back, as a run would: the failure is reported, the foreign file stays as it was.
    const writeBack = new ConfigWriteBack({ configPath: undefined, tokenStorePath: link, initial: { refresh_token: OLD }, logger: silentLogger });
    await expect(writeBack.save({ refresh_token: NEW })).rejects.toThrow(/symbolic link/);
    expect(JSON.parse(readFileSync(foreign, 'utf8'))).toEqual({ refresh_token: 'theirs-0000', theme: 'dark' });
    expect(statSync(foreign).mode & 0o777).toBe(0o644);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a FIFO is refused at once (read and write), never waited on', async () => {
    const dir = tempDir('store-');
    const pipe = fifo(join(dir, 'tokens.json'));
    expect(() => readTokenStore(pipe)).toThrow(/FIFO/);
    await expect(writeTokenStore(pipe, { refresh_token: NEW })).rejects.toThrow(/FIFO/);
    expect(lstatSync(pipe).isFIFO()).toBe(true);
    // The same for any input file: a config or state path that is a FIFO.
    expect(() => readJsonFile(fifo(join(dir, 'config.json')), 'config')).toThrow(/Cannot read the config file .* it is a FIFO \(named pipe\), not a regular file/);
  });

  it('a device or a directory is refused, never replaced by a file holding the tokens', () => {
    expect(() => readTokenStore('/dev/null')).toThrow(/is a device/);
    expect(() => readJsonFile('/dev/null', 'state')).toThrow(/it is a device/);
    const dir = tempDir('store-');
    expect(() => readTokenStore(dir)).toThrow(/is a directory/);
  });

  it('a regular file holding other keys is another program\'s: neither read into the config nor written', async () => {
    const dir = tempDir('store-');
    const settings = json(join(dir, 'settings.json'), { refresh_token: 'x', api_endpoint: 'https://elsewhere', log_level: 'debug' });
    const config = json(join(dir, 'config.json'), { refresh_token: OLD, token_store_path: settings });
    expect(() => load([config])).toThrow(/holds keys that are not tokens \("api_endpoint", "log_level"\)/);
    await expect(writeTokenStore(settings, { refresh_token: NEW })).rejects.toThrow(ConfigError);
    expect(JSON.parse(readFileSync(settings, 'utf8'))['refresh_token']).toBe('x');
  });
});

describe('token store writes', () => {
  it('atomic, mode 0600, only token keys; the config file keeps its own mode', async () => {
    const dir = tempDir('store-');
    const configPath = json(join(dir, 'config.json'), { client_id: 'c', refresh_token: OLD }, 0o640);
    const store = join(dir, 'secrets', 'tokens.json');
    const initial: JsonObject = { client_id: 'c', refresh_token: OLD };
    const writeBack = new ConfigWriteBack({ configPath, tokenStorePath: store, initial, logger: silentLogger });
    await writeBack.save({ ...initial, refresh_token: NEW, access_token: 'acc-1', page_size: 500 });
    expect(JSON.parse(readFileSync(store, 'utf8'))).toEqual({ refresh_token: NEW, access_token: 'acc-1' });
    expect(statSync(store).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'secrets')).mode & 0o777).toBe(0o700);
    expect(statSync(configPath).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(dir, 'secrets'))).toEqual(['tokens.json']);

    // A store left 0644 by hand is ours: rewritten 0600, keeping its token keys.
    chmodSync(store, 0o644);
    await writeTokenStore(store, { token_expiry_date: '2030-01-01T00:00:00.000Z' });
    expect(statSync(store).mode & 0o777).toBe(0o600);
    expect(readTokenStore(store)).toEqual({ refresh_token: NEW, access_token: 'acc-1', token_expiry_date: '2030-01-01T00:00:00.000Z' });
  });
});
