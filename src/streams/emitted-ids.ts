// The ids a stream has emitted (and not since tombstoned), kept in its state so that a key sweep
// can tell which rows the destination may still hold after deletes CDC can no longer show (see
// key-sweep.ts). QBO Ids are integers: in memory they are a bitmap over the id span (an add or
// remove is one bit, whatever the order ids come in); in the state they are the smaller of two
// texts, the ranges (base-36 gaps and lengths) or that bitmap (base64), which wins when the ids are
// scattered (QBO numbers all transactions from one sequence, so an entity's ids are interleaved
// with other entities'). Any other id goes into a plain list.

/** Beyond this many characters of state the set is dropped with a WARN: the state stays small. */
export const MAX_EMITTED_CHARS = 512 * 1024;

/** The state value: ranges or a bitmap (from `base`), plus ids that are not integers. */
export type EmittedIdsValue = ({ ranges: string } | { base: number; bitmap: string }) & { other?: string[] };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A span past this many ids (a 32 MiB bitmap) is not kept: the set reports itself overflowed. */
export const MAX_SPAN_IDS = 2 ** 28;

const INTEGER_ID = /^(?:0|[1-9]\d{0,14})$/;

export class EmittedIds {
  /** The id of bit 0 (a multiple of 8). */
  private base = 0;
  /** Bit i set: id base + i held. */
  private bits = new Uint8Array(0);
  private readonly others = new Set<string>();
  /** An id would have stretched the span past MAX_SPAN_IDS: the set is incomplete, not to be kept. */
  overflowed = false;

