// 4. API-call economy on the sample company (default fake, QBO's real limits): requests of an initial
// sync of every entity stream, then of an incremental sync with no changes, counted by the fake.
import { CONNECTOR, catalogOf, configOf, envOf, readArgs } from './lib/connector.js';
import { startFakeProcess, type BenchStats, type FakeProcess } from './lib/fake-process.js';
import { measure } from './lib/measure.js';
import { failure, log } from './lib/util.js';

export interface SyncCount {
  /** HTTP requests by endpoint, the token call excluded (a POST /batch counts once, as 'batch'). */
  requests: Record<string, number>;
  total: number;
  token: number;
  /** Query texts the fake executed (batch items counted one by one), by entity. */
  queriesByEntity: Record<string, { pages: number; counts: number }>;
  records: Record<string, number>;
  sent429: number;
  wallMs: number;
}

export interface EconomyResult {
  initial: SyncCount;
  /** Σ over streams of ceil(rows / 1000): the pages a reader with perfect knowledge would fetch. */
  initialTarget: number;
  incremental: SyncCount;
  reports: SyncCount;
}

type Message = { type: string; record?: { stream: string }; state?: { type?: string; stream?: { stream_descriptor: { name: string } } } };

function tally(stats: BenchStats, records: Record<string, number>, wallMs: number): SyncCount {
  const requests: Record<string, number> = {};
  let total = 0;
  for (const [endpoint, n] of Object.entries(stats.requests)) {
    if (endpoint === 'token' || n === undefined) continue;
    requests[endpoint] = n;
    total += n;
  }
  const queriesByEntity: SyncCount['queriesByEntity'] = {};
  for (const q of stats.queries) {
    const entity = /\bFROM\s+(\w+)/i.exec(q)?.[1] ?? '?';
    const slot = (queriesByEntity[entity] ??= { pages: 0, counts: 0 });
    if (/COUNT\(\*\)/i.test(q)) slot.counts++;
    else slot.pages++;
  }
  return { requests, total, token: stats.requests.token ?? 0, queriesByEntity, records, sent429: stats.sent429, wallMs };
}

async function sync(fake: FakeProcess, catalog: unknown, state: unknown[] | undefined): Promise<{ count: SyncCount; state: unknown[] }> {
  const creds = await fake.creds();
  await fake.resetStats();
  const files = readArgs(configOf(creds, { report_start_date: monthsAgo(2) }), catalog, state);
  let run;
  try {
    run = await measure(CONNECTOR, files.args, { env: envOf(creds), stdout: 'capture', report: false, timeoutMs: 300_000 });
  } finally {
    files.cleanup();
  }
  if (run.exitCode !== 0) throw failure('economy sync', run);
  const records: Record<string, number> = {};
  const states = new Map<string, unknown>();
  for (const line of run.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const msg = JSON.parse(line) as Message;
    if (msg.type === 'RECORD' && msg.record) records[msg.record.stream] = (records[msg.record.stream] ?? 0) + 1;
    if (msg.type === 'STATE' && msg.state?.type === 'STREAM' && msg.state.stream) states.set(msg.state.stream.stream_descriptor.name, msg.state);
  }
  return { count: tally(await fake.stats(), records, run.wallMs), state: [...states.values()] };
}

/** First day of the month `months` ago (UTC): keeps report reads to a few periods. */
function monthsAgo(months: number): string {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1)).toISOString().slice(0, 10);
}

export async function economyBench(): Promise<EconomyResult> {
  log('economy: default fake company, real limits');
  const fake = await startFakeProcess({});
  try {
    const entities = catalogOf('incremental', (n) => !n.startsWith('report_'));
    const first = await sync(fake, entities, undefined);
    const initialTarget = entities.streams.reduce((sum, s) => sum + Math.ceil((first.count.records[s.stream.name] ?? 0) / 1000), 0);
    log(`economy initial: ${first.count.total} requests (target ${initialTarget}), ${JSON.stringify(first.count.requests)}`);
    const second = await sync(fake, entities, first.state);
    log(`economy incremental: ${second.count.total} requests, ${JSON.stringify(second.count.requests)}`);
    const reports = await sync(fake, catalogOf('incremental', (n) => n.startsWith('report_')), undefined);
    log(`economy reports: ${reports.count.total} requests, ${JSON.stringify(reports.count.requests)}`);
    return { initial: first.count, initialTarget, incremental: second.count, reports: reports.count };
  } finally {
    await fake.close();
  }
}
