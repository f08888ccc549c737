// Incremental reads of streams QBO cannot filter by time (company_info, preferences, exchange_rates):
// every row is read, and only those updated since the saved cursor are emitted. The whole table is
// seen each time, so the new cursor is the latest LastUpdatedTime of all rows, and `seen` keeps the
// keys already emitted in that second (a row updated later in the same second is still emitted).
import type { JsonObject } from '../cdk/index.js';
import { lastUpdatedOf } from './cursor-window-reader.js';
import { MAX_TAIL_KEYS, tailKeyOf } from './cursor-tail.js';
import { instantOf } from './qbo-time.js';

export class ChangedSince {
  private readonly fromMs: number | undefined;
  private readonly seenBefore: Set<string>;
  private latest: string | undefined;
  private latestMs = Number.NEGATIVE_INFINITY;
  private keysAtLatest = new Set<string>();

  /** `from` undefined: emit everything (a first sync or a full refresh); the cursor is still tracked. */
  constructor(from: string | undefined, seen: readonly string[] = []) {
    this.fromMs = from === undefined ? undefined : instantOf(from);
    this.seenBefore = new Set(seen);
    if (from !== undefined) {
      this.latest = from;
      this.latestMs = instantOf(from);
      this.keysAtLatest = new Set(seen);
    }
  }

  /** The rows to emit from one page (any order); every row moves the cursor. */
  keep(rows: readonly JsonObject[]): JsonObject[] {
    const kept: JsonObject[] = [];
    for (const row of rows) {
      const t = lastUpdatedOf(row);
      // Without a timestamp a row cannot be placed before the cursor: emit it.
      const ms = t === undefined ? Number.NaN : instantOf(t);
      if (Number.isNaN(ms)) {
        kept.push(row);
        continue;
      }
      if (this.fromMs === undefined || ms > this.fromMs || (ms === this.fromMs && !this.seenBefore.has(tailKeyOf(row)))) kept.push(row);
      if (ms > this.latestMs) {
        this.latest = t;
        this.latestMs = ms;
        this.keysAtLatest = new Set();
      }
      if (ms === this.latestMs && this.keysAtLatest.size <= MAX_TAIL_KEYS) this.keysAtLatest.add(tailKeyOf(row));
    }
    return kept;
  }

  /** The cursor to save after the whole table was read; undefined when no row had a timestamp. */
  get cursor(): string | undefined {
    return this.latest;
  }

  get seen(): string[] | undefined {
    return this.keysAtLatest.size === 0 || this.keysAtLatest.size > MAX_TAIL_KEYS ? undefined : [...this.keysAtLatest];
  }
}
