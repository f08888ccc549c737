// The mutation schedule: every N-th /query request, change the company (updates, creations, hard deletes,
// deactivations) so a test can check that a sync running meanwhile misses nothing.
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { entityDef } from './entities.js';
import type { MutationSchedule } from './knobs.js';
import type { Rng } from './prng.js';
import type { Company, MutationEvent } from './store/company.js';

const DEFAULT_ENTITIES = ['Invoice', 'Payment', 'Bill', 'Customer', 'Vendor', 'Item'];

export class Mutator {
  private queries = 0;
  private rounds = 0;

  constructor(
    private readonly company: Company,
    private readonly rng: Rng,
  ) {}

  /** Count a /query request; run a round when the schedule says so. Returns the mutations made. */
  onQuery(schedule: MutationSchedule | undefined): MutationEvent[] {
    this.queries++;
    if (!schedule || schedule.everyNQueries <= 0 || this.queries % schedule.everyNQueries !== 0) return [];
    if (schedule.maxRounds !== undefined && this.rounds >= schedule.maxRounds) return [];
    this.rounds++;
    return this.round(schedule);
  }

  /** One round of the schedule, now. */
  round(s: MutationSchedule): MutationEvent[] {
    const before = this.company.log.length;
    const entities = (s.entities ?? DEFAULT_ENTITIES).map((e) => entityDef(e));
    const pickFrom = (ok: (name: string) => boolean): string | undefined => {
      const names = entities.map((d) => d.name).filter(ok);
      return names.length > 0 ? this.rng.pick(names) : undefined;
    };
    for (let k = 0; k < (s.update ?? 0); k++) {
      const e = pickFrom(() => true);
      const id = e && this.randomLive(e);
      if (e && id) this.company.update(e, id, this.patchFor(e));
    }
    for (let k = 0; k < (s.create ?? 0); k++) {
      const e = pickFrom((n) => n !== 'ExchangeRate');
      const id = e && this.randomLive(e);
      const rec = e && id ? this.company.get(e, id) : undefined;
      if (e && rec) this.company.create(e, this.copyOf(e, rec));
    }
    for (let k = 0; k < (s.hardDelete ?? 0); k++) {
      const e = pickFrom((n) => entityDef(n).hardDelete);
      const id = e && this.randomLive(e);
      if (e && id) this.company.hardDelete(e, id);
    }
    for (let k = 0; k < (s.deactivate ?? 0); k++) {
      const e = pickFrom((n) => entityDef(n).kind === 'namelist');
      const id = e && this.randomLive(e, (r) => r.Active === true);
      if (e && id) this.company.deactivate(e, id);
    }
    return this.company.log.slice(before);
  }

  private randomLive(entity: string, ok: (r: JsonObject) => boolean = () => true): string | undefined {
    const t = this.company.table(entity);
    const limit = t.peekSeq() - 1;
    for (let tries = 0; tries < 50 && limit > 0; tries++) {
      const e = t.entry(1 + this.rng.int(limit));
      if (e && ok(t.view(e.rec))) return t.keyOf(t.view(e.rec));
    }
    return undefined;
  }

  private patchFor(entity: string): JsonObject {
    const stamp = `changed by fake-qbo ${this.company.log.length + 1}`;
    const def = entityDef(entity);
    if (def.kind === 'transaction') return { PrivateNote: stamp };
    if (entity === 'Customer' || entity === 'Vendor') return { Notes: stamp };
    return { Description: stamp };
  }

  private copyOf(entity: string, rec: JsonObject): JsonObject {
    const copy = structuredClone(rec);
    const view = this.company.table(entity).view(copy);
    const suffix = ` copy ${this.company.log.length + 1}`;
    for (const k of ['Name', 'DisplayName', 'FullyQualifiedName']) if (typeof view[k] === 'string') view[k] = `${view[k] as string}${suffix}`;
    if (typeof view.DocNumber === 'string') view.DocNumber = `${view.DocNumber}-C`;
    return copy;
  }
}
