import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from '../src/heap-growth.js';

describe('limitHeapGrowth', () => {
  it('sets the growing factor when nobody chose one', () => {
    expect(limitHeapGrowth([], '')).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  });

  it('leaves a value given on the command line or in NODE_OPTIONS alone', () => {
    expect(limitHeapGrowth(['--heap-growing-percent=80'], '')).toBeUndefined();
    expect(limitHeapGrowth([], '--max-old-space-size=512 --heap_growing_percent=10')).toBeUndefined();
  });
});
