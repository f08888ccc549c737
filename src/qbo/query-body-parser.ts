// Reads a query answer's bytes one record at a time. JSON.parse of a whole 1000-row page needs
// the page as one string of ~2-4 MB: V8 allocates it as a large object, and when a young-generation
// GC runs during the parse (most pages) it is promoted and stays until a full GC, so the heap grew
// with every page. Here one validating scan (record-scan.ts) walks the body, finds the records'
// array inside QueryResponse, and checks each record. With an owner for the buffer, a record whose
// text is plain is not parsed at all: it becomes a stub (cdk/raw-record.ts) carrying its bytes and
// the fields the reader needs, and is written to the output as it is. Other records are parsed
// alone, and the small rest as the envelope. The result equals JSON.parse of the whole text (stubs
// stand for the records they replace); any shape or text the scan does not accept falls back to
// exactly that JSON.parse (after the kit's depth check), which throws as it always did on a broken body.
import { isUtf8 } from 'node:buffer';
import { checkDataDepth, rawRecord, type JsonObject, type RawOwner } from '../cdk/index.js';
import { JsonScan, LBRACE, LBRACKET, RBRACE, RBRACKET } from './record-scan.js';

interface RecordArray {
  /** Key of the array inside QueryResponse (the entity). */
  entity: string;
  /** Index of its '[' and of its ']'. */
  open: number;
  close: number;
  /** The records: stubs over the buffer, or parsed objects. */
  records: JsonObject[];
  /** How many of them are stubs. */
  raw: number;
}

/** JSON.parse(bytes as UTF-8), parsing the records of QueryResponse's array one by one. */
export function parseQueryBody(bytes: Uint8Array): unknown {
  return readQueryBody(bytes, undefined).body;
}

/**
 * As parseQueryBody, but with `owner` plain records stay bytes (stubs pointing into `bytes`, which
 * must then stay untouched until owner.release()). `raw`: how many stubs were made (0: the caller
 * may reuse the buffer at once).
 */
export function readQueryBody(bytes: Uint8Array, owner: RawOwner | undefined): { body: unknown; raw: number } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Invalid UTF-8 is replaced by U+FFFD in a decode: such a body takes that path, bytes never pass through.
  const found = isUtf8(buffer) ? scanQueryBody(buffer, owner) : undefined;
  if (!found) return { body: parseWhole(buffer), raw: 0 };
  const envelope: unknown = JSON.parse(Buffer.concat([buffer.subarray(0, found.open + 1), buffer.subarray(found.close)]).toString('utf8'));
  const response = (envelope as { QueryResponse?: Record<string, unknown> }).QueryResponse;
  const slot = response?.[found.entity];
  if (!Array.isArray(slot) || slot.length !== 0) return { body: parseWhole(buffer), raw: 0 };
  (response as Record<string, unknown>)[found.entity] = found.records;
  return { body: envelope, raw: found.raw };
}

/**
 * The ordinary path, for a body the scan did not take: refused when it nests deeper than the kit's
 * limit (the scan gives up on such text itself, so a body it took is within it), else JSON.parse.
 */
function parseWhole(buffer: Buffer): unknown {
  checkDataDepth(buffer, "A record in QuickBooks' answer to a query");
  return JSON.parse(buffer.toString('utf8'));
}

/**
 * Scans `{"QueryResponse":{"<Entity>":[{...},{...}]...}...}` whole, validating it: finds the one
 * array directly inside the top-level QueryResponse object (its elements all objects) and reads its
 * records. Undefined for any other shape (no such array, two of them, a scalar in it) or text that
 * is not JSON; the caller then parses the body whole.
 */
export function scanQueryBody(b: Buffer, owner: RawOwner | undefined): RecordArray | undefined {
  const s = new JsonScan(b);
  let found: RecordArray | undefined;
  if (!s.take(LBRACE)) return undefined;
  s.ws();
  if (s.peek() === RBRACE) return undefined;
  for (;;) {
    if (!s.member()) return undefined;
    if (s.keyEnd - s.keyStart === 15 && b.toString('latin1', s.keyStart, s.keyEnd) === '"QueryResponse"' && s.peek() === LBRACE) {
      const inner = scanQueryResponse(s, b, owner, found !== undefined);
      if (inner === undefined) return undefined;
      if (inner !== null) found = inner;
    } else if (!s.value(1)) return undefined;
    const more = s.next(RBRACE);
    if (more === undefined) return undefined;
    if (!more) break;
  }
  s.ws();
  return found && s.i === b.length ? found : undefined;
}

/** The QueryResponse object at the scan position: its record array, null when it has none, undefined when the scan must give up. */
function scanQueryResponse(s: JsonScan, b: Buffer, owner: RawOwner | undefined, already: boolean): RecordArray | null | undefined {
  let found: RecordArray | undefined;
  s.i++; // '{'
  s.ws();
  if (s.peek() === RBRACE) {
    s.i++;
    return null;
  }
  for (;;) {
    if (!s.member()) return undefined;
    if (s.peek() === LBRACKET) {
      if (found || already) return undefined; // two arrays: not a query page
      found = { entity: JSON.parse(b.toString('utf8', s.keyStart, s.keyEnd)) as string, open: s.i, close: -1, records: [], raw: 0 };
      if (!scanRecords(s, b, owner, found)) return undefined;
    } else if (!s.value(2)) return undefined;
    const more = s.next(RBRACE);
    if (more === undefined) return undefined;
    if (!more) return found ?? null;
  }
}

/** The records' array at the scan position, into `into`; false when an element is not an object or not JSON. */
function scanRecords(s: JsonScan, b: Buffer, owner: RawOwner | undefined, into: RecordArray): boolean {
  s.i++; // '['
  s.ws();
  if (s.peek() === RBRACKET) {
    into.close = s.i++;
    return true;
  }
  for (;;) {
    s.ws();
    if (s.peek() !== LBRACE) return false;
    const start = s.i;
    if (!s.record()) return false;
    const end = s.i;
    if (owner !== undefined && s.plain) {
      const fields: JsonObject = {};
      if (s.id !== undefined) fields['Id'] = s.id;
      if (s.syncToken !== undefined) fields['SyncToken'] = s.syncToken;
      if (s.lastUpdated !== undefined) fields['MetaData'] = { LastUpdatedTime: s.lastUpdated };
      into.records.push(rawRecord(fields, s.found, b, start, end, owner));
      into.raw++;
    } else {
      into.records.push(JSON.parse(b.toString('utf8', start, end)) as JsonObject);
    }
    const more = s.next(RBRACKET);
    if (more === undefined) return false;
    if (!more) {
      into.close = s.i - 1;
      return true;
    }
  }
}
