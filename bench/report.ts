// Turns benchmark results into BENCHMARKS.md tables (and smoke-gate verdicts).
import type { CpuResult, Run } from './cpu.js';
import type { EconomyResult } from './economy.js';
import type { LatencyResult } from './latency.js';
import type { StartupResult } from './startup.js';
import { fmt, median } from './lib/util.js';

export interface Results {
  startup?: StartupResult;
  economy?: EconomyResult;
  cpu?: CpuResult[];
  latency?: LatencyResult[];
}

const yes = (ok: boolean): string => (ok ? '**met**' : '**missed**');
const pct = (x: number): string => `${fmt(x * 100, 0)} %`;
const med = (runs: Run[], key: keyof Run): number => median(runs.map((r) => r[key]));

export interface CpuSummary {
  label: string;
  runs: number;
  wallS: number;
  recPerS: number;
  cpuS: number;
  recPerCpuS: number;
  serverCpuS: number;
  peakRssMb: number;
  maxPeakRssMb: number;
  requests: number;
}

export function summarize(invoices: number, label: string, runs: Run[]): CpuSummary {
  const wallS = med(runs, 'wallMs') / 1000;
  const cpuS = med(runs, 'cpuMs') / 1000;
  return {
    label,
    runs: runs.length,
    wallS,
    recPerS: invoices / wallS,
    cpuS,
    recPerCpuS: invoices / cpuS,
    serverCpuS: med(runs, 'serverCpuMs') / 1000,
    peakRssMb: med(runs, 'peakRssMb'),
    maxPeakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    requests: med(runs, 'requests'),
  };
}

function cpuSection(results: CpuResult[], command: string): string[] {
  const out = ['## 1. CPU path vs floor (zero latency, throttles off, stdout to /dev/null)', ''];
  out.push('| invoices | reader | runs | wall s (median) | records/s wall | CPU s (median) | records per CPU-s | fake server CPU s | peak RSS MB | requests |');
  out.push('|---|---|---|---|---|---|---|---|---|---|');
  const verdicts: string[] = [];
  for (const r of results) {
    const floor = r.runs['floor'] ? summarize(r.invoices, 'floor', r.runs['floor']) : undefined;
    for (const [label, runs] of Object.entries(r.runs)) {
      const s = summarize(r.invoices, label, runs);
      out.push(`| ${fmt(r.invoices)} | ${label} | ${s.runs} | ${fmt(s.wallS, 1)} | ${fmt(s.recPerS)} | ${fmt(s.cpuS, 1)} | ${fmt(s.recPerCpuS)} | ${fmt(s.serverCpuS, 1)} | ${fmt(s.peakRssMb)} | ${fmt(s.requests)} |`);
      if (floor && label !== 'floor') {
        const wall = s.recPerS / floor.recPerS;
        const cpu = s.recPerCpuS / floor.recPerCpuS;
        verdicts.push(`| ${fmt(r.invoices)} | ${label} | ${pct(wall)} | ${pct(cpu)} | ≥ 85 % | wall ${yes(wall >= 0.85)}, CPU ${yes(cpu >= 0.85)} |`);
      }
    }
  }
  out.push('', '| invoices | reader | records/s vs floor (wall) | records per CPU-s vs floor | target | verdict |', '|---|---|---|---|---|---|', ...verdicts);
  out.push('', `Command: \`${command}\`.`);
  return out;
}

function memorySection(results: CpuResult[]): string[] {
  const out = ['## 2. Memory: peak RSS (VmHWM at exit) of the connector process', ''];
  out.push('| invoices | reader | runs | peak RSS MB (median) | max | target | verdict |', '|---|---|---|---|---|---|---|');
  const byN: { n: number; mb: number }[] = [];
  for (const r of results) {
    for (const [label, runs] of Object.entries(r.runs)) {
      const s = summarize(r.invoices, label, runs);
      const isConnector = label === 'connector';
      out.push(`| ${fmt(r.invoices)} | ${label} | ${s.runs} | ${fmt(s.peakRssMb)} | ${fmt(s.maxPeakRssMb)} | ${isConnector ? '< 150 MB' : '(reference)'} | ${isConnector ? yes(s.maxPeakRssMb < 150) : ''} |`);
      if (isConnector) byN.push({ n: r.invoices, mb: s.peakRssMb });
    }
  }
  if (byN.length >= 2) {
    const mbs = byN.map((b) => b.mb);
    const spread = Math.max(...mbs) / Math.min(...mbs) - 1;
    out.push('', `Connector (shipped config) peak RSS across sizes ${byN.map((b) => `${fmt(b.n)}: ${fmt(b.mb)} MB`).join(', ')}: spread ${pct(spread)} (target within 10 %: ${yes(spread <= 0.1)}).`);
  }
  return out;
}

