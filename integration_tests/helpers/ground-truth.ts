// Compares a destination with the fake company's ground truth (every live record, inactive ones included,
// and every hard deletion). Missing, stale and ghost rows must all be zero after a correct sync.
import type { ConfiguredAirbyteCatalog, JsonObject } from '../../src/cdk/core/protocol.js';
import { ENTITIES } from '../fake-qbo/entities.js';
import type { Company } from '../fake-qbo/store/company.js';
import { rowKey, type DedupDestination } from './dedup-destination.js';

export interface StreamDiff {
  stream: string;
  truth: number;
  rows: number;
  /** Keys in truth, absent from the destination. */
  missing: string[];
  /** Keys present with an older SyncToken or LastUpdatedTime than truth. */
  stale: string[];
  /** Keys in the destination that truth does not have (deleted, or never existed). */
  ghost: string[];
}

const ENTITY_OF_STREAM = new Map(ENTITIES.map((e) => [e.stream, e.name]));

/** The fake entity behind a stream, if any (report streams have none). */
export const entityOfStream = (stream: string): string | undefined => ENTITY_OF_STREAM.get(stream);

function lutOf(row: JsonObject): number | undefined {
  const meta = row['MetaData'];
  const text = meta !== null && typeof meta === 'object' ? (meta as JsonObject)['LastUpdatedTime'] : undefined;
  return typeof text === 'string' ? Date.parse(text) : undefined;
}

function isOlder(row: JsonObject, truth: JsonObject): boolean {
  const a = Number(row['SyncToken']);
  const b = Number(truth['SyncToken']);
  if (Number.isFinite(a) && Number.isFinite(b) && a < b) return true;
  const ra = lutOf(row);
  const rb = lutOf(truth);
  return ra !== undefined && rb !== undefined && ra < rb;
}

export function compareStream(destination: DedupDestination, company: Company, stream: string, primaryKey: string[][]): StreamDiff {
  const entity = entityOfStream(stream);
  if (entity === undefined) throw new Error(`no fake entity behind stream ${stream}`);
  const table = company.table(entity);
  const truth = new Map<string, JsonObject>();
  for (const rec of company.all(entity)) {
    const view = table.view(rec);
    truth.set(rowKey(view, primaryKey), view);
  }
  const rows = destination.table(stream);
  const diff: StreamDiff = { stream, truth: truth.size, rows: rows.size, missing: [], stale: [], ghost: [] };
  for (const [key, view] of truth) {
    const row = rows.get(key);
    if (row === undefined) diff.missing.push(key);
    else if (isOlder(row, view)) diff.stale.push(key);
  }
  for (const key of rows.keys()) if (!truth.has(key)) diff.ghost.push(key);
  return diff;
}

/**
 * Diffs of every entity stream of the catalog that the fake keeps a table for (report streams and
 * TaxClassification, a static endpoint, have no row-level truth).
 */
export function compareWithTruth(destination: DedupDestination, company: Company, catalog: ConfiguredAirbyteCatalog): StreamDiff[] {
  const tables = new Set(company.entities());
  return catalog.streams
    .filter((s) => tables.has(entityOfStream(s.stream.name) ?? ''))
    .map((s) => compareStream(destination, company, s.stream.name, s.primary_key ?? s.stream.source_defined_primary_key ?? [['Id']]));
}

/** Only the streams with a problem, with at most a few keys each: readable in an assertion message. */
export function problems(diffs: readonly StreamDiff[]): Record<string, { missing: number; stale: number; ghost: number; examples: string[] }> {
  const out: Record<string, { missing: number; stale: number; ghost: number; examples: string[] }> = {};
  for (const d of diffs) {
    if (d.missing.length + d.stale.length + d.ghost.length === 0) continue;
    out[d.stream] = {
      missing: d.missing.length,
      stale: d.stale.length,
      ghost: d.ghost.length,
      examples: [...d.missing.slice(0, 3).map((k) => `missing ${k}`), ...d.stale.slice(0, 3).map((k) => `stale ${k}`), ...d.ghost.slice(0, 3).map((k) => `ghost ${k}`)],
    };
  }
  return out;
}
