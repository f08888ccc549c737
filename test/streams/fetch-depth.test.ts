import { describe, expect, it } from 'vitest';
import { FetchDepth, SLOW_WAIT_MS } from '../../src/streams/fetch-depth.js';

describe('FetchDepth', () => {
  it('looks 2 pages ahead while pages come when due, 4 further after each slow wait, up to the maximum', () => {
    const depth = new FetchDepth(20);
    expect(depth.pages).toBe(2);
    for (let i = 0; i < 50; i++) depth.waited(i % 2 === 0 ? 0 : SLOW_WAIT_MS - 1);
    expect(depth.pages).toBe(2);
    depth.waited(SLOW_WAIT_MS);
    expect(depth.pages).toBe(6);
    for (let i = 0; i < 10; i++) depth.waited(1000);
    expect(depth.pages).toBe(20);
  });

  it('comes back one page after every 8 pages in a row without a slow wait, never below 2', () => {
    const depth = new FetchDepth(20);
    for (let i = 0; i < 5; i++) depth.waited(1000);
    for (let i = 0; i < 7; i++) depth.waited(0);
    expect(depth.pages).toBe(20);
    depth.waited(0);
    expect(depth.pages).toBe(19);
    // a slow wait in between goes back up (to the maximum here) and starts the count again
    for (let i = 0; i < 7; i++) depth.waited(0);
    depth.waited(1000);
    for (let i = 0; i < 7; i++) depth.waited(0);
    expect(depth.pages).toBe(20);
    for (let i = 0; i < 8 * 40; i++) depth.waited(0);
    expect(depth.pages).toBe(2);
  });

  it('a maximum below 2 is the depth; slowWaitMs 0 makes every page slow', () => {
    const one = new FetchDepth(1);
    expect(one.pages).toBe(1);
    one.waited(1000);
    expect(one.pages).toBe(1);
    const eager = new FetchDepth(20, 0);
    for (let i = 0; i < 5; i++) eager.waited(0);
    expect(eager.pages).toBe(20);
  });

  it('grows while the page due is still awaited (one step a tick), and its arrival does not count that wait twice', () => {
    const depth = new FetchDepth(20);
    depth.stillWaiting();
    expect(depth.pages).toBe(6);
    depth.stillWaiting();
    expect(depth.pages).toBe(10);
    depth.waited(2 * SLOW_WAIT_MS + 5); // the same wait, ended: no third step
    expect(depth.pages).toBe(10);
    depth.waited(SLOW_WAIT_MS); // a slow wait without a tick (a late timer) still counts once
    expect(depth.pages).toBe(14);
    expect(depth.slowWaitEveryMs).toBe(SLOW_WAIT_MS);
  });
});
