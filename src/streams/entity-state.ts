// The per-stream state of entity streams: {"v": 1, "cursor": "<MetaData.LastUpdatedTime>"}.
// A resumed or incremental read starts at `cursor` inclusive: records of that second are read again
// (harmless under dedup), so a checkpoint never has to know whether its second was complete;
// `seen` lists what was already emitted in that second so a resumed read skips it.
import { ConfigError } from '../cdk/errors.js';
import type { JsonObject } from '../cdk/protocol.js';
import { isInstant } from './qbo-time.js';

export const STATE_VERSION = 1;

/** The record field that copies MetaData.LastUpdatedTime (airbyte/source-quickbooks' name). */
export const CURSOR_FIELD = 'airbyte_cursor';

export interface EntityState {
  v: typeof STATE_VERSION;
  cursor: string;
  /** Id:SyncToken of records already emitted at the cursor's second (skipped on resume). */
  seen?: string[];
}

/** Reads our state or airbyte/source-quickbooks' `{"airbyte_cursor": "..."}`; undefined for none. */
export function parseEntityState(stream: string, raw: JsonObject | undefined): EntityState | undefined {
  if (raw === undefined || Object.keys(raw).length === 0) return undefined;
  // Full-refresh reads of streams without timestamps checkpoint as {"v": 1}: nothing to resume from.
  if (raw['v'] === STATE_VERSION && raw['cursor'] === undefined) return undefined;
  const cursor = raw['cursor'] ?? raw['airbyte_cursor'];
  if (!isInstant(cursor)) {
    throw new ConfigError(
      `The state of stream "${stream}" has no valid cursor (got ${JSON.stringify(raw).slice(0, 200)}). ` +
        'Expected {"cursor": "<RFC 3339 timestamp>"}; fix the state or reset the stream.',
      { streamName: stream },
    );
  }
  const seen = raw['seen'];
  if (seen !== undefined && !(Array.isArray(seen) && seen.every((k) => typeof k === 'string'))) {
    throw new ConfigError(`The state of stream "${stream}" has a malformed "seen" list; fix the state or reset the stream.`, { streamName: stream });
  }
  return seen === undefined ? { v: STATE_VERSION, cursor } : { v: STATE_VERSION, cursor, seen: seen as string[] };
}

export function entityState(cursor: string, seen?: string[]): JsonObject {
  return seen === undefined ? { v: STATE_VERSION, cursor } : { v: STATE_VERSION, cursor, seen };
}
