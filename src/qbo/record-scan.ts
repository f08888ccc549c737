// A validating JSON scan over bytes: it checks the JSON grammar (the caller checks UTF-8 with
// isUtf8), and for a record (an object) also notes the fields the reader needs (Id, SyncToken,
// MetaData.LastUpdatedTime) and whether its text is "plain": exactly what JSON.stringify of the
// parsed record would write, numbers aside (no whitespace between tokens, no escape JSON.stringify
// would not write, no exponent, no key of the connector's own namespace, no nesting deeper than
// PLAIN_DEPTH, the noted fields plain unescaped strings that occur once). A plain record can be
// copied to the output as it is; any other takes the parse path. No value is built.
import { MAX_JSON_DEPTH } from '../cdk/index.js';

export const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
export const COMMA = 0x2c;
export const LBRACE = 0x7b;
export const RBRACE = 0x7d;
export const LBRACKET = 0x5b;
export const RBRACKET = 0x5d;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

/** Records nest about 6 deep; text nested deeper than this takes the parse path, where depth is checked. */
export const PLAIN_DEPTH = 32;
/**
 * Deeper than this (a record sits 3 levels into its page) the scan gives up on the whole body: the
 * caller's ordinary path then refuses it with the kit's depth error (cdk json-depth.ts).
 */
const MAX_DEPTH = MAX_JSON_DEPTH - 3;

/** Field slots of a record's top level. */
const NONE = 0;
const ID = 1;
const SYNC_TOKEN = 2;
const META_DATA = 3;
const LAST_UPDATED = 4;

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= ZERO && c <= NINE;
}

export class JsonScan {
  /** Where the scan is: the next byte to read. */
  i = 0;
  /** Set by record(): the noted fields, and whether the text is plain. */
  id: string | undefined;
  syncToken: string | undefined;
  lastUpdated: string | undefined;
  plain = true;
  /** How many of Id, SyncToken, MetaData.LastUpdatedTime record() found (the stub's own keys). */
  found = 0;
  /** The last string scanned had an escape. */
  private escaped = false;
  /** The record's top level had a MetaData key already (a second one makes it not plain). */
  private metaSeen = false;
  private readonly n: number;

  constructor(private readonly b: Buffer) {
    this.n = b.length;
  }

  /** Skip whitespace (which makes a record not plain). */
  ws(): void {
    while (isSpace(this.b[this.i])) {
      this.plain = false;
      this.i++;
    }
  }

  /** The byte at the scan position (undefined past the end). */
  peek(): number | undefined {
    return this.b[this.i];
  }

  /** Consume `c` (after whitespace); false when another byte is there. */
  take(c: number): boolean {
    this.ws();
    if (this.b[this.i] !== c) return false;
    this.i++;
    return true;
  }

  /**
   * After a member or element: true past a comma (another follows), false past `close` (the
   * container ended), undefined for anything else (not JSON).
   */
  next(close: number): boolean | undefined {
    this.ws();
    const c = this.b[this.i];
    this.i++;
    if (c === COMMA) {
      this.ws();
      return true;
    }
    return c === close ? false : undefined;
  }

  /** [start, end) of the key token member() read last. */
  keyStart = 0;
  keyEnd = 0;

  /** An object member's `"key":` (then the value's first byte); false when it is not one. */
  member(): boolean {
    this.keyStart = this.i;
    if (!this.string()) return false;
    this.keyEnd = this.i;
    if (!this.take(COLON)) return false;
    this.ws();
    return true;
  }

  /** A string token at the scan position; false when it is not one. */
  string(): boolean {
    const b = this.b;
    const n = this.n;
    let j = this.i;
    if (b[j] !== QUOTE) return false;
    this.escaped = false;
    for (j++; j < n; ) {
      const c = b[j] as number;
      if (c === QUOTE) {
        this.i = j + 1;
        return true;
      }
      if (c === BACKSLASH) {
        this.escaped = true;
        const e = b[j + 1];
        // \" \\ \b \f \n \r \t: what JSON.stringify writes itself.
        if (e === QUOTE || e === BACKSLASH || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) j += 2;
        else if (e === 0x2f) {
          this.plain = false; // "\/": JSON.stringify writes "/"
          j += 2;
        } else if (e === 0x75) {
          for (let k = j + 2; k < j + 6; k++) {
            const h = b[k] as number;
            if (!((h >= ZERO && h <= NINE) || (h >= 0x41 && h <= 0x46) || (h >= 0x61 && h <= 0x66))) return false;
          }
          this.plain = false; // \uXXXX: JSON.stringify writes most such characters as they are
          j += 6;
        } else return false;
      } else if (c < 0x20) return false;
      else j++;
    }
    return false;
  }

  /** The string token [from, to) as a value, when it has no escape (else undefined: not plain). */
  private stringValue(from: number, to: number): string | undefined {
    return this.escaped ? undefined : this.b.toString('utf8', from + 1, to - 1);
  }

  /** Any JSON value at the scan position; false when the text is not JSON. */
  value(depth: number): boolean {
    this.ws();
    const c = this.b[this.i];
    if (c === LBRACE) return this.object(depth + 1, NONE);
    if (c === LBRACKET) return this.array(depth + 1);
    if (c === QUOTE) return this.string();
    if (c === 0x74) return this.word(0x74, 0x72, 0x75, 0x65, -1); // true
    if (c === 0x66) return this.word(0x66, 0x61, 0x6c, 0x73, 0x65); // false
    if (c === 0x6e) return this.word(0x6e, 0x75, 0x6c, 0x6c, -1); // null
    return this.number();
  }

