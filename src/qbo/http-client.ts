// The one place QBO API requests happen: auth header, minorversion, timeout, the realm limiter,
// retries with backoff (p-retry), 401 -> refresh -> retry once, and typed faults.
import pRetry from 'p-retry';
import { ConfigError, SecretRegistry, TransientError, type JsonObject, type Logger } from '../cdk/index.js';
import { describeFaultEntries, readQboResponse, redactTokens } from './faults.js';
import { QboAuthError, QboNetworkError, QboThrottleError, qboContextOf, type QboErrorContext } from './qbo-errors.js';
import { BytePool } from './byte-pool.js';
import { readPooledBody, type PooledBody } from './pooled-body.js';
import { MAX_DATA_BODY_BYTES, MAX_ERROR_BODY_BYTES, readTextCapped } from './bounded-body.js';
import { NO_REDIRECTS, RedirectRefusedError, refuseRedirect } from './redirects.js';
import type { RequestLimiter } from './request-limiter.js';
import { TokenEndpointDownError, type AccessTokenSource } from './token-manager.js';

export const DEFAULT_USER_AGENT = 'source-quickbooks (+https://github.com/source-quickbooks/source-quickbooks)';

export interface QboHttpClientOptions {
  tokens: AccessTokenSource;
  limiter: RequestLimiter;
  logger: Logger;
  // The next three come from the connector config (spec.json holds their defaults).
  /** Sent as `minorversion` on every call. */
  minorVersion: number;
  /** Per attempt (QBO gives up after 120 s). */
  requestTimeoutMs: number;
  /** Retries after a throttle, 5xx, timeout or dropped connection. */
  maxRetries: number;
  /** First backoff step. Default 1000. */
  minRetryDelayMs?: number;
  /** Backoff cap. Default 60 000. */
  maxRetryDelayMs?: number;
  /** Wait after a throttle fault without Retry-After (Intuit: "wait 60 seconds"). Default 60 000. */
  throttleWaitMs?: number;
  /** Upper bound on an honoured Retry-After. Default 15 min. */
  maxRetryAfterMs?: number;
  userAgent?: string;
  /** Used for every wait between tries; inject to test backoff. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
  now?: () => number;
  /** Default: the global fetch, looked up per call. */
  fetch?: typeof fetch;
  /** The run's secret set: every access token sent is added, and answers are scrubbed before they are cut into messages. */
  secrets?: SecretRegistry;
}

export interface QboHttpRequest {
  method?: 'GET' | 'POST';
  /** Absolute URL; `params` and `minorversion` are added to its query string. */
  url: string;
  params?: Record<string, string>;
  body?: string;
  contentType?: string;
  /** The query text of a /query call, named in errors. */
  query?: string;
  realmId?: string;
}

export interface QboHttpStats {
  /** Requests sent (every attempt). */
  requests: number;
  /** Attempts repeated after a retryable failure. */
  retries: number;
  /** Throttle faults received. */
  throttled: number;
  /** 401s answered by a token refresh. */
  unauthorized: number;
}

/** Retries exhausted on a retryable failure. */
export class QboRetriesExhaustedError extends TransientError {
  constructor(message: string, readonly qbo: QboErrorContext | undefined, options: { cause?: unknown; internalMessage?: string }) {
    super(message, options);
  }
}

export class QboHttpClient {
  readonly stats: QboHttpStats = { requests: 0, retries: 0, throttled: 0, unauthorized: 0 };

  private readonly minorVersion: number;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly minDelay: number;
  private readonly maxDelay: number;
  private readonly throttleWait: number;
  private readonly maxRetryAfter: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  /** Buffers that prefetched page bodies are read into (see byte-pool.ts). */
  private readonly bodies = new BytePool();
  private readonly secrets: SecretRegistry;

