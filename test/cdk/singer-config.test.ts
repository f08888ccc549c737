import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/cdk/core/errors.js';
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { configFromEnv, envPrefixOf, loadSingerConfig, type SingerConfigOptions } from '../../src/cdk/singer/config.js';
import { writeFileAtomic } from '../../src/cdk/io/atomic-file.js';
import { ConfigWriteBack } from '../../src/cdk/singer/config-writeback.js';
import { tempDir as removedAfterFile } from '../support/temp-dir.js';

const SETTINGS: JsonObject = {
  type: 'object',
  properties: {
    client_id: { type: 'string' },
    refresh_token: { type: 'string' },
    sandbox: { type: 'boolean' },
    page_size: { type: 'integer' },
    reports: { type: 'array' },
  },
};
const OLD_TOKEN = 'old-refresh-token-0000';
const NEW_TOKEN = 'new-refresh-token-9999';

function tempDir(): string {
  return removedAfterFile('singer-config-');
}

function json(path: string, value: unknown, mode = 0o644): string {
  writeFileSync(path, JSON.stringify(value));
  chmodSync(path, mode);
  return path;
}

function read(path: string): JsonObject {
  return JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
}

function load(paths: string[], extra: Partial<SingerConfigOptions> = {}) {
  return loadSingerConfig({ paths, env: {}, envPrefix: 'TAP_X_', settings: SETTINGS, ...extra });
}

function recordingLogger() {
  const lines: string[] = [];
  return { lines, logger: { debug: (m: string) => lines.push(m), info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) } };
}

