// Builds the QBO query-language strings the entity streams send. Kept in one place so the tests can
// pin every query a registry row produces.

export interface TimeWindow {
  /** Inclusive lower bound (query literal), or none. */
  from?: string;
  /** Inclusive upper bound (query literal), or none. */
  to?: string;
  /** Exactly this second (same-second group reads). */
  at?: string;
}

export interface QuerySpec {
  entity: string;
  /** Name lists return only active rows unless asked for both. */
  includeInactive: boolean;
  /** Extra user filter (custom query streams), ANDed in. */
  where?: string;
  window?: TimeWindow;
}

const CURSOR = 'MetaData.LastUpdatedTime';

function conditions(spec: QuerySpec): string[] {
  const out: string[] = [];
  if (spec.includeInactive) out.push('Active IN (true, false)');
  if (spec.where) out.push(spec.where);
  const w = spec.window;
  if (w?.at !== undefined) out.push(`${CURSOR} = '${w.at}'`);
  if (w?.from !== undefined) out.push(`${CURSOR} >= '${w.from}'`);
  if (w?.to !== undefined) out.push(`${CURSOR} <= '${w.to}'`);
  return out;
}

function whereClause(spec: QuerySpec): string {
  const c = conditions(spec);
  return c.length > 0 ? ` WHERE ${c.join(' AND ')}` : '';
}

/** A page of rows in cursor order; ties broken by Id so positions are deterministic. */
export function pageQuery(spec: QuerySpec, startPosition: number, maxResults: number): string {
  const start = startPosition > 1 ? ` STARTPOSITION ${startPosition}` : '';
  return `SELECT * FROM ${spec.entity}${whereClause(spec)} ORDERBY ${CURSOR}, Id${start} MAXRESULTS ${maxResults}`;
}

/** A page for entities that cannot be filtered or ordered by the cursor (read whole, by position). */
export function plainPageQuery(spec: QuerySpec, startPosition: number, maxResults: number): string {
  const start = startPosition > 1 ? ` STARTPOSITION ${startPosition}` : '';
  return `SELECT * FROM ${spec.entity}${whereClause({ ...spec, window: undefined })}${start} MAXRESULTS ${maxResults}`;
}

export function countQuery(spec: QuerySpec): string {
  return `SELECT COUNT(*) FROM ${spec.entity}${whereClause(spec)}`;
}

/** A page of the key sweep (key-sweep.ts): every row, in Id order, whatever its cursor. */
export function idPageQuery(spec: QuerySpec, startPosition: number, maxResults: number): string {
  const start = startPosition > 1 ? ` STARTPOSITION ${startPosition}` : '';
  return `SELECT * FROM ${spec.entity}${whereClause({ ...spec, window: undefined })} ORDERBY Id${start} MAXRESULTS ${maxResults}`;
}

/** The rows among `ids` that exist (Id supports only = and IN). */
export function idLookupQuery(spec: QuerySpec, ids: readonly string[]): string {
  const list = ids.map((id) => `'${id.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ');
  const c = [`Id IN (${list})`, ...conditions({ ...spec, window: undefined })];
  return `SELECT * FROM ${spec.entity} WHERE ${c.join(' AND ')} MAXRESULTS ${ids.length}`;
}
