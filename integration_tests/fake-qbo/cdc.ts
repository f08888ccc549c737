// /cdc: per requested entity, the objects changed since `changedSince` in LastUpdatedTime order, then the
// hard-deleted ones as {"domain","status":"Deleted","Id","MetaData":{"LastUpdatedTime"}}; at most 1000
// objects per entity (truncated, no paging); at most 30 days back.
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { entityByName, type EntityDef } from './entities.js';
import { QboFault } from './faults.js';
import { presentRows } from './present.js';
import type { Company } from './store/company.js';
import { formatSeconds, parseInstant } from './time.js';

export interface CdcOptions {
  /** Entities refused as if QBO did not serve them by CDC (knobs.cdcRejects). */
  rejects?: readonly string[];
  maxPerEntity: number;
  lookbackDays: number;
  enhanced: boolean;
}

const missing = (name: string): QboFault =>
  new QboFault(400, {
    Message: 'Required param missing, need to supply the required value for the API',
    Detail: `Required parameter ${name} is missing in the request`,
    code: '2020',
  });

const unsupportedEntity = (name: string, why: string): QboFault =>
  new QboFault(400, {
    Message: 'Request has invalid or unsupported property',
    Detail: `Property Name:entities specified is unsupported or invalid: ${name} ${why}`,
    code: '2010',
  });

export function resolveCdcEntities(param: string | null, rejects: readonly string[] = []): EntityDef[] {
  if (param === null || param.trim() === '') throw missing('entities');
  const defs: EntityDef[] = [];
  for (const raw of param.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    const def = entityByName(name);
    if (!def) throw unsupportedEntity(name, 'is not a known entity');
    if (def.cdc === 'excluded') throw unsupportedEntity(def.name, 'is not supported by ChangeDataCapture');
    if (rejects.some((r) => entityByName(r) === def)) throw unsupportedEntity(def.name, 'is not supported by ChangeDataCapture (fake-qbo: knobs.cdcRejects)');
    if (def.cdc === 'rejected') throw unsupportedEntity(def.name, 'is not supported by ChangeDataCapture (fake-qbo: unverified, treated as query-only)');
    if (!defs.includes(def)) defs.push(def);
  }
  if (defs.length === 0) throw missing('entities');
  return defs;
}

export function changeDataCapture(company: Company, entities: string | null, changedSince: string | null, opts: CdcOptions): JsonObject[] {
  const defs = resolveCdcEntities(entities, opts.rejects);
  if (changedSince === null || changedSince.trim() === '') throw missing('changedSince');
  const sinceMs = parseInstant(changedSince, company.rule);
  if (sinceMs === undefined) {
    throw new QboFault(400, {
      Message: 'Request has invalid or unsupported property',
      Detail: `Property Name:changedSince specified is unsupported or invalid: ${changedSince}`,
      code: '2010',
    });
  }
  if (company.clock.now() - sinceMs > opts.lookbackDays * 86400_000) {
    throw new QboFault(400, {
      Message: 'An application error has occurred while processing your request',
      Detail: `Operation cdc with changedSince date ${changedSince} which is older than fixed days is not supported.`,
      code: '10000',
    });
  }
  const fromSec = Math.ceil(sinceMs / 1000);
  const out: JsonObject[] = [];
  for (const def of defs) {
    const table = company.table(def.name);
    const range = table.lutRange(fromSec, undefined);
    const rows = presentRows(
      table.lutWindow(range, 0, opts.maxPerEntity, false).map((e) => e.rec),
      opts.enhanced,
    );
    const gone = table
      .tombstones()
      .filter((t) => t.at >= fromSec)
      .sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const t of gone) {
      if (rows.length >= opts.maxPerEntity) break;
      rows.push({ domain: 'QBO', status: 'Deleted', Id: t.key, MetaData: { LastUpdatedTime: formatSeconds(t.at, company.rule) } });
    }
    if (rows.length > 0) out.push({ [def.name]: rows, startPosition: 1, maxResults: rows.length });
  }
  return out.length > 0 ? out : [{}];
}
