// QBO's throttles: at most `maxInFlight` concurrent data requests per realm, and `perMinute` requests in a
// sliding 60 s window (real time: the throttle is about the connector's pacing, not the fake clock).
import type { Knobs } from './knobs.js';

export type Admission = 'ok' | 'concurrency' | 'rate';

export class Limiter {
  inFlight = 0;
  maxObserved = 0;
  private readonly window: number[] = [];

  admit(k: Knobs): Admission {
    if (k.maxInFlight > 0 && this.inFlight >= k.maxInFlight) return 'concurrency';
    const now = Date.now();
    while (this.window.length > 0 && (this.window[0] as number) <= now - 60_000) this.window.shift();
    if (k.perMinute > 0 && this.window.length >= k.perMinute) return 'rate';
    this.window.push(now);
    this.inFlight++;
    if (this.inFlight > this.maxObserved) this.maxObserved = this.inFlight;
    return 'ok';
  }

  release(): void {
    this.inFlight--;
  }
}
