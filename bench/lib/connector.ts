// Running the built connector against a fake: config and catalog files, and the argv of `read`.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FakeCreds } from './fake-process.js';

/** The repository root (dist/bench/lib -> ../../..). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CONNECTOR = join(ROOT, 'dist/bin/source-quickbooks.js');
export const START_DATE = '2000-01-01T00:00:00Z';

type CatalogEntry = { stream: { name: string }; sync_mode: string } & Record<string, unknown>;

/** Streams of catalog/<kind>.json, optionally only `names`, optionally forced to one sync mode. */
export function catalogOf(kind: 'full_refresh' | 'incremental', filter: (name: string) => boolean = () => true): { streams: CatalogEntry[] } {
  const all = JSON.parse(readFileSync(join(ROOT, 'catalog', `${kind}.json`), 'utf8')) as { streams: CatalogEntry[] };
  return { streams: all.streams.filter((s) => filter(s.stream.name)) };
}

export function configOf(creds: FakeCreds, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    client_id: creds.clientId,
    client_secret: creds.clientSecret,
    refresh_token: creds.refreshToken,
    realm_id: creds.realmId,
    start_date: START_DATE,
    ...extra,
  };
}

export function envOf(creds: Pick<FakeCreds, 'url' | 'tokenUrl'>): Record<string, string> {
  return { QBO_BASE_URL: creds.url, QBO_TOKEN_URL: creds.tokenUrl };
}

/** Writes the files of one run into a fresh temp dir; returns read's argv and a cleanup. */
export function readArgs(config: unknown, catalog: unknown, state?: unknown): { args: string[]; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'qbo-bench-run-'));
  const file = (name: string, value: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };
  const args = ['read', '--config', file('config.json', config), '--catalog', file('catalog.json', catalog)];
  if (state !== undefined) args.push('--state', file('state.json', state));
  return { args, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A copy of the built connector whose spec lets requests_per_minute go past QBO's 500 (the shipped
 * spec caps it, and no env override exists). Only for the zero-latency CPU benchmark, where the
 * 500/min limiter, not the code, would otherwise set the pace. Returns its executable.
 */
export function unthrottledConnector(): string {
  const home = join(ROOT, '.bench-tmp', 'unthrottled');
  rmSync(home, { recursive: true, force: true });
  mkdirSync(join(home, 'dist'), { recursive: true });
  for (const d of ['bin', 'src']) cpSync(join(ROOT, 'dist', d), join(home, 'dist', d), { recursive: true });
  for (const d of ['schemas', 'catalog', 'node_modules']) if (existsSync(join(ROOT, d))) symlinkSync(join(ROOT, d), join(home, d));
  cpSync(join(ROOT, 'package.json'), join(home, 'package.json'));
  const spec = JSON.parse(readFileSync(join(ROOT, 'spec.json'), 'utf8')) as {
    connectionSpecification: { properties: Record<string, { maximum?: number }> };
  };
  const rpm = spec.connectionSpecification.properties['requests_per_minute'];
  if (rpm) rpm.maximum = 1_000_000;
  writeFileSync(join(home, 'spec.json'), JSON.stringify(spec));
  return join(home, 'dist/bin/source-quickbooks.js');
}