  constructor(private readonly options: QboHttpClientOptions) {
    this.minorVersion = options.minorVersion;
    this.timeoutMs = options.requestTimeoutMs;
    this.maxRetries = Math.max(0, options.maxRetries);
    this.minDelay = options.minRetryDelayMs ?? 1000;
    this.maxDelay = options.maxRetryDelayMs ?? 60_000;
    this.throttleWait = options.throttleWaitMs ?? 60_000;
    this.maxRetryAfter = options.maxRetryAfterMs ?? 15 * 60_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => Date.now());
    this.secrets = options.secrets ?? new SecretRegistry();
  }

  /** The config-derived settings in force (for tests and diagnostics). */
  get settings(): { minorVersion: number; requestTimeoutMs: number; maxRetries: number } {
    return { minorVersion: this.minorVersion, requestTimeoutMs: this.timeoutMs, maxRetries: this.maxRetries };
  }

  /** Sends the request (retrying what a retry may fix) and returns the parsed JSON body. */
  requestJson(request: QboHttpRequest): Promise<JsonObject> {
    return this.request(request, false) as Promise<JsonObject>;
  }

  /**
   * Like requestJson, but a successful (2xx) answer comes back as its bytes, read on arrival into a
   * pooled buffer and parsed when needed; the caller looks for a Fault once it has parsed it. The
   * request's slot is free as soon as its body is in, so a page fetched ahead and waiting for its
   * turn never holds one (the readers' byte budget bounds what such pages hold).
   */
  requestJsonBody(request: QboHttpRequest): Promise<JsonObject | PooledBody> {
    return this.request(request, true);
  }

  private async request(request: QboHttpRequest, raw: boolean): Promise<JsonObject | PooledBody> {
    const url = this.buildUrl(request);
    const tries = this.maxRetries + 1;
    try {
      return await pRetry((attempt) => this.attempt(request, url, attempt, raw), {
        retries: this.maxRetries,
        // Waits happen in shouldRetry, where the error (and its Retry-After) is known.
        minTimeout: 0,
        maxTimeout: 0,
        shouldRetry: async ({ error, attemptNumber }) => {
          // The token manager spent its own retry budget already: retries must not nest.
          if (!mayRetry(error)) return false;
          const wait = this.delayFor(error, attemptNumber);
          this.logRetry(request, url, error, attemptNumber, tries, wait);
          this.stats.retries += 1;
          const pause = this.sleep(wait);
          // A throttle is realm-wide: hold every request of the realm, not just this one.
          if (error instanceof QboThrottleError) this.options.limiter.hold(pause);
          await pause;
          return true;
        },
      });
    } catch (error) {
      if (error instanceof TransientError && mayRetry(error) && this.maxRetries > 0) {
        const context = qboContextOf(error);
        throw new QboRetriesExhaustedError(
          `${stripPeriod(error.message)}; gave up after ${tries} attempts. Retry the sync later; if it keeps happening, lower requests_per_minute / max_concurrent_requests or raise max_retries / request_timeout_seconds`,
          context,
          { cause: error, ...(error.internalMessage ? { internalMessage: error.internalMessage } : {}) },
        );
      }
      throw error;
    }
  }

  /** One try: a token, a send, and on a 401 one refresh and one more send. */
  private async attempt(request: QboHttpRequest, url: URL, attempt: number, raw: boolean): Promise<JsonObject | PooledBody> {
    const token = await this.options.tokens.getAccessToken();
    this.secrets.add(token);
    try {
      return await this.send(request, url, token, raw);
    } catch (error) {
      if (!(error instanceof QboAuthError)) throw error;
      this.stats.unauthorized += 1;
      this.options.logger.info(
        `QuickBooks answered 401 to ${request.method ?? 'GET'} ${url.pathname} (attempt ${attempt}); refreshing the access token and trying once more${tidNote(error.qbo.intuitTid)}`,
      );
      this.options.tokens.invalidate(token);
      const fresh = await this.options.tokens.getAccessToken();
      this.secrets.add(fresh);
      try {
        return await this.send(request, url, fresh, raw);
      } catch (second) {
        if (!(second instanceof QboAuthError)) throw second;
        const said = second.qbo.errors.length > 0 ? `, ${describeFaultEntries(second.qbo.errors, (text) => redactTokens(this.secrets.scrub(text)))}` : '';
        throw new ConfigError(
          `QuickBooks rejected a freshly refreshed access token too (HTTP ${second.qbo.status}${said}). The refresh succeeded but the API refuses the new token: check that \`sandbox\` matches the company (the production API refuses sandbox tokens and the reverse), that realm_id is the company the refresh token was issued for, and that the app is still connected to it (reconnect with \`source-quickbooks auth\`)${tidNote(second.qbo.intuitTid, '. ')}`,
          { cause: second, ...(second.internalMessage ? { internalMessage: second.internalMessage } : {}) },
        );
      }
    }
  }

  private send(request: QboHttpRequest, url: URL, token: string, raw: boolean): Promise<JsonObject | PooledBody> {
    return this.options.limiter.schedule(async () => {
      const method = request.method ?? 'GET';
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'User-Agent': this.options.userAgent ?? DEFAULT_USER_AGENT,
      };
      if (request.body !== undefined) headers['Content-Type'] = request.contentType ?? 'application/json';
      const fetchImpl = this.options.fetch ?? globalThis.fetch;
      this.stats.requests += 1;
      let response: Response;
      let bodyText: string;
      try {
        response = await fetchImpl(url, {
          method,
          headers,
          ...(request.body !== undefined ? { body: request.body } : {}),
          signal: AbortSignal.timeout(this.timeoutMs),
          ...NO_REDIRECTS,
        });
        // Following a redirect would hand the bearer token to a host the config never named.
        refuseRedirect(response, url, 'QuickBooks', 'QBO_BASE_URL');
        if (raw && response.status >= 200 && response.status < 300) return await readPooledBody(response, this.bodies);
        // Reading the body is inside the try: a reset or timeout mid-body is as transient as one before it.
        // Bounded once decompressed: an error answer is small, a data answer read whole is capped too.
        bodyText = await readTextCapped(response, response.ok ? MAX_DATA_BODY_BYTES : MAX_ERROR_BODY_BYTES);
      } catch (error) {
        if (error instanceof RedirectRefusedError) throw error;
        throw this.networkError(method, url, error);
      }
      const outcome = readQboResponse({
        status: response.status,
        headers: response.headers,
        bodyText,
        method,
        url: url.toString(),
        query: request.query,
        realmId: request.realmId,
        now: this.now,
        scrub: (text) => this.secrets.scrub(text),
      });
      if (outcome.ok) return outcome.json;
      if (outcome.error instanceof QboThrottleError) this.stats.throttled += 1;
      throw outcome.error;
    });
  }

  private buildUrl(request: QboHttpRequest): URL {
    const url = new URL(request.url);
    for (const [key, value] of Object.entries(request.params ?? {})) url.searchParams.set(key, value);
    url.searchParams.set('minorversion', String(this.minorVersion));
    return url;
  }

  /** Retry-After when sent; ~throttleWait after a throttle; otherwise exponential with jitter. */
  private delayFor(error: Error, attemptNumber: number): number {
    const context = qboContextOf(error);
    if (context?.retryAfterMs !== undefined) return Math.min(context.retryAfterMs, this.maxRetryAfter);
    if (error instanceof QboThrottleError) return Math.round(this.throttleWait * (1 + 0.1 * this.random()));
    const exponential = Math.min(this.maxDelay, this.minDelay * 2 ** (attemptNumber - 1));
    // "Equal jitter": at least half the step, so waits still grow.
    return Math.round(exponential / 2 + (exponential / 2) * this.random());
  }

  /**
   * A 2xx body handed over unread (requestJsonBody) turned out unusable when read: cut off, not
   * JSON, or a Fault inside the 200. The caller asks again through requestJson at once; this
   * counts and logs that as the retry it is, as for any other failed answer.
   */
  noteAskingAgain(request: QboHttpRequest, what: string): void {
    this.stats.retries += 1;
    const url = this.buildUrl(request);
    this.options.logger.info(`QuickBooks request ${request.method ?? 'GET'} ${url.pathname} answered ${what}; retrying in 0.0 s`);
  }

  private logRetry(request: QboHttpRequest, url: URL, error: Error, attempt: number, tries: number, wait: number): void {
    const context = qboContextOf(error);
    const what = context
      ? [context.status ? `HTTP ${context.status}` : undefined, context.code ? `fault ${context.code}` : undefined, error instanceof QboNetworkError ? error.message : undefined]
          .filter(Boolean)
          .join(', ')
      : error.message;
    const kind = error instanceof QboThrottleError ? 'throttled' : 'failed';
    this.options.logger.info(
      `QuickBooks request ${request.method ?? 'GET'} ${url.pathname} ${kind} (${what}); attempt ${attempt}/${tries}, retrying in ${(wait / 1000).toFixed(1)} s${tidNote(context?.intuitTid)}`,
    );
  }

  private networkError(method: string, url: URL, error: unknown): QboNetworkError {
    const context: QboErrorContext = { status: 0, intuitTid: undefined, code: undefined, faultType: undefined, errors: [], retryAfterMs: undefined, retry: true };
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    // A library's error text may quote what was sent (a header value): scrubbed before it is used.
    const reason = timedOut ? `no response within ${Math.round(this.timeoutMs / 1000)} s` : this.secrets.cut(networkReason(error), 300);
    return new QboNetworkError(`QuickBooks request ${method} ${url.pathname} failed: ${reason}`, context, { cause: error });
  }
}

