// Which stream a logged request served: /query by its FROM entity, reports by name, plain GETs by path;
// the token endpoint, CDC and batch calls (one call for many streams) get their own rows.
import { entityByName, entityByPath } from '../fake-qbo/entities.js';
import type { LoggedRequest } from './recording-proxy.js';

export const TOKEN_ROW = '(oauth token)';
export const CDC_ROW = '(cdc, shared)';
export const BATCH_ROW = '(batch, shared)';

const snake = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

export function streamOfRequest(request: LoggedRequest): string {
  if (request.kind === 'token') return TOKEN_ROW;
  const url = new URL(request.url, 'http://x');
  const segments = url.pathname.split('/').filter(Boolean); // v3 company <realm> <what> ...
  const what = (segments[3] ?? '').toLowerCase();
  if (what === 'cdc') return CDC_ROW;
  if (what === 'batch') return BATCH_ROW;
  if (what === 'reports') return `report_${snake(segments[4] ?? 'unknown')}`;
  if (what === 'query') {
    const from = /\bFROM\s+(\w+)/i.exec(url.searchParams.get('query') ?? '');
    return (from && entityByName(from[1] as string)?.stream) ?? '(query)';
  }
  return entityByPath(what)?.stream ?? `(${what || 'other'})`;
}

/** Request counts per stream row. */
export function requestsPerStream(log: readonly LoggedRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of log) counts.set(streamOfRequest(r), (counts.get(streamOfRequest(r)) ?? 0) + 1);
  return counts;
}
