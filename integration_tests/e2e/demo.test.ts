// The demo (`npm run demo`) writes its files and its second run sees exactly the changes it made.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDemo } from '../demo.js';
import { dropBoundaryRepeats, emittedChanges, plain } from '../helpers/changes.js';
import { committedCatalog } from '../helpers/catalogs.js';
import { entityOfStream } from '../helpers/ground-truth.js';

describe('demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qbo-demo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes per-stream JSONL, state and a masked config; run 2 returns exactly the changes', async () => {
    let printed = '';
    const started = Date.now();
    const result = await runDemo({ outDir: join(dir, 'out'), print: (t) => (printed += t + '\n') });
    expect(Date.now() - started).toBeLessThan(60_000);

    const catalog = committedCatalog('incremental');
    const missing = catalog.streams.map((s) => `${s.stream.name}.jsonl`).filter((f) => !existsSync(join(result.outDir, f)));
    expect(missing).toEqual([]);
    const state = JSON.parse(readFileSync(join(result.outDir, 'state.json'), 'utf8')) as { type: string }[];
    expect(state.length).toBe(catalog.streams.length);
    expect(state.every((s) => s.type === 'STREAM')).toBe(true);
    const config = JSON.parse(readFileSync(join(result.outDir, 'config.json'), 'utf8')) as Record<string, unknown>;
    for (const k of ['client_secret', 'refresh_token', 'access_token']) expect(config[k], k).toBe('**********');

    const [, run2] = result.runs;
    const streams = new Set(catalog.streams.filter((s) => s.sync_mode === 'incremental' && entityOfStream(s.stream.name)).map((s) => s.stream.name));
    const got = emittedChanges(run2.outcome.messages, streams);
    dropBoundaryRepeats(got, result.changes, run2.outcome.messages, result.cursorsAfterFirst);
    expect(plain(got.upserts)).toEqual(plain(result.changes.upserts));
    expect(plain(got.tombstones)).toEqual(plain(result.changes.tombstones));
    expect(Object.keys(plain(result.changes.tombstones))).toEqual(['invoices']);

    // The deleted invoice's tombstone was appended to invoices.jsonl.
    const deletedId = [...(result.changes.tombstones.get('invoices') ?? [])][0];
    const lines = readFileSync(join(result.outDir, 'invoices.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.some((r) => r['Id'] === deletedId && typeof r['_ab_cdc_deleted_at'] === 'string')).toBe(true);

    expect(printed).toMatch(/Run 1:[\s\S]*TOTAL[\s\S]*Run 2:[\s\S]*TOTAL/);
    expect(result.runs[0].totals.requests).toBeGreaterThan(0);
  }, 60_000);
});
