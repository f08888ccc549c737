// The MessageSink of the Singer protocol: SCHEMA before a stream's first RECORD, STATE as bookmarks,
// ACTIVATE_VERSION for full refreshes, deletes as _sdc_deleted_at; logs go to stderr, scrubbed.
import { reportError } from '../core/error-report.js';
import type { TextOutput } from '../io/json-lines-output.js';
import { recordValue } from '../core/raw-record.js';
import { writeRecordLines } from '../io/record-lines.js';
import type { JsonObject, LogLevel, StreamStatus } from '../core/protocol.js';
import type { SecretRegistry } from '../core/secrets.js';
import type { MessageSink } from '../core/stream.js';
import { DELETED_AT, SINGER_DELETED_AT } from '../core/deletes.js';

/** What the writer needs to describe one stream to a Singer target. */
export interface SingerStreamInfo {
  /** The stream's JSON schema as discovered (the writer prunes and renames on its own copy). */
  schema: JsonObject;
  /** Top-level key names (see keyProperties in catalog.ts). */
  keyProperties: string[];
  bookmarkProperties?: string[];
  /** Top-level fields the catalog deselected: dropped from the SCHEMA and from every record. */
  deselectedFields?: ReadonlySet<string>;
  /**
   * FULL_TABLE streams: the table version of this run. ACTIVATE_VERSION follows the first SCHEMA and
   * every RECORD carries it, so a target drops (or marks deleted) the rows of earlier versions.
   */
  version?: number;
}

/** A record field marking a deletion, renamed for Singer targets (Airbyte `_ab_cdc_deleted_at` -> `_sdc_deleted_at`). */
export interface DeletedAtMapping {
  from: string;
  to: string;
}

export const DEFAULT_DELETED_AT: DeletedAtMapping = { from: DELETED_AT, to: SINGER_DELETED_AT };

export interface SingerWriterOptions {
  /** stdout: SCHEMA, RECORD and STATE messages only. */
  output: TextOutput;
  /** stderr: logs, metrics, errors. */
  logOutput: TextOutput;
  secrets: SecretRegistry;
  streams: ReadonlyMap<string, SingerStreamInfo>;
  /** Input state: carried into every STATE so streams not read this run keep their bookmarks. */
  bookmarks?: ReadonlyMap<string, JsonObject>;
  /** null turns the rename off. */
  deletedAt?: DeletedAtMapping | null;
  /** Persists a changed config (the Singer config write-back); without it a change is only warned about. */
  onConfigUpdate?: (config: JsonObject) => Promise<void>;
  /** Print stack traces with errors. */
  debug?: boolean;
  /** Clock (ms since epoch) for time_extracted and timers; tests pin it. */
  now?: () => number;
}

interface StreamOut {
  info: SingerStreamInfo;
  /** The SCHEMA line, once sent; undefined until then. */
  schemaSent: boolean;
  declaresDeletedAt: boolean;
  startedAt: number | undefined;
  /** ACTIVATE_VERSION sent (FULL_TABLE streams, once per run). */
  activated: boolean;
}

const FALLBACK_INFO: SingerStreamInfo = { schema: { type: 'object', additionalProperties: true }, keyProperties: [] };

/**
 * MessageSink for the Singer protocol (spec 0.3.0). stdout carries only JSON messages; each stream's
 * SCHEMA precedes its first RECORD; STATE always holds every bookmark known so far. Every line, on
 * either output, is scrubbed of registered secrets.
 */
export class SingerWriter implements MessageSink {
  private readonly output: TextOutput;
  private readonly logOutput: TextOutput;
  private readonly secrets: SecretRegistry;
  private readonly infos: ReadonlyMap<string, SingerStreamInfo>;
  private readonly deletedAt: DeletedAtMapping | null;
  private readonly onConfigUpdate: ((config: JsonObject) => Promise<void>) | undefined;
  private readonly debug: boolean;
  private readonly now: () => number;
  private readonly bookmarks = new Map<string, JsonObject>();
  private readonly out = new Map<string, StreamOut>();

