// Parses a query answer's bytes one record at a time. JSON.parse of a whole 1000-row page needs
// the page as one string of ~2-4 MB: V8 allocates it as a large object, and when a young-generation
// GC runs during the parse (most pages) it is promoted and stays until a full GC, so the heap grew
// with every page. Here only the records' array is split out (a byte scan that tracks strings and
// nesting), each record is decoded and parsed alone, and the small rest is parsed as the envelope.
// The result equals JSON.parse of the whole text; any shape the scan does not expect falls back to
// exactly that.

import { checkDataDepth } from '../cdk/index.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

interface RecordArray {
  /** Key of the array inside QueryResponse (the entity). */
  entity: string;
  /** Index of its '[' and of its ']'. */
  open: number;
  close: number;
  /** [start, end) of each element, flattened. */
  spans: number[];
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** JSON.parse(bytes as UTF-8), building the records of QueryResponse's array one by one. */
export function parseQueryBody(bytes: Uint8Array): unknown {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkDataDepth(buffer, "A record in QuickBooks' answer to a query");
  const found = findRecordArray(buffer);
  if (!found) return JSON.parse(buffer.toString('utf8'));
  const envelope: unknown = JSON.parse(Buffer.concat([buffer.subarray(0, found.open + 1), buffer.subarray(found.close)]).toString('utf8'));
  const response = (envelope as { QueryResponse?: Record<string, unknown> }).QueryResponse;
  const slot = response?.[found.entity];
  if (!Array.isArray(slot) || slot.length !== 0) return JSON.parse(buffer.toString('utf8'));
  const records = new Array<unknown>(found.spans.length / 2);
  for (let k = 0, j = 0; j < found.spans.length; k++, j += 2) {
    records[k] = JSON.parse(buffer.toString('utf8', found.spans[j], found.spans[j + 1]));
  }
  (response as Record<string, unknown>)[found.entity] = records;
  return envelope;
}

/**
 * Finds `{"QueryResponse":{"<Entity>":[{...},{...}]...}...}`: the one array directly inside the
 * top-level QueryResponse object, whose elements are all objects. Undefined for any other shape
 * (no such array, two of them, scalars in it, a body cut off), which the caller parses whole.
 */
export function findRecordArray(b: Buffer): RecordArray | undefined {
  const n = b.length;
  let depth = 0;
  let stringStart = -1;
  let stringEnd = -1;
  let inQueryResponse = false; // the current top-level member is QueryResponse
  let memberKey: string | undefined; // the current member's key inside QueryResponse
  let found: RecordArray | undefined;
  let inArray = false;
  let expectElement = false; // inside the array: after '[' or ','
  let elementStart = -1;
  for (let i = 0; i < n; i++) {
    const c = b[i] as number;
    if (c === QUOTE) {
      stringStart = i;
      for (i++; ; i++) {
        if (i >= n) return undefined;
        const d = b[i];
        if (d === QUOTE) break;
        if (d === BACKSLASH) i++;
      }
      stringEnd = i + 1;
      if (inArray && depth === 3) return undefined; // a string element
      continue;
    }
    if (depth <= 2 && c === COLON) {
      const key = b.toString('utf8', stringStart + 1, stringEnd - 1);
      if (depth === 1) inQueryResponse = key === 'QueryResponse';
      else if (inQueryResponse) memberKey = key;
      continue;
    }
    if (c === LBRACE || c === LBRACKET) {
      depth++;
      if (inArray && depth === 4) {
        if (c !== LBRACE || !expectElement) return undefined;
        elementStart = i;
        expectElement = false;
      } else if (depth === 3 && c === LBRACKET && inQueryResponse && memberKey !== undefined) {
        if (found) return undefined; // two arrays: not a query page
        found = { entity: memberKey, open: i, close: -1, spans: [] };
        inArray = true;
        expectElement = true;
      }
      continue;
    }
    if (c === RBRACE || c === RBRACKET) {
      if (inArray && depth === 4) {
        (found as RecordArray).spans.push(elementStart, i + 1);
      } else if (inArray && depth === 3) {
        const spans = (found as RecordArray).spans;
        if (expectElement && spans.length > 0) return undefined; // "[{...},]"
        (found as RecordArray).close = i;
        inArray = false;
      }
      depth--;
      if (depth < 0) return undefined;
      continue;
    }
    if (inArray && depth === 3) {
      if (c === COMMA && !expectElement) expectElement = true;
      else if (!isSpace(c)) return undefined; // a number, literal or stray comma as an element
    }
  }
  return found && found.close >= 0 && depth === 0 ? found : undefined;
}
