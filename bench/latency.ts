// 3. Wall time under QBO's real limits: the fake adds latency per 1000 rows and enforces 10 in flight
// and 500/min (429 beyond). The connector against the bound pages / min(10 / latency, 500 / 60), and a
// one-request-at-a-time STARTPOSITION reader (bench/floor.ts --concurrency 1) for contrast.
import { CONNECTOR, catalogOf, configOf, envOf, readArgs } from './lib/connector.js';
import { startFakeProcess } from './lib/fake-process.js';
import { measure } from './lib/measure.js';
import { failure, floorEnv, log } from './lib/util.js';

export interface LatencyRun {
  reader: 'connector' | 'sequential';
  wallMs: number;
  requests: number;
  sent429: number;
  throttled: number;
  maxInFlight: number;
}

export interface LatencyOptions {
  invoices: number;
  latencyMsPer1000Rows: number;
  runs: number;
  /** Also time the one-request-at-a-time reader. */
  withSequential: boolean;
}

export interface LatencyResult extends LatencyOptions {
  pages: number;
  boundMs: number;
  connector: LatencyRun[];
  sequential?: LatencyRun;
}

const FLOOR = new URL('./floor.js', import.meta.url).pathname;

export function boundMs(pages: number, latencyMs: number): number {
  const perSecond = Math.min(10 / (latencyMs / 1000), 500 / 60);
  return (pages / perSecond) * 1000;
}

/** One run on a fresh fake: its 500/min window is real time, so runs must not share it. */
async function once(options: LatencyOptions, reader: LatencyRun['reader']): Promise<LatencyRun> {
  const fake = await startFakeProcess({
    scale: { Invoice: options.invoices },
    knobs: { latencyMsPer1000Rows: options.latencyMsPer1000Rows, maxInFlight: 10, perMinute: 500 },
  });
  try {
    const creds = await fake.creds();
    let run;
    if (reader === 'sequential') {
      run = await measure(FLOOR, ['--concurrency', '1', '--no-count'], { env: floorEnv(creds), report: false });
    } else {
      const files = readArgs(configOf(creds), catalogOf('full_refresh', (n) => n === 'invoices'));
      try {
        run = await measure(CONNECTOR, files.args, { env: envOf(creds), report: false });
      } finally {
        files.cleanup();
      }
    }
    if (run.exitCode !== 0) throw failure(reader, run);
    const stats = await fake.stats();
    const result: LatencyRun = {
      reader,
      wallMs: run.wallMs,
      requests: stats.total - (stats.requests.token ?? 0),
      sent429: stats.sent429,
      throttled: stats.throttled,
      maxInFlight: stats.maxInFlight,
    };
    log(`latency ${options.invoices} ${reader}: ${(result.wallMs / 1000).toFixed(1)} s, ${result.requests} requests, ${result.sent429} x 429, max ${result.maxInFlight} in flight`);
    return result;
  } finally {
    await fake.close();
  }
}

export async function latencyBench(options: LatencyOptions): Promise<LatencyResult> {
  const pages = Math.ceil(options.invoices / 1000);
  log(`latency: ${options.invoices} invoices, ${options.latencyMsPer1000Rows} ms per 1000 rows, 10 in flight, 500/min enforced`);
  const connector: LatencyRun[] = [];
  for (let i = 0; i < options.runs; i++) connector.push(await once(options, 'connector'));
  const result: LatencyResult = { ...options, pages, boundMs: boundMs(pages, options.latencyMsPer1000Rows), connector };
  if (options.withSequential) result.sequential = await once(options, 'sequential');
  return result;
}
