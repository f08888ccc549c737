// npm run bench        all measurements (~20 min), tables into BENCHMARKS.md between its markers
// npm run bench:smoke  reduced run (< 2 min) that exits 1 only on gross regressions (CI)
// Options: --only cpu,latency,economy,startup   --invoices N (size of the big CPU run)
//          --random-latency (latency: only the 200k read with random 0.5-1.5 s pages)
//          --baseline DIR (the 100k CPU reads and the random-latency reads with DIR's built connector too)
//          --invoices 100000 (CPU: only the 100k size)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cpuBench, SHIPPED, type CpuResult } from './cpu.js';
import { economyBench } from './economy.js';
import { latencyBench, type LatencyResult } from './latency.js';
import { render, summarize, type Results } from './report.js';
import { startupBench } from './startup.js';
import { ROOT, unthrottledConnector } from './lib/connector.js';
import { log, machine, median } from './lib/util.js';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    invoices: { type: 'string' },
    'random-latency': { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
});
const only = values.only?.split(',');
const wants = (part: string): boolean => only === undefined || only.includes(part);
const smoke = values.smoke;
const command = smoke ? 'npm run bench:smoke' : `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
const results: Results = {};

const started = Date.now();
if (wants('startup')) results.startup = await startupBench(smoke ? 5 : 9);
if (wants('economy')) results.economy = await economyBench();
if (wants('cpu')) {
  const cpu: CpuResult[] = [];
  if (smoke) {
    cpu.push(await cpuBench({ invoices: 20_000, readers: [{ reader: SHIPPED, runs: 1 }, { reader: 'floor', runs: 1 }] }));
  } else {
    const big = Number(values.invoices ?? 1_000_000);
    const unthrottled = { label: 'connector, 500/min lifted', bin: unthrottledConnector(), config: { requests_per_minute: 1_000_000 } };
    const baseline = values.baseline ? [{ reader: { label: 'baseline', bin: join(values.baseline, 'dist/bin/source-quickbooks.js') }, runs: 3 }] : [];
    cpu.push(await cpuBench({ invoices: 100_000, readers: [{ reader: SHIPPED, runs: 3 }, ...baseline, { reader: 'floor', runs: 3 }] }));
    if (big > 100_000) cpu.push(await cpuBench({ invoices: big, readers: [{ reader: unthrottled, runs: 3 }, { reader: 'floor', runs: 3 }, { reader: SHIPPED, runs: 1 }] }));
  }
  results.cpu = cpu;
}
if (wants('latency')) {
  const latency: LatencyResult[] = [];
  if (smoke) latency.push(await latencyBench({ invoices: 20_000, latencyMsPer1000Rows: 1500, runs: 1, withSequential: false }));
  else if (!values['random-latency']) {
    latency.push(await latencyBench({ invoices: 100_000, latencyMsPer1000Rows: 1500, runs: 3, withSequential: true }));
    latency.push(await latencyBench({ invoices: 300_000, latencyMsPer1000Rows: 1500, runs: 1, withSequential: false }));
  }
  if (!smoke) {
    const random = { invoices: 200_000, latencyMsPer1000Rows: 1000, latencyJitter: 0.5, runs: 3, withSequential: false };
    // Alternating, so a change in the machine's load hits both alike.
    for (let i = 0; i < random.runs; i++) {
      latency.push(await latencyBench({ ...random, runs: 1, label: 'connector' }));
      if (values.baseline) latency.push(await latencyBench({ ...random, runs: 1, label: 'baseline', bin: join(values.baseline, 'dist/bin/source-quickbooks.js') }));
    }
  }
  results.latency = latency;
}
log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);

const tmp = join(ROOT, '.bench-tmp');
mkdirSync(tmp, { recursive: true });
writeFileSync(join(tmp, smoke ? 'smoke-results.json' : 'bench-results.json'), JSON.stringify(results, null, 2));
const header = [
  `Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}. Command: \`${command}\`.`,
  'The fake QBO server runs in its own process on the same 2 cores, so it competes with the reader for CPU: wall figures include that contention; CPU figures are the measured process alone (user + system, from its own getrusage at exit).',
];
const tables = render(results, header, command);

if (smoke) {
  process.stdout.write(`${tables}\n`);
  const problems = gates(results);
  for (const p of problems) process.stderr.write(`SMOKE FAIL: ${p}\n`);
  process.exit(problems.length > 0 ? 1 : 0);
} else {
  const file = join(ROOT, 'BENCHMARKS.md');
  const START = '<!-- bench:generated:start -->';
  const END = '<!-- bench:generated:end -->';
  const block = `${START}\n${tables}\n${END}`;
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const a = existing.indexOf(START);
  const b = existing.indexOf(END);
  const next = a >= 0 && b > a ? existing.slice(0, a) + block + existing.slice(b + END.length) : `${existing}\n${block}\n`;
  writeFileSync(file, next);
  log(`wrote ${file}`);
}

/** Gross regressions only: the smoke run is noisy and shares CI's CPU. */
function gates(r: Results): string[] {
  const out: string[] = [];
  if (r.economy) {
    if (r.economy.initial.total > r.economy.initialTarget) out.push(`initial sync used ${r.economy.initial.total} requests, target ${r.economy.initialTarget}`);
    if (r.economy.incremental.total > 8) out.push(`incremental sync with no changes used ${r.economy.incremental.total} requests, target 8`);
  }
  for (const c of r.cpu ?? []) {
    const connector = c.runs['connector'];
    const floor = c.runs['floor'];
    if (!connector || !floor) continue;
    const s = summarize(c.invoices, 'connector', connector);
    const f = summarize(c.invoices, 'floor', floor);
    if (s.maxPeakRssMb > 200) out.push(`connector peak RSS ${s.maxPeakRssMb.toFixed(0)} MB at ${c.invoices} invoices (limit 200)`);
    if (s.cpuS > 3 * f.cpuS) out.push(`connector used ${s.cpuS.toFixed(1)} s CPU, more than 3x the floor's ${f.cpuS.toFixed(1)} s`);
  }
  for (const l of r.latency ?? []) {
    const wall = median(l.connector.map((c) => c.wallMs));
    const sent = Math.max(...l.connector.map((c) => c.sent429));
    if (sent > 0) out.push(`the fake sent ${sent} 429s to the connector`);
    // First page and COUNT are sequential; on 20 pages they weigh more than on 100, hence 2x.
    if (wall > 2 * l.boundMs) out.push(`latency run took ${(wall / 1000).toFixed(1)} s, more than 2x the bound ${(l.boundMs / 1000).toFixed(1)} s`);
  }
  if (r.startup) {
    if (!r.startup.discoverOffline) out.push('discover failed with the API host unreachable (it must not use the network)');
    if (median(r.startup.specMs) > 1000) out.push(`spec took ${median(r.startup.specMs).toFixed(0)} ms (limit 1000)`);
    if (median(r.startup.discoverMs) > 1500) out.push(`discover took ${median(r.startup.discoverMs).toFixed(0)} ms (limit 1500)`);
  }
  return out;
}
