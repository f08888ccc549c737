// An in-memory QboApi for stream tests: interprets exactly the query forms query-builder.ts emits
// (SELECT */COUNT(*), Active IN, Id IN, MetaData.LastUpdatedTime = >= <=, ORDERBY cursor + Id or
// Id alone, STARTPOSITION, MAXRESULTS), ordered and compared like QBO (instants across offsets).
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { errorFromResponse } from '../../src/qbo/faults.js';
import type { CdcResult, QboApi, QueryPage, QboRequestStats } from '../../src/qbo/types.js';
import { instantOf } from '../../src/streams/qbo-time.js';

export interface MemoryRow extends JsonObject {
  Id: string;
  MetaData: { LastUpdatedTime: string };
}

export class MemoryQbo implements QboApi {
  readonly tables = new Map<string, MemoryRow[]>();
  readonly deleted = new Map<string, Array<{ Id: string; time: string }>>();
  readonly queries: string[] = [];
  readonly cdcCalls: Array<{ entities: readonly string[]; since: string }> = [];
  readonly batches: string[][] = [];
  readonly stats: QboRequestStats = { requests: 0, retries: 0, throttled: 0, tokenRefreshes: 0 };
  /** Server clock for envelopes. */
  serverTime = '2026-11-20T10:00:00.000-08:00';
  /** Called before each query is answered: mutate data between pages. */
  beforeQuery: ((n: number, query: string) => void) | undefined;
  cdcCap = 1000;
  cdcFault: Error | undefined;
  /** Entities /cdc refuses with QBO's 400 Fault 2010 naming them (a company where CDC support differs). */
  readonly cdcRejects = new Set<string>();
  /** Errors a query FROM the entity (or a GET of the path) answers with, as a company lacking it would. */
  readonly faults = new Map<string, Error>();
  /** Queries answered before `faults` apply (a fault on a later page). */
  faultAfterQueries = 0;
  private answered = 0;

  table(entity: string): MemoryRow[] {
    let t = this.tables.get(entity);
    if (!t) this.tables.set(entity, (t = []));
    return t;
  }

  async query(query: string): Promise<QueryPage> {
    this.stats.requests++;
    this.beforeQuery?.(this.queries.length, query);
    this.queries.push(query);
    return this.answer(query);
  }

