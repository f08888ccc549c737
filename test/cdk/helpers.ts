import { Writable } from 'node:stream';
import type { JsonObject, LogLevel, StreamStatus } from '../../src/cdk/core/protocol.js';
import type { MessageSink, Stream, StreamEvent, StreamReadRequest } from '../../src/cdk/core/stream.js';
import type { AirbyteStream, SyncMode } from '../../src/cdk/core/protocol.js';

/** A Writable that keeps everything written, as text. */
export class CaptureStream extends Writable {
  text = '';
  constructor(options: { highWaterMark?: number; delayMs?: number } = {}) {
    super({ highWaterMark: options.highWaterMark ?? 16384, decodeStrings: false });
    this.delayMs = options.delayMs ?? 0;
  }
  private readonly delayMs: number;
  override _write(chunk: string | Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    if (this.delayMs > 0) setTimeout(callback, this.delayMs);
    else callback();
  }
  lines(): string[] {
    return this.text.split('\n').filter((line) => line !== '');
  }
  messages(): JsonObject[] {
    return this.lines().map((line) => JSON.parse(line) as JsonObject);
  }
}

export type SinkCall =
  | { kind: 'records'; stream: string; records: JsonObject[] }
  | { kind: 'state'; stream: string; state: JsonObject; recordCount: number }
  | { kind: 'status'; stream: string; status: StreamStatus }
  | { kind: 'estimate'; stream: string; rowEstimate: number }
  | { kind: 'log'; level: LogLevel; message: string }
  | { kind: 'config'; config: JsonObject }
  | { kind: 'error'; error: unknown; stream: string | undefined };

/** A MessageSink that records every call in order. */
export class RecordingSink implements MessageSink {
  calls: SinkCall[] = [];
  async records(stream: string, records: JsonObject[]) {
    this.calls.push({ kind: 'records', stream, records });
  }
  async state(stream: string, state: JsonObject, recordCount: number) {
    this.calls.push({ kind: 'state', stream, state, recordCount });
  }
  async streamStatus(stream: string, status: StreamStatus) {
    this.calls.push({ kind: 'status', stream, status });
  }
  async estimate(stream: string, rowEstimate: number) {
    this.calls.push({ kind: 'estimate', stream, rowEstimate });
  }
  async log(level: LogLevel, message: string) {
    this.calls.push({ kind: 'log', level, message });
  }
  async configUpdate(config: JsonObject) {
    this.calls.push({ kind: 'config', config });
  }
  async error(error: unknown, stream?: string) {
    this.calls.push({ kind: 'error', error, stream });
  }
  statuses(stream: string): StreamStatus[] {
    return this.calls.flatMap((c) => (c.kind === 'status' && c.stream === stream ? [c.status] : []));
  }
  errors(): Extract<SinkCall, { kind: 'error' }>[] {
    return this.calls.filter((c): c is Extract<SinkCall, { kind: 'error' }> => c.kind === 'error');
  }
}

export function describeStream(name: string, modes: SyncMode[] = ['full_refresh', 'incremental']): AirbyteStream {
  return {
    name,
    json_schema: { type: 'object', properties: { Id: { type: 'string' } } },
    supported_sync_modes: modes,
    source_defined_cursor: true,
    default_cursor_field: ['updated'],
    source_defined_primary_key: [['Id']],
  };
}

/** A stream whose read() is a given generator function; remembers the requests it got. */
export class FakeStream implements Stream {
  requests: StreamReadRequest[] = [];
  constructor(
    readonly name: string,
    private readonly body: (request: StreamReadRequest) => AsyncIterable<StreamEvent>,
    private readonly modes: SyncMode[] = ['full_refresh', 'incremental'],
  ) {}
  describe(): AirbyteStream {
    return describeStream(this.name, this.modes);
  }
  read(request: StreamReadRequest): AsyncIterable<StreamEvent> {
    this.requests.push(request);
    return this.body(request);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