/** "fetch failed: socket hang up (ECONNRESET)" and the like, from the error and its cause chain. */
function networkReason(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 4; depth += 1) {
    // undici throws TypeError('fetch failed') with the socket error as `cause`; mocks may throw plain objects.
    const { message, code, cause } = current as { message?: unknown; code?: unknown; cause?: unknown };
    const text = typeof message === 'string' ? message : '';
    const codeText = typeof code === 'string' && !text.includes(code) ? code : '';
    parts.push(text && codeText ? `${text} (${codeText})` : text || codeText);
    current = cause;
  }
  const joined = parts.filter(Boolean).join(': ');
  return joined || String(error);
}

/**
 * Whether another try may fix `error`: a QBO answer's own `retry` (set by the rules table,
 * fault-rules.ts); otherwise any transient error but the token endpoint's, whose retries are spent
 * (retries must not nest).
 */
function mayRetry(error: unknown): boolean {
  const context = qboContextOf(error);
  if (context !== undefined) return context.retry;
  return error instanceof TransientError && !(error instanceof TokenEndpointDownError);
}

function tidNote(tid: string | undefined, prefix = '; '): string {
  return tid ? `${prefix}intuit_tid=${tid}` : '';
}

function stripPeriod(message: string): string {
  return message.replace(/\.$/, '');
}

