// 3. Wall time under QBO's real limits: the fake adds latency per 1000 rows and enforces 10 in flight
// and 500/min (429 beyond). The connector against the bound pages / min(10 / latency, 500 / 60), and a
// one-request-at-a-time STARTPOSITION reader (bench/floor.ts --concurrency 1) for contrast.
import { loadavg } from 'node:os';
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
  /** The reader's own CPU (user + system) and peak RSS, and the fake server's CPU during the run. */
  cpuMs?: number;
  peakRssMb?: number;
  serverCpuMs: number;
}

export interface LatencyOptions {
  invoices: number;
  latencyMsPer1000Rows: number;
  /** Each page's latency is that times a uniform factor in [1 - j, 1 + j] (0.5: 0.5x-1.5x); default 0. */
  latencyJitter?: number;
  runs: number;
  /** Another built connector to run instead (`--baseline`), and what to call it. */
  bin?: string;
  label?: string;
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

/** With a symmetric jitter the mean latency is the nominal one, so the bound uses it. */
export function boundMs(pages: number, latencyMs: number): number {
  const perSecond = Math.min(10 / (latencyMs / 1000), 500 / 60);
  return (pages / perSecond) * 1000;
}

/** The reader's CPU and peak RSS and the server's CPU, for the log: a wall far above the bound with CPU near it is CPU-bound. */
function cpuNote(run: LatencyRun): string {
  const own = run.cpuMs === undefined ? 'CPU n/a' : `${(run.cpuMs / 1000).toFixed(1)} s CPU`;
  const rss = run.peakRssMb === undefined ? '' : `, ${run.peakRssMb.toFixed(0)} MB peak RSS`;
  return `${own}${rss}, server ${(run.serverCpuMs / 1000).toFixed(1)} s CPU`;
}

/** One run on a fresh fake: its 500/min window is real time, so runs must not share it. */
async function once(options: LatencyOptions, reader: LatencyRun['reader']): Promise<LatencyRun> {
  const fake = await startFakeProcess({
    scale: { Invoice: options.invoices },
    knobs: { latencyMsPer1000Rows: options.latencyMsPer1000Rows, latencyJitter: options.latencyJitter ?? 0, maxInFlight: 10, perMinute: 500 },
  });
  try {
    const creds = await fake.creds();
    const cpu0 = await fake.cpu();
    let run;
    if (reader === 'sequential') {
      run = await measure(FLOOR, ['--concurrency', '1', '--no-count'], { env: floorEnv(creds), report: false });
    } else {
      const files = readArgs(configOf(creds), catalogOf('full_refresh', (n) => n === 'invoices'));
      try {
        run = await measure(options.bin ?? CONNECTOR, files.args, { env: envOf(creds) });
      } finally {
        files.cleanup();
      }
    }
    if (run.exitCode !== 0) throw failure(reader, run);
    const cpu1 = await fake.cpu();
    const stats = await fake.stats();
    const result: LatencyRun = {
      ...(run.cpuMs !== undefined ? { cpuMs: run.cpuMs } : {}),
      ...(run.peakRssMb !== undefined ? { peakRssMb: run.peakRssMb } : {}),
      serverCpuMs: (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / 1000,
      reader,
      wallMs: run.wallMs,
      requests: stats.total - (stats.requests.token ?? 0),
      sent429: stats.sent429,
      throttled: stats.throttled,
      maxInFlight: stats.maxInFlight,
    };
    log(`latency ${options.invoices} ${options.label ?? reader}: ${(result.wallMs / 1000).toFixed(1)} s, ${result.requests} requests, ${result.sent429} x 429, max ${result.maxInFlight} in flight, ${cpuNote(result)}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    return result;
  } finally {
    await fake.close();
  }
}

export async function latencyBench(options: LatencyOptions): Promise<LatencyResult> {
  const pages = Math.ceil(options.invoices / 1000);
  const spread = options.latencyJitter ? ` ± ${Math.round(options.latencyJitter * 100)} % (uniform)` : '';
  log(`latency: ${options.invoices} invoices, ${options.latencyMsPer1000Rows} ms${spread} per 1000 rows, 10 in flight, 500/min enforced`);
  const connector: LatencyRun[] = [];
  for (let i = 0; i < options.runs; i++) connector.push(await once(options, 'connector'));
  const result: LatencyResult = { ...options, pages, boundMs: boundMs(pages, options.latencyMsPer1000Rows), connector };
  if (options.withSequential) result.sequential = await once(options, 'sequential');
  return result;
}
