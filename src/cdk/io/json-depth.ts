// A nesting-depth limit for JSON text, checked before it is parsed. V8's JSON.parse is iterative
// and accepts any depth (200,000 nested arrays parse), but JSON.stringify, schema checks and other
// recursive code overflow the stack past a few thousand levels ("Maximum call stack size
// exceeded"). A linear scan of the text (strings skipped) finds the first place deeper than the
// limit, so every entry point can refuse such input with an error that names it.
import { SystemError } from '../core/errors.js';

/** No QuickBooks record, config, state or catalog comes near it (QBO records nest under 10). */
export const MAX_JSON_DEPTH = 256;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const LBRACKET = 0x5b;
const RBRACE = 0x7d;
const RBRACKET = 0x5d;

/**
 * The offset of the first `{` or `[` that opens level `limit + 1`, or -1 when the text stays within
 * `limit` levels. Bytes (UTF-8) or a string: the structural characters are ASCII either way. Strings
 * are skipped with indexOf (native): the scan costs about a third of JSON.parse's time.
 */
export function depthExceededAt(text: Uint8Array | string, limit: number = MAX_JSON_DEPTH): number {
  return typeof text === 'string' ? scanString(text, limit) : scanBytes(Buffer.from(text.buffer, text.byteOffset, text.byteLength), limit);
}

function scanBytes(b: Buffer, limit: number): number {
  let depth = 0;
  for (let i = 0, n = b.length; i < n; i++) {
    const c = b[i] as number;
    if (c === QUOTE) {
      // To the closing quote: one not escaped by an odd run of backslashes.
      for (;;) {
        const q = b.indexOf(QUOTE, i + 1);
        if (q < 0) return -1; // unterminated: the parser reports it
        let k = q - 1;
        while (b[k] === BACKSLASH) k--;
        i = q;
        if ((q - 1 - k) % 2 === 0) break;
      }
    } else if (c === LBRACE || c === LBRACKET) {
      if (++depth > limit) return i;
    } else if (c === RBRACE || c === RBRACKET) depth--;
  }
  return -1;
}

/** scanBytes over a string's UTF-16 code units (kept apart: one loop per type stays fast). */
function scanString(s: string, limit: number): number {
  let depth = 0;
  for (let i = 0, n = s.length; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) {
      for (;;) {
        const q = s.indexOf('"', i + 1);
        if (q < 0) return -1;
        let k = q - 1;
        while (s.charCodeAt(k) === BACKSLASH) k--;
        i = q;
        if ((q - 1 - k) % 2 === 0) break;
      }
    } else if (c === LBRACE || c === LBRACKET) {
      if (++depth > limit) return i;
    } else if (c === RBRACE || c === RBRACKET) depth--;
  }
  return -1;
}

/** Throws `tooDeep(offset, limit)` when the text nests deeper than `limit`. */
export function checkJsonDepth(text: Uint8Array | string, tooDeep: (offset: number, limit: number) => Error, limit: number = MAX_JSON_DEPTH): void {
  const at = depthExceededAt(text, limit);
  if (at >= 0) throw tooDeep(at, limit);
}

/**
 * JSON from a server (QuickBooks, the token endpoint) deeper than the limit: neither the user's
 * config nor a retry can fix it, so a system_error; it names the stream when one was reading.
 */
export class JsonTooDeepError extends SystemError {
  constructor(
    /** What held it: "a record in QuickBooks' answer to a query", "Intuit's token endpoint's answer". */
    readonly source: string,
    readonly offset: number,
    readonly limit: number,
  ) {
    super(tooDeepMessage(source, offset, limit, undefined));
  }

  override describeFor(stream: string | undefined): string {
    return tooDeepMessage(this.source, this.offset, this.limit, stream);
  }
}

function tooDeepMessage(source: string, offset: number, limit: number, stream: string | undefined): string {
  const head = stream === undefined ? '' : `Stream "${stream}": `;
  return (
    `${head}${source} exceeds a nesting depth of ${limit} (its JSON opens level ${limit + 1} at byte ${offset}), so it is refused rather than processed. ` +
    'QuickBooks records nest fewer than 10 levels: if QBO_BASE_URL or QBO_TOKEN_URL is set, check it points to Intuit; otherwise deselect this stream for now and report the record to Intuit support'
  );
}

/** Throws JsonTooDeepError when server data nests deeper than the limit. */
export function checkDataDepth(text: Uint8Array | string, source: string, limit: number = MAX_JSON_DEPTH): void {
  checkJsonDepth(text, (offset) => new JsonTooDeepError(source, offset, limit), limit);
}
