// The one place QBO API requests happen: auth header, minorversion, timeout, the realm limiter,
// retries (retry-policy.ts), 401 -> refresh -> retry once, and typed faults.
import { ConfigError, SecretRegistry, TransientError, type JsonObject, type Logger } from '../cdk/index.js';
import { describeFaultEntries, readQboResponse, redactTokens } from './faults.js';
import { QboAuthError, QboNetworkError, QboThrottleError, qboContextOf, type QboErrorContext } from './qbo-errors.js';
import { BytePool } from './byte-pool.js';
import { readPooledBody, type PooledBody } from './pooled-body.js';
import { MAX_DATA_BODY_BYTES, MAX_ERROR_BODY_BYTES, readTextCapped } from './bounded-body.js';
import { NO_REDIRECTS, RedirectRefusedError, refuseRedirect } from './redirects.js';
import type { RequestLimiter } from './request-limiter.js';
import type { AccessTokenSource } from './token-manager.js';
import type { RetryPolicy } from './retry-policy.js';

export const DEFAULT_USER_AGENT = 'source-quickbooks (+https://github.com/source-quickbooks/source-quickbooks)';

export interface QboHttpClientOptions {
  tokens: AccessTokenSource;
  limiter: RequestLimiter;
  logger: Logger;
  /** Sent as `minorversion` on every call (config: minor_version, default in spec.json). */
  minorVersion: number;
  /**
   * Tries, per-try timeout and waits after a throttle, 5xx, timeout or dropped connection: retries
   * and timeout from the config (max_retries, request_timeout_seconds), the rest API_BACKOFF.
   * Its clock also reads Retry-After dates.
   */
  retry: RetryPolicy;
  userAgent?: string;
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

  private readonly retry: RetryPolicy;
  /** Buffers that prefetched page bodies are read into (see byte-pool.ts). */
  private readonly bodies = new BytePool();
  private readonly secrets: SecretRegistry;

  constructor(private readonly options: QboHttpClientOptions) {
    this.retry = options.retry;
    this.secrets = options.secrets ?? new SecretRegistry();
  }

  /** The config-derived settings in force (for tests and diagnostics). */
  get settings(): { minorVersion: number; requestTimeoutMs: number; maxRetries: number } {
    return { minorVersion: this.options.minorVersion, requestTimeoutMs: this.retry.settings.tryTimeoutMs, maxRetries: this.retry.tries - 1 };
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
    return this.retry.run(({ attempt, timeoutMs }) => this.attempt(request, url, attempt, timeoutMs, raw), {
      hint: (error) => ({ retryAfterMs: qboContextOf(error)?.retryAfterMs, throttled: error instanceof QboThrottleError }),
      onWait: ({ error, attempt, tries, waitMs, pause }) => {
        this.logRetry(request, url, error, attempt, tries, waitMs);
        this.stats.retries += 1;
        // A throttle is realm-wide: hold every request of the realm, not just this one.
        if (error instanceof QboThrottleError) this.options.limiter.hold(pause);
      },
      giveUp: ({ error, attempts }) => {
        if (!(error instanceof TransientError) || this.retry.tries === 1) return error;
        const context = qboContextOf(error);
        return new QboRetriesExhaustedError(
          `${stripPeriod(error.message)}; gave up after ${attempts} attempts. Retry the sync later; if it keeps happening, lower requests_per_minute / max_concurrent_requests or raise max_retries / request_timeout_seconds`,
          // Its retries are spent, and what it carries says so.
          context === undefined ? undefined : { ...context, retry: false },
          { cause: error, ...(error.internalMessage ? { internalMessage: error.internalMessage } : {}) },
        );
      },
    });
  }

  /** One try: a token, a send, and on a 401 one refresh and one more send. */
  private async attempt(request: QboHttpRequest, url: URL, attempt: number, timeoutMs: number, raw: boolean): Promise<JsonObject | PooledBody> {
    const token = await this.options.tokens.getAccessToken();
    this.secrets.add(token);
    try {
      return await this.send(request, url, token, timeoutMs, raw);
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
        return await this.send(request, url, fresh, timeoutMs, raw);
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

  private send(request: QboHttpRequest, url: URL, token: string, timeoutMs: number, raw: boolean): Promise<JsonObject | PooledBody> {
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
          signal: AbortSignal.timeout(timeoutMs),
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
        throw this.networkError(method, url, timeoutMs, error);
      }
      const outcome = readQboResponse({
        status: response.status,
        headers: response.headers,
        bodyText,
        method,
        url: url.toString(),
        query: request.query,
        realmId: request.realmId,
        now: this.retry.clock.now,
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
    url.searchParams.set('minorversion', String(this.options.minorVersion));
    return url;
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

  private logRetry(request: QboHttpRequest, url: URL, error: unknown, attempt: number, tries: number, wait: number): void {
    const context = qboContextOf(error);
    const what = context
      ? [context.status ? `HTTP ${context.status}` : undefined, context.code ? `fault ${context.code}` : undefined, error instanceof QboNetworkError ? error.message : undefined]
          .filter(Boolean)
          .join(', ')
      : error instanceof Error
        ? error.message
        : String(error);
    const kind = error instanceof QboThrottleError ? 'throttled' : 'failed';
    this.options.logger.info(
      `QuickBooks request ${request.method ?? 'GET'} ${url.pathname} ${kind} (${what}); attempt ${attempt}/${tries}, retrying in ${(wait / 1000).toFixed(1)} s${tidNote(context?.intuitTid)}`,
    );
  }

  private networkError(method: string, url: URL, timeoutMs: number, error: unknown): QboNetworkError {
    const context: QboErrorContext = { status: 0, intuitTid: undefined, code: undefined, faultType: undefined, errors: [], retryAfterMs: undefined, retry: true };
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    // A library's error text may quote what was sent (a header value): scrubbed before it is used.
    const reason = timedOut ? `no response within ${Math.round(timeoutMs / 1000)} s` : this.secrets.cut(networkReason(error), 300);
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

function tidNote(tid: string | undefined, prefix = '; '): string {
  return tid ? `${prefix}intuit_tid=${tid}` : '';
}

function stripPeriod(message: string): string {
  return message.replace(/\.$/, '');
}