  /** Decodes `EmittedIds.encode()`'s value; undefined for anything else. */
  static decode(value: unknown): EmittedIds | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const { ranges, base, bitmap, other } = value as { ranges?: unknown; base?: unknown; bitmap?: unknown; other?: unknown };
    if (other !== undefined && !(Array.isArray(other) && other.every((o) => typeof o === 'string'))) return undefined;
    const set = typeof ranges === 'string' ? EmittedIds.fromRanges(ranges) : EmittedIds.fromBitmap(base, bitmap);
    for (const id of (other as string[] | undefined) ?? []) set?.others.add(id);
    return set?.overflowed ? undefined : set;
  }

  private static fromBitmap(base: unknown, bitmap: unknown): EmittedIds | undefined {
    if (!Number.isSafeInteger(base) || (base as number) < 0 || typeof bitmap !== 'string' || bitmap.length % 4 !== 0 || !BASE64.test(bitmap)) return undefined;
    const bytes = Buffer.from(bitmap, 'base64');
    const set = new EmittedIds();
    if ((base as number) % 8 === 0) {
      if (bytes.length * 8 > MAX_SPAN_IDS) return undefined;
      set.base = base as number;
      set.bits = new Uint8Array(bytes);
      return set;
    }
    for (let i = 0; i < bytes.length * 8; i++) if (((bytes[i >> 3] as number) & (1 << (i & 7))) !== 0) set.setBit((base as number) + i);
    return set;
  }

  private static fromRanges(ranges: string): EmittedIds | undefined {
    const set = new EmittedIds();
    let end = -1;
    for (const token of ranges === '' ? [] : ranges.split(',')) {
      const m = /^([0-9a-z]+)(?:\.([0-9a-z]+))?$/.exec(token);
      if (!m) return undefined;
      const start = end + parseInt(m[1] as string, 36);
      if (start <= end + 1 && end >= 0) return undefined; // not the encoder's: ranges touch or overlap
      end = start + (m[2] === undefined ? 0 : parseInt(m[2], 36));
      if (!Number.isSafeInteger(end) || end - start >= MAX_SPAN_IDS) return undefined;
      for (let id = start; id <= end; id++) set.setBit(id);
      if (set.overflowed) return undefined;
    }
    return set;
  }

  add(id: unknown): void {
    const text = typeof id === 'number' ? String(id) : id;
    if (typeof text !== 'string' || text === '') return;
    if (INTEGER_ID.test(text)) this.setBit(Number(text));
    else this.others.add(text);
  }

  remove(id: unknown): void {
    const text = typeof id === 'number' ? String(id) : id;
    if (typeof text !== 'string') return;
    if (!INTEGER_ID.test(text)) {
      this.others.delete(text);
      return;
    }
    const i = Number(text) - this.base;
    if (i >= 0 && i < this.bits.length * 8) this.bits[i >> 3] = (this.bits[i >> 3] as number) & ~(1 << (i & 7));
  }

  has(id: string): boolean {
    if (!INTEGER_ID.test(id)) return this.others.has(id);
    const i = Number(id) - this.base;
    return i >= 0 && i < this.bits.length * 8 && ((this.bits[i >> 3] as number) & (1 << (i & 7))) !== 0;
  }

  /** How many ids the set holds. */
  get count(): number {
    let total = this.others.size;
    this.forEachRun((start, end) => (total += end - start + 1));
    return total;
  }

  /** The ids held here and not in `live`, ascending (integers first). */
  missingFrom(live: EmittedIds): string[] {
    const out: string[] = [];
    this.forEachRun((start, end) => {
      for (let id = start; id <= end; id++) if (!live.hasInteger(id)) out.push(String(id));
    });
    for (const id of this.others) if (!live.others.has(id)) out.push(id);
    return out;
  }

  /**
   * The state value: {"ranges": "<base-36 gap[.length],...>"} or {"base": <first id>, "bitmap":
   * "<base64, bit i = id base+i>"}, whichever is shorter, and "other": [...] when used.
   */
  encode(): EmittedIdsValue {
    const [first, last] = this.usedBytes();
    const bitmapChars = first > last ? Infinity : Math.ceil((last - first + 1) / 3) * 4;
    let rangesChars = -1;
    this.forEachRun((start, end, previousEnd) => (rangesChars += 1 + base36Digits(start - previousEnd) + (end === start ? 0 : 1 + base36Digits(end - start))));
    const idsValue =
      bitmapChars < rangesChars
        ? { base: this.base + first * 8, bitmap: Buffer.from(this.bits.buffer, this.bits.byteOffset + first, last - first + 1).toString('base64') }
        : { ranges: this.rangesText() };
    return this.others.size === 0 ? idsValue : { ...idsValue, other: [...this.others].sort() };
  }

  /** The length of encode()'s strings: what the cap counts. */
  static charsOf(value: EmittedIdsValue): number {
    const ids = 'ranges' in value ? value.ranges.length : value.bitmap.length;
    return ids + (value.other ?? []).reduce((sum, id) => sum + id.length + 3, 0);
  }

  private rangesText(): string {
    const tokens: string[] = [];
    this.forEachRun((start, end, previousEnd) => {
      const gap = (start - previousEnd).toString(36);
      tokens.push(end === start ? gap : `${gap}.${(end - start).toString(36)}`);
    });
    return tokens.join(',');
  }

  private hasInteger(n: number): boolean {
    const i = n - this.base;
    return i >= 0 && i < this.bits.length * 8 && ((this.bits[i >> 3] as number) & (1 << (i & 7))) !== 0;
  }

  /** [first, last] indexes of the non-zero bytes; first > last when there are none. */
  private usedBytes(): [number, number] {
    let first = 0;
    while (first < this.bits.length && this.bits[first] === 0) first++;
    let last = this.bits.length - 1;
    while (last >= first && this.bits[last] === 0) last--;
    return [first, last];
  }

  /** Calls `run(start, end, previousEnd)` for each maximal run of held ids, ascending (previousEnd -1 first). */
  private forEachRun(run: (start: number, end: number, previousEnd: number) => void): void {
    const bits = this.bits;
    let previousEnd = -1;
    let start = -1;
    for (let i = 0; i < bits.length; i++) {
      const byte = bits[i] as number;
      // Whole bytes inside a run or a gap need no bit-by-bit look.
      if ((byte === 0xff && start >= 0) || (byte === 0 && start < 0)) continue;
      for (let bit = 0; bit < 8; bit++) {
        const on = (byte & (1 << bit)) !== 0;
        if (on && start < 0) start = this.base + i * 8 + bit;
        else if (!on && start >= 0) {
          const end = this.base + i * 8 + bit - 1;
          run(start, end, previousEnd);
          previousEnd = end;
          start = -1;
        }
      }
    }
    if (start >= 0) run(start, this.base + bits.length * 8 - 1, previousEnd);
  }

  private setBit(n: number): void {
    if (this.overflowed) return;
    if (this.bits.length === 0) this.base = n - (n % 8);
    if (n < this.base || n >= this.base + this.bits.length * 8) {
      const base = Math.min(this.base, n - (n % 8));
      const end = Math.max(this.base + this.bits.length * 8, n + 1);
      if (end - base > MAX_SPAN_IDS) {
        this.overflowed = true;
        return;
      }
      // Room to grow on the side that grew, so a run of adds reallocates O(log n) times.
      const need = Math.ceil((end - base) / 8);
      const bytes = new Uint8Array(Math.min(Math.ceil(MAX_SPAN_IDS / 8), Math.max(64, need * 2)));
      const newBase = n < this.base ? Math.max(0, base - (bytes.length - need) * 8) : base;
      bytes.set(this.bits, (this.base - newBase) / 8);
      this.base = newBase;
      this.bits = bytes;
    }
    const i = n - this.base;
    this.bits[i >> 3] = (this.bits[i >> 3] as number) | (1 << (i & 7));
  }
}

function base36Digits(n: number): number {
  let digits = 1;
  for (let x = n; x >= 36; x = Math.floor(x / 36)) digits++;
  return digits;
}
