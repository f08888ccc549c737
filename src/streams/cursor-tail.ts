// The records already emitted in the cursor's own second. Reads resume inclusively (QBO timestamps
// have one-second precision, so a second may hold records not read yet), and these keys let the
// resumed read skip what it already emitted. A key is Id + SyncToken: a record edited again
// within the same second has a new SyncToken and is emitted again, so nothing is lost.
import type { JsonObject } from '../cdk/protocol.js';
import { lastUpdatedOf } from './cursor-window-reader.js';
import { DELETED_AT } from '../cdk/deletes.js';

/** Past this many records in one second the keys are not kept (the state stays small); they are re-read. */
export const MAX_TAIL_KEYS = 200;

export function tailKeyOf(row: JsonObject): string {
  const deleted = row[DELETED_AT] !== undefined;
  return `${String(row['Id'])}:${deleted ? 'deleted' : String(row['SyncToken'] ?? '')}`;
}

export class CursorTail {
  private keys: Set<string>;
  private skipping: boolean;

  constructor(
    private time: string | undefined,
    seen: readonly string[] = [],
  ) {
    this.keys = new Set(seen);
    this.skipping = this.keys.size > 0;
  }

  /** Drops rows at the resumed second that were emitted before; stops looking past that second. */
  skipSeen(rows: JsonObject[]): JsonObject[] {
    if (!this.skipping) return rows;
    const kept: JsonObject[] = [];
    for (const row of rows) {
      const t = lastUpdatedOf(row);
      if (t === this.time && this.keys.has(tailKeyOf(row))) continue;
      if (t !== this.time) this.skipping = false;
      kept.push(row);
    }
    return kept;
  }

  /** Account for a page whose rows end at `checkpoint` (rows in cursor order). */
  advance(rows: readonly JsonObject[], checkpoint: string): void {
    if (checkpoint !== this.time) {
      this.time = checkpoint;
      this.keys = new Set();
    }
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i] as JsonObject;
      if (lastUpdatedOf(row) !== checkpoint) break;
      if (this.keys.size <= MAX_TAIL_KEYS) this.keys.add(tailKeyOf(row));
    }
  }

  /** Same, for rows in no particular order (a CDC answer lists deletions after the rest). */
  advanceUnordered(rows: readonly JsonObject[], checkpoint: string): void {
    if (checkpoint !== this.time) {
      this.time = checkpoint;
      this.keys = new Set();
    }
    for (const row of rows) {
      if (lastUpdatedOf(row) === checkpoint && this.keys.size <= MAX_TAIL_KEYS) this.keys.add(tailKeyOf(row));
    }
  }

  /** The keys to save with the cursor, or undefined when there are none or too many. */
  seen(): string[] | undefined {
    return this.keys.size === 0 || this.keys.size > MAX_TAIL_KEYS ? undefined : [...this.keys];
  }
}
