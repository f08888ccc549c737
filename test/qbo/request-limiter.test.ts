import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { QboHttpClient } from '../../src/qbo/http-client.js';
import { createRequestLimiter, limiterForRealm, resetRealmLimiters } from '../../src/qbo/request-limiter.js';
import { API, COMPANY, fakeTokens, recordingLogger, HTTP_SETTINGS, apiRetry } from './support.js';

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  vi.useRealTimers();
  resetRealmLimiters();
});

/** Largest number of starts inside any half-open window (t - windowMs, t]. */
function maxStartsInAnyWindow(starts: number[], windowMs: number): number {
  let max = 0;
  for (const t of starts) max = Math.max(max, starts.filter((s) => s > t - windowMs && s <= t).length);
  return max;
}

describe('RequestLimiter concurrency', () => {
  it('never runs more than maxConcurrent at once (50 slow jobs)', async () => {
    const limiter = createRequestLimiter({ maxConcurrent: 10 });
    let active = 0;
    let peak = 0;
    let started = 0;
    // A job ends only once 10 run at once (or the last one started): waves are full however
    // slowly a loaded machine runs them, so the assertions assume no timing.
    let waiting: Array<() => void> = [];
    const job = async (i: number) => {
      active += 1;
      started += 1;
      peak = Math.max(peak, active);
      if (active === 10 || started === 50) {
        for (const release of waiting) release();
        waiting = [];
      } else {
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      await new Promise((resolve) => setTimeout(resolve, i % 3));
      active -= 1;
      return i;
    };
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => limiter.schedule(() => job(i))));
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(peak).toBe(10);
    expect(limiter.stats.maxInFlight).toBe(10);
    expect(limiter.stats.started).toBe(50);
    expect(limiter.stats.inFlight).toBe(0);
    expect(limiter.stats.concurrencyWaits).toBe(40);
  });

  it('holds 50 real HTTP requests against a slow mock to 10 in flight', async () => {
    let active = 0;
    let peak = 0;
    let started = 0;
    // Each answer waits until 10 are being answered at once (or the last request came): a full
    // wave is reached however slowly a loaded machine dispatches, so no timing is assumed.
    let waiting: Array<() => void> = [];
    nock(API)
      .get(`${COMPANY}/companyinfo/1`)
      .query(true)
      .times(50)
      .reply(200, async () => {
        active += 1;
        started += 1;
        peak = Math.max(peak, active);
        if (active === 10 || started === 50) {
          for (const release of waiting) release();
          waiting = [];
        } else {
          await new Promise<void>((resolve) => waiting.push(resolve));
        }
        active -= 1;
        return { CompanyInfo: {} };
      });
    const limiter = createRequestLimiter({ maxConcurrent: 10 });
    const http = new QboHttpClient({ ...HTTP_SETTINGS, retry: apiRetry(), tokens: fakeTokens(), limiter, logger: recordingLogger() });
    await Promise.all(Array.from({ length: 50 }, () => http.requestJson({ url: `${API}${COMPANY}/companyinfo/1` })));
    expect(peak).toBe(10);
    expect(limiter.stats.maxInFlight).toBe(10);
    expect(http.stats.requests).toBe(50);
  });

  it('a failing job frees its slot', async () => {
    const limiter = createRequestLimiter({ maxConcurrent: 1 });
    await expect(limiter.schedule(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.schedule(async () => 'ok')).resolves.toBe('ok');
  });
});

describe('RequestLimiter sliding window (fake time)', () => {
  it('never lets more than N starts into any rolling window', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const limiter = createRequestLimiter({ maxConcurrent: 10, maxPerWindow: 5, windowMs: 1000 });
    const starts: number[] = [];
    const run = () => limiter.schedule(async () => void starts.push(Date.now()));
    // 3 at t=0, 2 at t=600, 7 more at t=700.
    const all: Promise<void>[] = [run(), run(), run()];
    await vi.advanceTimersByTimeAsync(600);
    all.push(run(), run());
    await vi.advanceTimersByTimeAsync(100);
    for (let i = 0; i < 7; i += 1) all.push(run());
    await vi.advanceTimersByTimeAsync(5000);
    await Promise.all(all);

    expect(starts).toHaveLength(12);
    expect(maxStartsInAnyWindow(starts, 1000)).toBe(5);
    // The sliding-window invariant: each start is at least a window after the start five before it.
    // (A fixed reservoir refilled at t=1000 would start the 7th-9th jobs right after t=1000.)
    for (let i = 5; i < starts.length; i += 1) expect(starts[i]!).toBeGreaterThanOrEqual(starts[i - 5]! + 1000);
    // ...and no later than needed (bottleneck adds a few ms of scheduling per job).
    expect(starts[5]!).toBeLessThan(starts[0]! + 1050);
    expect(starts[8]!).toBeLessThan(starts[3]! + 1050);
    expect(limiter.stats.windowWaits).toBe(7);
  });

  it('a realm-wide hold delays every start', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const limiter = createRequestLimiter();
    limiter.hold(new Promise((resolve) => setTimeout(resolve, 30_000)));
    let startedAt: number | undefined;
    const done = limiter.schedule(async () => void (startedAt = Date.now()));
    await vi.advanceTimersByTimeAsync(29_000);
    expect(startedAt).toBeUndefined();
    await vi.advanceTimersByTimeAsync(2_000);
    await done;
    expect(startedAt).toBe(30_000);
    expect(limiter.stats.holdWaits).toBe(1);
  });
});

describe('limiterForRealm', () => {
  it('shares one limiter per realm and re-configures it', () => {
    const a = limiterForRealm('1', { maxConcurrent: 4 });
    expect(limiterForRealm('1')).toBe(a);
    expect(limiterForRealm('2')).not.toBe(a);
    resetRealmLimiters();
    expect(limiterForRealm('1')).not.toBe(a);
  });
});
