// The ids a stream has emitted (and not since tombstoned), kept in its state so that a key sweep
// can tell which rows the destination may still hold after deletes CDC can no longer show (see
// key-sweep.ts). QBO Ids are integers: they are kept as sorted, disjoint ranges, written as one
// compact text (base-36 gaps and lengths); any other id goes into a plain list. Adds are buffered
// and merged in one pass when the set is read or written, so a page of 1000 rows costs one sort.

/** Beyond this many ranges (plus other ids) the set is dropped with a WARN: the state stays small. */
export const MAX_EMITTED_RANGES = 50_000;

const INTEGER_ID = /^(?:0|[1-9]\d{0,14})$/;

export class EmittedIds {
  /** Inclusive bounds of disjoint, non-adjacent ranges, ascending. */
  private starts: number[] = [];
  private ends: number[] = [];
  private readonly others = new Set<string>();
  private pending: number[] = [];

  /** Decodes `EmittedIds.encode()`'s value; undefined for anything else. */
  static decode(value: unknown): EmittedIds | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const { ranges, other } = value as { ranges?: unknown; other?: unknown };
    if (typeof ranges !== 'string' || (other !== undefined && !(Array.isArray(other) && other.every((o) => typeof o === 'string')))) return undefined;
    const set = new EmittedIds();
    let end = -1;
    for (const token of ranges === '' ? [] : ranges.split(',')) {
      const m = /^([0-9a-z]+)(?:\.([0-9a-z]+))?$/.exec(token);
      if (!m) return undefined;
      const start = end + parseInt(m[1] as string, 36);
      end = start + (m[2] === undefined ? 0 : parseInt(m[2], 36));
      if (!Number.isSafeInteger(end) || (set.ends.length > 0 && start <= (set.ends.at(-1) as number) + 1)) return undefined;
      set.starts.push(start);
      set.ends.push(end);
    }
    for (const id of (other as string[] | undefined) ?? []) set.others.add(id);
    return set;
  }

  add(id: unknown): void {
    const text = typeof id === 'number' ? String(id) : id;
    if (typeof text !== 'string' || text === '') return;
    if (INTEGER_ID.test(text)) this.pending.push(Number(text));
    else this.others.add(text);
  }

  remove(id: unknown): void {
    const text = typeof id === 'number' ? String(id) : id;
    if (typeof text !== 'string') return;
    if (!INTEGER_ID.test(text)) {
      this.others.delete(text);
      return;
    }
    this.flush();
    const n = Number(text);
    const i = this.rangeOf(n);
    if (i < 0) return;
    const start = this.starts[i] as number;
    const end = this.ends[i] as number;
    if (start === end) {
      this.starts.splice(i, 1);
      this.ends.splice(i, 1);
    } else if (n === start) this.starts[i] = n + 1;
    else if (n === end) this.ends[i] = n - 1;
    else {
      this.starts.splice(i + 1, 0, n + 1);
      this.ends.splice(i, 1, n - 1, end);
    }
  }

  has(id: string): boolean {
    if (!INTEGER_ID.test(id)) return this.others.has(id);
    this.flush();
    return this.rangeOf(Number(id)) >= 0;
  }

  /** Ranges plus other ids: what the cap counts. */
  get size(): number {
    this.flush();
    return this.starts.length + this.others.size;
  }

  /** How many ids the set holds. */
  get count(): number {
    this.flush();
    let total = this.others.size;
    for (let i = 0; i < this.starts.length; i++) total += (this.ends[i] as number) - (this.starts[i] as number) + 1;
    return total;
  }

  /** The ids held here and not in `live`, ascending (integers first). */
  missingFrom(live: EmittedIds): string[] {
    this.flush();
    live.flush();
    const out: string[] = [];
    let j = 0;
    for (let i = 0; i < this.starts.length; i++) {
      let n = this.starts[i] as number;
      const end = this.ends[i] as number;
      while (n <= end) {
        while (j < live.starts.length && (live.ends[j] as number) < n) j++;
        const liveStart = j < live.starts.length ? (live.starts[j] as number) : Infinity;
        if (n < liveStart) {
          const stop = Math.min(end, liveStart - 1);
          for (; n <= stop; n++) out.push(String(n));
        } else n = (live.ends[j] as number) + 1;
      }
    }
    for (const id of this.others) if (!live.others.has(id)) out.push(id);
    return out;
  }

  /** The state value: {"ranges": "<base-36 gap[.length],...>", "other": [...]} (other only when used). */
  encode(): { ranges: string; other?: string[] } {
    this.flush();
    const tokens: string[] = new Array<string>(this.starts.length);
    let end = -1;
    for (let i = 0; i < this.starts.length; i++) {
      const start = this.starts[i] as number;
      const length = (this.ends[i] as number) - start;
      tokens[i] = length === 0 ? (start - end).toString(36) : `${(start - end).toString(36)}.${length.toString(36)}`;
      end = this.ends[i] as number;
    }
    const ranges = tokens.join(',');
    return this.others.size === 0 ? { ranges } : { ranges, other: [...this.others].sort() };
  }

  /** Index of the range holding n, or -1. */
  private rangeOf(n: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ends[mid] as number) < n) lo = mid + 1;
      else if ((this.starts[mid] as number) > n) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** Merges the buffered adds into the ranges: one sort and one linear pass. */
  private flush(): void {
    if (this.pending.length === 0) return;
    const adds = this.pending.sort((a, b) => a - b);
    this.pending = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const push = (start: number, end: number): void => {
      const last = ends.length - 1;
      if (last >= 0 && start <= (ends[last] as number) + 1) {
        if (end > (ends[last] as number)) ends[last] = end;
      } else {
        starts.push(start);
        ends.push(end);
      }
    };
    let i = 0;
    let k = 0;
    while (i < this.starts.length || k < adds.length) {
      const takeRange = k >= adds.length || (i < this.starts.length && (this.starts[i] as number) <= (adds[k] as number));
      if (takeRange) {
        push(this.starts[i] as number, this.ends[i] as number);
        i++;
      } else {
        push(adds[k] as number, adds[k] as number);
        k++;
      }
    }
    this.starts = starts;
    this.ends = ends;
  }
}
