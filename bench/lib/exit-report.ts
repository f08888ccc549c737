// Preloaded (`node --import`) into a measured process: at exit, writes its own CPU time and peak RSS
// to $BENCH_EXIT_REPORT. In-process, so it needs no /usr/bin/time and sees exactly that process.
import { readFileSync, writeFileSync } from 'node:fs';

export interface ExitReport {
  userMs: number;
  systemMs: number;
  /** VmHWM from /proc/self/status (peak resident set), kB; getrusage's maxRSS where /proc is absent. */
  peakRssKb: number;
}

const target = process.env['BENCH_EXIT_REPORT'];
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    let peakRssKb = usage.maxRSS;
    try {
      const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
      if (hwm?.[1]) peakRssKb = Number(hwm[1]);
    } catch {
      // not Linux: keep getrusage's figure
    }
    const report: ExitReport = { userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, peakRssKb };
    writeFileSync(target, JSON.stringify(report));
  });
}
