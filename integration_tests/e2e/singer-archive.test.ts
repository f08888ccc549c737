// tap-quickbooks --archive DIR, then `tap-quickbooks replay DIR/<run>`: the same Singer stdout (SCHEMA,
// RECORD, STATE) again, with no QuickBooks call.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveManifest } from '../../src/cdk/archive/run-archive.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { assertBuilt } from '../helpers/repo-paths.js';
import { runTap } from '../helpers/run-tap.js';
import { tempDir } from '../../test/support/temp-dir.js';

describe('tap-quickbooks archive and replay', () => {
  let env: FakeEnv;
  beforeAll(async () => {
    assertBuilt();
    env = await startFakeEnv({ seed: 5, scale: 0.1 });
  });
  afterAll(() => env.close());

  it('replays the archived sync byte for byte, without a QuickBooks call', async () => {
    const dir = tempDir('tap-qbo-archive-');
    const configPath = join(dir, 'config.json');
    writeFileSync(configPath, JSON.stringify(env.config({ reports: [] })), { mode: 0o600 });
    const archiveDir = join(dir, 'archive');
    const sync = await runTap(['--config', configPath, '--archive', archiveDir], env.env);
    expect(sync.code, sync.stderr).toBe(0);
    const [run] = readdirSync(archiveDir);
    const runDir = join(archiveDir, run as string);
    const manifest = JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8')) as ArchiveManifest;
    expect(manifest).toMatchObject({ protocol: 'singer', status: 'succeeded', exit_code: 0 });
    const invoices = sync.stdout.split('\n').filter((l) => l.startsWith('{"type":"RECORD","stream":"invoices"')).length;
    expect(manifest.streams['invoices']?.records).toBe(invoices);
    expect(invoices).toBe(env.fake.company.count('Invoice'));

    const before = env.fake.stats.total;
    const replay = await runTap(['replay', runDir], env.env);
    expect(replay.code, replay.stderr).toBe(0);
    expect(env.fake.stats.total).toBe(before);
    expect(replay.stdout).toBe(sync.stdout);
  }, 60_000);
});
