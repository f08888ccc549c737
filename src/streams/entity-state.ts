// The per-stream state of entity streams: {"v": 1, "cursor": "<MetaData.LastUpdatedTime>"}.
// A resumed or incremental read starts at `cursor` inclusive: records of that second are read again
// (harmless under dedup), so a checkpoint never has to know whether its second was complete;
// `seen` lists what was already emitted in that second so a resumed read skips it.
// Every state also carries `airbyte_cursor`, the official connector's own field, so a connection
// rolled back to airbyte/source-quickbooks resumes from it instead of re-syncing.
import type { JsonObject } from '../cdk/protocol.js';
import { queryLiteral } from './qbo-time.js';
import { CURSOR_FIELD, findStateCursor } from './state-shapes.js';

export { CURSOR_FIELD };

export const STATE_VERSION = 1;

export interface EntityState {
  v: typeof STATE_VERSION;
  cursor: string;
  /** Id:SyncToken of records already emitted at the cursor's second (skipped on resume). */
  seen?: string[];
}

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
  return found.seen === undefined ? { v: STATE_VERSION, cursor: found.cursor } : { v: STATE_VERSION, cursor: found.cursor, seen: found.seen };
}

export function entityState(cursor: string, seen?: string[]): JsonObject {
  // airbyte/source-quickbooks parses its cursor with "%Y-%m-%dT%H:%M:%S%z": whole seconds, an offset.
  const official = queryLiteral(cursor);
  return seen === undefined ? { v: STATE_VERSION, cursor, [CURSOR_FIELD]: official } : { v: STATE_VERSION, cursor, seen, [CURSOR_FIELD]: official };
}
