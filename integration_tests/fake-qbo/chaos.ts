// Fault injection: a queue of scripted faults (consumed first, one per data request) and seeded random
// faults with per-kind probabilities.
import type { FaultKind, Knobs } from './knobs.js';
import type { Rng } from './prng.js';

export class Chaos {
  private readonly queue: FaultKind[] = [];

  constructor(private readonly rng: Rng) {}

  /** Make the next data requests fail with these faults, in order. */
  inject(...kinds: FaultKind[]): void {
    this.queue.push(...kinds);
  }

  next(k: Knobs): FaultKind | undefined {
    const scripted = this.queue.shift();
    if (scripted) return scripted;
    const u = this.rng.next();
    let acc = 0;
    for (const [kind, p] of Object.entries(k.faultRates) as Array<[FaultKind, number | undefined]>) {
      acc += p ?? 0;
      if (u < acc) return kind;
    }
    return undefined;
  }
}
