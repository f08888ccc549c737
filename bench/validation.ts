// CPU cost of validate_records: full reads of N invoices (zero-latency fake, throttles off, stdout to
// /dev/null) with validation off, warn and fail, interleaved; prints a Markdown table for BENCHMARKS.md.
// Usage: npm run bench:validation [-- --invoices 100000 --runs 3]
import { parseArgs } from 'node:util';
import { cpuBench, type Reader } from './cpu.js';
import { CONNECTOR } from './lib/connector.js';
import { fmt, log, machine, median } from './lib/util.js';

const { values } = parseArgs({ options: { invoices: { type: 'string' }, runs: { type: 'string' } } });
const invoices = Number(values.invoices ?? 100_000);
const runs = Number(values.runs ?? 3);
const modes = ['off', 'warn', 'fail'] as const;
const readers: { reader: Reader; runs: number }[] = modes.map((mode) => ({
  reader: { label: `validate_records ${mode}`, bin: CONNECTOR, config: { validate_records: mode } },
  runs,
}));
const result = await cpuBench({ invoices, readers });
const base = median((result.runs['validate_records off'] ?? []).map((r) => r.cpuMs));
const lines = [
  `Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}. Command: \`npm run bench:validation -- --invoices ${invoices} --runs ${runs}\`.`,
  '',
  '| invoices | validate_records | runs | CPU s (median) | records per CPU-s | CPU vs off | wall s (median) | peak RSS MB (median) |',
  '|---|---|---|---|---|---|---|---|',
];
for (const mode of modes) {
  const rs = result.runs[`validate_records ${mode}`] ?? [];
  const cpu = median(rs.map((r) => r.cpuMs));
  lines.push(
    `| ${fmt(invoices)} | ${mode} | ${rs.length} | ${fmt(cpu / 1000, 1)} | ${fmt(invoices / (cpu / 1000))} | ${mode === 'off' ? '1.00' : fmt(cpu / base, 2)} × | ${fmt(median(rs.map((r) => r.wallMs)) / 1000, 1)} | ${fmt(median(rs.map((r) => r.peakRssMb)))} |`,
  );
}
log('done');
process.stdout.write(`${lines.join('\n')}\n`);
