import { describe, expect, it } from 'vitest';
import { Rng } from './prng.js';
import type { BaseSource } from './store/source.js';
import { Table, type Entry } from './store/table.js';

/** A synthetic base: n records, times non-decreasing with many ties. */
function base(n: number): BaseSource {
  const lut = (i: number): number => 1000 + Math.floor(i / 7) * 3;
  return { count: n, lut, record: (i) => ({ Id: String(i + 1), v: 0 }) };
}

function brute(t: Table, n: number): Entry[] {
  const out: Entry[] = [];
  for (let seq = 1; seq < t.peekSeq(); seq++) {
    const e = t.entry(seq);
    if (e) out.push(e);
  }
  return out.sort((a, b) => a.lut - b.lut || a.seq - b.seq).filter(() => n >= 0);
}

describe('Table windows against brute force under random mutations', () => {
  it('lutWindow and idWindow agree with sorting everything', () => {
    const r = new Rng(12345);
    for (let round = 0; round < 30; round++) {
      const n = r.between(0, 300);
      const t = new Table('X', base(n));
      let now = 1000 + Math.floor(n / 7) * 3;
      for (let k = 0; k < r.between(0, 60); k++) {
        now += r.int(3);
        const seq = 1 + r.int(Math.max(1, t.peekSeq() - 1));
        const e = t.entry(seq);
        const op = r.int(3);
        if (op === 0 && e) t.put(seq, { ...e.rec, v: k }, Math.max(now, e.lut));
        else if (op === 1) t.add({ Id: String(t.peekSeq()), v: k }, now);
        else if (e) t.remove(seq, now);
      }
      const all = brute(t, n);
      const ids = [...all].sort((a, b) => a.seq - b.seq);
      expect(t.size).toBe(all.length);
      for (let q = 0; q < 25; q++) {
        const from = r.chance(0.2) ? undefined : 990 + r.int(now - 985);
        const to = r.chance(0.3) ? undefined : (from ?? 1000) + r.int(200);
        const expected = all.filter((e) => (from === undefined || e.lut >= from) && (to === undefined || e.lut <= to));
        const range = t.lutRange(from, to);
        expect(range.total).toBe(expected.length);
        const start = r.int(expected.length + 3);
        const count = 1 + r.int(40);
        const desc = r.chance(0.5);
        const ordered = desc ? [...expected].reverse() : expected;
        expect(t.lutWindow(range, start, count, desc).map((e) => e.seq)).toEqual(ordered.slice(start, start + count).map((e) => e.seq));
        const idOrdered = desc ? [...ids].reverse() : ids;
        expect(t.idWindow(start, count, desc).map((e) => e.seq)).toEqual(idOrdered.slice(start, start + count).map((e) => e.seq));
      }
    }
  });
});
