// The typed errors of the QBO layer. Each is one of the kit's three bases (the base decides the
// Airbyte failure_type) plus the QBO context of the answer, through one shared constructor. Which
// class an answer becomes, and whether it is retried, is decided by the rules table (fault-rules.ts).
import { ConfigError, SystemError, TransientError, type ConnectorError } from '../cdk/index.js';
import type { QboFaultEntry } from './fault-parser.js';

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
  /** Whether another try may fix it (a throttle, a 5xx, a dropped connection): the rules table says so, not the class. */
  retry: boolean;
}

export type QboErrorOptions = { cause?: unknown; internalMessage?: string };
type QboErrorArgs = [message: string, qbo: QboErrorContext, options?: QboErrorOptions];
// A mixin's base must be typed `new (...args: any[])` (TS2545); withQboContext's cast gives the result its real signature.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ErrorBase = new (...args: any[]) => ConnectorError;

/** `Base` with the QBO context: the one constructor all QBO error classes share. */
function withQboContext<B extends ErrorBase>(Base: B) {
  // Abstract only to the type checker: failureType comes from the concrete Base.
  abstract class QboContextError extends Base {
    readonly qbo: QboErrorContext;
    // Same rule as ErrorBase: a mixin's constructor takes `...args: any[]`.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    constructor(...args: any[]) {
      const [message, qbo, options] = args as QboErrorArgs;
      super(message, options);
      this.qbo = qbo;
    }
  }
  return QboContextError as unknown as new (...args: QboErrorArgs) => InstanceType<B> & { readonly qbo: QboErrorContext };
}

/** 401 / 3200: the access token was rejected. The http layer refreshes once before surfacing it. */
export class QboAuthError extends withQboContext(ConfigError) {}
/** The credentials work but may not reach this company: 3100, 120, 6190, unknown realm. */
export class QboAccessError extends withQboContext(ConfigError) {}
/** 3001 ThrottleExceeded (429, historic 403, or inside a 200): retry after a wait. */
export class QboThrottleError extends withQboContext(TransientError) {}
/** 5xx, 10000 SystemFault, or a truncated / non-JSON success body: retry. */
export class QboServerError extends withQboContext(TransientError) {}
/** No usable response: connection reset, DNS, socket hang-up, timeout. */
export class QboNetworkError extends withQboContext(TransientError) {}
/** 4000 / 4001 / 4002: QBO refused the query text (a defect in the query we built). */
export class QboQueryError extends withQboContext(SystemError) {}
/** 404 / 610 on anything but the company itself. */
export class QboNotFoundError extends withQboContext(SystemError) {}
/** Any other fault: code, message and detail as QBO sent them. */
export class QboFaultError extends withQboContext(SystemError) {}

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
