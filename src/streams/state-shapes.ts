// Where the cursor sits in every per-stream state shape Airbyte has written for this connector's
// streams, so a connection moved over from airbyte/source-quickbooks (or back) resumes instead of
// re-syncing. Only finding the cursor lives here; what a cursor may be (a valid, plausible instant)
// is entity-state.ts's business.
//
// Shapes read:
//  - ours:                 {"v": 1, "cursor": "...", "seen": [...], "airbyte_cursor": "..."}
//  - airbyte 4.x:          {"airbyte_cursor": "..."}
//  - partitioned (older):  {"<partition key>": {"airbyte_cursor": "..."}}          (sample_state.json)
//  - low-code per-partition: {"states": [{"partition": {...}, "cursor": {"airbyte_cursor": "..."}}], "state": {...}}
//  - concurrent CDK:       {"state_type": "date-range", "slices": [{"start", "end"}], "legacy": {...}}
import { isObject, type JsonObject } from '../cdk/index.js';
import { instantOf, isInstant } from './qbo-time.js';

export const CURSOR_FIELD = 'airbyte_cursor';

export type FoundCursor =
  /** No cursor was ever saved (empty state, or a full-refresh checkpoint `{"v": 1}`). */
  | { kind: 'none' }
  | { kind: 'cursor'; cursor: string; seen?: string[] }
  /** A shape this reader does not know, or a cursor that is not a timestamp. */
  | { kind: 'unreadable'; reason: string };

/** Partition nesting deeper than this is not a state shape Airbyte writes for this connector. */
const MAX_DEPTH = 3;

function unreadable(raw: unknown, why: string): FoundCursor {
  return { kind: 'unreadable', reason: `${why} (got ${JSON.stringify(raw).slice(0, 200)})` };
}

/** The earliest of several partitions' cursors: resuming there loses nothing in any partition. */
function earliest(found: FoundCursor[]): FoundCursor | undefined {
  let best: string | undefined;
  for (const f of found) {
    if (f.kind !== 'cursor') continue;
    if (best === undefined || instantOf(f.cursor) < instantOf(best)) best = f.cursor;
  }
  return best === undefined ? undefined : { kind: 'cursor', cursor: best };
}

/**
 * The concurrent CDK's date ranges: what was synced is the first run of contiguous slices from the
 * earliest start; a gap after it was not synced, so the cursor is that run's end.
 */
function dateRangeCursor(raw: JsonObject, depth: number): FoundCursor {
  const slices = raw['slices'];
  const ranges: [number, number, string][] = [];
  if (Array.isArray(slices)) {
    for (const slice of slices) {
      if (!isObject(slice)) continue;
      const start = slice['start'];
      const end = slice['end'];
      if (isInstant(start) && isInstant(end)) ranges.push([instantOf(start), instantOf(end), end]);
    }
  }
  if (ranges.length > 0) {
    ranges.sort((a, b) => a[0] - b[0]);
    let [, reach, cursor] = ranges[0] as [number, number, string];
    for (const [start, end, text] of ranges.slice(1)) {
      if (start > reach + 1000) break; // a gap: later slices were synced out of order
      if (end > reach) [reach, cursor] = [end, text];
    }
    return { kind: 'cursor', cursor };
  }
  const legacy = raw['legacy'];
  if (isObject(legacy) && Object.keys(legacy).length > 0) return findIn(legacy, depth + 1);
  return unreadable(raw, 'a date-range state without readable slices or legacy cursor');
}

function findIn(raw: JsonObject, depth: number): FoundCursor {
  const keys = Object.keys(raw);
  if (keys.length === 0) return { kind: 'none' };
  // Our own shape first: with both present, `cursor` carries sub-second detail and `seen`.
  if ('cursor' in raw && !isObject(raw['cursor'])) {
    const cursor = raw['cursor'];
    if (!isInstant(cursor)) return unreadable(raw, 'its "cursor" is not an RFC 3339 timestamp');
    const seen = raw['seen'];
    if (seen !== undefined && !(Array.isArray(seen) && seen.every((k) => typeof k === 'string'))) {
      return unreadable(raw, 'its "seen" list is malformed');
    }
    return seen === undefined ? { kind: 'cursor', cursor } : { kind: 'cursor', cursor, seen: seen as string[] };
  }
  if (CURSOR_FIELD in raw) {
    const cursor = raw[CURSOR_FIELD];
    return isInstant(cursor) ? { kind: 'cursor', cursor } : unreadable(raw, `its "${CURSOR_FIELD}" is not a timestamp`);
  }
  // Our full-refresh checkpoint: nothing to resume from.
  if (keys.length === 1 && raw['v'] === 1) return { kind: 'none' };
  if (raw['state_type'] === 'date-range') return dateRangeCursor(raw, depth);
  if (depth >= MAX_DEPTH) return unreadable(raw, 'no cursor found');

  const states = raw['states'];
  if (Array.isArray(states)) {
    const found = states.filter(isObject).map((s) => (isObject(s['cursor']) ? findIn(s['cursor'], depth + 1) : unreadable(s, 'no cursor')));
    const global = raw['state'];
    if (isObject(global)) found.push(findIn(global, depth + 1));
    return earliest(found) ?? unreadable(raw, 'no partition has a readable cursor');
  }
  // Older states nest the cursor under a partition key: every object value is a partition.
  const partitions = keys.map((k) => raw[k]).filter(isObject);
  if (partitions.length === keys.length) {
    const found = partitions.map((p) => findIn(p, depth + 1));
    if (found.every((f) => f.kind === 'cursor')) return earliest(found) as FoundCursor;
    if (found.every((f) => f.kind === 'none')) return { kind: 'none' };
  }
  return unreadable(raw, 'no cursor found');
}

/** The cursor in one stream's `stream_state`, whatever shape Airbyte wrote it in. */
export function findStateCursor(raw: JsonObject | undefined): FoundCursor {
  return raw === undefined ? { kind: 'none' } : findIn(raw, 0);
}
