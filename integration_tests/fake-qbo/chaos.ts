// Fault injection: a queue of scripted faults (consumed first, one per data request) and seeded random
// faults with per-kind probabilities.
import type { FaultKind, Knobs } from './knobs.js';
import type { Rng } from './prng.js';

export class Chaos {
  /** null: that request is answered normally (places a fault at a chosen request position). */
  private readonly queue: Array<FaultKind | null> = [];

  constructor(private readonly rng: Rng) {}

  /** Make the next data requests fail with these faults, in order; a null lets its request through. */
  inject(...kinds: Array<FaultKind | null>): void {
    this.queue.push(...kinds);
  }

  next(k: Knobs): FaultKind | undefined {
    const scripted = this.queue.shift();
    if (scripted !== undefined) return scripted ?? undefined;
    const u = this.rng.next();
    let acc = 0;
    for (const [kind, p] of Object.entries(k.faultRates) as Array<[FaultKind, number | undefined]>) {
      acc += p ?? 0;
      if (u < acc) return kind;
    }
    return undefined;
  }
}