  constructor(options: SingerWriterOptions) {
    this.output = options.output;
    this.logOutput = options.logOutput;
    this.secrets = options.secrets;
    this.infos = options.streams;
    this.deletedAt = options.deletedAt === undefined ? DEFAULT_DELETED_AT : options.deletedAt;
    this.onConfigUpdate = options.onConfigUpdate;
    this.debug = options.debug ?? false;
    this.now = options.now ?? Date.now;
    for (const [stream, state] of options.bookmarks ?? []) this.bookmarks.set(stream, state);
  }

  /** A page: SCHEMA first when needed, then the RECORD lines sharing one time_extracted. */
  records(stream: string, records: JsonObject[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    const out = this.streamOut(stream);
    let head = '';
    const from = this.deletedAt?.from;
    if (from !== undefined && !out.declaresDeletedAt && records.some((record) => from in record)) {
      // A tombstone on a stream whose schema did not declare the field: re-send the SCHEMA with it.
      out.declaresDeletedAt = true;
      out.schemaSent = false;
    }
    if (!out.schemaSent) head += this.schemaLine(stream, out);
    const version = out.info.version === undefined ? '' : `"version":${out.info.version},`;
    const prefix = `{"type":"RECORD","stream":${JSON.stringify(stream)},${version}"time_extracted":"${new Date(this.now()).toISOString()}","record":`;
    return writeRecordLines(this.output, this.secrets, head, records, prefix, '}\n', (record) => this.transform(record, out.info));
  }

  state(stream: string, state: JsonObject, recordCount: number): Promise<void> {
    this.bookmarks.set(stream, state);
    const value = { bookmarks: Object.fromEntries(this.bookmarks) };
    const written = this.send({ type: 'STATE', value });
    this.metric({ type: 'counter', metric: 'record_count', value: recordCount, tags: { stream } }).catch(ignore);
    return written;
  }

  /** STARTED sends the SCHEMA (targets create empty tables too); the end of a stream logs a sync_duration timer. */
  streamStatus(stream: string, status: StreamStatus): Promise<void> {
    const out = this.streamOut(stream);
    if (status === 'STARTED') {
      out.startedAt = this.now();
      this.log('INFO', `Stream "${stream}": started.`).catch(ignore);
      return out.schemaSent ? Promise.resolve() : this.output.write(this.secrets.scrub(this.schemaLine(stream, out)));
    }
    if (status === 'COMPLETE' || status === 'INCOMPLETE') {
      const seconds = out.startedAt === undefined ? 0 : (this.now() - out.startedAt) / 1000;
      const outcome = status === 'COMPLETE' ? 'succeeded' : 'failed';
      this.metric({ type: 'timer', metric: 'sync_duration', value: seconds, tags: { stream, status: outcome } }).catch(ignore);
      return this.log(status === 'COMPLETE' ? 'INFO' : 'WARN', `Stream "${stream}": ${status === 'COMPLETE' ? 'complete' : 'incomplete'}.`);
    }
    return Promise.resolve();
  }

  estimate(stream: string, rowEstimate: number): Promise<void> {
    return this.metric({ type: 'gauge', metric: 'row_estimate', value: rowEstimate, tags: { stream } });
  }

  log(level: LogLevel, message: string): Promise<void> {
    return this.logOutput.write(this.secrets.scrub(`${level} ${message}`) + '\n');
  }

  async configUpdate(config: JsonObject): Promise<void> {
    if (this.onConfigUpdate) return this.onConfigUpdate(config);
    await this.log('WARN', 'The connector changed its config (rotated credentials) but there is nowhere to save it.');
  }

  error(error: unknown, stream?: string): Promise<void> {
    return this.log('ERROR', singerErrorText(error, stream, this.debug, (text) => this.secrets.scrub(text)));
  }

  /** The current STATE value (every bookmark known so far). */
  get stateValue(): { bookmarks: JsonObject } {
    return { bookmarks: Object.fromEntries(this.bookmarks) };
  }

  async flush(): Promise<void> {
    await Promise.all([this.output.flush(), this.logOutput.flush()]);
  }

  /** Meltano SDK style metric line: `INFO METRIC: {...}` on stderr. */
  private metric(point: JsonObject): Promise<void> {
    return this.log('INFO', `METRIC: ${JSON.stringify(point)}`);
  }

  private send(message: JsonObject): Promise<void> {
    return this.output.write(this.secrets.scrub(JSON.stringify(message)) + '\n');
  }

  private streamOut(stream: string): StreamOut {
    let out = this.out.get(stream);
    if (!out) {
      const info = this.infos.get(stream) ?? FALLBACK_INFO;
      const properties = info.schema['properties'];
      const declares =
        this.deletedAt !== null && typeof properties === 'object' && properties !== null && this.deletedAt.from in properties;
      out = { info, schemaSent: false, declaresDeletedAt: declares, startedAt: undefined, activated: false };
      this.out.set(stream, out);
    }
    return out;
  }

  private schemaLine(stream: string, out: StreamOut): string {
    out.schemaSent = true;
    const message: JsonObject = {
      type: 'SCHEMA',
      stream,
      schema: this.singerSchema(out),
      key_properties: out.info.keyProperties,
    };
    if (out.info.bookmarkProperties && out.info.bookmarkProperties.length > 0) {
      message['bookmark_properties'] = out.info.bookmarkProperties;
    }
    const line = JSON.stringify(message) + '\n';
    if (out.info.version === undefined || out.activated) return line;
    // As the Meltano SDK does: before the first RECORD, so the target clears earlier versions, then loads this one.
    out.activated = true;
    return line + JSON.stringify({ type: 'ACTIVATE_VERSION', stream, version: out.info.version }) + '\n';
  }

  /** The stream schema minus deselected fields, with the deletion marker renamed (or added). */
  private singerSchema(out: StreamOut): JsonObject {
    const schema = out.info.schema;
    const properties = schema['properties'];
    const deselected = out.info.deselectedFields;
    if (typeof properties !== 'object' || properties === null) return schema;
    const renamed: JsonObject = {};
    for (const [field, definition] of Object.entries(properties)) {
      if (deselected?.has(field)) continue;
      renamed[this.deletedAt !== null && field === this.deletedAt.from ? this.deletedAt.to : field] = definition;
    }
    if (out.declaresDeletedAt && this.deletedAt !== null && !(this.deletedAt.to in renamed)) {
      renamed[this.deletedAt.to] = { type: ['null', 'string'], format: 'date-time' };
    }
    const copy: JsonObject = { ...schema, properties: renamed };
    if (Array.isArray(schema['required'])) {
      copy['required'] = (schema['required'] as unknown[]).filter((field) => typeof field !== 'string' || !deselected?.has(field));
    }
    return copy;
  }

  /**
   * Prune deselected fields and rename the deletion marker; undefined when the record goes out
   * untouched (as it is, or as its bytes when it was read as bytes: raw-record.ts).
   */
  private transform(record: JsonObject, info: SingerStreamInfo): JsonObject | undefined {
    const deselected = info.deselectedFields;
    const from = this.deletedAt?.from;
    // A record read as bytes never carries the marker (the scan leaves such a record parsed).
    const rename = from !== undefined && from in record;
    if (!rename && (deselected === undefined || deselected.size === 0)) return undefined;
    const copy: JsonObject = {};
    for (const [field, value] of Object.entries(recordValue(record))) {
      if (deselected?.has(field)) continue;
      copy[rename && field === from ? (this.deletedAt as DeletedAtMapping).to : field] = value;
    }
    return copy;
  }
}

function ignore(): void {}

/** One line naming the problem (and the stream); maintainer detail and stack only when debugging. */
export function singerErrorText(error: unknown, stream: string | undefined, debug: boolean, scrub?: (text: string) => string): string {
  const report = reportError(error, stream, scrub);
  const where = report.streamName === undefined ? '' : `Stream "${report.streamName}" failed: `;
  let text = `${where}${report.message}`;
  if (debug) {
    if (report.internalMessage !== undefined && report.internalMessage !== report.message) text += `\n${report.internalMessage}`;
    if (report.stackTrace !== undefined) text += `\n${report.stackTrace}`;
  }
  return text;
}
