// A tiny warehouse loader: RECORD data appended per stream as JSONL (with a load sequence, as a raw
// destination table has), read into DuckDB with read_json_auto, then one deduplicated table per stream:
// the latest version of each primary key, tombstones (`_ab_cdc_deleted_at`) removed.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfiguredAirbyteCatalog, JsonObject } from '../../src/cdk/core/protocol.js';
import { records, type AirbyteMessage } from '../helpers/messages.js';

export const LOAD_SEQ = '_loaded_seq';
export const DELETED_AT = '_ab_cdc_deleted_at';

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

export class DuckDbWarehouse {
  private readonly dir = mkdtempSync(join(tmpdir(), 'qbo-warehouse-'));
  private seq = 0;
  private readonly files = new Map<string, string>();

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly sql: DuckDBConnection,
  ) {}

  static async open(): Promise<DuckDbWarehouse> {
    const instance = await DuckDBInstance.create(':memory:');
    return new DuckDbWarehouse(instance, await instance.connect());
  }

  /** Append a sync's RECORD data to the raw files (every version kept, like an append-only raw layer). */
  append(messages: readonly AirbyteMessage[]): void {
    const lines = new Map<string, string[]>();
    for (const record of records(messages)) {
      const row: JsonObject = { ...record.data, [LOAD_SEQ]: ++this.seq, [DELETED_AT]: record.data[DELETED_AT] ?? null };
      const list = lines.get(record.stream) ?? [];
      list.push(JSON.stringify(row));
      lines.set(record.stream, list);
    }
    for (const [stream, list] of lines) {
      const file = this.files.get(stream) ?? join(this.dir, `${stream}.jsonl`);
      this.files.set(stream, file);
      appendFileSync(file, list.join('\n') + '\n');
    }
  }

  /** raw_<stream> from its JSONL, and <stream> = the live latest row per primary key. Streams without rows get no table. */
  async load(catalog: ConfiguredAirbyteCatalog): Promise<string[]> {
    const loaded: string[] = [];
    for (const configured of catalog.streams) {
      const stream = configured.stream.name;
      const file = this.files.get(stream);
      if (file === undefined) continue;
      const key = (configured.primary_key ?? configured.stream.source_defined_primary_key ?? [['Id']]).map((path) => path.map(ident).join('.'));
      await this.sql.run(`CREATE OR REPLACE TABLE ${ident(`raw_${stream}`)} AS SELECT * FROM read_json_auto(${literal(file)}, format='newline_delimited', sample_size=-1)`);
      await this.sql.run(
        `CREATE OR REPLACE TABLE ${ident(stream)} AS SELECT * EXCLUDE (_version) FROM (` +
          `SELECT *, row_number() OVER (PARTITION BY ${key.join(', ')} ORDER BY ${LOAD_SEQ} DESC) AS _version FROM ${ident(`raw_${stream}`)}` +
          `) WHERE _version = 1 AND ${DELETED_AT} IS NULL`,
      );
      loaded.push(stream);
    }
    return loaded;
  }

  /** Rows of a query as plain JSON values. */
  async query(text: string): Promise<Record<string, unknown>[]> {
    return (await this.sql.runAndReadAll(text)).getRowObjectsJson();
  }

  close(): void {
    this.sql.closeSync();
    this.instance.closeSync();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
