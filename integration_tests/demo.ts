// `npm run demo`: the connector end to end on the embedded fake QuickBooks company, no credentials and no
// network beyond loopback. A full read of every stream, then changes on the "server" (edits, a new
// invoice, a deleted invoice, a deactivated customer), then an incremental read from the saved state.
// Output in ./demo-output/: one JSONL file of record data per stream, state.json, config.json (masked).
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConfiguredAirbyteCatalog, JsonObject } from '../src/cdk/core/protocol.js';
import { committedCatalog } from './helpers/catalogs.js';
import { applyChanges, type ChangePlan, type ExpectedChanges } from './helpers/changes.js';
import { DELETED_AT } from './helpers/dedup-destination.js';
import { envFor, startFakeEnv } from './helpers/fake-env.js';
import { records, streamStatuses, traceErrors } from './helpers/messages.js';
import { Platform, type SyncOutcome } from './helpers/platform.js';
import { startRecordingProxy, type LoggedRequest } from './helpers/recording-proxy.js';
import { requestsPerStream } from './helpers/request-attribution.js';
import { repoPath } from './helpers/repo-paths.js';

/** The changes made between the two runs. */
export const DEMO_CHANGES: ChangePlan = {
  update: { Invoice: 2, Customer: 1 },
  create: { Invoice: 1 },
  hardDelete: { Invoice: 1 },
  deactivate: { Customer: 1 },
};

export interface StreamRow {
  stream: string;
  records: number;
  deletes: number;
  requests: number;
  seconds: number;
}

export interface RunSummary {
  title: string;
  rows: StreamRow[];
  totals: StreamRow;
  wallSeconds: number;
  outcome: SyncOutcome;
}

export interface DemoResult {
  outDir: string;
  runs: [RunSummary, RunSummary];
  changes: ExpectedChanges;
  /** airbyte_cursor of each stream's state after run 1 (records at it are re-read by run 2). */
  cursorsAfterFirst: Map<string, unknown>;
}

function maskedConfig(config: JsonObject): JsonObject {
  const spec = JSON.parse(readFileSync(repoPath('spec.json'), 'utf8')) as { connectionSpecification: { properties: Record<string, JsonObject> } };
  const secret = new Set(Object.entries(spec.connectionSpecification.properties).filter(([, p]) => p['airbyte_secret'] === true).map(([k]) => k));
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, secret.has(k) && typeof v === 'string' ? '**********' : v]));
}

function summarize(title: string, outcome: SyncOutcome, log: readonly LoggedRequest[], catalog: ConfiguredAirbyteCatalog): RunSummary {
  const requests = requestsPerStream(log);
  const started = new Map<string, number>();
  const seconds = new Map<string, number>();
  for (const m of outcome.messages) {
    if (m.type !== 'TRACE' || m.trace.type !== 'STREAM_STATUS') continue;
    const name = m.trace.stream_status.stream_descriptor.name;
    if (m.trace.stream_status.status === 'STARTED') started.set(name, m.trace.emitted_at);
    if (m.trace.stream_status.status === 'COMPLETE') seconds.set(name, (m.trace.emitted_at - (started.get(name) ?? m.trace.emitted_at)) / 1000);
  }
  const names = [...catalog.streams.map((s) => s.stream.name), ...[...requests.keys()].filter((k) => k.startsWith('('))];
  const rows = names.map((stream) => {
    const tally = outcome.tally.get(stream);
    return { stream, records: tally?.records ?? 0, deletes: tally?.tombstones ?? 0, requests: requests.get(stream) ?? 0, seconds: seconds.get(stream) ?? 0 };
  });
  const totals = rows.reduce((t, r) => ({ ...t, records: t.records + r.records, deletes: t.deletes + r.deletes, requests: t.requests + r.requests }), {
    stream: 'TOTAL',
    records: 0,
    deletes: 0,
    requests: 0,
    seconds: outcome.durationMs / 1000,
  });
  return { title, rows, totals, wallSeconds: outcome.durationMs / 1000, outcome };
}

