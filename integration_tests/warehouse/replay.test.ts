// Archive and replay: a read with --archive is loaded into the DuckDB warehouse; `replay` of its archive,
// with the fake QBO no longer answering, loads into a second warehouse with the same tables and rows.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveManifest } from '../../src/cdk/archive/run-archive.js';
import { expectSucceeded } from '../helpers/assertions.js';
import { committedCatalog, onlyStreams } from '../helpers/catalogs.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { records } from '../helpers/messages.js';
import { runConnector, type RunResult } from '../helpers/run-connector.js';
import { tempDir } from '../../test/support/temp-dir.js';
import { DuckDbWarehouse } from './duckdb-warehouse.js';

const STREAMS = ['customers', 'invoices', 'payments', 'items', 'accounts', 'report_trial_balance'];

async function tablesOf(warehouse: DuckDbWarehouse, tables: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    out[table] = (await warehouse.query(`SELECT * EXCLUDE (_loaded_seq) FROM "${table}"`)).map((row) => JSON.stringify(row)).sort();
  }
  return out;
}

describe('replay of an archived read', () => {
  let env: FakeEnv;
  const catalog = onlyStreams(committedCatalog('incremental'), STREAMS);
  let original: RunResult;
  let replayed: RunResult;
  let manifest: ArchiveManifest;
  let requestsDuringReplay: number;

  beforeAll(async () => {
    env = await startFakeEnv({ seed: 31, scale: 0.2 });
    const archiveDir = tempDir('qbo-archive-');
    original = await runConnector('read', { config: env.config(), catalog, env: env.env, extraArgs: ['--archive', archiveDir] });
    expectSucceeded(original);
    const [run] = readdirSync(archiveDir);
    const runDir = join(archiveDir, run as string);
    manifest = JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8')) as ArchiveManifest;
    const before = env.fake.stats.total;
    replayed = await runConnector('replay', { env: env.env, extraArgs: [runDir] });
    requestsDuringReplay = env.fake.stats.total - before;
  }, 120_000);

  afterAll(() => env?.close());

  it('writes the archived messages again, without a single QuickBooks call', () => {
    expect(replayed.exitCode).toBe(0);
    expect(requestsDuringReplay).toBe(0);
    const withoutControl = original.stdout.split('\n').filter((line) => !line.startsWith('{"type":"CONTROL"')).join('\n');
    expect(replayed.stdout).toBe(withoutControl);
    expect(manifest.status).toBe('succeeded');
    for (const stream of STREAMS) expect(manifest.streams[stream]?.records, stream).toBe(records(original.messages, stream).length);
    expect(manifest.last_state).toEqual(JSON.parse(original.stdout.split('\n').filter((l) => l.startsWith('{"type":"STATE"')).at(-1) as string));
  });

  it('loads into the warehouse as the same tables with the same rows as the original load', async () => {
    const first = await DuckDbWarehouse.open();
    const second = await DuckDbWarehouse.open();
    try {
      first.append(original.messages);
      second.append(replayed.messages);
      const loadedFirst = await first.load(catalog);
      const loadedSecond = await second.load(catalog);
      expect(loadedFirst).toEqual(expect.arrayContaining(['customers', 'invoices', 'payments']));
      expect(loadedSecond).toEqual(loadedFirst);
      const tables = loadedFirst.flatMap((t) => [t, `raw_${t}`]);
      expect(await tablesOf(second, tables)).toEqual(await tablesOf(first, tables));
    } finally {
      first.close();
      second.close();
    }
  });
});
