// The per-stream state of entity streams: {"v": 1, "cursor": "<MetaData.LastUpdatedTime>"}.
// A resumed or incremental read starts at `cursor` inclusive: records of that second are read again
// (harmless under dedup), so a checkpoint never has to know whether its second was complete;
// `seen` lists what was already emitted in that second so a resumed read skips it.
// Every state also carries `airbyte_cursor`, the official connector's own field, so a connection
// rolled back to airbyte/source-quickbooks resumes from it instead of re-syncing.
// `deletes_since`, when present, is the instant from which hard deletes have not been read yet
// (a first sync records when it began, an interrupted or query-served read keeps it): the next
// read takes CDC from there, so a delete of a record emitted before an interruption still arrives.
// `emitted_ids` (emitted-ids.ts) holds the ids the stream has emitted and not tombstoned since its
// first sync: when CDC cannot reach back far enough, a key sweep (key-sweep.ts) compares them with
// the live ids and tombstones the missing ones.
import type { JsonObject } from '../cdk/index.js';
import { instantOf, isInstant, queryLiteral } from './qbo-time.js';
import { CURSOR_FIELD, findStateCursor } from './state-shapes.js';

export { CURSOR_FIELD };

export const STATE_VERSION = 1;

export interface EntityState {
  v: typeof STATE_VERSION;
  cursor: string;
  /** Id:SyncToken of records already emitted at the cursor's second (skipped on resume). */
  seen?: string[];
  /** Hard deletes since this instant are not read yet. */
  deletesSince?: string;
  /** The saved `emitted_ids` value, as found (EmittedIds.decode reads it). */
  emittedIds?: unknown;
}

/** The state key of EntityState.deletesSince. */
export const DELETES_SINCE = 'deletes_since';
/** The state key of EntityState.emittedIds. */
export const EMITTED_IDS = 'emitted_ids';

/**
 * Reads our state or any shape airbyte/source-quickbooks wrote (state-shapes.ts); undefined for
 * none. A state whose cursor cannot be found is not fatal: `warn` hears why, and the stream is read
 * in full (from start_date), as a first sync would be.
 */
export function parseEntityState(stream: string, raw: JsonObject | undefined, warn: (message: string) => void): EntityState | undefined {
  const found = findStateCursor(raw);
  if (found.kind === 'none') return undefined;
  if (found.kind === 'unreadable') {
    warn(
      `Stream ${stream}: its saved state is not one this connector can resume from: ${found.reason}. ` +
        'Reading the stream in full from start_date; the next state will be readable.',
    );
    return undefined;
  }
  const state: EntityState = found.seen === undefined ? { v: STATE_VERSION, cursor: found.cursor } : { v: STATE_VERSION, cursor: found.cursor, seen: found.seen };
  if (raw?.[EMITTED_IDS] !== undefined) state.emittedIds = raw[EMITTED_IDS];
  const deletesSince = raw?.[DELETES_SINCE];
  if (deletesSince === undefined) return state;
  if (isInstant(deletesSince)) return { ...state, deletesSince };
  warn(
    `Stream ${stream}: its state's "${DELETES_SINCE}" is not a timestamp (got ${JSON.stringify(deletesSince).slice(0, 60)}), so records hard-deleted before its cursor may not be seen; ` +
      'refresh the stream to be sure none were (README "Hard deletes").',
  );
  return state;
}

/**
 * A checkpoint. `deletesSince` is left out when it equals the cursor (a first sync that ended: CDC
 * from the cursor covers it); later than the cursor it is kept, since a read resumed from an old
 * cursor is served by queries.
 */
export function entityState(cursor: string, seen?: string[], deletesSince?: string, emittedIds?: JsonObject): JsonObject {
  // airbyte/source-quickbooks parses its cursor with "%Y-%m-%dT%H:%M:%S%z": whole seconds, an offset.
  const state: JsonObject = { v: STATE_VERSION, cursor };
  if (seen !== undefined) state['seen'] = seen;
  if (deletesSince !== undefined && instantOf(deletesSince) !== instantOf(cursor)) state[DELETES_SINCE] = deletesSince;
  if (emittedIds !== undefined) state[EMITTED_IDS] = emittedIds;
  state[CURSOR_FIELD] = queryLiteral(cursor);
  return state;
}
