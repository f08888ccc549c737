// source-quickbooks from a shell: a rotated refresh token goes back into the --config file (and the token
// store), so the next run works against a company whose old refresh token dies at rotation.
import { spawn } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { tempDir } from '../../test/support/temp-dir.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { assertBuilt, CONNECTOR_BIN } from '../helpers/repo-paths.js';

interface ShellRun {
  code: number | null;
  messages: JsonObject[];
}

function check(configPath: string, env: Record<string, string>): Promise<ShellRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CONNECTOR_BIN, 'check', '--config', configPath], { env: { PATH: process.env['PATH'] ?? '', ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, messages: out.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as JsonObject) }));
  });
}

const status = (run: ShellRun): unknown => (run.messages.find((m) => m['type'] === 'CONNECTION_STATUS')?.['connectionStatus'] as JsonObject | undefined)?.['status'];
const logs = (run: ShellRun): Array<{ level: string; message: string }> =>
  run.messages.filter((m) => m['type'] === 'LOG').map((m) => m['log'] as { level: string; message: string });
const readJson = (path: string): JsonObject => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;

describe('source-quickbooks shell runs keep their tokens', () => {
  let env: FakeEnv;
  let dir: string;
  beforeAll(async () => {
    assertBuilt();
    env = await startFakeEnv({ seed: 13, knobs: { strictRotation: true } });
    dir = tempDir('qbo-shell-');
  });
  afterAll(async () => env.close());

  it('three checks in a row with the same config file all succeed; CONTROL comes first, the file keeps its mode', async () => {
    const configPath = join(dir, 'config.json');
    writeFileSync(configPath, JSON.stringify(env.config({ reports: [] })), { mode: 0o640 });
    chmodSync(configPath, 0o640);
    const tokens = new Set<unknown>();
    for (let run = 1; run <= 3; run++) {
      env.fake.expireAccessTokens(); // every run must refresh, and each refresh kills the previous token
      const result = await check(configPath, env.env);
      expect(result.code, `run ${run}`).toBe(0);
      expect(status(result), `run ${run}`).toBe('SUCCEEDED');
      const types = result.messages.map((m) => m['type']);
      expect(types.indexOf('CONTROL')).toBeGreaterThanOrEqual(0);
      const saved = logs(result).findIndex((l) => /^Saved the changed config keys/.test(l.message));
      expect(saved, `run ${run}: a "Saved" log line`).toBeGreaterThanOrEqual(0);
      expect(types.indexOf('CONTROL')).toBeLessThan(types.indexOf('CONNECTION_STATUS'));
      const file = readJson(configPath);
      expect(file['refresh_token']).toBe(env.fake.refreshToken);
      tokens.add(file['refresh_token']);
      expect(statSync(configPath).mode & 0o777).toBe(0o640);
    }
    expect(tokens.size).toBe(3);
  });

  it('a read-only config file: the check still succeeds, one INFO says why nothing was saved, the token store gets the tokens', async () => {
    const configPath = join(dir, 'readonly.json');
    const storePath = join(dir, 'store', 'tokens.json');
    writeFileSync(configPath, JSON.stringify(env.config({ reports: [], token_store_path: storePath })));
    chmodSync(configPath, 0o444);
    const before = readFileSync(configPath, 'utf8');
    env.fake.expireAccessTokens();
    const first = await check(configPath, env.env);
    expect(status(first)).toBe('SUCCEEDED');
    expect(readFileSync(configPath, 'utf8')).toBe(before);
    const notes = logs(first).filter((l) => l.message.includes(`config file ${configPath}`));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.level).toBe('INFO');
    expect(logs(first).filter((l) => l.level === 'WARN')).toEqual([]);
    expect(readJson(storePath)['refresh_token']).toBe(env.fake.refreshToken);
    expect(statSync(storePath).mode & 0o777).toBe(0o600);

    // The next run reads the store (the file's token is dead) and succeeds.
    env.fake.expireAccessTokens();
    const second = await check(configPath, env.env);
    expect(status(second)).toBe('SUCCEEDED');
    expect(logs(second).some((l) => l.message.startsWith('Using ') && l.message.includes('refresh_token'))).toBe(true);
    expect(readJson(storePath)['refresh_token']).toBe(env.fake.refreshToken);
  });
});
