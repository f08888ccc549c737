// EmittedIds: the compact set of emitted ids kept in state for the key sweep (key-sweep.ts).
import { describe, expect, it } from 'vitest';
import { EmittedIds } from '../../src/streams/emitted-ids.js';
import { Rng } from '../../integration_tests/fake-qbo/prng.js';

function setOf(ids: Array<string | number>): EmittedIds {
  const set = new EmittedIds();
  for (const id of ids) set.add(id);
  return set;
}

describe('EmittedIds', () => {
  it('merges ids into ranges in any order, and round-trips through its state text', () => {
    const set = setOf([5, '3', '4', 10, 1, '0', 11, 12, 40, 'TXN-a']);
    expect(set.encode()).toEqual({ ranges: '1.1,2.2,5.2,s', other: ['TXN-a'] });
    const back = EmittedIds.decode(JSON.parse(JSON.stringify(set.encode())));
    expect(back?.encode()).toEqual(set.encode());
    expect(back?.count).toBe(10);
    for (const id of ['0', '1', '3', '5', '12', '40', 'TXN-a']) expect(back?.has(id), id).toBe(true);
    for (const id of ['2', '6', '13', '39', '41', 'TXN-b']) expect(back?.has(id), id).toBe(false);
  });

  it('removes an id at a range edge, inside (splitting it) or alone', () => {
    const set = setOf([1, 2, 3, 4, 5, 9]);
    set.remove('3');
    set.remove(1);
    set.remove('9');
    set.remove('7'); // never held
    expect(set.missingFrom(new EmittedIds())).toEqual(['2', '4', '5']);
    expect(set.size).toBe(2);
  });

  it('missingFrom lists exactly the ids absent from the live set', () => {
    const emitted = setOf([...Array.from({ length: 30 }, (_, i) => i + 1), 'a', 'b']);
    const live = setOf([1, 2, 5, 6, 7, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 'b']);
    const expected = [3, 4, ...Array.from({ length: 12 }, (_, i) => i + 8)].map(String);
    expect(emitted.missingFrom(live)).toEqual([...expected, 'a']);
  });

  it('refuses a state value it did not write', () => {
    for (const bad of [null, 'x', [], { ranges: 3 }, { ranges: 'a,,b' }, { ranges: '5,1' }, { ranges: '1', other: [1] }, { ranges: 'zzzzzzzzzzzzzz' }]) {
      expect(EmittedIds.decode(bad), JSON.stringify(bad)).toBeUndefined();
    }
    expect(EmittedIds.decode({ ranges: '' })?.count).toBe(0);
  });

  it('1,000,000 ids with 1% deleted at random: about 10,000 ranges, under 100 KB of state', () => {
    const rng = Rng.of(7, 'emitted-ids');
    const set = new EmittedIds();
    for (let id = 1; id <= 1_000_000; id++) if (rng.next() >= 0.01) set.add(id);
    const text = JSON.stringify(set.encode());
    expect(set.size).toBeGreaterThan(9_000);
    expect(set.size).toBeLessThan(11_000);
    expect(text.length).toBeLessThan(100_000);
  });
});
