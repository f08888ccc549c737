// The fake's clock. MetaData timestamps, token lifetimes and the 30-day CDC window all read it, so tests can
// move time forward (advance) without waiting. By default it ticks with real time from its start.

export interface FakeClock {
  /** Current fake time, epoch ms. */
  now(): number;
  /** Move the clock forward (or back, with a negative value). */
  advance(ms: number): void;
  /** Jump to an absolute time. */
  set(epochMs: number): void;
  /** Stop or resume real-time ticking. */
  freeze(frozen: boolean): void;
}

export function createClock(startMs: number, frozen: boolean): FakeClock {
  let base = startMs;
  let realAtBase = Date.now();
  let isFrozen = frozen;
  const now = (): number => (isFrozen ? base : base + (Date.now() - realAtBase));
  return {
    now,
    advance(ms) {
      base += ms;
    },
    set(epochMs) {
      base = epochMs;
      realAtBase = Date.now();
    },
    freeze(f) {
      base = now();
      realAtBase = Date.now();
      isFrozen = f;
    },
  };
}
