// Turns any QBO answer that is not clean data into one typed error (qbo-errors.ts): the answer is
// read by fault-parser.ts (JSON and gateway Faults, XML, HTML, truncated JSON, Faults in an HTTP 200),
// the first matching row of fault-rules.ts decides class, retry and message, and the text quoted
// from QuickBooks is described here with the run's secrets masked.
import { checkDataDepth, isObject, type JsonObject } from '../cdk/index.js';
import { parseAnswer, type ParsedAnswer, type QboFaultEntry, type QboResponseInput } from './fault-parser.js';
import { pathOf, ruleFor } from './fault-rules.js';
import type { QboError, QboErrorContext } from './qbo-errors.js';

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

/** The first matching row of the rules table, made into its error. */
function classify(input: QboResponseInput, answer: ParsedAnswer): QboError {
  const rule = ruleFor(answer, input);
  const context: QboErrorContext = {
    status: answer.status,
    intuitTid: answer.intuitTid,
    code: answer.codes[0],
    faultType: answer.fault?.type,
    errors: answer.errors,
    retryAfterMs: answer.retryAfterMs,
    retry: rule.retry,
  };
  const message = withTid(rule.message({ answer, request: input, what: describe(input, answer) }), answer.intuitTid);
  return new rule.error(message, context, { internalMessage: internalMessage(input) });
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
