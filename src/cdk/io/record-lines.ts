// A page of records leaves as ~64 KB Buffer writes of whole lines, built in one reused buffer: no
// string per line or per page (a big string outlives young-generation GCs in V8's large-object
// space, and non-Latin-1 text doubles its size). A record that travels as bytes (raw-record.ts) is
// copied in as it is, with the keys added to it since appended; any other is JSON.stringify'd.
// Every chunk is scrubbed of secrets on its bytes (SecretRegistry.scrubBytes) before it is
// written. Chunks end on line ends, so a scrub sees whole lines, as scrubbing the page did.
import type { TextOutput } from './json-lines-output.js';
import type { JsonObject } from '../core/protocol.js';
import { addedKeys, rawJsonOf } from '../core/raw-record.js';
import type { SecretRegistry } from '../core/secrets.js';

const CHUNK_BYTES = 64 * 1024;
/** Room for a chunk plus a typical line; a bigger line grows the buffer for that call. */
const BUFFER_BYTES = 2 * CHUNK_BYTES;

/** The buffer lines are built in: one for the process (building and handing over a chunk is synchronous). */
let scratch: Buffer | undefined;

function noop(): void {}

class LineChunks {
  private buf: Buffer;
  private len = 0;
  readonly writes: Promise<void>[] = [];

  constructor(
    private readonly output: TextOutput,
    private readonly secrets: SecretRegistry,
  ) {
    scratch ??= Buffer.allocUnsafeSlow(BUFFER_BYTES);
    this.buf = scratch;
  }

  text(text: string): void {
    this.room(text.length * 3);
    this.len += this.buf.write(text, this.len, 'utf8');
  }

  bytes(source: Buffer, start: number, end: number): void {
    this.room(end - start);
    this.len += source.copy(this.buf, this.len, start, end);
  }

  /** A line ended: hand the chunk over once it is big enough. */
  lineEnd(): void {
    if (this.len >= CHUNK_BYTES) this.flush();
  }

  /** Hand over what is built (whole lines); the output consumes the bytes before write returns. */
  flush(): void {
    if (this.len === 0) return;
    this.writes.push(this.output.write(this.secrets.scrubBytes(this.buf.subarray(0, this.len))));
    this.len = 0;
  }

  /** Grow (never flush: a chunk holds whole lines only) so that `n` more bytes fit. */
  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(2 * this.buf.length, this.len + n));
    this.buf.copy(bigger, 0, 0, this.len);
    this.buf = bigger; // the shared scratch stays its usual size
  }
}

/**
 * Writes `head`, then per record `prefix` + the record's JSON + `suffix` (which ends the line),
 * scrubbed, in chunks; resolves once all are accepted. `shape` may replace a record by another
 * object to write (Singer's field selection); undefined keeps it (and its bytes, when it has them).
 */
export function writeRecordLines(
  output: TextOutput,
  secrets: SecretRegistry,
  head: string,
  records: readonly JsonObject[],
  prefix: string,
  suffix: string,
  shape?: (record: JsonObject) => JsonObject | undefined,
): Promise<void> {
  const chunks = new LineChunks(output, secrets);
  if (head !== '') chunks.text(head);
  const prefixBytes = Buffer.from(prefix, 'utf8');
  for (const record of records) {
    const shaped = shape?.(record);
    const raw = shaped === undefined ? rawJsonOf(record) : undefined;
    if (raw === undefined) {
      chunks.text(prefix + JSON.stringify(shaped ?? record) + suffix);
    } else {
      chunks.bytes(prefixBytes, 0, prefixBytes.length);
      const added = addedKeys(record, raw);
      if (added.length === 0) chunks.bytes(raw.bytes, raw.start, raw.end);
      else {
        chunks.bytes(raw.bytes, raw.start, raw.end - 1); // without its '}'
        chunks.text(addedMembers(record, added, raw.end - raw.start > 2) + '}');
      }
      chunks.text(suffix);
    }
    chunks.lineEnd();
  }
  chunks.flush();
  const writes = chunks.writes;
  if (writes.length === 1) return writes[0] as Promise<void>;
  return Promise.all(writes).then(noop);
}

/** `,"key":value` for each added key (JSON.stringify's rules: undefined values left out); `more`: the object already has members. */
function addedMembers(record: JsonObject, added: readonly string[], more: boolean): string {
  let tail = '';
  for (const key of added) {
    const value = JSON.stringify(record[key]);
    if (value === undefined) continue;
    tail += `${more ? ',' : ''}${JSON.stringify(key)}:${value}`;
    more = true;
  }
  return tail;
}