describe('loadSingerConfig', () => {
  it('merges repeated --config files shallowly, later files winning; write-back goes to the last file', () => {
    const dir = tempDir();
    const a = json(join(dir, 'a.json'), { client_id: 'a', refresh_token: OLD_TOKEN, nested: { x: 1, y: 1 } });
    const b = json(join(dir, 'b.json'), { client_id: 'b', nested: { x: 2 } });
    const loaded = load([a, b]);
    expect(loaded.config).toEqual({ client_id: 'b', refresh_token: OLD_TOKEN, nested: { x: 2 } });
    expect(loaded.writeBackPath).toBe(b);
    expect(() => load([])).toThrow(ConfigError);
    expect(() => load([join(dir, 'missing.json')])).toThrow(ConfigError);
  });

  it('--config=ENV reads typed TAP_<NAME>_<SETTING> variables at its position in the list', () => {
    const env = { TAP_X_CLIENT_ID: 'env', TAP_X_SANDBOX: 'true', TAP_X_PAGE_SIZE: '500', TAP_X_REPORTS: '["a"]', OTHER: 'x' };
    expect(configFromEnv(env, 'TAP_X_', SETTINGS)).toEqual({ client_id: 'env', sandbox: true, page_size: 500, reports: ['a'] });
    const dir = tempDir();
    const file = json(join(dir, 'c.json'), { client_id: 'file', refresh_token: OLD_TOKEN });
    expect(load(['ENV', file], { env }).config['client_id']).toBe('file');
    expect(load([file, 'ENV'], { env }).config['client_id']).toBe('env');
    expect(load(['ENV'], { env }).writeBackPath).toBeUndefined();
    expect(envPrefixOf('tap-quickbooks')).toBe('TAP_QUICKBOOKS_');
    expect(() => configFromEnv({ TAP_X_REPORTS: '[oops' }, 'TAP_X_', SETTINGS)).toThrow(ConfigError);
  });

  it('reads the token store at start: its values override the config (path from the setting, else the env var)', () => {
    const dir = tempDir();
    const store = json(join(dir, 'tokens.json'), { refresh_token: NEW_TOKEN }, 0o600);
    const viaSetting = json(join(dir, 'c1.json'), { client_id: 'c', refresh_token: OLD_TOKEN, token_store_path: store });
    const loaded = load([viaSetting]);
    expect(loaded.config['refresh_token']).toBe(NEW_TOKEN);
    expect(loaded.tokenStorePath).toBe(store);
    expect(loaded.tokenStoreKeys).toEqual(['refresh_token']);

    const viaEnv = json(join(dir, 'c2.json'), { client_id: 'c', refresh_token: OLD_TOKEN });
    expect(load([viaEnv], { env: { MY_STORE: store }, tokenStoreEnvVar: 'MY_STORE' }).config['refresh_token']).toBe(NEW_TOKEN);
    expect(load([viaEnv], { env: { MY_STORE: store } }).config['refresh_token']).toBe(OLD_TOKEN); // no env var name given

    // A store path that does not exist yet is fine: it is created on the first rotation.
    const fresh = load([viaEnv], { env: { MY_STORE: join(dir, 'later.json') }, tokenStoreEnvVar: 'MY_STORE' });
    expect(fresh.config['refresh_token']).toBe(OLD_TOKEN);
    expect(fresh.tokenStorePath).toBe(join(dir, 'later.json'));
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file by rename (new inode), keeps its mode, leaves no temp file', async () => {
    const dir = tempDir();
    const path = json(join(dir, 'config.json'), { a: 1 }, 0o640);
    const before = statSync(path);
    await writeFileAtomic(path, '{"a":2}\n');
    const after = statSync(path);
    expect(after.ino).not.toBe(before.ino); // a new file renamed over the old one, not an in-place rewrite
    expect(after.mode & 0o777).toBe(0o640);
    expect(read(path)).toEqual({ a: 2 });
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('never lets a concurrent reader see a partial file', async () => {
    const dir = tempDir();
    const path = join(dir, 'big.json');
    const big = (n: number) => JSON.stringify({ n, pad: 'x'.repeat(2_000_000) });
    writeFileSync(path, big(0));
    let reads = 0;
    let partial = 0;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        try {
          JSON.parse(readFileSync(path, 'utf8'));
        } catch {
          partial++;
        }
        reads++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    for (let n = 1; n <= 6; n++) await writeFileAtomic(path, big(n));
    writing = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    expect(partial).toBe(0);
    expect(read(path)['n']).toBe(6);
  });

  it('writes through a symlink to its target and creates new files as 0600', async () => {
    const dir = tempDir();
    const target = json(join(dir, 'real.json'), { a: 1 }, 0o644);
    const link = join(dir, 'link.json');
    symlinkSync(target, link);
    await writeFileAtomic(link, '{"a":3}');
    expect(statSync(link).isFile()).toBe(true);
    expect(read(target)).toEqual({ a: 3 });
    await writeFileAtomic(join(dir, 'new.json'), '{}');
    expect(statSync(join(dir, 'new.json')).mode & 0o777).toBe(0o600);
  });
});

describe('ConfigWriteBack', () => {
  it('writes the changed keys into the last config file (keeping its own content and mode) and the token store (0600)', async () => {
    const dir = tempDir();
    const configPath = json(join(dir, 'config.json'), { client_id: 'c', refresh_token: OLD_TOKEN }, 0o660);
    const storePath = join(dir, 'store', 'tokens.json');
    const { lines, logger } = recordingLogger();
    const initial = { client_id: 'c', refresh_token: OLD_TOKEN, from_earlier_file: 'e' };
    const writeBack = new ConfigWriteBack({ configPath, tokenStorePath: storePath, initial, logger });

    expect(await writeBack.save({ ...initial, refresh_token: NEW_TOKEN, access_token: 'access-1234' })).toEqual([
      'refresh_token',
      'access_token',
    ]);
    expect(read(configPath)).toEqual({ client_id: 'c', refresh_token: NEW_TOKEN, access_token: 'access-1234' });
    expect(statSync(configPath).mode & 0o777).toBe(0o660);
    expect(read(storePath)).toEqual({ refresh_token: NEW_TOKEN, access_token: 'access-1234' });
    expect(statSync(storePath).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['config.json', 'store']);

    // Unchanged config: nothing written. A later rotation updates only what changed.
    expect(await writeBack.save({ ...initial, refresh_token: NEW_TOKEN, access_token: 'access-1234' })).toEqual([]);
    await writeBack.save({ ...initial, refresh_token: 'third-token-7777', access_token: 'access-1234' });
    expect(read(storePath)).toEqual({ refresh_token: 'third-token-7777', access_token: 'access-1234' });

    const logged = lines.join('\n');
    expect(logged).toContain('refresh_token');
    for (const secret of [OLD_TOKEN, NEW_TOKEN, 'access-1234', 'third-token-7777']) expect(logged).not.toContain(secret);
  });

  it('warns when one target fails, and fails with a ConfigError naming the fix when nothing could be saved', async () => {
    const dir = tempDir();
    const configPath = join(dir, 'no-such-dir', 'config.json'); // cannot be written
    const storePath = join(dir, 'tokens.json');
    const { lines, logger } = recordingLogger();
    const initial = { refresh_token: OLD_TOKEN };
    await new ConfigWriteBack({ configPath, tokenStorePath: storePath, initial, logger }).save({ refresh_token: NEW_TOKEN });
    expect(read(storePath)).toEqual({ refresh_token: NEW_TOKEN });
    expect(lines.join('\n')).toMatch(/Could not save .*no-such-dir.*ENOENT/);

    const nowhere = new ConfigWriteBack({ configPath, tokenStorePath: undefined, initial, logger });
    await expect(nowhere.save({ refresh_token: NEW_TOKEN })).rejects.toThrow(/token_store_path/);
    const none = new ConfigWriteBack({ configPath: undefined, tokenStorePath: undefined, initial, logger });
    await expect(none.save({ refresh_token: NEW_TOKEN })).rejects.toBeInstanceOf(ConfigError);
    const error = await none.save({ refresh_token: NEW_TOKEN }).catch((e: unknown) => e);
    expect(String(error)).not.toContain(NEW_TOKEN);
  });
});
