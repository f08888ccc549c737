// Turns any QBO answer that is not clean data into one typed error (qbo-errors.ts): the answer is
// read by fault-parser.ts (JSON and gateway Faults, XML, HTML, truncated JSON, Faults in an HTTP 200),
// then classified here, with a message that quotes what QuickBooks said.
import { checkDataDepth, isObject, type JsonObject } from '../cdk/index.js';
import { parseAnswer, type ParsedAnswer, type QboFaultEntry, type QboResponseInput } from './fault-parser.js';
import {
  QboAccessError,
  QboAuthError,
  QboFaultError,
  QboNotFoundError,
  QboQueryError,
  QboServerError,
  QboThrottleError,
  type QboError,
  type QboErrorContext,
  type QboErrorOptions,
} from './qbo-errors.js';

/** The result of reading one response: the JSON body, or the error it amounts to. */
export type QboResponseOutcome = { ok: true; json: JsonObject } | { ok: false; error: QboError };

/** Reads any response (2xx or not) exactly once. A 2xx with a Fault or an unreadable body is an error. */
export function readQboResponse(input: QboResponseInput): QboResponseOutcome {
  const success = input.status >= 200 && input.status < 300;
  // Data nested past any real record would overflow the stack later (JSON.stringify): refused here.
  if (success) checkDataDepth(input.bodyText, input.query !== undefined ? "A record in QuickBooks' answer to a query" : `QuickBooks' answer to ${input.method ?? 'GET'} ${pathOf(input.url)}`);
  const answer = parseAnswer(input);
  const { body } = answer;
  if (success && body.kind === 'json' && body.fault === undefined && isObject(body.json)) {
    return { ok: true, json: body.json };
  }
  return { ok: false, error: classify(input, answer) };
}

/** The error a non-2xx (or faulty 2xx) response amounts to. */
export function errorFromResponse(input: QboResponseInput): QboError {
  return classify(input, parseAnswer(input));
}

// ---------------------------------------------------------------------------------------------
// Classification

const SANDBOX_MISMATCH =
  'the sandbox flag does not match the credentials or the company is not authorised for this app: ' +
  'check `sandbox` (true for a sandbox company, false for production) and realm_id, and that the refresh token was issued for this company';

function classify(input: QboResponseInput, answer: ParsedAnswer): QboError {
  const { fault, errors, codes, faultText, status } = answer;
  const has = (code: string): boolean => codes.includes(code);
  const context: QboErrorContext = {
    status,
    intuitTid: answer.intuitTid,
    code: codes[0],
    faultType: fault?.type,
    errors,
    retryAfterMs: answer.retryAfterMs,
  };
  const options: QboErrorOptions = { internalMessage: internalMessage(input) };
  const what = describe(input, answer);
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
function describe(input: QboResponseInput, { body, errors }: ParsedAnswer): string {
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
