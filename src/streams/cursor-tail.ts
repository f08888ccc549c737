// The records already emitted in the cursor's own second. Reads resume inclusively (QBO timestamps
// have one-second precision, so a second may hold records not read yet), and these keys let the
// resumed read skip what it already emitted. A key is Id + SyncToken: a record edited again
// within the same second has a new SyncToken and is emitted again, so nothing is lost. Times
// compare as instants: the saved cursor and the rows may print that second in different offsets.
import { DELETED_AT, type JsonObject } from '../cdk/index.js';
import { lastUpdatedMs } from './cursor-window-reader.js';
import { instantOf } from './qbo-time.js';

/** Past this many records in one second the keys are not kept (the state stays small); they are re-read. */
export const MAX_TAIL_KEYS = 200;

export function tailKeyOf(row: JsonObject): string {
  const deleted = row[DELETED_AT] !== undefined;
  return `${String(row['Id'])}:${deleted ? 'deleted' : String(row['SyncToken'] ?? '')}`;
}

export class CursorTail {
  private keys: Set<string>;
  private skipping: boolean;
  /** The cursor's instant (epoch ms); NaN when there is none. */
  private time: number;

  constructor(time: string | undefined, seen: readonly string[] = []) {
    this.time = time === undefined ? Number.NaN : instantOf(time);
    this.keys = new Set(seen);
    this.skipping = this.keys.size > 0;
  }

  /** Drops rows at the resumed second that were emitted before; stops looking past that second. */
  skipSeen(rows: JsonObject[]): JsonObject[] {
    if (!this.skipping) return rows;
    const kept: JsonObject[] = [];
    for (const row of rows) {
      const t = lastUpdatedMs(row);
      if (t === this.time && this.keys.has(tailKeyOf(row))) continue;
      if (t !== this.time) this.skipping = false;
      kept.push(row);
    }
    return kept;
  }

  /** Account for a page whose rows end at `checkpoint` (rows in cursor order). */
  advance(rows: readonly JsonObject[], checkpoint: string): void {
    const at = this.moveTo(checkpoint);
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i] as JsonObject;
      if (lastUpdatedMs(row) !== at) break;
      if (this.keys.size <= MAX_TAIL_KEYS) this.keys.add(tailKeyOf(row));
    }
  }

  /** Same, for rows in no particular order (a CDC answer lists deletions after the rest). */
  advanceUnordered(rows: readonly JsonObject[], checkpoint: string): void {
    const at = this.moveTo(checkpoint);
    for (const row of rows) {
      if (lastUpdatedMs(row) === at && this.keys.size <= MAX_TAIL_KEYS) this.keys.add(tailKeyOf(row));
    }
  }

  /** Make `checkpoint`'s second the current one (forgetting the keys of another); its instant. */
  private moveTo(checkpoint: string): number {
    const at = instantOf(checkpoint);
    if (at !== this.time) {
      this.time = at;
      this.keys = new Set();
    }
    return at;
  }

  /** The keys to save with the cursor, or undefined when there are none or too many. */
  seen(): string[] | undefined {
    return this.keys.size === 0 || this.keys.size > MAX_TAIL_KEYS ? undefined : [...this.keys];
  }
}
