// 1. CPU path vs floor, and 2. peak RSS: full reads of N invoices from a zero-latency fake (its
// throttles off) with stdout to /dev/null, the connector alternating with bench/floor.ts in one run.
import { CONNECTOR, catalogOf, configOf, envOf, readArgs } from './lib/connector.js';
import { startFakeProcess, type FakeProcess } from './lib/fake-process.js';
import { measure } from './lib/measure.js';
import { failure, floorEnv, log } from './lib/util.js';

export interface Run {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  /** CPU the fake spent serving this run (it shares the 2 cores). */
  serverCpuMs: number;
  requests: number;
  sent429: number;
}

export type Reader = 'floor' | { label: string; bin: string; config?: Record<string, unknown> };

export interface CpuOptions {
  invoices: number;
  /** Each reader runs this many times, interleaved. */
  readers: { reader: Reader; runs: number }[];
  nodeArgs?: string[];
}

export interface CpuResult {
  invoices: number;
  runs: Record<string, Run[]>;
}

const FLOOR = new URL('./floor.js', import.meta.url).pathname;

async function once(fake: FakeProcess, reader: Reader, nodeArgs: string[] | undefined): Promise<Run> {
  const creds = await fake.creds();
  await fake.resetStats();
  const cpu0 = await fake.cpu();
  let run;
  if (reader === 'floor') {
    run = await measure(FLOOR, ['--concurrency', '10'], { env: floorEnv(creds), ...(nodeArgs ? { nodeArgs } : {}) });
  } else {
    const files = readArgs(configOf(creds, reader.config), catalogOf('full_refresh', (n) => n === 'invoices'));
    try {
      run = await measure(reader.bin, files.args, { env: envOf(creds), ...(nodeArgs ? { nodeArgs } : {}) });
    } finally {
      files.cleanup();
    }
  }
  const cpu1 = await fake.cpu();
  const stats = await fake.stats();
  const label = reader === 'floor' ? 'floor' : reader.label;
  if (run.exitCode !== 0 || run.cpuMs === undefined || run.peakRssMb === undefined) throw failure(label, run);
  const result: Run = {
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    peakRssMb: run.peakRssMb,
    serverCpuMs: (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / 1000,
    requests: stats.total - (stats.requests.token ?? 0),
    sent429: stats.sent429,
  };
  log(`${label}: ${(result.wallMs / 1000).toFixed(1)} s wall, ${(result.cpuMs / 1000).toFixed(1)} s CPU, ${result.peakRssMb.toFixed(0)} MB peak RSS, server ${(result.serverCpuMs / 1000).toFixed(1)} s CPU, ${result.requests} requests`);
  return result;
}

export async function cpuBench(options: CpuOptions): Promise<CpuResult> {
  log(`cpu: fake with ${options.invoices} invoices, throttles off, zero latency`);
  const fake = await startFakeProcess({ scale: { Invoice: options.invoices }, knobs: { maxInFlight: 0, perMinute: 0 } });
  const runs: Record<string, Run[]> = {};
  try {
    const most = Math.max(...options.readers.map((r) => r.runs));
    for (let i = 0; i < most; i++) {
      for (const { reader, runs: n } of options.readers) {
        if (i >= n) continue;
        const label = reader === 'floor' ? 'floor' : reader.label;
        (runs[label] ??= []).push(await once(fake, reader, options.nodeArgs));
      }
    }
  } finally {
    await fake.close();
  }
  return { invoices: options.invoices, runs };
}

/** The shipped connector with its default config (10 in flight, 500/min). */
export const SHIPPED: Reader = { label: 'connector', bin: CONNECTOR };
