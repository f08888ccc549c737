// tap-quickbooks end to end: the Singer front end on the same core, against the fake QBO company.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { assertBuilt } from '../helpers/repo-paths.js';
import { runTap } from '../helpers/run-tap.js';
import { tempDir } from '../../test/support/temp-dir.js';

describe('tap-quickbooks (Singer) against the fake company', () => {
  let env: FakeEnv;
  let dir: string;

  beforeAll(async () => {
    assertBuilt();
    env = await startFakeEnv();
    dir = tempDir('tap-qbo-');
  });
  afterAll(async () => env.close());

  it('syncs, writes the rotated token back, and delivers hard deletes as _sdc_deleted_at on the next run', async () => {
    const configPath = join(dir, 'config.json');
    const storePath = join(dir, 'tokens.json');
    const original = env.config({ reports: [] });
    writeFileSync(configPath, JSON.stringify(original), { mode: 0o600 });
    const tapEnv = { ...env.env, TAP_QUICKBOOKS_TOKEN_STORE_PATH: storePath };

    const first = await runTap(['--config', configPath], tapEnv);
    expect(first.code, first.stderr).toBe(0);
    const seenSchema = new Set<string>();
    for (const m of first.messages) {
      if (m['type'] === 'SCHEMA') seenSchema.add(String(m['stream']));
      if (m['type'] === 'RECORD') expect(seenSchema.has(String(m['stream']))).toBe(true);
    }
    const invoices = first.messages.filter((m) => m['type'] === 'RECORD' && m['stream'] === 'invoices');
    expect(invoices).toHaveLength(env.fake.company.count('Invoice'));

    // The rotated refresh token reached both the config file and the token store (0600).
    const rewritten = JSON.parse(readFileSync(configPath, 'utf8')) as JsonObject;
    expect(rewritten['refresh_token']).toBe(env.fake.refreshToken);
    expect(rewritten['refresh_token']).not.toBe(original['refresh_token']);
    expect((JSON.parse(readFileSync(storePath, 'utf8')) as JsonObject)['refresh_token']).toBe(env.fake.refreshToken);
    expect(statSync(storePath).mode & 0o777).toBe(0o600);
    expect(first.stderr).not.toContain(String(rewritten['refresh_token']));

    const lastState = first.messages.filter((m) => m['type'] === 'STATE').pop() as JsonObject;
    const statePath = join(dir, 'state.json');
    writeFileSync(statePath, JSON.stringify(lastState['value']));
    const victim = String([...env.fake.company.all('Invoice')][0]?.['Id']);
    env.fake.company.hardDelete('Invoice', victim);

    const second = await runTap(['--config', configPath, '--state', statePath], tapEnv);
    expect(second.code, second.stderr).toBe(0);
    const tombstones = second.messages.filter(
      (m) => m['type'] === 'RECORD' && m['stream'] === 'invoices' && (m['record'] as JsonObject)['_sdc_deleted_at'] !== undefined,
    );
    expect(tombstones.map((m) => (m['record'] as JsonObject)['Id'])).toEqual([victim]);
    const invoiceSchema = second.messages.find((m) => m['type'] === 'SCHEMA' && m['stream'] === 'invoices') as JsonObject;
    expect(Object.keys((invoiceSchema['schema'] as { properties: JsonObject }).properties)).toContain('_sdc_deleted_at');
  }, 60_000);
});
