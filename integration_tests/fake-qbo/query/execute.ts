// Runs a parsed query against the company. Three plans:
//  - Id lookups (Id = / IN);
//  - index plans: only LastUpdatedTime bounds and ORDERBY LastUpdatedTime, or no filter and Id order:
//    binary search and rank arithmetic over the lazy table (no scan, whatever STARTPOSITION);
//  - a scan for everything else (LastUpdatedTime bounds are checked before a record is built).
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import { entityByName, type EntityDef } from '../entities.js';
import { queryFault } from '../faults.js';
import type { Company } from '../store/company.js';
import type { Entry, Table } from '../store/table.js';
import { parseInstant, type OffsetRule } from '../time.js';
import type { Condition, OrderTerm, Query } from './ast.js';
import { compareKeys, matches, resolvePath, sortKey } from './evaluate.js';
import { parseQuery } from './parser.js';
import { isIdPath, isLutPath, validateCondition, validateOrder } from './validate.js';

export const DEFAULT_MAX_RESULTS = 100;
export const MAX_RESULTS_CAP = 1000;

export type QueryResult =
  | { kind: 'count'; totalCount: number }
  | { kind: 'rows'; key: string; rows: JsonObject[]; startPosition: number };

/** Which plan answered (tests assert that paging stays on the index). */
export type Plan = 'id-lookup' | 'lut-index' | 'id-index' | 'scan';

export interface Executed {
  result: QueryResult;
  plan: Plan;
  def: EntityDef;
}

export function executeQuery(company: Company, source: string): Executed {
  return runQuery(company, parseQuery(source));
}

interface Bounds {
  from: number | undefined;
  to: number | undefined;
  empty: boolean;
}

/** LastUpdatedTime conditions as inclusive epoch-second bounds; undefined if one is not a plain bound. */
function lutBounds(conds: readonly Condition[], rule: OffsetRule): Bounds | undefined {
  const b: Bounds = { from: undefined, to: undefined, empty: false };
  const lower = (s: number): void => void (b.from = b.from === undefined ? s : Math.max(b.from, s));
  const upper = (s: number): void => void (b.to = b.to === undefined ? s : Math.min(b.to, s));
  for (const c of conds) {
    const lit = c.values[0];
    if (c.op === 'IN' || c.op === 'LIKE' || lit === undefined || lit.kind !== 'string') return undefined;
    const ms = parseInstant(lit.value, rule);
    if (ms === undefined) return undefined;
    if (c.op === '>') lower(Math.floor(ms / 1000) + 1);
    else if (c.op === '>=') lower(Math.ceil(ms / 1000));
    else if (c.op === '<') upper(Math.ceil(ms / 1000) - 1);
    else if (c.op === '<=') upper(Math.floor(ms / 1000));
    else if (ms % 1000 !== 0) b.empty = true;
    else {
      lower(ms / 1000);
      upper(ms / 1000);
    }
  }
  if (b.from !== undefined && b.to !== undefined && b.from > b.to) b.empty = true;
  return b;
}

const isTautology = (c: Condition): boolean =>
  c.op === 'IN' &&
  c.path.length === 1 &&
  c.path[0]?.toLowerCase() === 'active' &&
  c.values.some((v) => v.kind === 'bool' && v.value) &&
  c.values.some((v) => v.kind === 'bool' && !v.value);

