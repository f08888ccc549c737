// One entity's records: a generated base sequence (record i is a pure function of i, never stored) plus an
// overlay of mutations (updated and created records, tombstones). Pages ordered by LastUpdatedTime or Id
// are located by binary search and rank arithmetic, so a late page of a million records costs about as
// much as the first one: O(overlay * log n + page size).
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import type { BaseSource } from './source.js';
import { countIn, insertSorted, kthNotExcluded, lowerBound, removeSorted } from './sorted.js';

/** A current record with its position keys: `seq` orders by Id (1-based), `lut` is epoch seconds. */
export interface Entry {
  seq: number;
  lut: number;
  rec: JsonObject;
}

export interface Tombstone {
  seq: number;
  key: string;
  /** Deletion time, epoch seconds. */
  at: number;
}

/** The records whose LastUpdatedTime lies in [from, to], in (lut, seq) order. */
export interface LutRange {
  lo: number;
  hi: number;
  /** Base indexes in [lo, hi) replaced by the overlay (updated or deleted). */
  excluded: number[];
  /** Overlay entries inside the time bounds, sorted by (lut, seq). */
  overlay: Entry[];
  total: number;
}

export interface TableOptions {
  /** The object that carries Id and MetaData (RecurringTransaction rows wrap it). */
  view?: (rec: JsonObject) => JsonObject;
  /** The record key: Id, or for ExchangeRate "EUR:2024-01-31". */
  key?: (view: JsonObject) => string;
}

const unwrapSelf = (rec: JsonObject): JsonObject => rec;
const idKey = (view: JsonObject): string => String(view.Id);

export class Table {
  readonly view: (rec: JsonObject) => JsonObject;
  readonly keyOf: (view: JsonObject) => string;
  /** Base records built so far (tests assert that large tables are never materialised). */
  generated = 0;
  private readonly overlay = new Map<number, Entry>();
  private readonly tombstoneList: Tombstone[] = [];
  private readonly deletedSeqs = new Set<number>();
  /** Base indexes that are updated or deleted (not in the base LUT sequence any more). */
  private readonly touched: number[] = [];
  /** Base indexes that are deleted (not in the Id sequence any more). */
  private readonly gone: number[] = [];
  /** Seqs of live created records, ascending. */
  private readonly created: number[] = [];
  private nextSeq: number;
  private byLut: Entry[] | undefined;
  private keyIndex: Map<string, number> | undefined;

  constructor(
    readonly name: string,
    private readonly base: BaseSource,
    opts: TableOptions = {},
  ) {
    this.view = opts.view ?? unwrapSelf;
    this.keyOf = opts.key ?? idKey;
    this.nextSeq = base.count + 1;
  }

  get baseCount(): number {
    return this.base.count;
  }

  /** Live records. */
  get size(): number {
    return this.base.count - this.gone.length + this.created.length;
  }

  /** Next seq a created record gets (its Id for Id-keyed entities). */
  peekSeq(): number {
    return this.nextSeq;
  }

  private baseEntry(i: number): Entry {
    this.generated++;
    return { seq: i + 1, lut: this.base.lut(i), rec: this.base.record(i) };
  }

  /** The live record with this seq. */
  entry(seq: number): Entry | undefined {
    const o = this.overlay.get(seq);
    if (o) return o;
    if (seq < 1 || seq > this.base.count || this.deletedSeqs.has(seq)) return undefined;
    return this.baseEntry(seq - 1);
  }

  /** LastUpdatedTime of a live seq without building the record. */
  lutOf(seq: number): number | undefined {
    const o = this.overlay.get(seq);
    if (o) return o.lut;
    if (seq < 1 || seq > this.base.count || this.deletedSeqs.has(seq)) return undefined;
    return this.base.lut(seq - 1);
  }

  /** Seq of a key (Id), live or deleted; undefined if never existed. */
  seqOf(key: string): number | undefined {
    if (this.keyOf === idKey) {
      if (!/^[1-9]\d*$/.test(key)) return undefined;
      const seq = Number(key);
      return seq < this.nextSeq ? seq : undefined;
    }
    if (!this.keyIndex) {
      this.keyIndex = new Map();
      for (let i = 0; i < this.base.count; i++) this.keyIndex.set(this.keyOf(this.view(this.base.record(i))), i + 1);
      for (const [seq, e] of this.overlay) this.keyIndex.set(this.keyOf(this.view(e.rec)), seq);
    }
    return this.keyIndex.get(key);
  }

  isDeleted(seq: number): boolean {
    return this.deletedSeqs.has(seq);
  }

  /** Replace (update) a live record. */
  put(seq: number, rec: JsonObject, lut: number): void {
    if (seq <= this.base.count) insertSorted(this.touched, seq - 1);
    this.overlay.set(seq, { seq, lut, rec });
    this.byLut = undefined;
  }

  /** Add a record under a fresh seq (see peekSeq). */
  add(rec: JsonObject, lut: number): number {
    const seq = this.nextSeq++;
    this.overlay.set(seq, { seq, lut, rec });
    this.created.push(seq);
    this.byLut = undefined;
    this.keyIndex?.set(this.keyOf(this.view(rec)), seq);
    return seq;
  }

