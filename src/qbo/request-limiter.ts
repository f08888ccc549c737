// Per-realm request gate: at most N requests in flight (bottleneck) and at most M request starts in
// any rolling window (a sliding log of start times: bottleneck's reservoir refills in fixed steps
// and could allow 2*M starts across a refill boundary).
import Bottleneck from 'bottleneck';

export interface RequestLimiterOptions {
  /** Requests in flight at once. QBO allows 10 per realm. Default 10. */
  maxConcurrent?: number;
  /** Request starts per rolling window. QBO allows 500 per minute per realm. Default 500. */
  maxPerWindow?: number;
  /** Default 60 000. */
  windowMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RequestLimiterStats {
  /** Requests started through the limiter. */
  started: number;
  inFlight: number;
  /** Highest number in flight seen. */
  maxInFlight: number;
  /** Requests that queued because all concurrency slots were busy. */
  concurrencyWaits: number;
  /** Requests that waited because the rolling window was full. */
  windowWaits: number;
  /** Requests that waited because of a realm-wide hold (after a throttle). */
  holdWaits: number;
  /** Total time spent waiting on the window and holds. */
  waitedMs: number;
}

export class RequestLimiter {
  readonly stats: RequestLimiterStats = {
    started: 0,
    inFlight: 0,
    maxInFlight: 0,
    concurrencyWaits: 0,
    windowWaits: 0,
    holdWaits: 0,
    waitedMs: 0,
  };

  private readonly bottleneck: Bottleneck;
  private maxConcurrent: number;
  private maxPerWindow: number;
  private windowMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Start times inside the window, oldest first, from index `head`. */
  private starts: number[] = [];
  private head = 0;
  /** Serialises window admission so starts are granted in arrival order. */
  private gate: Promise<void> = Promise.resolve();
  private holdGate: Promise<void> = Promise.resolve();
  private activeHolds = 0;
  private queued = 0;

  constructor(options: RequestLimiterOptions = {}) {
    this.maxConcurrent = positive(options.maxConcurrent, 10);
    this.maxPerWindow = positive(options.maxPerWindow, 500);
    this.windowMs = positive(options.windowMs, 60_000);
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.bottleneck = new Bottleneck({ maxConcurrent: this.maxConcurrent });
  }

  /** Tighten or loosen the limits (e.g. a later config for the same realm). */
  configure(options: Pick<RequestLimiterOptions, 'maxConcurrent' | 'maxPerWindow' | 'windowMs'>): void {
    if (options.maxConcurrent !== undefined) {
      this.maxConcurrent = positive(options.maxConcurrent, this.maxConcurrent);
      this.bottleneck.updateSettings({ maxConcurrent: this.maxConcurrent });
    }
    if (options.maxPerWindow !== undefined) this.maxPerWindow = positive(options.maxPerWindow, this.maxPerWindow);
    if (options.windowMs !== undefined) this.windowMs = positive(options.windowMs, this.windowMs);
  }

  /** Run `fn` once a concurrency slot and a window start are free. */
  schedule<T>(fn: () => Promise<T>): Promise<T> {
    if (this.stats.inFlight + this.queued >= this.maxConcurrent) this.stats.concurrencyWaits += 1;
    this.queued += 1;
    return this.bottleneck.schedule(async () => {
      try {
        await this.admit();
      } finally {
        this.queued -= 1;
      }
      this.stats.started += 1;
      this.stats.inFlight += 1;
      this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.stats.inFlight);
      try {
        return await fn();
      } finally {
        this.stats.inFlight -= 1;
      }
    });
  }

  /**
   * No request of this realm starts until `until` settles (QBO throttles per realm, not per
   * request). The caller passes its own wait, so one clock (real or injected) governs both.
   */
  hold(until: Promise<unknown>): void {
    this.activeHolds += 1;
    const done = until.then(
      () => undefined,
      () => undefined,
    );
    void done.then(() => {
      this.activeHolds -= 1;
    });
    this.holdGate = Promise.all([this.holdGate, done]).then(() => undefined);
  }

  /** Starts recorded in the current window (for tests and progress). */
  startsInWindow(): number {
    this.prune(this.now());
    return this.starts.length - this.head;
  }

  private admit(): Promise<void> {
    const turn = this.gate.then(() => this.waitForWindow());
    this.gate = turn.catch(() => undefined);
    return turn;
  }

  private async waitForWindow(): Promise<void> {
    let countedWindow = false;
    let countedHold = false;
    for (;;) {
      if (this.activeHolds > 0) {
        if (!countedHold) this.stats.holdWaits += 1;
        countedHold = true;
        await this.holdGate;
        continue;
      }
      const now = this.now();
      this.prune(now);
      const inWindow = this.starts.length - this.head;
      if (inWindow < this.maxPerWindow) {
        this.starts.push(now);
        return;
      }
      // The start that must leave the window before another may enter.
      const blocking = this.starts[this.starts.length - this.maxPerWindow] ?? now;
      if (!countedWindow) this.stats.windowWaits += 1;
      countedWindow = true;
      await this.pause(Math.max(1, blocking + this.windowMs - now));
    }
  }

  private async pause(ms: number): Promise<void> {
    this.stats.waitedMs += ms;
    await this.sleep(ms);
  }

  private prune(now: number): void {
    while (this.head < this.starts.length && (this.starts[this.head] ?? now) <= now - this.windowMs) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.starts.length) {
      this.starts = this.starts.slice(this.head);
      this.head = 0;
    }
  }
}

const realmLimiters = new Map<string, RequestLimiter>();

/**
 * The shared limiter of a realm: every client of the same company in this process goes through it.
 * Options given later re-configure the existing limiter.
 */
export function limiterForRealm(realmId: string, options: RequestLimiterOptions = {}): RequestLimiter {
  const existing = realmLimiters.get(realmId);
  if (existing) {
    existing.configure(options);
    return existing;
  }
  const limiter = new RequestLimiter(options);
  realmLimiters.set(realmId, limiter);
  return limiter;
}

/** An isolated limiter, shared with nobody (tests, benchmarks). */
export function createRequestLimiter(options: RequestLimiterOptions = {}): RequestLimiter {
  return new RequestLimiter(options);
}

/** Forget every realm limiter (tests). */
export function resetRealmLimiters(): void {
  realmLimiters.clear();
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}
