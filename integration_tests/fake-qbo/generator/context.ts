// Shared inputs of the generators: seed, counts, the history window and per-entity timelines, plus helpers
// for the parts every QBO object has (domain, Id, SyncToken, MetaData) and for references between entities.
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import { hash32, Rng } from '../prng.js';
import { Timeline } from '../store/timeline.js';
import { formatSeconds, localDate, type OffsetRule } from '../time.js';

export interface Ref {
  value: string;
  name?: string;
}

export class GenContext {
  private readonly timelines = new Map<string, Timeline>();
  /** Display names of name-list records by entity, filled by the name-list generators (pure functions of i). */
  readonly names = new Map<string, (i: number) => string>();

  constructor(
    readonly seed: number,
    readonly rule: OffsetRule,
    readonly counts: ReadonlyMap<string, number>,
    /** History window of generated records, epoch seconds. */
    readonly startSec: number,
    readonly endSec: number,
  ) {}

  count(entity: string): number {
    return this.counts.get(entity) ?? 0;
  }

  timeline(entity: string): Timeline {
    let t = this.timelines.get(entity);
    if (!t) {
      t = new Timeline(this.count(entity), this.startSec, this.endSec, hash32(this.seed, entity));
      this.timelines.set(entity, t);
    }
    return t;
  }

  rng(entity: string, i: number, salt = 0): Rng {
    return Rng.of(this.seed, entity, i, salt);
  }

  /** Creation time of record i: its update time, or some days before for records edited later. */
  createSec(entity: string, i: number): number {
    const lut = this.timeline(entity).lut(i);
    const h = hash32(this.seed, entity, i, 7);
    return h % 3 === 0 ? lut - (h % (20 * 86400)) : lut;
  }

  /** The common head of every object: domain, sparse, Id, SyncToken, MetaData. */
  envelope(entity: string, i: number): JsonObject {
    const lut = this.timeline(entity).lut(i);
    const created = this.createSec(entity, i);
    return {
      domain: 'QBO',
      sparse: false,
      Id: String(i + 1),
      SyncToken: created === lut ? '0' : String(1 + (hash32(this.seed, entity, i, 8) % 3)),
      MetaData: { CreateTime: formatSeconds(created, this.rule), LastUpdatedTime: formatSeconds(lut, this.rule) },
    };
  }

  /** Company-local transaction date of record i (its creation day). */
  txnDate(entity: string, i: number): string {
    return localDate(this.createSec(entity, i) * 1000, this.rule);
  }

  /** Date n days after a YYYY-MM-DD date. */
  static addDays(date: string, days: number): string {
    return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
  }

  /** A reference to record index `i` (0-based) of a name list, with its display name. */
  ref(entity: string, i: number): Ref {
    const name = this.names.get(entity)?.(i);
    return name === undefined ? { value: String(i + 1) } : { value: String(i + 1), name };
  }

  /** A random record index of `entity`, or 0 if it has none. */
  pickIndex(r: Rng, entity: string): number {
    const n = this.count(entity);
    return n > 0 ? r.int(n) : 0;
  }
}

/** Cents to a JSON number with at most two decimals. */
export const money = (cents: number): number => Math.round(cents) / 100;
