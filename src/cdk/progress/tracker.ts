// Per-stream counters of a read, fed by a MessageSink decorator: what a person watching wants to see
// (records, deletes, pages, checkpoints, time), gathered without touching the read driver.
import type { JsonObject, LogLevel, StreamStatus } from '../core/protocol.js';
import type { MessageSink } from '../core/stream.js';
import { DELETED_AT } from '../core/deletes.js';

/** The Airbyte CDC deletion marker: a record carrying it is a tombstone. */

export interface StreamProgress {
  stream: string;
  status: 'running' | 'complete' | 'incomplete';
  records: number;
  /** Records carrying `_ab_cdc_deleted_at` (tombstones). */
  deletes: number;
  /** Record batches handed to the sink (a page each, for page-wise streams). */
  pages: number;
  states: number;
  startedAt: number;
  endedAt: number | undefined;
}

/** Tombstones in a batch; a cheap `in` test per record. */
export function countDeletes(records: readonly JsonObject[]): number {
  let n = 0;
  for (const record of records) if (record[DELETED_AT] != null) n += 1;
  return n;
}

export class ProgressTracker {
  private readonly byStream = new Map<string, StreamProgress>();
  readonly startedAt: number;

  constructor(readonly now: () => number = Date.now) {
    this.startedAt = now();
  }

  /** Streams in the order they started. */
  streams(): StreamProgress[] {
    return [...this.byStream.values()];
  }

  private entry(stream: string): StreamProgress {
    let entry = this.byStream.get(stream);
    if (entry === undefined) {
      entry = { stream, status: 'running', records: 0, deletes: 0, pages: 0, states: 0, startedAt: this.now(), endedAt: undefined };
      this.byStream.set(stream, entry);
    }
    return entry;
  }

  records(stream: string, records: readonly JsonObject[]): void {
    const entry = this.entry(stream);
    entry.records += records.length;
    entry.deletes += countDeletes(records);
    entry.pages += 1;
  }

  state(stream: string): void {
    this.entry(stream).states += 1;
  }

  status(stream: string, status: StreamStatus): void {
    const entry = this.entry(stream);
    if (status === 'COMPLETE' || status === 'INCOMPLETE') {
      entry.status = status === 'COMPLETE' ? 'complete' : 'incomplete';
      entry.endedAt = this.now();
    }
  }
}

/** A sink that counts what passes through into `tracker`, then forwards it unchanged. */
export function trackingSink(inner: MessageSink, tracker: ProgressTracker): MessageSink {
  return {
    records(stream: string, records: JsonObject[]) {
      tracker.records(stream, records);
      return inner.records(stream, records);
    },
    state(stream: string, state: JsonObject, recordCount: number) {
      tracker.state(stream);
      return inner.state(stream, state, recordCount);
    },
    streamStatus(stream: string, status: StreamStatus) {
      tracker.status(stream, status);
      return inner.streamStatus(stream, status);
    },
    estimate: (stream: string, rowEstimate: number) => inner.estimate(stream, rowEstimate),
    log: (level: LogLevel, message: string) => inner.log(level, message),
    configUpdate: (config: JsonObject) => inner.configUpdate(config),
    error: (error: unknown, stream?: string) => inner.error(error, stream),
  };
}
