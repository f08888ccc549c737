// The contract of one stream: what the read driver hands it (StreamReadRequest), what it yields
// (records, state, deletes, logs as StreamEvents) and the MessageSink those events go to.
import type { AirbyteStream, JsonObject, LogLevel, StreamStatus, SyncMode } from './protocol.js';

/** What the read driver hands a stream: its configured mode and its own slice of the input state. */
export interface StreamReadRequest {
  syncMode: SyncMode;
  /** The configured cursor field, when the catalog names one. */
  cursorField: string[] | undefined;
  /** This stream's `stream_state` from the input state, or undefined for a first sync / full refresh. */
  state: JsonObject | undefined;
  /** Aborted when the sync is being torn down (another stream failed fatally, SIGTERM). */
  signal: AbortSignal;
}

/**
 * What a stream yields, in order. Records come a page at a time (one object per page keeps the
 * per-record overhead off the hot path). A `state` is a checkpoint: every record before it has been
 * yielded, so a sync resumed from it loses nothing.
 */
export type StreamEvent =
  | { type: 'records'; records: JsonObject[] }
  | { type: 'state'; state: JsonObject }
  | { type: 'estimate'; rowEstimate: number };

/** A stream as the kit sees it: protocol-neutral, no QBO word. */
export interface Stream {
  readonly name: string;
  /** The discover entry: name, resolved JSON schema (no $ref), sync modes, cursor, primary key. */
  describe(): AirbyteStream;
  read(request: StreamReadRequest): AsyncIterable<StreamEvent>;
}

/**
 * Where a protocol writer sends what a run produces. The Airbyte writer turns these into
 * AirbyteMessages on stdout; the Singer writer into SCHEMA/RECORD/STATE lines. Every method
 * resolves once the bytes are handed to the OS (stdout drain respected).
 */
export interface MessageSink {
  records(stream: string, records: JsonObject[]): Promise<void>;
  /** A checkpoint; `recordCount` is the number of records of this stream since its previous state. */
  state(stream: string, state: JsonObject, recordCount: number): Promise<void>;
  streamStatus(stream: string, status: StreamStatus): Promise<void>;
  estimate(stream: string, rowEstimate: number): Promise<void>;
  log(level: LogLevel, message: string): Promise<void>;
  /** The whole connector config after a change the platform must persist (rotated OAuth tokens). */
  configUpdate(config: JsonObject): Promise<void>;
  /** A failure, of one stream (`stream` set) or of the whole run: Airbyte TRACE ERROR / Singer stderr line. */
  error(error: unknown, stream?: string): Promise<void>;
}
