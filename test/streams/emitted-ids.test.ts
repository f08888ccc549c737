// EmittedIds: the set of emitted ids kept in state for the key sweep (key-sweep.ts).
import { describe, expect, it } from 'vitest';
import { EmittedIds, MAX_SPAN_IDS } from '../../src/streams/emitted-ids.js';
import { Rng } from '../../integration_tests/fake-qbo/prng.js';

function setOf(ids: Array<string | number>): EmittedIds {
  const set = new EmittedIds();
  for (const id of ids) set.add(id);
  return set;
}

describe('EmittedIds', () => {
  it('merges ids into ranges in any order, and round-trips through its state text (ranges or bitmap, the shorter)', () => {
    const ranged = setOf([5, '3', '4', 10, 1, '0', 11, 12, 400, 'TXN-a']);
    expect(ranged.encode()).toEqual({ ranges: '1.1,2.2,5.2,as', other: ['TXN-a'] });
    // Scattered over a short span: a bitmap from the first id (bits 0,1,3,4,5 | 10,11,12 | 40).
    const scattered = setOf([5, '3', '4', 10, 1, '0', 11, 12, 40, 'TXN-a']);
    expect(scattered.encode()).toEqual({ base: 0, bitmap: Buffer.from([0b00111011, 0b00011100, 0, 0, 0, 0b1]).toString('base64'), other: ['TXN-a'] });
    for (const set of [ranged, scattered]) {
      const back = EmittedIds.decode(JSON.parse(JSON.stringify(set.encode())));
      expect(back?.encode()).toEqual(set.encode());
      expect(back?.count).toBe(10);
      for (const id of ['0', '1', '3', '5', '12', 'TXN-a']) expect(back?.has(id), id).toBe(true);
      for (const id of ['2', '6', '13', '39', '41', 'TXN-b']) expect(back?.has(id), id).toBe(false);
    }
  });

  it('removes an id at a range edge, inside (splitting it) or alone', () => {
    const set = setOf([1, 2, 3, 4, 5, 9]);
    set.remove('3');
    set.remove(1);
    set.remove('9');
    set.remove('7'); // never held
    expect(set.missingFrom(new EmittedIds())).toEqual(['2', '4', '5']);
    expect(set.count).toBe(3);
  });

  it('missingFrom lists exactly the ids absent from the live set', () => {
    const emitted = setOf([...Array.from({ length: 30 }, (_, i) => i + 1), 'a', 'b']);
    const live = setOf([1, 2, 5, 6, 7, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 'b']);
    const expected = [3, 4, ...Array.from({ length: 12 }, (_, i) => i + 8)].map(String);
    expect(emitted.missingFrom(live)).toEqual([...expected, 'a']);
  });

  it('refuses a state value it did not write', () => {
    for (const bad of [null, 'x', [], { ranges: 3 }, { ranges: 'a,,b' }, { ranges: '5,1' }, { ranges: '1', other: [1] }, { ranges: 'zzzzzzzzzzzzzz' }, { base: -1, bitmap: 'AA==' }, { base: 0, bitmap: 'A*==' }, { bitmap: 'AA==' }]) {
      expect(EmittedIds.decode(bad), JSON.stringify(bad)).toBeUndefined();
    }
    expect(EmittedIds.decode({ ranges: '' })?.count).toBe(0);
  });

  it('1,000,000 ids interleaved with other entities\' (1 in 3 of a shared sequence): a bitmap of the span, under 512 KiB', () => {
    const rng = Rng.of(7, 'interleaved');
    const set = new EmittedIds();
    let last = 0;
    for (let n = 0; n < 1_000_000; last++) {
      if (rng.next() >= 1 / 3) continue;
      set.add(last);
      n++;
    }
    const value = set.encode();
    expect('bitmap' in value).toBe(true);
    expect(EmittedIds.charsOf(value)).toBe(Math.ceil(Math.ceil(last / 8) / 3) * 4);
    expect(EmittedIds.charsOf(value)).toBeLessThan(512 * 1024);
    expect(EmittedIds.decode(value)?.count).toBe(1_000_000);
  });

  it('1,000,000 ids with 1% deleted at random: about 10,000 ranges, under 100 KB of state', () => {
    const rng = Rng.of(7, 'emitted-ids');
    const set = new EmittedIds();
    for (let id = 1; id <= 1_000_000; id++) if (rng.next() >= 0.01) set.add(id);
    const value = set.encode();
    const ranges = 'ranges' in value ? value.ranges.split(',').length : 0;
    expect(ranges).toBeGreaterThan(9_000);
    expect(ranges).toBeLessThan(11_000);
    expect(JSON.stringify(value).length).toBeLessThan(100_000);
    expect(EmittedIds.decode(value)?.missingFrom(set)).toEqual([]);
  });
});

describe('EmittedIds span', () => {
  it('grows below and above its first id, and an id stretching the span past MAX_SPAN_IDS overflows it', () => {
    const set = setOf([1000, 5, 200_000, 3]);
    expect(set.missingFrom(new EmittedIds())).toEqual(['3', '5', '1000', '200000']);
    expect(set.overflowed).toBe(false);
    set.add(MAX_SPAN_IDS + 10);
    expect(set.overflowed).toBe(true);
  });
});
