// A fixed set of changes made to the fake company between two syncs, and what an incremental sync must
// then emit: every changed key as a record, every hard-deleted key as a tombstone.
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { entityDef } from '../fake-qbo/entities.js';
import type { Company } from '../fake-qbo/store/company.js';
import { DELETED_AT } from './dedup-destination.js';
import { records, type AirbyteMessage } from './messages.js';

export interface ExpectedChanges {
  /** stream -> Ids that must arrive as ordinary records. */
  upserts: Map<string, Set<string>>;
  /** stream -> Ids that must arrive as tombstones. */
  tombstones: Map<string, Set<string>>;
  /** Human-readable list of what was done. */
  done: string[];
}

const add = (map: Map<string, Set<string>>, stream: string, id: string): void => {
  const set = map.get(stream) ?? new Set<string>();
  set.add(id);
  map.set(stream, set);
};

/** Ids of the live records of an entity, in Id order (first `n`). */
function liveIds(company: Company, entity: string, n: number, skip: ReadonlySet<string>, ok: (r: JsonObject) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const rec of company.all(entity)) {
    const id = String(rec['Id']);
    if (!skip.has(`${entity}:${id}`) && ok(rec)) out.push(id);
    if (out.length >= n) break;
  }
  return out;
}

export interface ChangePlan {
  update?: Record<string, number>;
  create?: Record<string, number>;
  hardDelete?: Record<string, number>;
  deactivate?: Record<string, number>;
}

/** The default mix: transactions and name lists updated, created, deleted and deactivated. */
export const DEFAULT_PLAN: ChangePlan = {
  update: { Invoice: 3, Bill: 2, Customer: 2, Item: 1 },
  create: { Invoice: 2, Vendor: 1 },
  hardDelete: { Invoice: 2, Payment: 1, Bill: 1 },
  deactivate: { Customer: 1, Vendor: 1 },
};

/** Apply a plan to the company; no key is touched twice, so each change maps to exactly one record. */
export function applyChanges(company: Company, plan: ChangePlan = DEFAULT_PLAN): ExpectedChanges {
  const expected: ExpectedChanges = { upserts: new Map(), tombstones: new Map(), done: [] };
  const touched = new Set<string>();
  const each = (counts: Record<string, number> | undefined, fn: (entity: string, n: number) => void): void => {
    for (const [entity, n] of Object.entries(counts ?? {})) fn(entity, n);
  };
  each(plan.update, (entity, n) => {
    for (const id of liveIds(company, entity, n, touched)) {
      touched.add(`${entity}:${id}`);
      const patch = entityDef(entity).kind === 'transaction' ? { PrivateNote: `edited by test` } : { Notes: 'edited by test', Description: 'edited by test' };
      company.update(entity, id, patch);
      add(expected.upserts, entityDef(entity).stream, id);
      expected.done.push(`updated ${entity} ${id}`);
    }
  });
  each(plan.create, (entity, n) => {
    for (const id of liveIds(company, entity, n, new Set())) {
      const copy = structuredClone(company.get(entity, id) as JsonObject);
      for (const k of ['DisplayName', 'Name', 'FullyQualifiedName', 'CompanyName']) if (typeof copy[k] === 'string') copy[k] = `${String(copy[k])} (new)`;
      const created = company.table(entity).view(company.create(entity, copy));
      const newId = String(created['Id']);
      touched.add(`${entity}:${newId}`);
      add(expected.upserts, entityDef(entity).stream, newId);
      expected.done.push(`created ${entity} ${newId}`);
    }
  });
  each(plan.hardDelete, (entity, n) => {
    for (const id of liveIds(company, entity, n, touched)) {
      touched.add(`${entity}:${id}`);
      company.hardDelete(entity, id);
      add(expected.tombstones, entityDef(entity).stream, id);
      expected.done.push(`deleted ${entity} ${id}`);
    }
  });
  each(plan.deactivate, (entity, n) => {
    for (const id of liveIds(company, entity, n, touched, (r) => r['Active'] !== false)) {
      touched.add(`${entity}:${id}`);
      company.deactivate(entity, id);
      add(expected.upserts, entityDef(entity).stream, id);
      expected.done.push(`deactivated ${entity} ${id}`);
    }
  });
  return expected;
}

/** What a sync emitted for some streams: Ids of records and of tombstones per stream. */
export function emittedChanges(messages: readonly AirbyteMessage[], streams: ReadonlySet<string>): Omit<ExpectedChanges, 'done'> {
  const out: Omit<ExpectedChanges, 'done'> = { upserts: new Map(), tombstones: new Map() };
  for (const r of records(messages)) {
    if (!streams.has(r.stream)) continue;
    const deleted = r.data[DELETED_AT] !== undefined && r.data[DELETED_AT] !== null;
    add(deleted ? out.tombstones : out.upserts, r.stream, String(r.data['Id']));
  }
  return out;
}

/** Map of sets -> sorted plain object, for readable equality assertions. */
export function plain(map: Map<string, Set<string>>): Record<string, string[]> {
  return Object.fromEntries(
    [...map]
      .filter(([, ids]) => ids.size > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, ids]) => [k, [...ids].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b))]),
  );
}

/**
 * Remove from `got.upserts` the records a resumed sync re-emitted only because their airbyte_cursor equals
 * the stream's previous cursor (the connector resumes inclusively); expected changes are always kept.
 */
export function dropBoundaryRepeats(
  got: Omit<ExpectedChanges, 'done'>,
  expected: Omit<ExpectedChanges, 'done'>,
  messages: readonly AirbyteMessage[],
  previousCursors: ReadonlyMap<string, unknown>,
): void {
  for (const [stream, ids] of got.upserts) {
    const cursor = previousCursors.get(stream);
    const atCursor = new Set(records(messages, stream).filter((r) => r.data['airbyte_cursor'] === cursor).map((r) => String(r.data['Id'])));
    for (const id of [...ids]) if (!expected.upserts.get(stream)?.has(id) && atCursor.has(id)) ids.delete(id);
  }
}