  private async answer(query: string): Promise<QueryPage> {
    const m = /^SELECT (\*|COUNT\(\*\)) FROM (\w+)(?: WHERE (.*?))?(?: ORDERBY ([\w.,\s]+?))?(?: STARTPOSITION (\d+))?(?: MAXRESULTS (\d+))?$/.exec(query);
    if (!m) throw new Error(`MemoryQbo cannot parse: ${query}`);
    const [, what, entity, where, orderBy, start, max] = m;
    const fault = this.faults.get(entity as string);
    if (fault && this.answered >= this.faultAfterQueries) throw fault;
    this.answered++;
    let rows = [...this.table(entity as string)];
    const conds = where ? (where.split(' AND ') as string[]) : [];
    if (!conds.some((c) => c.startsWith('Active'))) rows = rows.filter((r) => r['Active'] !== false);
    for (const c of conds) {
      const ids = /^Id IN \((.*)\)$/.exec(c);
      if (ids) {
        const wanted = new Set((ids[1] as string).split(', ').map((v) => v.slice(1, -1)));
        rows = rows.filter((r) => wanted.has(r.Id));
      }
      const cm = /^MetaData\.LastUpdatedTime (=|>=|<=) '([^']+)'$/.exec(c);
      if (cm) {
        const v = instantOf(cm[2] as string);
        rows = rows.filter((r) => {
          const t = instantOf(r.MetaData.LastUpdatedTime);
          return cm[1] === '=' ? t === v : cm[1] === '>=' ? t >= v : t <= v;
        });
      }
    }
    if (what !== '*') return { entity: undefined, rows: [], startPosition: undefined, maxResults: undefined, totalCount: rows.length, time: this.serverTime };
    if (orderBy?.trim() === 'Id') rows.sort((a, b) => Number(a.Id) - Number(b.Id));
    else if (orderBy) {
      rows.sort((a, b) => instantOf(a.MetaData.LastUpdatedTime) - instantOf(b.MetaData.LastUpdatedTime) || Number(a.Id) - Number(b.Id));
    } else rows.sort((a, b) => Number(a.Id) - Number(b.Id));
    const s = Number(start ?? 1);
    const page = rows.slice(s - 1, s - 1 + Number(max ?? 100)).map((r) => structuredClone(r) as JsonObject);
    return page.length === 0
      ? { entity: undefined, rows: [], startPosition: undefined, maxResults: undefined, totalCount: undefined, time: this.serverTime }
      : { entity, rows: page, startPosition: s, maxResults: page.length, totalCount: undefined, time: this.serverTime };
  }

  async batchQuery(queries: readonly string[]): Promise<Array<QueryPage | Error>> {
    this.stats.requests++;
    this.batches.push([...queries]);
    const out: Array<QueryPage | Error> = [];
    for (const q of queries) {
      try {
        out.push(await this.answer(q));
      } catch (error) {
        out.push(error as Error);
      }
    }
    return out;
  }

  async get(path: string): Promise<JsonObject> {
    this.stats.requests++;
    const fault = this.faults.get(path);
    if (fault) throw fault;
    if (path.startsWith('companyinfo/')) return { CompanyInfo: { Id: '1', CompanyName: 'Test Co', MetaData: { LastUpdatedTime: '2026-01-01T00:00:00-08:00' } } };
    throw new Error(`MemoryQbo: no endpoint ${path}`);
  }

  async cdc(entities: readonly string[], since: string): Promise<CdcResult> {
    this.stats.requests++;
    this.cdcCalls.push({ entities, since });
    if (this.cdcFault) throw this.cdcFault;
    const refused = entities.find((e) => this.cdcRejects.has(e));
    if (refused !== undefined) {
      throw errorFromResponse({
        status: 400,
        headers: new Headers(),
        bodyText: JSON.stringify({ Fault: { Error: [{ Message: 'Request has invalid or unsupported property', Detail: `Property Name:entities specified is unsupported or invalid: ${refused}`, code: '2010' }], type: 'ValidationFault' } }),
      });
    }
    const out = new Map<string, JsonObject[]>();
    const s = instantOf(since);
    for (const entity of entities) {
      const active = this.table(entity)
        .filter((r) => instantOf(r.MetaData.LastUpdatedTime) >= s)
        .sort((a, b) => instantOf(a.MetaData.LastUpdatedTime) - instantOf(b.MetaData.LastUpdatedTime));
      const gone = (this.deleted.get(entity) ?? [])
        .filter((d) => instantOf(d.time) >= s)
        .map((d) => ({ domain: 'QBO', status: 'Deleted', Id: d.Id, MetaData: { LastUpdatedTime: d.time } }));
      const all = [...active.map((r) => structuredClone(r) as JsonObject), ...gone].slice(0, this.cdcCap);
      if (all.length > 0) out.set(entity, all);
    }
    return { entities: out, time: this.serverTime };
  }

  /** Update a row: new LastUpdatedTime (moves it to the end of the cursor order). */
  touch(entity: string, id: string, time: string): void {
    const row = this.table(entity).find((r) => r.Id === id);
    if (!row) throw new Error(`no ${entity} ${id}`);
    row.MetaData = { ...row.MetaData, LastUpdatedTime: time };
    row['SyncToken'] = String(Number(row['SyncToken'] ?? 0) + 1);
  }

  hardDelete(entity: string, id: string, time: string): void {
    const t = this.table(entity);
    const i = t.findIndex((r) => r.Id === id);
    if (i < 0) throw new Error(`no ${entity} ${id}`);
    t.splice(i, 1);
    let d = this.deleted.get(entity);
    if (!d) this.deleted.set(entity, (d = []));
    d.push({ Id: id, time });
  }
}

/** n rows; row i updated at base + floor(i / perSecond) seconds, in the given offset. */
export function rowsAt(n: number, opts: { base?: string; perSecond?: number; firstId?: number } = {}): MemoryRow[] {
  const base = Date.parse(opts.base ?? '2026-01-01T00:00:00-08:00');
  const per = opts.perSecond ?? 1;
  const first = opts.firstId ?? 1;
  return Array.from({ length: n }, (_, i) => ({
    Id: String(first + i),
    SyncToken: '0',
    MetaData: { LastUpdatedTime: pst(base + Math.floor(i / per) * 1000) },
  }));
}

/** Epoch ms -> "YYYY-MM-DDTHH:MM:SS-08:00". */
export function pst(ms: number): string {
  return new Date(ms - 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '-08:00');
}
