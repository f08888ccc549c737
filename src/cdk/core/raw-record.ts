// A record that arrived as its own JSON text travels as a small stub: the few fields the reading
// side needs (for QBO: Id, SyncToken, MetaData.LastUpdatedTime) as plain own properties, and the
// record's bytes in a private field. Writers copy those bytes into their lines instead of
// JSON.stringify of a parsed object, and append whatever was added to the stub after it was made
// (airbyte_cursor). Whoever needs any other field calls recordValue(), which parses the bytes
// (validation, transforms); JSON.stringify of a stub does that too (toJSON), so no path can write
// a stub's few fields for the record. The bytes are a slice of a buffer that goes back to its pool
// once the page's records are written (releaseRecords): reading them after that throws instead of
// reading reused memory.
import type { JsonObject } from './protocol.js';

/** The buffer a page's records point into. */
export interface RawOwner {
  readonly released: boolean;
  /** Give the buffer back (idempotent). Every record pointing into it must be written by then. */
  release(): void;
}

/** Where a stub's text is. */
export interface RawJson {
  /** The buffer holding the text (read [start, end) only); throws once the page was released. */
  readonly bytes: Buffer;
  /** [start, end): valid JSON, UTF-8, '{' ... '}', no whitespace outside strings. */
  readonly start: number;
  readonly end: number;
  readonly owner: RawOwner;
  /** How many own keys the stub was made with; keys after them were added since. */
  readonly known: number;
}

class RawText implements RawJson {
  constructor(
    private readonly buffer: Buffer,
    readonly start: number,
    readonly end: number,
    readonly owner: RawOwner,
    readonly known: number,
  ) {}

  get bytes(): Buffer {
    if (this.owner.released) throw new Error('A record read as bytes was used after its page was written and its buffer reused (releaseRecords too early).');
    return this.buffer;
  }
}

/** The stub: its fields are own properties; the text is a private field, out of Object.keys and of equality checks. */
class RawRecord {
  [key: string]: unknown;
  readonly #raw: RawText;

  constructor(fields: JsonObject, raw: RawText) {
    for (const key in fields) this[key] = fields[key];
    this.#raw = raw;
  }

  static raw(record: object): RawJson | undefined {
    return #raw in record ? (record as RawRecord).#raw : undefined;
  }

  /** JSON.stringify(stub) writes the whole record. */
  toJSON(): JsonObject {
    return recordValue(this);
  }
}

/** A stub with `fields` (`known` own keys, set in this order) for the record whose text is buffer[start, end). */
export function rawRecord(fields: JsonObject, known: number, buffer: Buffer, start: number, end: number, owner: RawOwner): JsonObject {
  return new RawRecord(fields, new RawText(buffer, start, end, owner, known));
}

/** Where the record's text is when it travels as bytes, else undefined (a parsed record). */
export function rawJsonOf(record: JsonObject): RawJson | undefined {
  return RawRecord.raw(record);
}

/** Keys added to a stub after it was made, in the order they were added. */
export function addedKeys(record: JsonObject, raw: RawJson): string[] {
  const keys = Object.keys(record);
  return raw.known === 0 ? keys : keys.slice(raw.known);
}

/**
 * The whole record as an object: a parsed record is returned as it is; a stub is parsed from its
 * bytes (a new object each call) with the keys added to the stub set on top, as a parsed record
 * would have had them.
 */
export function recordValue(record: JsonObject): JsonObject {
  const raw = rawJsonOf(record);
  if (raw === undefined) return record;
  const value = JSON.parse(raw.bytes.toString('utf8', raw.start, raw.end)) as JsonObject;
  for (const key of addedKeys(record, raw)) value[key] = record[key];
  return value;
}

/** Give back the buffers the stubs among `records` point into; call once they are written. */
export function releaseRecords(records: readonly JsonObject[]): void {
  let last: RawOwner | undefined;
  for (const record of records) {
    const owner = rawJsonOf(record)?.owner;
    if (owner !== undefined && owner !== last) {
      owner.release();
      last = owner;
    }
  }
}
