// One retry policy for every call this layer repeats: QBO API requests (http-client.ts) and token
// refreshes (token-manager.ts). It owns the loop: how many tries, how long each may take, the wait
// before the next (Retry-After, capped; a throttle's fixed wait; otherwise exponential backoff with
// jitter), and an overall deadline. Whether an error is worth another try is the error's own
// explicit `retry` (mayRetry below), never decided here.
import { TransientError } from '../cdk/index.js';
import { qboContextOf } from './qbo-errors.js';

export interface RetrySettings {
  /** Tries after the first one. */
  retries: number;
  /** Longest one try may take (cut to what remains of the deadline, though not under MIN_TRY_MS). */
  tryTimeoutMs: number;
  /** All tries and waits of one call together; Infinity for none. */
  deadlineMs: number;
  /** The first backoff step, doubled after each try. */
  minDelayMs: number;
  /** Cap of a backoff step. */
  maxDelayMs: number;
  /** Share of a backoff step that is random: 0.5 ("equal jitter") keeps waits growing, 0 is none. */
  jitter: number;
  /** Wait after a throttle that names no Retry-After (Intuit: "wait 60 seconds"), plus up to THROTTLE_SPREAD of it. */
  throttleWaitMs: number;
  /** Upper bound on an honoured Retry-After. */
  maxRetryAfterMs: number;
}

/** Time and chance, injected so tests neither wait nor guess. */
export interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** In [0, 1). */
  random(): number;
}

export const SYSTEM_CLOCK: RetryClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

/** A try gets at least this long, and no retry starts with less than this left before the deadline. */
export const MIN_TRY_MS = 1000;
/** Throttle waits are spread by up to this share, so the requests held by one throttle do not all resume at once. */
export const THROTTLE_SPREAD = 0.1;

/**
 * QBO API requests. `retries` and `tryTimeoutMs` come from the config (max_retries,
 * request_timeout_seconds, defaults in spec.json); these are the rest.
 */
export const API_BACKOFF = {
  deadlineMs: Number.POSITIVE_INFINITY,
  minDelayMs: 1000,
  maxDelayMs: 60_000,
  jitter: 0.5,
  throttleWaitMs: 60_000,
  maxRetryAfterMs: 15 * 60_000,
} as const satisfies Omit<RetrySettings, 'retries' | 'tryTimeoutMs'>;

/**
 * Intuit's token endpoint: one deadline and one budget for a whole token acquisition, so a data
 * request never nests token retries inside its own. Its 429 backs off like a 5xx (no Retry-After is
 * read from it), and the waits are not jittered (one refresh at a time per run: single-flight).
 */
export const TOKEN_RETRY = {
  retries: 3,
  tryTimeoutMs: 30_000,
  deadlineMs: 120_000,
  minDelayMs: 1000,
  maxDelayMs: 60_000,
  jitter: 0,
  throttleWaitMs: 60_000,
  maxRetryAfterMs: 15 * 60_000,
} as const satisfies RetrySettings;

/** What a failure says about the wait before the next try. */
export interface RetryHint {
  retryAfterMs: number | undefined;
  throttled: boolean;
}

/** One try: its number (from 1) and how long it may take. */
export interface RetryTry {
  attempt: number;
  timeoutMs: number;
}

/** A wait that has begun before try `attempt + 1`. */
export interface RetryWait {
  error: unknown;
  /** The try that failed. */
  attempt: number;
  tries: number;
  waitMs: number;
  /** Settles when the wait is over (the http client holds the realm's other requests on it after a throttle). */
  pause: Promise<void>;
}

export interface RetryHooks {
  /** Retry-After and throttle, read from the failure. Default: neither (exponential backoff). */
  hint?(error: unknown): RetryHint;
  /** Called as each wait begins: logging, counters. */
  onWait?(wait: RetryWait): void;
  /** What to throw when a retryable failure is the last (tries or deadline spent). Default: the failure. */
  giveUp?(failure: { error: unknown; attempts: number; elapsedMs: number }): unknown;
}

const NO_HINT: RetryHint = { retryAfterMs: undefined, throttled: false };

export class RetryPolicy {
  constructor(
    readonly settings: RetrySettings,
    readonly clock: RetryClock,
  ) {}

  /** Tries in all. */
  get tries(): number {
    return Math.max(0, this.settings.retries) + 1;
  }

  /** The wait after failed try `attempt` (from 1): Retry-After when sent, a throttle's wait, otherwise backoff. */
  delay(attempt: number, hint: RetryHint = NO_HINT): number {
    const { maxRetryAfterMs, throttleWaitMs, maxDelayMs, minDelayMs, jitter } = this.settings;
    if (hint.retryAfterMs !== undefined) return Math.min(hint.retryAfterMs, maxRetryAfterMs);
    if (hint.throttled) return Math.round(throttleWaitMs * (1 + THROTTLE_SPREAD * this.clock.random()));
    const step = Math.min(maxDelayMs, minDelayMs * 2 ** (attempt - 1));
    return Math.round(step * (1 - jitter) + step * jitter * this.clock.random());
  }

  /** Runs `operation` until it succeeds, fails with an error that is not retryable, or tries or deadline run out. */
  async run<T>(operation: (current: RetryTry) => Promise<T>, hooks: RetryHooks = {}): Promise<T> {
    const started = this.clock.now();
    const remaining = (): number => this.settings.deadlineMs - (this.clock.now() - started);
    for (let attempt = 1; ; attempt += 1) {
      try {
        // What remains of the deadline cuts a try short, but never below MIN_TRY_MS.
        return await operation({ attempt, timeoutMs: Math.min(this.settings.tryTimeoutMs, Math.max(MIN_TRY_MS, remaining())) });
      } catch (error) {
        if (!mayRetry(error)) throw error;
        const waitMs = attempt < this.tries ? this.delay(attempt, hooks.hint?.(error)) : undefined;
        if (waitMs === undefined || remaining() - waitMs < MIN_TRY_MS) {
          throw hooks.giveUp ? hooks.giveUp({ error, attempts: attempt, elapsedMs: this.clock.now() - started }) : error;
        }
        const pause = this.clock.sleep(waitMs);
        hooks.onWait?.({ error, attempt, tries: this.tries, waitMs, pause });
        await pause;
      }
    }
  }
}

/**
 * Whether another try may fix `error`: its own explicit `retry` when it states one (QBO errors carry
 * the rules table's verdict in their context; token errors state theirs), otherwise whether it is a
 * TransientError.
 */
export function mayRetry(error: unknown): boolean {
  const context = qboContextOf(error);
  if (context !== undefined) return context.retry;
  if (typeof error === 'object' && error !== null && 'retry' in error && typeof error.retry === 'boolean') return error.retry;
  return error instanceof TransientError;
}
