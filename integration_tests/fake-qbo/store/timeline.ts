// LastUpdatedTime of generated record i, in O(1) and non-decreasing in i, so a range of times maps to a
// range of indices by binary search. Records come in chunks; some chunks are "batch imports" whose records
// all share one second (more than 1000 of them at large scales), the others advance in small same-second
// groups, as real companies do.
import { hash32 } from '../prng.js';

/** The last ~10% of every entity's records fall in the last 20 days, so CDC always has something. */
const RECENT_SEC = 20 * 86400;

export class Timeline {
  readonly chunkSize: number;
  readonly chunks: number;
  private readonly span: number;
  /** Chunks from this one on fall in the last RECENT_SEC of history (recent activity for CDC). */
  private readonly cut: number;
  private readonly mid: number;

  constructor(
    readonly count: number,
    readonly startSec: number,
    readonly endSec: number,
    private readonly salt: number,
  ) {
    this.chunkSize = count >= 20_000 ? 2500 : Math.max(3, Math.ceil(count / 12));
    this.chunks = Math.max(1, Math.ceil(count / this.chunkSize));
    this.span = Math.max(0, endSec - startSec);
    this.cut = this.chunks >= 4 ? Math.floor(this.chunks * 0.9) : 0;
    this.mid = this.cut === 0 ? startSec : endSec - Math.min(this.span, RECENT_SEC);
  }

  private chunkStart(c: number): number {
    if (c < this.cut) return this.startSec + Math.floor((c * (this.mid - this.startSec)) / this.cut);
    return this.mid + Math.floor(((c - this.cut) * (this.endSec - this.mid)) / (this.chunks - this.cut));
  }

  /** Whether chunk c is a batch import (all records in one second). */
  isBatch(c: number): boolean {
    return c % 7 === 3 || hash32(this.salt, c) % 10 === 0;
  }

  /** Epoch seconds of record i's LastUpdatedTime. */
  lut(i: number): number {
    const c = Math.floor(i / this.chunkSize);
    const start = this.chunkStart(c);
    if (this.isBatch(c)) return start;
    const width = this.chunkStart(c + 1) - start;
    const group = 1 + (hash32(this.salt, c, 1) % 4);
    const j = i - c * this.chunkSize;
    return start + Math.floor((Math.floor(j / group) * group * width) / this.chunkSize);
  }

  /** First index whose time is >= t (count if none). */
  firstAtOrAfter(t: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lut(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
