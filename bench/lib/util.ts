// Small helpers shared by the benchmarks: medians, machine description, floor-process env, logging.
import { cpus, totalmem } from 'node:os';
import type { FakeCreds } from './fake-process.js';

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function machine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} cores (${model}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

/** Env for bench/floor.js: the fake's address and a refresh token. */
export function floorEnv(creds: FakeCreds): Record<string, string> {
  return {
    FAKE_URL: creds.url,
    FAKE_TOKEN_URL: creds.tokenUrl,
    FAKE_REALM_ID: creds.realmId,
    FAKE_CLIENT_ID: creds.clientId,
    FAKE_CLIENT_SECRET: creds.clientSecret,
    FAKE_REFRESH_TOKEN: creds.refreshToken,
  };
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');

/** A failed child run: its exit and the tail of its stderr/stdout, for the error message. */
export function failure(what: string, run: { exitCode: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }): Error {
  const tail = (run.stderr || run.stdout).slice(-1500);
  return new Error(`${what} failed (exit ${String(run.exitCode)}${run.signal ? `, ${run.signal}` : ''}):\n${tail}`);
}
