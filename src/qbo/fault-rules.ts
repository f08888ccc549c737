// What a QBO answer that is not clean data amounts to, as one table read top to bottom: each row
// matches a parsed answer (fault-parser.ts) and names the error class, whether another try may fix
// it, the Airbyte failure_type and the message that names the fix. The first matching row wins;
// the last row matches everything. Order matters: a throttle is a throttle whatever else it says,
// and 120 / 3100 / 6190 arrive as 401 / 403 but are not token problems.
import type { FailureType } from '../cdk/index.js';
import type { ParsedAnswer, QboResponseInput } from './fault-parser.js';
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

/** What a row's message is built from. */
export interface RuleInput {
  answer: ParsedAnswer;
  request: QboResponseInput;
  /** "HTTP 400, fault 4001 Invalid query: ...": status and what QuickBooks said, secrets masked. */
  what: string;
}

export interface FaultRule<E extends QboError = QboError> {
  /** Names the row (tests, and readers of this table). */
  name: string;
  match(answer: ParsedAnswer, request: QboResponseInput): boolean;
  error: new (message: string, qbo: QboErrorContext, options?: QboErrorOptions) => E;
  /** Whether another try may fix it: the http client retries on this, not on the class. */
  retry: boolean;
  /** The failure_type the class reports; checked against the class when the table is compiled. */
  failureType: E['failureType'] & FailureType;
  /** The user's line, without the trailing intuit_tid (added for every row). */
  message(input: RuleInput): string;
}

/** A row whose failureType must be the one its class reports (a type error otherwise). */
function rule<E extends QboError>(row: FaultRule<E>): FaultRule {
  return row as unknown as FaultRule;
}

const has = (answer: ParsedAnswer, ...codes: string[]): boolean => codes.some((code) => answer.codes.includes(code));
const isSuccess = (status: number): boolean => status >= 200 && status < 300;
const isNotFound = (answer: ParsedAnswer): boolean => answer.status === 404 || has(answer, '610');

const SANDBOX_MISMATCH =
  'the sandbox flag does not match the credentials or the company is not authorised for this app: ' +
  'check `sandbox` (true for a sandbox company, false for production) and realm_id, and that the refresh token was issued for this company';

const ANY_OTHER_FAULT = rule({
  name: 'any other fault',
  match: () => true,
  error: QboFaultError,
  retry: false,
  failureType: 'system_error',
  message: ({ what, request }) => `QuickBooks returned an error for ${request.method ?? 'GET'} ${pathOf(request.url)} (${what})`,
});

/** The table, in the order it is read. */
export const FAULT_RULES: readonly FaultRule[] = [
  rule({
    name: 'throttled',
    match: (a) => a.status === 429 || has(a, '3001') || /ThrottleExceeded/i.test(a.faultText),
    error: QboThrottleError,
    retry: true,
    failureType: 'transient_error',
    message: ({ what }) =>
      `QuickBooks throttled the request (${what}). It is retried after a wait; if this persists, lower requests_per_minute or max_concurrent_requests, since other apps may share the company's 500 requests/minute`,
  }),
  rule({
    name: 'subscription lacks access (120)',
    match: (a) => has(a, '120'),
    error: QboAccessError,
    retry: false,
    failureType: 'config_error',
    message: ({ what }) =>
      `QuickBooks denied access (${what}): the company's QuickBooks subscription lacks access to this data, or the connecting user is not an admin. Check the company's subscription and reconnect with an admin user`,
  }),
  rule({
    name: 'app not authorised for the company (3100)',
    match: (a) => has(a, '3100') || /ApplicationAuthorizationFailed/i.test(a.faultText),
    error: QboAccessError,
    retry: false,
    failureType: 'config_error',
    message: ({ what }) => `QuickBooks refused the app (${what}): ${SANDBOX_MISMATCH}`,
  }),
  rule({
    name: 'subscription ended (6190)',
    match: (a) => has(a, '6190'),
    error: QboAccessError,
    retry: false,
    failureType: 'config_error',
    message: ({ what, request }) =>
      `The QuickBooks company's subscription has ended (${what}). Reactivate the subscription for realm_id ${request.realmId ?? '(unknown)'}, or remove this connection`,
  }),
  rule({
    name: 'access token rejected (401, 3200)',
    match: (a) => has(a, '3200') || a.status === 401,
    error: QboAuthError,
    retry: false,
    failureType: 'config_error',
    message: ({ what }) =>
      `QuickBooks rejected the access token (${what}). Check that client_id, client_secret and refresh_token belong to the same Intuit app and company (realm_id), and that \`sandbox\` matches; if they do, get a new refresh token with \`source-quickbooks auth\``,
  }),
  rule({
    name: 'server error (5xx, 10000, SystemFault)',
    match: (a) => a.status >= 500 || has(a, '10000') || /^SystemFault$/i.test(a.fault?.type ?? ''),
    error: QboServerError,
    retry: true,
    failureType: 'transient_error',
    message: ({ what }) => `QuickBooks had a server error (${what}); it is retried`,
  }),
  rule({
    // A success status whose body is not a JSON object (truncated, an HTML page, empty).
    name: 'unreadable success',
    match: (a) => isSuccess(a.status) && a.fault === undefined,
    error: QboServerError,
    retry: true,
    failureType: 'transient_error',
    message: ({ what }) => `QuickBooks sent an unreadable success response (${what}); it is retried`,
  }),
  rule({
    name: 'query rejected (4000-4002)',
    match: (a) => has(a, '4000', '4001', '4002'),
    error: QboQueryError,
    retry: false,
    failureType: 'system_error',
    message: ({ what, request }) =>
      `QuickBooks rejected the query ${JSON.stringify(request.query ?? queryOf(request.url) ?? '(unknown)')} (${what}). If the query comes from custom_queries, fix its clause; otherwise this is a connector defect, please report it with this message`,
  }),
  rule({
    name: 'feature missing (5030, 5020)',
    match: (a) => has(a, '5030', '5020'),
    error: QboFaultError,
    retry: false,
    failureType: 'system_error',
    message: ({ what, request }) =>
      `QuickBooks says this company lacks the feature ${request.method ?? 'GET'} ${pathOf(request.url)} needs (${what}): the entity exists only in some regions or QuickBooks plans. Deselect the stream, or turn the feature on in QuickBooks`,
  }),
  rule({
    name: 'unknown company (404, 610 on companyinfo)',
    match: (a, request) => isNotFound(a) && /\/companyinfo\b/i.test(request.url ?? ''),
    error: QboAccessError,
    retry: false,
    failureType: 'config_error',
    message: ({ what, request }) =>
      `QuickBooks does not know the company realm_id ${request.realmId ?? ''} (${what}). Check realm_id (the company ID shown when the app was connected) and \`sandbox\``,
  }),
  rule({
    name: 'not found (404, 610)',
    match: isNotFound,
    error: QboNotFoundError,
    retry: false,
    failureType: 'system_error',
    message: ({ what, request }) => `QuickBooks could not find ${pathOf(request.url)} (${what})`,
  }),
  ANY_OTHER_FAULT,
];

/** The first row that matches (the last row matches everything). */
export function ruleFor(answer: ParsedAnswer, request: QboResponseInput): FaultRule {
  return FAULT_RULES.find((row) => row.match(answer, request)) ?? ANY_OTHER_FAULT;
}

/** The request's path, for messages: never its query string, which may be long. */
export function pathOf(url: string | undefined): string {
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
