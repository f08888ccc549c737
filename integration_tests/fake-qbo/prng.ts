// Seeded pseudo-random numbers: every generated value is a pure function of (seed, stream, index), so the
// fake company is byte-for-byte reproducible and record i can be built without building records 0..i-1.

/** 32-bit avalanche mix (murmur3 finaliser). */
export function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hash any number of integers (or short strings) into 32 bits. */
export function hash32(...parts: ReadonlyArray<number | string>): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    if (typeof p === 'number') {
      h = mix32(h ^ (p >>> 0));
      h = mix32(h ^ Math.floor(p / 4294967296));
    } else {
      for (let i = 0; i < p.length; i++) h = mix32(h ^ p.charCodeAt(i));
    }
  }
  return h;
}

/** A small deterministic generator (mulberry32) with the helpers the generators need. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  static of(...parts: ReadonlyArray<number | string>): Rng {
    return new Rng(hash32(...parts));
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const v = items[this.int(items.length)];
    if (v === undefined) throw new Error('pick from empty list');
    return v;
  }
  /** Money in cents between lo and hi dollars. */
  cents(lo: number, hi: number): number {
    return this.between(lo * 100, hi * 100);
  }
}