  /**
   * The object at the scan position as a record (depth 1): validates it and sets id, syncToken,
   * lastUpdated, found and plain. False when it is not JSON.
   */
  record(): boolean {
    this.id = undefined;
    this.syncToken = undefined;
    this.lastUpdated = undefined;
    this.found = 0;
    this.plain = true;
    this.metaSeen = false;
    return this.object(1, ID);
  }

  /** `role`: ID for a record's top level (its keys are looked at), LAST_UPDATED for its MetaData, NONE otherwise. */
  private object(depth: number, role: number): boolean {
    if (depth > MAX_DEPTH) return false;
    if (depth > PLAIN_DEPTH) this.plain = false;
    const b = this.b;
    this.i++; // '{'
    this.ws();
    if (b[this.i] === RBRACE) {
      this.i++;
      return true;
    }
    for (;;) {
      const keyStart = this.i;
      if (!this.string()) return false;
      const slot = role === NONE ? NONE : this.slotOf(keyStart, this.i, role);
      if (!this.take(COLON)) return false;
      this.ws();
      if (slot === NONE) {
        if (!this.value(depth)) return false;
      } else if (slot === META_DATA) {
        if (this.metaSeen) this.plain = false;
        this.metaSeen = true;
        if (b[this.i] === LBRACE) {
          if (!this.object(depth + 1, LAST_UPDATED)) return false;
        } else {
          this.plain = false;
          if (!this.value(depth)) return false;
        }
      } else {
        const from = this.i;
        if (!this.value(depth)) return false;
        const text = b[from] === QUOTE ? this.stringValue(from, this.i) : undefined;
        if (text === undefined || this.has(slot)) this.plain = false;
        else this.set(slot, text);
      }
      this.ws();
      const c = b[this.i];
      this.i++;
      if (c === COMMA) {
        this.ws();
        continue;
      }
      return c === RBRACE;
    }
  }

  private array(depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    if (depth > PLAIN_DEPTH) this.plain = false;
    this.i++; // '['
    this.ws();
    if (this.b[this.i] === RBRACKET) {
      this.i++;
      return true;
    }
    for (;;) {
      if (!this.value(depth)) return false;
      this.ws();
      const c = this.b[this.i];
      this.i++;
      if (c === COMMA) continue;
      return c === RBRACKET;
    }
  }

  /** Which noted field the key token [from, to) is, for an object of `role`; an escaped or reserved key makes the record not plain. */
  private slotOf(from: number, to: number, role: number): number {
    const b = this.b;
    const length = to - from - 2;
    if (this.escaped) {
      this.plain = false; // it may spell a noted key: only a parse knows
      return NONE;
    }
    if (role === LAST_UPDATED) return length === 15 && b.toString('latin1', from + 1, to - 1) === 'LastUpdatedTime' ? LAST_UPDATED : NONE;
    const first = b[from + 1];
    if (length === 2 && first === 0x49 && b[from + 2] === 0x64) return ID; // "Id"
    if (length === 9 && first === 0x53 && b.toString('latin1', from + 1, to - 1) === 'SyncToken') return SYNC_TOKEN;
    if (length === 8 && first === 0x4d && b.toString('latin1', from + 1, to - 1) === 'MetaData') return META_DATA;
    // Keys the connector adds (airbyte_cursor, _ab_cdc_deleted_at): one already in the record is replaced, as a parse would.
    if ((first === 0x61 && length >= 8 && b.toString('latin1', from + 1, from + 9) === 'airbyte_') || (first === 0x5f && length >= 4 && b.toString('latin1', from + 1, from + 5) === '_ab_')) {
      this.plain = false;
    }
    return NONE;
  }

  private has(slot: number): boolean {
    return (slot === ID ? this.id : slot === SYNC_TOKEN ? this.syncToken : this.lastUpdated) !== undefined;
  }

  private set(slot: number, text: string): void {
    if (slot === ID) this.id = text;
    else if (slot === SYNC_TOKEN) this.syncToken = text;
    else this.lastUpdated = text;
    this.found++;
  }

  private word(a: number, b: number, c: number, d: number, e: number): boolean {
    const t = this.b;
    const i = this.i;
    if (t[i] !== a || t[i + 1] !== b || t[i + 2] !== c || t[i + 3] !== d) return false;
    if (e < 0) {
      this.i = i + 4;
      return true;
    }
    if (t[i + 4] !== e) return false;
    this.i = i + 5;
    return true;
  }

  /** -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? ; an exponent makes the record not plain (1e400 parses to Infinity). */
  private number(): boolean {
    const b = this.b;
    let j = this.i;
    if (b[j] === MINUS) j++;
    if (b[j] === ZERO) j++;
    else if (isDigit(b[j])) while (isDigit(b[++j]));
    else return false;
    if (b[j] === 0x2e) {
      if (!isDigit(b[++j])) return false;
      while (isDigit(b[++j]));
    }
    if (b[j] === 0x65 || b[j] === 0x45) {
      this.plain = false;
      j++;
      if (b[j] === 0x2b || b[j] === MINUS) j++;
      if (!isDigit(b[j])) return false;
      while (isDigit(b[++j]));
    }
    this.i = j;
    return true;
  }
}
