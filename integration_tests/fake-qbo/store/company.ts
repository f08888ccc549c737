// The fake company: one Table per entity, the mutation API tests use to change data during a sync, and
// ground truth (every live record, inactive included, and every deletion with its time).
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import type { FakeClock } from '../clock.js';
import { entityDef, ENTITIES } from '../entities.js';
import { formatSeconds, type OffsetRule } from '../time.js';
import type { BaseSource } from './source.js';
import { Table, type Entry } from './table.js';

export type MutationOp = 'update' | 'create' | 'delete' | 'deactivate' | 'void';

export interface MutationEvent {
  op: MutationOp;
  entity: string;
  id: string;
  /** Company-local time of the change (the record's new LastUpdatedTime, or the deletion time). */
  at: string;
}

export interface DeletedRecord {
  Id: string;
  /** Deletion time as CDC reports it (company offset, seconds). */
  deletedAt: string;
  deletedAtMs: number;
}

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** RecurringTransaction rows are {"Invoice": {...}}: the inner object carries Id and MetaData. */
const unwrapRecurring = (rec: JsonObject): JsonObject => {
  const inner = Object.values(rec)[0];
  return isObject(inner) ? inner : rec;
};

export class Company {
  private readonly tables = new Map<string, Table>();
  /** Every mutation, in order (tests compare the connector's output against it). */
  readonly log: MutationEvent[] = [];

  constructor(
    sources: ReadonlyMap<string, BaseSource>,
    readonly clock: FakeClock,
    readonly rule: OffsetRule,
  ) {
    for (const [name, source] of sources) {
      const opts =
        name === 'RecurringTransaction'
          ? { view: unwrapRecurring }
          : name === 'ExchangeRate'
            ? { key: (v: JsonObject) => `${String(v.SourceCurrencyCode)}:${String(v.AsOfDate)}` }
            : {};
      this.tables.set(name, new Table(name, source, opts));
    }
  }

  /** The table of an entity (name or alias, any case). */
  table(entity: string): Table {
    const t = this.tables.get(entityDef(entity).name);
    if (!t) throw new Error(`fake-qbo: no table for ${entity}`);
    return t;
  }

  entities(): string[] {
    return [...this.tables.keys()];
  }

  /** Current record by Id (ExchangeRate: "EUR:2024-01-31"), undefined if absent or deleted. */
  get(entity: string, id: string): JsonObject | undefined {
    const t = this.table(entity);
    const seq = t.seqOf(id);
    return seq === undefined ? undefined : t.entry(seq)?.rec;
  }

  /** Every live record in Id order, inactive ones included (lazy: large tables are not materialised). */
  *all(entity: string): Generator<JsonObject> {
    const t = this.table(entity);
    for (const seq of t.seqs()) {
      const e = t.entry(seq);
      if (e) yield e.rec;
    }
  }

  count(entity: string): number {
    return this.table(entity).size;
  }

  /** Hard deletions, oldest first. */
  deleted(entity: string): DeletedRecord[] {
    return this.table(entity)
      .tombstones()
      .map((t) => ({ Id: t.key, deletedAt: formatSeconds(t.at, this.rule), deletedAtMs: t.at * 1000 }));
  }

  /** Base records built so far for an entity, or in total. */
  generatedCount(entity?: string): number {
    if (entity !== undefined) return this.table(entity).generated;
    let n = 0;
    for (const t of this.tables.values()) n += t.generated;
    return n;
  }

  private nowSec(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  private live(entity: string, id: string): { table: Table; entry: Entry } {
    const table = this.table(entity);
    const seq = table.seqOf(id);
    const entry = seq === undefined ? undefined : table.entry(seq);
    if (!entry) throw new Error(`fake-qbo: ${entity} ${id} does not exist`);
    return { table, entry };
  }

  /** Apply `change` to a copy of the record's view, bump SyncToken and LastUpdatedTime to now. */
  private rewrite(entity: string, id: string, op: MutationOp, change: (view: JsonObject) => void): JsonObject {
    const { table, entry } = this.live(entity, id);
    const rec = structuredClone(entry.rec);
    const view = table.view(rec);
    change(view);
    const now = Math.max(this.nowSec(), entry.lut);
    if (typeof view.SyncToken === 'string') view.SyncToken = String(Number(view.SyncToken) + 1);
    const meta = isObject(view.MetaData) ? view.MetaData : {};
    view.MetaData = { ...meta, LastUpdatedTime: formatSeconds(now, this.rule) };
    table.put(entry.seq, rec, now);
    this.log.push({ op, entity: table.name, id, at: formatSeconds(now, this.rule) });
    return rec;
  }

  /** Shallow-merge `patch` into the record (into the wrapped template for RecurringTransaction). */
  update(entity: string, id: string, patch: JsonObject): JsonObject {
    return this.rewrite(entity, id, 'update', (view) => Object.assign(view, structuredClone(patch)));
  }

  /** Add a record; Id, SyncToken, domain, sparse and MetaData are assigned. Returns the stored record. */
  create(entity: string, obj: JsonObject): JsonObject {
    const table = this.table(entity);
    const now = this.nowSec();
    const stamp = formatSeconds(now, this.rule);
    const rec = structuredClone(obj);
    const view = table.view(rec);
    const { Id: _id, MetaData: _meta, SyncToken: _sync, domain: _domain, sparse: _sparse, ...fields } = view;
    const rate = table.name === 'ExchangeRate';
    const full: JsonObject = {
      domain: 'QBO',
      sparse: false,
      ...(rate ? {} : { Id: String(table.peekSeq()) }),
      SyncToken: '0',
      MetaData: rate ? { LastUpdatedTime: stamp } : { CreateTime: stamp, LastUpdatedTime: stamp },
      ...fields,
    };
    const stored = view === rec ? full : { [Object.keys(rec)[0] as string]: full };
    table.add(stored, now);
    this.log.push({ op: 'create', entity: table.name, id: table.keyOf(full), at: stamp });
    return stored;
  }

  /** Remove a record; CDC reports it as status "Deleted" with the deletion time. */
  hardDelete(entity: string, id: string): void {
    const { table, entry } = this.live(entity, id);
    const now = Math.max(this.nowSec(), entry.lut);
    table.remove(entry.seq, now);
    this.log.push({ op: 'delete', entity: table.name, id, at: formatSeconds(now, this.rule) });
  }

  /** Name lists: Active=false; QBO appends " (deleted)" to the names. */
  deactivate(entity: string, id: string): JsonObject {
    return this.rewrite(entity, id, 'deactivate', (view) => {
      view.Active = false;
      for (const k of ['Name', 'DisplayName', 'FullyQualifiedName']) {
        const v = view[k];
        if (typeof v === 'string' && !v.endsWith(' (deleted)')) view[k] = `${v} (deleted)`;
      }
    });
  }

  /** Transactions: the record stays with zero amounts and PrivateNote "Voided" (void_invoice_real.json). */
  void(entity: string, id: string): JsonObject {
    return this.rewrite(entity, id, 'void', (view) => {
      for (const k of ['TotalAmt', 'Balance', 'Amount', 'HomeTotalAmt']) if (typeof view[k] === 'number') view[k] = 0;
      if (Array.isArray(view.Line)) for (const line of view.Line) if (isObject(line) && typeof line.Amount === 'number') line.Amount = 0;
      if (isObject(view.TxnTaxDetail)) view.TxnTaxDetail = { TotalTax: 0 };
      view.PrivateNote = 'Voided';
    });
  }
}

export const ALL_ENTITY_NAMES = ENTITIES.map((e) => e.name);