export function formatTable(summary: RunSummary): string {
  const header = ['stream', 'records', 'deletes', 'requests', 'seconds'];
  const line = (r: StreamRow): string[] => [r.stream, String(r.records), String(r.deletes), String(r.requests), r.seconds.toFixed(2)];
  const body = [...summary.rows.map(line), line(summary.totals)];
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [summary.title, fmt(header), rule, ...body.slice(0, -1).map(fmt), rule, fmt(body[body.length - 1] ?? [])].join('\n');
}

/** Append each record's data to <outDir>/<stream>.jsonl. */
function writeRecords(outDir: string, outcome: SyncOutcome): void {
  const byStream = new Map<string, string[]>();
  for (const r of records(outcome.messages)) byStream.set(r.stream, [...(byStream.get(r.stream) ?? []), JSON.stringify(r.data)]);
  for (const [stream, lines] of byStream) appendFileSync(join(outDir, `${stream}.jsonl`), lines.join('\n') + '\n');
}

function check(outcome: SyncOutcome, what: string): void {
  if (outcome.succeeded) return;
  const errors = traceErrors(outcome.messages).map((e) => e.message);
  throw new Error(`${what} failed (exit ${String(outcome.exitCode)}): ${errors.join('; ') || outcome.stderr.slice(-2000)}`);
}

export async function runDemo(options: { outDir?: string; print?: (text: string) => void } = {}): Promise<DemoResult> {
  const outDir = resolve(options.outDir ?? 'demo-output');
  const print = options.print ?? ((text: string) => process.stdout.write(text + '\n'));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const env = await startFakeEnv();
  const proxy = await startRecordingProxy(env.fake.url);
  try {
    const catalog = committedCatalog('incremental');
    const platform = new Platform(env.config(), envFor({ url: proxy.url, tokenUrl: `${proxy.url}/oauth2/v1/tokens/bearer` }));
    print(`Fake QuickBooks company on ${env.fake.url} (realm ${env.fake.realmId}); reading ${catalog.streams.length} streams.\n`);

    const first = await platform.sync(catalog);
    check(first, 'the first read');
    const firstLog = proxy.log.splice(0);
    writeRecords(outDir, first);
    writeFileSync(join(outDir, 'state.json'), JSON.stringify(platform.stateList(), null, 2) + '\n');
    writeFileSync(join(outDir, 'config.json'), JSON.stringify(maskedConfig(platform.config), null, 2) + '\n');
    const cursorsAfterFirst = new Map([...platform.streamStates].map(([name, s]) => [name, s['cursor']]));
    const run1 = summarize('Run 1: full read of every stream (no state)', first, firstLog, catalog);
    print(formatTable(run1) + '\n');

    const changes = applyChanges(env.fake.company, DEMO_CHANGES);
    print(`Changes on the server: ${changes.done.join(', ')}.\n`);

    const second = await platform.sync(catalog);
    check(second, 'the incremental read');
    writeRecords(outDir, second);
    writeFileSync(join(outDir, 'state.json'), JSON.stringify(platform.stateList(), null, 2) + '\n');
    writeFileSync(join(outDir, 'config.json'), JSON.stringify(maskedConfig(platform.config), null, 2) + '\n');
    const run2 = summarize('Run 2: incremental read from state.json (CDC for deletes)', second, proxy.log.splice(0), catalog);
    print(formatTable(run2) + '\n');
    const tombstones = records(second.messages).filter((r) => r.data[DELETED_AT] !== undefined).map((r) => `${r.stream} ${String(r.data['Id'])}`);
    print(
      `Deleted records arrive as tombstones (${DELETED_AT} set): ${tombstones.join(', ') || 'none'}.\n` +
        'Full-refresh streams (singletons, exchange rates, recurring templates, tax classifications) and the last report\n' +
        'periods (books close late) are read again on every run; everything else arrives only when it changed.\n' +
        `Streams completed: ${streamStatuses(second.messages).filter((s) => s.status === 'COMPLETE').length}. Output: ${outDir}`,
    );
    return { outDir, runs: [run1, run2], changes, cursorsAfterFirst };
  } finally {
    await proxy.close();
    await env.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runDemo().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