function latencySection(results: LatencyResult[], command: string): string[] {
  const out = ['## 3. Wall time under QBO limits (10 in flight, 500/min enforced by the fake)', ''];
  out.push('| invoices | latency per 1000-row page | pages | bound s | reader | runs | wall s (median) | wall / bound | target | requests | 429s sent | max in flight |');
  out.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const bound = r.boundMs / 1000;
    const wall = median(r.connector.map((c) => c.wallMs)) / 1000;
    const sent429 = Math.max(...r.connector.map((c) => c.sent429));
    const latency = r.latencyJitter
      ? `${fmt((r.latencyMsPer1000Rows * (1 - r.latencyJitter)) / 1000, 1)}-${fmt((r.latencyMsPer1000Rows * (1 + r.latencyJitter)) / 1000, 1)} s (uniform)`
      : `${fmt(r.latencyMsPer1000Rows / 1000, 1)} s`;
    const head = `| ${fmt(r.invoices)} | ${latency} | ${r.pages} | ${fmt(bound, 1)} |`;
    out.push(`${head} ${r.label ?? 'connector'} | ${r.connector.length} | ${fmt(wall, 1)} | ${fmt(wall / bound, 2)} | ≤ 1.15, 0 × 429: ${yes(wall / bound <= 1.15 && sent429 === 0)} | ${fmt(median(r.connector.map((c) => c.requests)))} | ${sent429} | ${Math.max(...r.connector.map((c) => c.maxInFlight))} |`);
    if (r.sequential) {
      const s = r.sequential;
      out.push(`${head} sequential STARTPOSITION reader | 1 | ${fmt(s.wallMs / 1000, 1)} | ${fmt(s.wallMs / r.boundMs, 2)} | (contrast) | ${s.requests} | ${s.sent429} | ${s.maxInFlight} |`);
    }
  }
  out.push('', 'Bound = pages / min(10 / latency_s, 500 / 60) s (mean latency when it is random), pages = ceil(invoices / 1000). Wall time is spawn to exit (Node start-up, token call, first page, COUNT included).', `Command: \`${command}\`.`);
  return out;
}

function economySection(e: EconomyResult, command: string): string[] {
  const endpoints = (c: EconomyResult['initial']): string =>
    Object.entries(c.requests)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  const counts = Object.values(e.initial.queriesByEntity).reduce((s, q) => s + q.counts, 0);
  return [
    '## 4. API-call economy (default fake company, 40 entity streams)',
    '',
    '| sync | HTTP requests (token call excluded) | by endpoint | queries executed (batch items one by one) | target | verdict |',
    '|---|---|---|---|---|---|',
    `| initial, all entity streams | ${e.initial.total} | ${endpoints(e.initial)} | ${Object.values(e.initial.queriesByEntity).reduce((s, q) => s + q.pages + q.counts, 0)} (${counts} COUNT) | ≤ Σ ceil(rows/1000) = ${e.initialTarget} | ${yes(e.initial.total <= e.initialTarget)} |`,
    `| incremental, no changes | ${e.incremental.total} | ${endpoints(e.incremental)} | ${Object.values(e.incremental.queriesByEntity).reduce((s, q) => s + q.pages + q.counts, 0)} | ≤ 8 | ${yes(e.incremental.total <= 8)} |`,
    `| report_ streams (trial balance, P&L, balance sheet; 2 months back + current) | ${e.reports.total} | ${endpoints(e.reports)} | n/a | (reported separately) | |`,
    '',
    `Token calls: ${e.initial.token} + ${e.incremental.token} + ${e.reports.token} (one per sync). 429s: ${e.initial.sent429 + e.incremental.sent429 + e.reports.sent429}. Rows of the initial sync: ${Object.values(e.initial.records).reduce((a, b) => a + b, 0)} in ${Object.keys(e.initial.records).length} streams (largest: invoices ${e.initial.records['invoices'] ?? 0}).`,
    `Command: \`${command}\`.`,
  ];
}

function startupSection(s: StartupResult, command: string): string[] {
  const spec = median(s.specMs);
  const discover = median(s.discoverMs);
  return [
    '## 5. Start-up (spawn to exit)',
    '',
    '| command | runs | median ms | min–max ms | target | verdict |',
    '|---|---|---|---|---|---|',
    `| spec | ${s.runs} | ${fmt(spec)} | ${fmt(Math.min(...s.specMs))}–${fmt(Math.max(...s.specMs))} | < 200 ms | ${yes(spec < 200)} |`,
    `| discover (API host on a closed port) | ${s.runs} | ${fmt(discover)} | ${fmt(Math.min(...s.discoverMs))}–${fmt(Math.max(...s.discoverMs))} | < 300 ms, no network | ${yes(discover < 300 && s.discoverOffline)} (offline: ${s.discoverOffline ? 'succeeded' : 'FAILED'}) |`,
    '',
    `Command: \`${command}\`.`,
  ];
}

export function render(results: Results, header: string[], command: string): string {
  const out = [...header, ''];
  if (results.cpu) out.push(...cpuSection(results.cpu, command), '', ...memorySection(results.cpu), '');
  if (results.latency) out.push(...latencySection(results.latency, command), '');
  if (results.economy) out.push(...economySection(results.economy, command), '');
  if (results.startup) out.push(...startupSection(results.startup, command), '');
  return out.join('\n');
}
