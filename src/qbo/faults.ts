// Turns any QBO answer that is not clean data into one typed error: JSON Faults (also nested in
// QueryResponse / CDCResponse), the auth gateway's lowercase `fault`, XML IntuitResponse Faults,
// HTML error pages, truncated JSON, and Faults inside an HTTP 200.
import { ConfigError, SystemError, TransientError } from '../cdk/errors.js';
import type { JsonObject } from '../cdk/protocol.js';
import { jsonParseReason } from '../cdk/json-syntax.js';
import { allElements, attrValue, childText, decodeXml, firstElement, scanHead } from './xml-fault-scan.js';
import { isObject } from '../cdk/json-object.js';

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

/** What every QBO error carries besides its message. */
export interface QboErrorContext {
  /** HTTP status; 0 when no response arrived (reset, timeout). */
  status: number;
  /** The `intuit_tid` response header: quote it to Intuit support. */
  intuitTid: string | undefined;
  /** First fault code, e.g. "3001". */
  code: string | undefined;
  faultType: string | undefined;
  errors: readonly QboFaultEntry[];
  /** Parsed `Retry-After`, when the server sent one. */
  retryAfterMs: number | undefined;
}

type ErrorOptions = { cause?: unknown; internalMessage?: string };

/** 401 / 3200: the access token was rejected. The http layer refreshes once before surfacing it. */
export class QboAuthError extends ConfigError {
  constructor(message: string, readonly qbo: QboErrorContext, options: ErrorOptions = {}) {
    super(message, options);
  }
}
/** The credentials work but may not reach this company: 3100, 120, 6190, unknown realm. */
export class QboAccessError extends ConfigError {
  constructor(message: string, readonly qbo: QboErrorContext, options: ErrorOptions = {}) {
    super(message, options);
  }
}
/** 3001 ThrottleExceeded (429, historic 403, or inside a 200): retry after a wait. */
export class QboThrottleError extends TransientError {
  constructor(message: string, readonly qbo: QboErrorContext, options: ErrorOptions = {}) {
    super(message, options);
  }
}
/** 5xx, 10000 SystemFault, or a truncated / non-JSON success body: retry. */
export class QboServerError extends TransientError {
  constructor(message: string, readonly qbo: QboErrorContext, options: ErrorOptions = {}) {
    super(message, options);
  }
}
/** No usable response: connection reset, DNS, socket hang-up, timeout. */
export class QboNetworkError extends TransientError {
  constructor(message: string, readonly qbo: QboErrorContext, options: ErrorOptions = {}) {
    super(message, options);
  }
}
/** 4000 / 4001 / 4002: QBO refused the query text (a defect in the query we built). */
export class QboQueryError extends SystemError {
  constructor(message: string, readonly qbo: QboErrorContext, options: ErrorOptions = {}) {
    super(message, options);
  }
}
/** 404 / 610 on anything but the company itself. */
export class QboNotFoundError extends SystemError {
  constructor(message: string, readonly qbo: QboErrorContext, options: ErrorOptions = {}) {
    super(message, options);
  }
}
/** Any other fault: code, message and detail as QBO sent them. */
export class QboFaultError extends SystemError {
  constructor(message: string, readonly qbo: QboErrorContext, options: ErrorOptions = {}) {
    super(message, options);
  }
}

export type QboError =
  | QboAuthError
  | QboAccessError
  | QboThrottleError
  | QboServerError
  | QboNetworkError
  | QboQueryError
  | QboNotFoundError
  | QboFaultError;

/** The QBO context of an error raised by this layer, if it is one. */
export function qboContextOf(error: unknown): QboErrorContext | undefined {
  if (typeof error !== 'object' || error === null || !('qbo' in error)) return undefined;
  const qbo = (error as { qbo: unknown }).qbo;
  return typeof qbo === 'object' && qbo !== null && 'status' in qbo ? (qbo as QboErrorContext) : undefined;
}

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

export interface QboResponseInput extends QboRequestContext {
  status: number;
  headers: Headers;
  bodyText: string;
}

/** The result of reading one response: the JSON body, or the error it amounts to. */
export type QboResponseOutcome = { ok: true; json: JsonObject } | { ok: false; error: QboError };

