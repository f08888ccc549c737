// RetryPolicy (src/qbo/retry-policy.ts) on a fake clock: waits move the clock instead of passing,
// random draws are given, so limits, jitter bounds, caps and the deadline are checked exactly.
import { describe, expect, it } from 'vitest';
import { ConfigError, TransientError } from '../../src/cdk/index.js';
import { API_BACKOFF, MIN_TRY_MS, mayRetry, RetryPolicy, TOKEN_RETRY, type RetryClock, type RetrySettings, type RetryWait } from '../../src/qbo/retry-policy.js';
import { errorFromResponse } from '../../src/qbo/faults.js';

/** A clock whose sleep moves time on at once, drawing "random" numbers from `draws` in turn. */
function fakeClock(draws: number[] = [0.5]): RetryClock & { waits: number[]; advance(ms: number): void } {
  let now = 1_000_000;
  let draw = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    advance: (ms) => void (now += ms),
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
    random: () => draws[draw++ % draws.length] as number,
  };
}

const SETTINGS: RetrySettings = { ...API_BACKOFF, retries: 6, tryTimeoutMs: 150_000 };
const ALMOST_ONE = 1 - Number.EPSILON;

class Flaky extends TransientError {}

describe('RetryPolicy.delay', () => {
  it('backs off exponentially from minDelayMs, and equal jitter keeps each wait within [step / 2, step]', () => {
    for (const draw of [0, 0.25, ALMOST_ONE]) {
      const policy = new RetryPolicy(SETTINGS, fakeClock([draw]));
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        const step = Math.min(SETTINGS.maxDelayMs, SETTINGS.minDelayMs * 2 ** (attempt - 1));
        const wait = policy.delay(attempt);
        expect(wait).toBeGreaterThanOrEqual(step / 2);
        expect(wait).toBeLessThanOrEqual(step);
      }
    }
    expect(new RetryPolicy(SETTINGS, fakeClock([0])).delay(3)).toBe(2000);
    expect(new RetryPolicy(SETTINGS, fakeClock([ALMOST_ONE])).delay(3)).toBe(4000);
  });

  it('never waits longer than maxDelayMs between backoff steps', () => {
    const policy = new RetryPolicy({ ...SETTINGS, minDelayMs: 1000, maxDelayMs: 5000 }, fakeClock([ALMOST_ONE]));
    expect([1, 2, 3, 4, 5, 20].map((attempt) => policy.delay(attempt))).toEqual([1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('without jitter the steps are exact (the token endpoint)', () => {
    const policy = new RetryPolicy(TOKEN_RETRY, fakeClock([ALMOST_ONE]));
    expect([1, 2, 3].map((attempt) => policy.delay(attempt))).toEqual([1000, 2000, 4000]);
  });

  it('after a throttle waits throttleWaitMs plus at most a tenth of it', () => {
    const throttled = { retryAfterMs: undefined, throttled: true };
    expect(new RetryPolicy(SETTINGS, fakeClock([0])).delay(1, throttled)).toBe(60_000);
    expect(new RetryPolicy(SETTINGS, fakeClock([ALMOST_ONE])).delay(1, throttled)).toBe(66_000);
  });

  it('honours Retry-After up to maxRetryAfterMs, before any throttle wait or backoff', () => {
    const policy = new RetryPolicy(SETTINGS, fakeClock([ALMOST_ONE]));
    expect(policy.delay(5, { retryAfterMs: 7000, throttled: true })).toBe(7000);
    expect(policy.delay(1, { retryAfterMs: 0, throttled: false })).toBe(0);
    expect(policy.delay(1, { retryAfterMs: 2 * 3600_000, throttled: true })).toBe(SETTINGS.maxRetryAfterMs);
  });
});

describe('RetryPolicy.run', () => {
  it('tries retries + 1 times in all, waits between tries only, then gives up with what giveUp returns', async () => {
    const clock = fakeClock([0]);
    const policy = new RetryPolicy({ ...SETTINGS, retries: 3 }, clock);
    const seen: RetryWait[] = [];
    let tries = 0;
    const given: unknown[] = [];
    const error = await policy
      .run(
        async () => {
          tries += 1;
          throw new Flaky(`try ${tries}`);
        },
        { onWait: (wait) => void seen.push(wait), giveUp: (failure) => (given.push(failure), new ConfigError('spent')) },
      )
      .catch((e: unknown) => e);
    expect(tries).toBe(4);
    expect(clock.waits).toEqual([500, 1000, 2000]);
    expect(seen.map((w) => [w.attempt, w.tries, w.waitMs])).toEqual([
      [1, 4, 500],
      [2, 4, 1000],
      [3, 4, 2000],
    ]);
    expect((error as Error).message).toBe('spent');
    expect(given).toEqual([{ error: expect.objectContaining({ message: 'try 4' }), attempts: 4, elapsedMs: 3500 }]);
  });

  it('returns the first success, and each try knows its number', async () => {
    const policy = new RetryPolicy(SETTINGS, fakeClock());
    const attempts: number[] = [];
    const value = await policy.run(async ({ attempt }) => {
      attempts.push(attempt);
      if (attempt < 3) throw new Flaky('not yet');
      return 'done';
    });
    expect(value).toBe('done');
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('an error that is not retryable ends the run at once, as it is', async () => {
    const clock = fakeClock();
    const policy = new RetryPolicy(SETTINGS, clock);
    const refused = new ConfigError('bad config');
    let giveUps = 0;
    await expect(policy.run(async () => Promise.reject(refused), { giveUp: () => (giveUps += 1) })).rejects.toBe(refused);
    expect(clock.waits).toEqual([]);
    expect(giveUps).toBe(0);
  });

  it('retries: 0 makes one try, and its failure is thrown as it is', async () => {
    const policy = new RetryPolicy({ ...SETTINGS, retries: 0 }, fakeClock());
    const failure = new Flaky('once');
    await expect(policy.run(async () => Promise.reject(failure))).rejects.toBe(failure);
    expect(policy.tries).toBe(1);
  });

  it('uses the wait the failure asks for (hint)', async () => {
    const clock = fakeClock([0]);
    const policy = new RetryPolicy({ ...SETTINGS, retries: 2 }, clock);
    await policy
      .run(async () => Promise.reject(new Flaky('x')), { hint: () => ({ retryAfterMs: 1234, throttled: false }) })
      .catch(() => undefined);
    expect(clock.waits).toEqual([1234, 1234]);
  });

  it('keeps every try and wait inside the deadline: a try gets what remains, no retry starts with under MIN_TRY_MS left', async () => {
    const clock = fakeClock();
    const policy = new RetryPolicy({ ...TOKEN_RETRY, retries: 10, tryTimeoutMs: 4000, deadlineMs: 12_000 }, clock);
    const timeouts: number[] = [];
    let given: { attempts: number; elapsedMs: number } | undefined;
    await policy
      .run(
        async ({ timeoutMs }) => {
          timeouts.push(timeoutMs);
          clock.advance(timeoutMs); // each try runs into its timeout
          throw new Flaky('timed out');
        },
        { giveUp: (failure) => ((given = failure), failure.error) },
      )
      .catch(() => undefined);
    // Try 4000 ms, wait 1000, try 4000, wait 2000 (1000 ms left), a last try of 1000; then nothing is left: give up.
    expect(timeouts).toEqual([4000, 4000, 1000]);
    expect(clock.waits).toEqual([1000, 2000]);
    expect(given).toMatchObject({ attempts: 3, elapsedMs: 12_000 });
    expect(Math.min(...timeouts)).toBeGreaterThanOrEqual(MIN_TRY_MS);
  });
});

describe('mayRetry: the error says whether another try may fix it', () => {
  const answer = (status: number, body = '') => errorFromResponse({ status, headers: new Headers(), bodyText: body });

  it('QBO answers carry the rules table verdict', () => {
    expect(mayRetry(answer(503))).toBe(true);
    expect(mayRetry(answer(429))).toBe(true);
    expect(mayRetry(answer(401))).toBe(false);
    expect(mayRetry(answer(400, JSON.stringify({ Fault: { Error: [{ code: '4001' }] } })))).toBe(false);
  });

  it('an explicit retry field wins over the class; otherwise only TransientErrors are retried', () => {
    class Spent extends TransientError {
      readonly retry = false;
    }
    expect(mayRetry(new Spent('budget spent'))).toBe(false);
    expect(mayRetry(new Flaky('flaky'))).toBe(true);
    expect(mayRetry(new ConfigError('config'))).toBe(false);
    expect(mayRetry(new Error('plain'))).toBe(false);
    expect(mayRetry('a string')).toBe(false);
  });
});
