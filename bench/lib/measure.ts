// Runs a Node script as a child process and measures it: wall time (spawn to exit, Node start-up
// included), and through the exit-report preload its CPU time and peak RSS.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { ExitReport } from './exit-report.js';

export interface Measured {
  wallMs: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** user + system CPU of the child, ms (undefined without the preload). */
  cpuMs: number | undefined;
  peakRssMb: number | undefined;
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  env?: Record<string, string>;
  /** 'null': stdout goes to /dev/null (no pipe to drain); 'capture': collected. */
  stdout?: 'null' | 'capture';
  /** Preload the exit report (off for start-up timing, where it would add a module load). */
  report?: boolean;
  timeoutMs?: number;
  cwd?: string;
  /** Node flags before the script (--cpu-prof, --trace-gc, ...). */
  nodeArgs?: string[];
}

const PRELOAD = pathToFileURL(fileURLToPath(new URL('./exit-report.js', import.meta.url))).href;
const STDERR_KEEP = 64 * 1024;

export async function measure(script: string, args: string[], options: MeasureOptions = {}): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'qbo-bench-'));
  const reportFile = join(dir, 'exit.json');
  const nullFd = options.stdout === 'capture' ? undefined : openSync('/dev/null', 'w');
  const report = options.report ?? true;
  const nodeArgs = [...(options.nodeArgs ?? []), ...(report ? ['--import', PRELOAD] : []), script, ...args];
  const started = performance.now();
  try {
    const child = spawn(process.execPath, nodeArgs, {
      cwd: options.cwd ?? process.cwd(),
      env: { PATH: process.env['PATH'] ?? '', ...options.env, ...(report ? { BENCH_EXIT_REPORT: reportFile } : {}) },
      stdio: ['ignore', nullFd ?? 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString('utf8');
      if (err.length > 2 * STDERR_KEEP) err = err.slice(-STDERR_KEEP);
    });
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('close', (code, sig) => resolve([code, sig])),
    );
    const wallMs = performance.now() - started;
    if (timer) clearTimeout(timer);
    let exit: ExitReport | undefined;
    try {
      exit = JSON.parse(readFileSync(reportFile, 'utf8')) as ExitReport;
    } catch {
      exit = undefined;
    }
    return {
      wallMs,
      exitCode,
      signal,
      cpuMs: exit ? exit.userMs + exit.systemMs : undefined,
      peakRssMb: exit ? exit.peakRssKb / 1024 : undefined,
      stdout: Buffer.concat(out).toString('utf8'),
      stderr: err.slice(-STDERR_KEEP),
    };
  } finally {
    if (nullFd !== undefined) closeSync(nullFd);
    rmSync(dir, { recursive: true, force: true });
  }
}