/** Reads any response (2xx or not) exactly once. A 2xx with a Fault or an unreadable body is an error. */
export function readQboResponse(input: QboResponseInput): QboResponseOutcome {
  const body = parseBody(input.bodyText);
  const success = input.status >= 200 && input.status < 300;
  if (success && body.kind === 'json' && body.fault === undefined && isObject(body.json)) {
    return { ok: true, json: body.json };
  }
  return { ok: false, error: classify(input, body) };
}

/** The error a non-2xx (or faulty 2xx) response amounts to. */
export function errorFromResponse(input: QboResponseInput): QboError {
  return classify(input, parseBody(input.bodyText));
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

// ---------------------------------------------------------------------------------------------
// Body parsing

export type ParsedBody =
  | { kind: 'json'; json: unknown; fault: ParsedFault | undefined }
  | { kind: 'xml'; fault: ParsedFault | undefined }
  | { kind: 'html'; title: string | undefined }
  | { kind: 'invalid-json'; reason: string }
  | { kind: 'text'; text: string };

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

// ---------------------------------------------------------------------------------------------
// Classification

const SANDBOX_MISMATCH =
  'the sandbox flag does not match the credentials or the company is not authorised for this app: ' +
  'check `sandbox` (true for a sandbox company, false for production) and realm_id, and that the refresh token was issued for this company';

function classify(input: QboResponseInput, body: ParsedBody): QboError {
  const fault = body.kind === 'json' || body.kind === 'xml' ? body.fault : undefined;
  const errors = fault?.errors ?? [];
  const codes = errors.map((e) => e.code).filter((c): c is string => c !== undefined);
  const has = (code: string): boolean => codes.includes(code);
  const faultText = errors.map((e) => `${e.message} ${e.detail}`).join(' ');
  const { status } = input;
  const context: QboErrorContext = {
    status,
    intuitTid: intuitTidOf(input.headers),
    code: codes[0],
    faultType: fault?.type,
    errors,
    retryAfterMs: parseRetryAfter(input.headers.get('retry-after'), input.now),
  };
  const options: ErrorOptions = { internalMessage: internalMessage(input) };
  const what = describe(input, body, errors);
  const say = (text: string): string => withTid(text, context.intuitTid);

  if (status === 429 || has('3001') || /ThrottleExceeded/i.test(faultText)) {
    return new QboThrottleError(
      say(`QuickBooks throttled the request (${what}). It is retried after a wait; if this persists, lower requests_per_minute or max_concurrent_requests, since other apps may share the company's 500 requests/minute`),
      context,
      options,
    );
  }
  if (has('120')) {
    return new QboAccessError(
      say(`QuickBooks denied access (${what}): the company's QuickBooks subscription lacks access to this data, or the connecting user is not an admin. Check the company's subscription and reconnect with an admin user`),
      context,
      options,
    );
  }
  if (has('3100') || /ApplicationAuthorizationFailed/i.test(faultText)) {
    return new QboAccessError(say(`QuickBooks refused the app (${what}): ${SANDBOX_MISMATCH}`), context, options);
  }
  if (has('6190')) {
    return new QboAccessError(
      say(`The QuickBooks company's subscription has ended (${what}). Reactivate the subscription for realm_id ${input.realmId ?? '(unknown)'}, or remove this connection`),
      context,
      options,
    );
  }
  if (has('3200') || status === 401) {
    return new QboAuthError(
      say(`QuickBooks rejected the access token (${what}). Check that client_id, client_secret and refresh_token belong to the same Intuit app and company (realm_id), and that \`sandbox\` matches; if they do, get a new refresh token with \`source-quickbooks auth\``),
      context,
      options,
    );
  }
  if (status >= 500 || has('10000') || /^SystemFault$/i.test(fault?.type ?? '')) {
    return new QboServerError(say(`QuickBooks had a server error (${what}); it is retried`), context, options);
  }
  if (status >= 200 && status < 300 && fault === undefined) {
    // A success status whose body is not a JSON object (truncated, an HTML page, empty): transient.
    return new QboServerError(say(`QuickBooks sent an unreadable success response (${what}); it is retried`), context, options);
  }
  if (has('4000') || has('4001') || has('4002')) {
    return new QboQueryError(
      say(`QuickBooks rejected the query ${JSON.stringify(input.query ?? queryOf(input.url) ?? '(unknown)')} (${what}). If the query comes from custom_queries, fix its clause; otherwise this is a connector defect, please report it with this message`),
      context,
      options,
    );
  }
  if (has('5030') || has('5020')) {
    return new QboFaultError(
      say(`QuickBooks says this company lacks the feature ${input.method ?? 'GET'} ${pathOf(input.url)} needs (${what}): the entity exists only in some regions or QuickBooks plans. Deselect the stream, or turn the feature on in QuickBooks`),
      context,
      options,
    );
  }
  if (status === 404 || has('610')) {
    if (/\/companyinfo\b/i.test(input.url ?? '')) {
      return new QboAccessError(
        say(`QuickBooks does not know the company realm_id ${input.realmId ?? ''} (${what}). Check realm_id (the company ID shown when the app was connected) and \`sandbox\``),
        context,
        options,
      );
    }
    return new QboNotFoundError(say(`QuickBooks could not find ${pathOf(input.url)} (${what})`), context, options);
  }
  return new QboFaultError(say(`QuickBooks returned an error for ${input.method ?? 'GET'} ${pathOf(input.url)} (${what})`), context, options);
}

/** "fault 4001 Invalid query: QueryValidationError ...", one per Fault entry, tokens redacted. */
export function describeFaultEntries(errors: readonly QboFaultEntry[], clean: (text: string) => string = redactTokens): string {
  return errors
    .map((e) => {
      const head = `fault ${e.code ?? '?'}${e.element ? ` on ${e.element}` : ''}`;
      const text = [e.message, e.detail].filter((s) => s !== '').map(clean).join(': ');
      return text ? `${head} ${text}` : head;
    })
    .join(', ');
}

/** "HTTP 400, fault 4001 Invalid query: QueryValidationError ..." */
function describe(input: QboResponseInput, body: ParsedBody, errors: readonly QboFaultEntry[]): string {
  const parts = [`HTTP ${input.status}`];
  if (errors.length > 0) {
    parts.push(describeFaultEntries(errors, (s) => cleanText(input, s)));
  } else if (body.kind === 'html') {
    parts.push(`HTML page "${body.title === undefined ? 'untitled' : cleanText(input, body.title).slice(0, 200)}"`);
  } else if (body.kind === 'invalid-json') {
    parts.push(`truncated or invalid JSON (${cleanText(input, body.reason).slice(0, 200)})`);
  } else if (body.kind === 'text') {
    parts.push(body.text === '' ? 'empty body' : `body "${cleanText(input, body.text).slice(0, 200)}"`);
  } else if (body.kind === 'json' && !isObject(body.json)) {
    parts.push('body is not a JSON object');
  }
  return parts.join(', ');
}

function internalMessage(input: QboResponseInput): string {
  return `${input.method ?? 'GET'} ${pathOf(input.url)} -> HTTP ${input.status}: ${cleanText(input, input.bodyText).slice(0, 1000)}`;
}

/** The run's secrets and token-like fragments masked: always before any cut. */
function cleanText(input: QboResponseInput, text: string): string {
  return redactTokens(input.scrub ? input.scrub(text) : text);
}

function withTid(message: string, tid: string | undefined): string {
  return tid ? `${message}. intuit_tid=${tid}` : `${message}.`;
}

/** Auth faults echo token fragments ("Token expired: AB0..."); they must not reach logs. */
export function redactTokens(text: string): string {
  return text
    .replace(/(token[^:]{0,20}:\s*)[\w.\-~+/=]{8,}/gi, '$1****')
    .replace(/\beyJ[\w-]{10,}\.[\w.-]+/g, '****')
    .replace(/\b(?:AB|RT1-)[\w-]{30,}/g, '****');
}

function pathOf(url: string | undefined): string {
  if (!url) return '(unknown request)';
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

function queryOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).searchParams.get('query') ?? undefined;
  } catch {
    return undefined;
  }
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}