export function runQuery(company: Company, q: Query): Executed {
  const def = entityByName(q.entity);
  if (!def || !def.queryable) throw queryFault(`invalid context declaration: ${q.entity}`);
  for (const c of q.where) validateCondition(def, c);
  for (const o of q.orderBy) validateOrder(def, o);
  if (q.maxResults === 0) throw queryFault('value 0 is too small. Min allowed value is 1');
  const max = Math.min(q.maxResults ?? DEFAULT_MAX_RESULTS, MAX_RESULTS_CAP);
  const start = Math.max(1, q.startPosition ?? 1);

  const mentionsActive = q.where.some((c) => c.path.length === 1 && c.path[0]?.toLowerCase() === 'active');
  const conds = q.where.filter((c) => !isTautology(c));
  if (def.activeFilter && !mentionsActive) conds.push({ path: ['Active'], op: '=', values: [{ kind: 'bool', value: true }] });

  const table = company.table(def.name);
  const rule = company.rule;
  const order = q.orderBy.length > 0 ? q.orderBy : [{ path: ['Id'], desc: false }];
  const lutConds = conds.filter((c) => isLutPath(c.path));
  const others = conds.filter((c) => !isLutPath(c.path));
  const bounds = lutBounds(lutConds, rule);
  // The LastUpdatedTime index orders ties by Id in the same direction, so "LastUpdatedTime, Id"
  // (what a connector sends for deterministic positions) is served by it like the single term.
  const lutThenId =
    order.length === 2 && isLutPath((order[0] as OrderTerm).path) && isIdPath((order[1] as OrderTerm).path) && order[0]?.desc === order[1]?.desc;
  const single = order.length === 1 || lutThenId ? (order[0] as OrderTerm) : undefined;

  const finish = (entries: Entry[], plan: Plan): Executed => {
    if (q.count) return { result: { kind: 'count', totalCount: entries.length }, plan, def };
    return { result: { kind: 'rows', key: def.name, rows: entries.map((e) => e.rec), startPosition: start }, plan, def };
  };

  // Index plans.
  if (others.length === 0 && bounds && (q.count || (single && isLutPath(single.path)))) {
    const range = bounds.empty ? undefined : table.lutRange(bounds.from, bounds.to);
    if (q.count) return { result: { kind: 'count', totalCount: range?.total ?? 0 }, plan: 'lut-index', def };
    return finish(range ? table.lutWindow(range, start - 1, max, single?.desc ?? false) : [], 'lut-index');
  }
  if (conds.length === 0 && (q.count || (single && isIdPath(single.path)))) {
    if (q.count) return { result: { kind: 'count', totalCount: table.size }, plan: 'id-index', def };
    return finish(table.idWindow(start - 1, max, single?.desc ?? false), 'id-index');
  }

  // Id lookups and scans.
  const idCond = conds.find((c) => isIdPath(c.path));
  const plan: Plan = idCond ? 'id-lookup' : 'scan';
  const candidates: Iterable<number> = idCond ? idSeqs(table, idCond) : table.seqs();
  const sorted = !(single && isIdPath(single.path) && !single.desc);
  const stopAt = q.count || sorted ? Infinity : start - 1 + max;
  const matched: Entry[] = [];
  let counted = 0;
  for (const seq of candidates) {
    if (bounds) {
      if (bounds.empty) break;
      const t = table.lutOf(seq);
      if (t === undefined || (bounds.from !== undefined && t < bounds.from) || (bounds.to !== undefined && t > bounds.to)) continue;
    }
    const e = table.entry(seq);
    if (!e) continue;
    const view = table.view(e.rec);
    if (!conds.every((c) => matches(view, c, rule))) continue;
    counted++;
    if (!q.count) matched.push(e);
    if (matched.length >= stopAt) break;
  }
  if (q.count) return { result: { kind: 'count', totalCount: counted }, plan, def };
  if (sorted) sortEntries(table, matched, order, rule);
  return finish(matched.slice(start - 1, start - 1 + max), plan);
}

function* idSeqs(table: Table, cond: Condition): Generator<number> {
  const seen = new Set<number>();
  for (const v of cond.values) {
    const seq = table.seqOf(String(v.value));
    if (seq !== undefined && !seen.has(seq)) {
      seen.add(seq);
      yield seq;
    }
  }
}

function sortEntries(table: Table, entries: Entry[], order: readonly OrderTerm[], rule: OffsetRule): void {
  const keyed = entries.map((e) => {
    const view = table.view(e.rec);
    return { e, keys: order.map((o) => (isIdPath(o.path) ? e.seq : isLutPath(o.path) ? e.lut : sortKey(resolvePath(view, o.path), rule))) };
  });
  keyed.sort((a, b) => {
    for (let k = 0; k < order.length; k++) {
      const c = compareKeys(a.keys[k], b.keys[k]);
      if (c !== 0) return (order[k] as OrderTerm).desc ? -c : c;
    }
    // Ties keep Id order, reversed with the first term as the index plans do.
    return (order[0]?.desc ? -1 : 1) * (a.e.seq - b.e.seq);
  });
  keyed.forEach((k, i) => (entries[i] = k.e));
}
