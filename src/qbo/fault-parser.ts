// Reads what a QBO answer says, as plain data and nothing more: the body's kind (JSON, XML, HTML,
// truncated JSON, text), its Fault in either wire shape (`Fault.Error[].{Message,Detail,code}`, or
// the auth gateway's lowercase `fault.error[]`; also nested in QueryResponse / CDCResponse, and in
// an HTTP 200), the intuit_tid and Retry-After headers. What the answer amounts to is decided by
// the rules table (fault-rules.ts); XML is read by the bounded linear scan of xml-fault-scan.ts.
import { isObject, jsonParseReason } from '../cdk/index.js';
import { allElements, attrValue, childText, decodeXml, firstElement, scanHead } from './xml-fault-scan.js';

/** One `Fault.Error[]` entry. */
export interface QboFaultEntry {
  code: string | undefined;
  message: string;
  detail: string;
  element: string | undefined;
}

/** A Fault whatever its wire shape. */
export interface ParsedFault {
  shape: 'json' | 'gateway' | 'xml';
  type: string | undefined;
  errors: QboFaultEntry[];
}

export type ParsedBody =
  | { kind: 'json'; json: unknown; fault: ParsedFault | undefined }
  | { kind: 'xml'; fault: ParsedFault | undefined }
  | { kind: 'html'; title: string | undefined }
  | { kind: 'invalid-json'; reason: string }
  | { kind: 'text'; text: string };

/** What was asked, so the message can say which request failed. */
export interface QboRequestContext {
  method?: string | undefined;
  /** Full URL or path of the request. */
  url?: string | undefined;
  /** The query text, for /query calls: named in 4000-4002 errors. */
  query?: string | undefined;
  realmId?: string | undefined;
  /** For Retry-After given as an HTTP date. */
  now?: (() => number) | undefined;
  /** Masks the run's secrets; applied to body text before it is cut into a message (an answer may echo a token). */
  scrub?: ((text: string) => string) | undefined;
}

/** One response as it arrived. */
export interface QboResponseInput extends QboRequestContext {
  status: number;
  headers: Headers;
  bodyText: string;
}

/** Everything the rules match on, read once from a response. */
export interface ParsedAnswer {
  status: number;
  body: ParsedBody;
  /** The body's Fault, when it has one. */
  fault: ParsedFault | undefined;
  /** The Fault's entries; empty without a Fault. */
  errors: QboFaultEntry[];
  /** The entries' codes, in order. */
  codes: string[];
  /** Every entry's message and detail, joined: for fault names a code does not give (ThrottleExceeded). */
  faultText: string;
  intuitTid: string | undefined;
  retryAfterMs: number | undefined;
}

/** Reads status, body and headers of one response into a ParsedAnswer. */
export function parseAnswer(input: QboResponseInput): ParsedAnswer {
  const body = parseBody(input.bodyText);
  const fault = body.kind === 'json' || body.kind === 'xml' ? body.fault : undefined;
  const errors = fault?.errors ?? [];
  return {
    status: input.status,
    body,
    fault,
    errors,
    codes: errors.map((e) => e.code).filter((c): c is string => c !== undefined),
    faultText: errors.map((e) => `${e.message} ${e.detail}`).join(' '),
    intuitTid: intuitTidOf(input.headers),
    retryAfterMs: parseRetryAfter(input.headers.get('retry-after'), input.now),
  };
}

/** `intuit_tid` header (Faraday-style recordings spell it Intuit-Tid). */
export function intuitTidOf(headers: Headers): string | undefined {
  return headers.get('intuit_tid') ?? headers.get('intuit-tid') ?? undefined;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: () => number = Date.now): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now());
}

export function parseBody(bodyText: string): ParsedBody {
  const text = bodyText.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      const json: unknown = JSON.parse(text);
      return { kind: 'json', json, fault: findFault(json) };
    } catch (error) {
      return { kind: 'invalid-json', reason: jsonParseReason(error) };
    }
  }
  if (text.startsWith('<')) {
    const head = scanHead(text);
    if (/<(?:\w+:)?(?:IntuitResponse|Fault)\b/.test(head)) return { kind: 'xml', fault: parseXmlFault(head) };
    const title = firstElement(head, 'title', 0, true)?.inner;
    return { kind: 'html', title: title === undefined ? undefined : decodeXml(title).replace(/\s+/g, ' ').trim() };
  }
  return { kind: 'text', text };
}

/** The Fault in a parsed JSON body: top level (either case), inside QueryResponse, or inside CDCResponse. */
export function findFault(json: unknown): ParsedFault | undefined {
  if (!isObject(json)) return undefined;
  const top = jsonFault(json['Fault'], 'json') ?? jsonFault(json['fault'], 'gateway');
  if (top) return top;
  const query = json['QueryResponse'];
  if (isObject(query)) {
    const inner = jsonFault(query['Fault'], 'json');
    if (inner) return inner;
  }
  const cdc = json['CDCResponse'];
  if (Array.isArray(cdc)) {
    for (const part of cdc) {
      if (!isObject(part)) continue;
      const direct = jsonFault(part['Fault'], 'json');
      if (direct) return direct;
      const responses = part['QueryResponse'];
      for (const response of Array.isArray(responses) ? responses : [responses]) {
        if (isObject(response)) {
          const nested = jsonFault(response['Fault'], 'json');
          if (nested) return nested;
        }
      }
    }
  }
  return undefined;
}

function jsonFault(value: unknown, shape: 'json' | 'gateway'): ParsedFault | undefined {
  if (!isObject(value)) return undefined;
  const list = value['Error'] ?? value['error'];
  const errors = (Array.isArray(list) ? list : [])
    .filter(isObject)
    .map((e): QboFaultEntry => ({
      code: e['code'] === undefined || e['code'] === null ? undefined : String(e['code']),
      message: stringOf(e['Message'] ?? e['message']),
      detail: stringOf(e['Detail'] ?? e['detail']),
      element: typeof e['element'] === 'string' && e['element'] !== '' ? e['element'] : undefined,
    }));
  const type = value['type'];
  return { shape, type: typeof type === 'string' ? type : undefined, errors };
}

/** The first Fault of an XML body and its Errors, in one linear scan of the body's head (xml-fault-scan.ts). */
function parseXmlFault(xml: string): ParsedFault | undefined {
  const fault = firstElement(scanHead(xml), 'Fault');
  if (!fault) return undefined;
  const errors: QboFaultEntry[] = allElements(fault.inner, 'Error').map(({ attrs, inner }) => ({
    code: attrValue(attrs, 'code'),
    message: childText(inner, 'Message'),
    detail: childText(inner, 'Detail'),
    element: attrValue(attrs, 'element') || undefined,
  }));
  return { shape: 'xml', type: attrValue(fault.attrs, 'type'), errors };
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}
