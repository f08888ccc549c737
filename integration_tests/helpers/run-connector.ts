// Spawns the built Airbyte executable the way the platform does: config, catalog and state written to files
// in a temp dir, stdout parsed line by line into validated AirbyteMessages, stderr kept for inspection.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMessageLine, type AirbyteMessage } from './messages.js';
import { assertBuilt, CONNECTOR_BIN } from './repo-paths.js';

export type Command = 'spec' | 'check' | 'discover' | 'read' | 'replay';

/** A file's content: a value written as JSON, or a string written as is (for malformed input tests). */
export type FileContent = unknown;

export interface RunOptions {
  config?: FileContent;
  catalog?: FileContent;
  state?: FileContent;
  /** Added to a minimal environment (PATH, TMPDIR); e.g. QBO_BASE_URL / QBO_TOKEN_URL. */
  env?: Record<string, string>;
  /** SIGKILL and fail after this long (default 120 s). */
  timeoutMs?: number;
  /** Sees every message as it arrives; may kill the child (e.g. after the k-th STATE). */
  onMessage?: (message: AirbyteMessage, child: ChildProcess) => void;
  /** Appended to the arguments (e.g. `--archive DIR`, or replay's run directory). */
  extraArgs?: string[];
}

export interface RunResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  messages: AirbyteMessage[];
  stdout: string;
  stderr: string;
  durationMs: number;
  /** argv after the executable (file paths point into a temp dir that no longer exists). */
  args: string[];
}

function write(dir: string, name: string, content: FileContent): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function argsFor(command: Command, dir: string, options: RunOptions): string[] {
  const args: string[] = [command];
  if (options.config !== undefined) args.push('--config', write(dir, 'config.json', options.config));
  if (options.catalog !== undefined) args.push('--catalog', write(dir, 'catalog.json', options.catalog));
  if (options.state !== undefined) args.push('--state', write(dir, 'state.json', options.state));
  args.push(...(options.extraArgs ?? []));
  return args;
}

function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'TMPDIR', 'LANG', 'SYSTEMROOT']) {
    const v = process.env[key];
    if (v !== undefined) env[key] = v;
  }
  return env;
}

/**
 * Run one command. Rejects when stdout carries a line that is not a valid AirbyteMessage (a protocol
 * violation), except a torn last line after the test itself killed the process.
 */
export async function runConnector(command: Command, options: RunOptions = {}): Promise<RunResult> {
  assertBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'qbo-connector-'));
  const started = Date.now();
  try {
    const args = argsFor(command, dir, options);
    const child = spawn(process.execPath, [CONNECTOR_BIN, ...args], {
      cwd: dir,
      env: { ...baseEnv(), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const messages: AirbyteMessage[] = [];
    const problems: string[] = [];
    let stdout = '';
    let stderr = '';
    let pending = '';
    let lineNo = 0;
    let killedByUs = false;
    const originalKill = child.kill.bind(child);
    child.kill = (signal?: NodeJS.Signals | number): boolean => {
      killedByUs = true;
      return originalKill(signal);
    };
    const take = (line: string): void => {
      lineNo++;
      try {
        const message = parseMessageLine(line, lineNo);
        messages.push(message);
        if (!killedByUs) options.onMessage?.(message, child);
      } catch (error) {
        problems.push((error as Error).message);
      }
    };
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        take(line);
      }
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      originalKill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, sig) => resolve([code, sig]));
    });
    clearTimeout(timer);
    // A line torn by our own kill is expected; any other unterminated output is still checked.
    if (pending !== '' && !killedByUs) take(pending);
    if (timedOut) throw new Error(`connector ${command} timed out after ${options.timeoutMs ?? 120_000} ms; stderr: ${stderr.slice(-2000)}`);
    if (problems.length > 0) throw new Error(`connector ${command} broke the protocol:\n${problems.slice(0, 10).join('\n')}`);
    return { exitCode, signal, messages, stdout, stderr, durationMs: Date.now() - started, args };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
