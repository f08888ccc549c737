// An in-memory destination with Airbyte's commit rules: records of a stream are committed when that stream's
// STATE arrives (or when the sync ends successfully); append/append_dedup upsert by primary key (the later
// record wins, a record carrying _ab_cdc_deleted_at deletes the row); overwrite replaces the table only after
// a successful sync.
import type { ConfiguredAirbyteCatalog, ConfiguredAirbyteStream, JsonObject } from '../../src/cdk/core/protocol.js';
import type { AirbyteMessage } from './messages.js';

export const DELETED_AT = '_ab_cdc_deleted_at';

/** Value at a field path (["MetaData","LastUpdatedTime"]). */
export function valueAt(data: JsonObject, path: readonly string[]): unknown {
  let v: unknown = data;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as JsonObject)[key] : undefined;
  return v;
}

/** The row key of a record: its primary-key values, JSON-encoded. */
export function rowKey(data: JsonObject, primaryKey: readonly (readonly string[])[]): string {
  return JSON.stringify(primaryKey.map((path) => valueAt(data, path) ?? null));
}

export interface SyncTally {
  records: number;
  tombstones: number;
}

export interface ApplyResult {
  /** Per stream, what this sync emitted (committed or not). */
  tally: Map<string, SyncTally>;
}

export class DedupDestination {
  /** stream -> row key -> record data (committed rows only). */
  readonly tables = new Map<string, Map<string, JsonObject>>();

  table(stream: string): Map<string, JsonObject> {
    let t = this.tables.get(stream);
    if (!t) this.tables.set(stream, (t = new Map()));
    return t;
  }

  /**
   * Apply one sync's messages. `complete` is false for a sync that died: uncommitted records (after their
   * stream's last STATE) and overwrite tables are then dropped, as a real destination does.
   */
  apply(catalog: ConfiguredAirbyteCatalog, messages: readonly AirbyteMessage[], complete: boolean): ApplyResult {
    const configured = new Map<string, ConfiguredAirbyteStream>(catalog.streams.map((s) => [s.stream.name, s]));
    const pending = new Map<string, JsonObject[]>();
    const overwrite = new Map<string, Map<string, JsonObject>>();
    const tally = new Map<string, SyncTally>();
    const commit = (stream: string): void => {
      const rows = pending.get(stream);
      if (!rows || rows.length === 0) return;
      const c = configured.get(stream) as ConfiguredAirbyteStream;
      const pk = c.primary_key ?? c.stream.source_defined_primary_key ?? [];
      const target = c.destination_sync_mode === 'overwrite' ? this.stage(overwrite, stream) : this.table(stream);
      for (const data of rows) {
        const key = rowKey(data, pk);
        if (data[DELETED_AT] !== undefined && data[DELETED_AT] !== null) target.delete(key);
        else target.set(key, data);
      }
      pending.set(stream, []);
    };
    for (const m of messages) {
      if (m.type === 'RECORD') {
        const { stream, data } = m.record;
        if (!configured.has(stream)) throw new Error(`record for unconfigured stream ${stream}`);
        const t = tally.get(stream) ?? { records: 0, tombstones: 0 };
        if (data[DELETED_AT] !== undefined && data[DELETED_AT] !== null) t.tombstones++;
        else t.records++;
        tally.set(stream, t);
        const rows = pending.get(stream) ?? [];
        rows.push(data);
        pending.set(stream, rows);
      } else if (m.type === 'STATE') {
        const name = m.state.stream?.stream_descriptor.name;
        if (name !== undefined && configured.has(name)) commit(name);
      }
    }
    if (complete) {
      for (const stream of pending.keys()) commit(stream);
      for (const [stream, rows] of overwrite) this.tables.set(stream, rows);
      // An overwrite stream that emitted nothing is emptied too.
      for (const [name, c] of configured) if (c.destination_sync_mode === 'overwrite' && !overwrite.has(name)) this.tables.set(name, new Map());
    }
    return { tally };
  }

  private stage(overwrite: Map<string, Map<string, JsonObject>>, stream: string): Map<string, JsonObject> {
    let t = overwrite.get(stream);
    if (!t) overwrite.set(stream, (t = new Map()));
    return t;
  }

  /** A deep copy of every table, for comparing two destinations. */
  snapshot(): Record<string, Record<string, JsonObject>> {
    const out: Record<string, Record<string, JsonObject>> = {};
    for (const [stream, rows] of [...this.tables].sort(([a], [b]) => a.localeCompare(b))) {
      out[stream] = Object.fromEntries([...rows].sort(([a], [b]) => a.localeCompare(b)));
    }
    return structuredClone(out);
  }
}
