// The MessageSink of the Airbyte protocol: every message one JSON line on stdout, secrets scrubbed
// from everything but CONTROL (which must carry the rotated tokens to the platform).
import { failureTypeOf } from '../core/errors.js';
import { reportError } from '../core/error-report.js';
import type { TextOutput } from '../io/json-lines-output.js';
import { writeRecordLines } from '../io/record-lines.js';
import type {
  AirbyteCatalog,
  AirbyteConnectionStatus,
  AirbyteErrorTraceMessage,
  AirbyteMessage,
  ConnectorSpecification,
  JsonObject,
  LogLevel,
  StreamStatus,
} from '../core/protocol.js';
import type { SecretRegistry } from '../core/secrets.js';
import type { MessageSink } from '../core/stream.js';

export interface AirbyteWriterOptions {
  output: TextOutput;
  secrets: SecretRegistry;
  /** Clock for emitted_at (ms since epoch); tests pin it. */
  now?: () => number;
}

/**
 * Writes AirbyteMessages, one JSON object per line. Every line except CONTROL (which must carry the
 * real rotated config) is scrubbed of registered secrets before it leaves.
 */
export class AirbyteWriter implements MessageSink {
  private readonly output: TextOutput;
  private readonly secrets: SecretRegistry;
  private readonly now: () => number;

  constructor(options: AirbyteWriterOptions) {
    this.output = options.output;
    this.secrets = options.secrets;
    this.now = options.now ?? Date.now;
  }

  /**
   * The hot path: a page's lines share one envelope prefix and go out in a few scrubbed chunks of
   * bytes; a record read as bytes is copied in as QuickBooks wrote it (see record-lines.ts).
   */
  records(stream: string, records: JsonObject[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    const prefix = `{"type":"RECORD","record":{"stream":${JSON.stringify(stream)},"emitted_at":${this.now()},"data":`;
    return writeRecordLines(this.output, this.secrets, '', records, prefix, '}}\n');
  }

  state(stream: string, state: JsonObject, recordCount: number): Promise<void> {
    return this.send({
      type: 'STATE',
      state: {
        type: 'STREAM',
        stream: { stream_descriptor: { name: stream }, stream_state: state },
        sourceStats: { recordCount },
      },
    });
  }

  streamStatus(stream: string, status: StreamStatus): Promise<void> {
    return this.send({
      type: 'TRACE',
      trace: { type: 'STREAM_STATUS', emitted_at: this.now(), stream_status: { stream_descriptor: { name: stream }, status } },
    });
  }

  estimate(stream: string, rowEstimate: number): Promise<void> {
    return this.send({
      type: 'TRACE',
      trace: { type: 'ESTIMATE', emitted_at: this.now(), estimate: { name: stream, type: 'STREAM', row_estimate: rowEstimate } },
    });
  }

  log(level: LogLevel, message: string): Promise<void> {
    return this.send({ type: 'LOG', log: { level, message } });
  }

  /** CONTROL CONNECTOR_CONFIG with the whole config; deliberately not scrubbed. */
  configUpdate(config: JsonObject): Promise<void> {
    const message: AirbyteMessage = {
      type: 'CONTROL',
      control: { type: 'CONNECTOR_CONFIG', emitted_at: this.now(), connectorConfig: { config } },
    };
    return this.output.write(JSON.stringify(message) + '\n');
  }

  error(error: unknown, stream?: string): Promise<void> {
    const report = reportError(error, stream, (text) => this.secrets.scrub(text));
    const trace: AirbyteErrorTraceMessage = { message: report.message, failure_type: failureTypeOf(error) };
    if (report.internalMessage !== undefined) trace.internal_message = report.internalMessage;
    if (report.stackTrace !== undefined) trace.stack_trace = report.stackTrace;
    if (report.streamName !== undefined) trace.stream_descriptor = { name: report.streamName };
    return this.send({ type: 'TRACE', trace: { type: 'ERROR', emitted_at: this.now(), error: trace } });
  }

  spec(spec: ConnectorSpecification): Promise<void> {
    return this.send({ type: 'SPEC', spec });
  }

  catalog(catalog: AirbyteCatalog): Promise<void> {
    return this.send({ type: 'CATALOG', catalog });
  }

  connectionStatus(status: AirbyteConnectionStatus): Promise<void> {
    return this.send({ type: 'CONNECTION_STATUS', connectionStatus: status });
  }

  /** Resolves once every message so far is written. */
  flush(): Promise<void> {
    return this.output.flush();
  }

  private send(message: AirbyteMessage): Promise<void> {
    return this.output.write(this.secrets.scrub(JSON.stringify(message)) + '\n');
  }
}