  /** Hard-delete a live record, leaving a tombstone for CDC. */
  remove(seq: number, at: number): void {
    const e = this.entry(seq);
    if (!e) return;
    this.tombstoneList.push({ seq, key: this.keyOf(this.view(e.rec)), at });
    this.deletedSeqs.add(seq);
    this.overlay.delete(seq);
    if (seq <= this.base.count) {
      insertSorted(this.touched, seq - 1);
      insertSorted(this.gone, seq - 1);
    } else removeSorted(this.created, seq);
    this.byLut = undefined;
  }

  tombstones(): readonly Tombstone[] {
    return this.tombstoneList;
  }

  /** Live seqs in Id order. */
  *seqs(): Generator<number> {
    let g = 0;
    for (let i = 0; i < this.base.count; i++) {
      if (this.gone[g] === i) {
        g++;
        continue;
      }
      yield i + 1;
    }
    yield* this.created.slice();
  }

  /** Entries at Id-order ranks [start, start + count), reversed ranks when desc. */
  idWindow(start: number, count: number, desc: boolean): Entry[] {
    const total = this.size;
    const [from, n] = window(total, start, count, desc);
    const out: Entry[] = [];
    const baseAlive = this.base.count - this.gone.length;
    let rank = from;
    if (rank < baseAlive) {
      let i = kthNotExcluded(0, rank, this.gone);
      let g = lowerBound(this.gone, i);
      while (out.length < n && i < this.base.count) {
        if (this.gone[g] === i) {
          g++;
          i++;
          continue;
        }
        out.push(this.entry(i + 1) as Entry);
        i++;
        rank++;
      }
    }
    for (let k = rank - baseAlive; out.length < n && k < this.created.length; k++) {
      out.push(this.overlay.get(this.created[k] as number) as Entry);
    }
    return desc ? out.reverse() : out;
  }

  private sortedOverlay(): Entry[] {
    if (!this.byLut) this.byLut = [...this.overlay.values()].sort((a, b) => a.lut - b.lut || a.seq - b.seq);
    return this.byLut;
  }

  /** First base index whose key (lut, seq) is >= (lut, seq), within [lo, hi). */
  private baseIndexAtOrAfter(lo: number, hi: number, lut: number, seq: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.base.lut(mid);
      if (t < lut || (t === lut && mid + 1 < seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Records with from <= LastUpdatedTime <= to (epoch seconds, inclusive; undefined = open). */
  lutRange(from: number | undefined, to: number | undefined): LutRange {
    const n = this.base.count;
    const lo = from === undefined ? 0 : this.baseIndexAtOrAfter(0, n, from, 0);
    const hi = to === undefined ? n : this.baseIndexAtOrAfter(lo, n, to + 1, 0);
    const excluded = this.touched.slice(lowerBound(this.touched, lo), lowerBound(this.touched, hi));
    const ov = this.sortedOverlay();
    let a = 0;
    let b = ov.length;
    if (from !== undefined) while (a < b && (ov[a] as Entry).lut < from) a++;
    if (to !== undefined) while (b > a && (ov[b - 1] as Entry).lut > to) b--;
    const overlay = ov.slice(a, b);
    return { lo, hi, excluded, overlay, total: hi - lo - excluded.length + overlay.length };
  }

  /** Entries at (lut, seq)-order ranks [start, start + count) of a range; reversed ranks when desc. */
  lutWindow(range: LutRange, start: number, count: number, desc: boolean): Entry[] {
    const [from, n] = window(range.total, start, count, desc);
    const out: Entry[] = [];
    if (n <= 0) return out;
    const { lo, hi, excluded, overlay } = range;
    const baseBefore = (e: Entry): number => {
      const j = this.baseIndexAtOrAfter(lo, hi, e.lut, e.seq);
      return j - lo - countIn(excluded, lo, j);
    };
    let k = 0;
    while (k < overlay.length && k + baseBefore(overlay[k] as Entry) < from) k++;
    let i = kthNotExcluded(lo, from - k, excluded);
    let x = lowerBound(excluded, i);
    while (out.length < n) {
      while (x < excluded.length && excluded[x] === i) {
        x++;
        i++;
      }
      const o = overlay[k];
      if (i < hi) {
        const t = this.base.lut(i);
        if (!o || t < o.lut || (t === o.lut && i + 1 < o.seq)) {
          out.push(this.baseEntry(i));
          i++;
          continue;
        }
      }
      if (!o) break;
      out.push(o);
      k++;
    }
    return desc ? out.reverse() : out;
  }
}

/** Ascending [from, count) of the ranks [start, start+count) counted from the end when desc. */
function window(total: number, start: number, count: number, desc: boolean): [number, number] {
  if (start >= total || count <= 0) return [0, 0];
  if (!desc) return [start, Math.min(count, total - start)];
  const end = total - start;
  const from = Math.max(0, end - count);
  return [from, end - from];
}
