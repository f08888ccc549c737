// QboApi over the http layer: /query (GET, or POST when the URL would be too long), /cdc, and
// plain GETs, with their envelopes parsed. `createQboClient` builds the whole stack from config.
import {
  ConfigError,
  JsonTooDeepError,
  SecretRegistry,
  SystemError,
  isObject,
  type JsonObject,
  type Logger,
} from '../cdk/index.js';
import { resolveEndpoints, type QboEndpoints } from './endpoints.js';
import { errorFromResponse } from './faults.js';
import { PooledBody } from './pooled-body.js';
import { QboHttpClient, type QboHttpClientOptions, type QboHttpRequest } from './http-client.js';
import { limiterForRealm, type RequestLimiter } from './request-limiter.js';
import { API_BACKOFF, RetryPolicy, SYSTEM_CLOCK, TOKEN_RETRY, type RetryClock } from './retry-policy.js';
import { TokenManager, type RefreshedTokens } from './token-manager.js';
import { MAX_BATCH_ITEMS, type CdcResult, type DeferredPage, type QboApi, type QboRequestStats, type QueryPage } from './types.js';

/** Keys of a QueryResponse that are not the entity list. */
const QUERY_META_KEYS = new Set(['startPosition', 'maxResults', 'totalCount', 'Fault']);

/** Past this URL length a query goes as a POST body (proxies and QBO reject very long URLs). */
export const MAX_GET_URL_LENGTH = 4000;

export interface QboClientOptions {
  realmId: string;
  /** API origin, e.g. https://quickbooks.api.intuit.com (see resolveEndpoints). */
  baseUrl: string;
  http: QboHttpClient;
  /** Token refreshes so far, for `stats.tokenRefreshes`. */
  tokenRefreshes?: () => number;
  maxGetUrlLength?: number;
}

export class QboClient implements QboApi {
  readonly stats: QboRequestStats;
  private readonly companyUrl: string;

  constructor(private readonly options: QboClientOptions) {
    this.companyUrl = `${options.baseUrl.replace(/\/+$/, '')}/v3/company/${encodeURIComponent(options.realmId)}`;
    const http = options.http;
    const refreshes = options.tokenRefreshes ?? (() => 0);
    // Live view over the layers' counters.
    this.stats = {
      get requests() {
        return http.stats.requests;
      },
      get retries() {
        return http.stats.retries;
      },
      get throttled() {
        return http.stats.throttled;
      },
      get tokenRefreshes() {
        return refreshes();
      },
    };
  }

  /** A page read as bytes (plain records stay bytes, see query-body-parser.ts), as queryDeferred opened at once. */
  async query(query: string): Promise<QueryPage> {
    return (await this.queryDeferred(query)).open();
  }

  /** The page through the ordinary path: the body parsed whole, faults raised, waits and retries as the answer requires. */
  private async queryParsed(query: string): Promise<QueryPage> {
    return parseQueryResponse(await this.options.http.requestJson(this.queryRequest(query)), query);
  }

  async queryDeferred(query: string): Promise<DeferredPage> {
    const body = await this.options.http.requestJsonBody(this.queryRequest(query));
    if (!(body instanceof PooledBody)) {
      const page = parseQueryResponse(body, query);
      return { open: async () => page, discard: () => undefined };
    }
    return {
      bytes: body.length,
      open: async () => {
        let json: unknown;
        try {
          json = body.json();
        } catch (error) {
          if (error instanceof JsonTooDeepError) throw error; // asking again would get the same
          json = undefined; // the body was cut off or is not JSON
        }
        // Not a whole JSON object (cut off, failed, an XML throttle), or a Fault inside a 200 (QBO
        // throttles that way too): ask again through the full path, which raises, waits and
        // retries as the answer requires.
        if (!isObject(json) || carriesFault(json)) {
          this.options.http.noteAskingAgain(this.queryRequest(query), isObject(json) ? 'a Fault inside an HTTP 200' : 'with a body cut off or not JSON');
          return this.queryParsed(query);
        }
        return parseQueryResponse(json, query);
      },
      discard: () => body.release(),
    };
  }

  /** GET /query, or a POST with the query as the body when the URL would be too long. */
  private queryRequest(query: string): QboHttpRequest {
    const url = `${this.companyUrl}/query`;
    const params = { query, include: 'enhancedAllCustomFields' };
    const getLength = url.length + new URLSearchParams(params).toString().length + 20;
    if (getLength <= (this.options.maxGetUrlLength ?? MAX_GET_URL_LENGTH)) return { url, params, query, realmId: this.options.realmId };
    return {
      method: 'POST',
      url,
      params: { include: 'enhancedAllCustomFields' },
      body: query,
      contentType: 'application/text',
      query,
      realmId: this.options.realmId,
    };
  }

  get(path: string, params: Record<string, string> = {}): Promise<JsonObject> {
    return this.options.http.requestJson({
      url: `${this.companyUrl}/${path.replace(/^\/+/, '')}`,
      params,
      realmId: this.options.realmId,
    });
  }

  async cdc(entities: readonly string[], changedSince: string): Promise<CdcResult> {
    const body = await this.options.http.requestJson({
      url: `${this.companyUrl}/cdc`,
      // Documented for queries only; sent here too so CDC-served records carry every custom field if QBO honours it.
      params: { entities: entities.join(','), changedSince, include: 'enhancedAllCustomFields' },
      realmId: this.options.realmId,
    });
    return parseCdcResponse(body);
  }

  /**
   * Up to 30 queries in one POST /batch: one request (one metered call) instead of one per query.
   * Each answer is a page, or the error its item's Fault maps to (the caller may re-ask alone).
   */
  async batchQuery(queries: readonly string[]): Promise<Array<QueryPage | Error>> {
    if (queries.length > MAX_BATCH_ITEMS) throw new SystemError(`A batch holds at most ${MAX_BATCH_ITEMS} queries (got ${queries.length}).`);
    const body = await this.options.http.requestJson({
      method: 'POST',
      url: `${this.companyUrl}/batch`,
      params: { include: 'enhancedAllCustomFields' },
      body: JSON.stringify({ BatchItemRequest: queries.map((Query, i) => ({ bId: String(i), Query })) }),
      contentType: 'application/json',
      realmId: this.options.realmId,
    });
    const items = Array.isArray(body['BatchItemResponse']) ? (body['BatchItemResponse'] as unknown[]) : [];
    const byId = new Map<string, JsonObject>();
    for (const item of items) if (isObject(item)) byId.set(String(item['bId']), item);
    return queries.map((query, i) => {
      const item = byId.get(String(i));
      if (item === undefined) return new SystemError(`The batch answer has no item for query ${JSON.stringify(query)}.`);
      if (isObject(item['QueryResponse'])) {
        try {
          return parseQueryResponse({ QueryResponse: item['QueryResponse'], time: body['time'] }, query);
        } catch (error) {
          return error instanceof Error ? error : new SystemError(String(error));
        }
      }
      return errorFromResponse({ status: 400, headers: new Headers(), bodyText: JSON.stringify({ Fault: item['Fault'] ?? {} }), query, realmId: this.options.realmId });
    });
  }
}

/** A Fault at the top of a body or inside its QueryResponse (both seen in HTTP 200 answers). */
function carriesFault(body: JsonObject): boolean {
  if ('Fault' in body || 'fault' in body) return true;
  const response = body['QueryResponse'];
  return isObject(response) && 'Fault' in response;
}

/** `{"QueryResponse":{"Invoice":[...],"startPosition":1,"maxResults":n}}`, `{}` when empty, totalCount on COUNT. */
export function parseQueryResponse(body: JsonObject, query = ''): QueryPage {
  const response = body['QueryResponse'];
  if (!isObject(response)) {
    throw new SystemError(`QuickBooks answered the query ${JSON.stringify(query)} without a QueryResponse; please report this`, {
      internalMessage: keysOf(body),
    });
  }
  const entity = Object.keys(response).find((key) => !QUERY_META_KEYS.has(key) && Array.isArray(response[key]));
  const rows = entity === undefined ? [] : (response[entity] as unknown[]).filter(isObject);
  return {
    entity,
    rows,
    startPosition: numberOf(response['startPosition']),
    maxResults: numberOf(response['maxResults']),
    totalCount: numberOf(response['totalCount']),
    time: typeof body['time'] === 'string' ? body['time'] : undefined,
  };
}

/** `{"CDCResponse":[{"QueryResponse":[{"Invoice":[...]},{}]}],"time":...}` into entity -> objects, in QBO's order. */
export function parseCdcResponse(body: JsonObject): CdcResult {
  const parts = body['CDCResponse'];
  if (!Array.isArray(parts)) {
    throw new SystemError('QuickBooks answered a CDC request without a CDCResponse; please report this', {
      internalMessage: keysOf(body),
    });
  }
  const entities = new Map<string, JsonObject[]>();
  for (const part of parts) {
    if (!isObject(part)) continue;
    const responses = part['QueryResponse'];
    for (const response of Array.isArray(responses) ? responses : [responses]) {
      if (!isObject(response)) continue;
      for (const [key, value] of Object.entries(response)) {
        if (QUERY_META_KEYS.has(key) || !Array.isArray(value)) continue;
        const list = entities.get(key) ?? [];
        for (const item of value) if (isObject(item)) list.push(item);
        entities.set(key, list);
      }
    }
  }
  const time = body['time'];
  return { entities, time: typeof time === 'string' ? time : undefined };
}

// ---------------------------------------------------------------------------------------------
// The whole stack from connector config

/**
 * The connector config fields this layer reads, typed and defaulted (src/config.ts's QboConfig
 * satisfies it; its defaults come from spec.json alone). Declared here so qbo/ imports only cdk/.
 */
export interface QboConnectionConfig {
  realmId: string;
  sandbox: boolean;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  accessToken: string | undefined;
  tokenExpiryDate: string | undefined;
  minorVersion: number;
  maxConcurrentRequests: number;
  requestsPerMinute: number;
  requestTimeoutSeconds: number;
  maxRetries: number;
}

export interface QboClientDeps {
  logger: Logger;
  /** Persists the rotated tokens; awaited before any data request uses them. */
  onRefresh: (tokens: RefreshedTokens) => Promise<void>;
  /** For QBO_BASE_URL / QBO_TOKEN_URL. Default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Default: the shared per-realm limiter. */
  limiter?: RequestLimiter;
  /** The run's secret set (tokens are added as they arrive); default: one of this stack's own. */
  secrets?: SecretRegistry;
  /** Test hooks: the clock of every wait and retry (waits, jitter, time), and the http layer's fetch. */
  http?: Partial<RetryClock> & Pick<QboHttpClientOptions, 'fetch' | 'userAgent'>;
}

export interface QboStack {
  client: QboClient;
  tokens: TokenManager;
  http: QboHttpClient;
  limiter: RequestLimiter;
  endpoints: QboEndpoints;
}

/** Builds endpoints, token manager, realm limiter, http client and QboClient from the parsed config. */
export function createQboClient(config: QboConnectionConfig, deps: QboClientDeps): QboStack {
  const endpoints = resolveEndpoints({ sandbox: config.sandbox }, deps.env ?? process.env);
  const limiterOptions = { maxConcurrent: config.maxConcurrentRequests, maxPerWindow: config.requestsPerMinute, windowMs: 60_000 };
  const limiter = deps.limiter ?? limiterForRealm(config.realmId, limiterOptions);
  const secrets = deps.secrets ?? new SecretRegistry();
  const { now, sleep, random, ...httpHooks } = deps.http ?? {};
  const clock: RetryClock = { now: now ?? SYSTEM_CLOCK.now, sleep: sleep ?? SYSTEM_CLOCK.sleep, random: random ?? SYSTEM_CLOCK.random };
  const tokens = new TokenManager({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    refreshToken: config.refreshToken,
    accessToken: config.accessToken || undefined,
    tokenExpiryDate: config.tokenExpiryDate || undefined,
    tokenUrl: endpoints.tokenUrl,
    logger: deps.logger,
    onRefresh: deps.onRefresh,
    secrets,
    now: clock.now,
    retry: new RetryPolicy(TOKEN_RETRY, clock),
    ...(httpHooks.fetch ? { fetch: httpHooks.fetch } : {}),
  });
  // Retries and per-try timeout from the config (spec.json's defaults), the rest API_BACKOFF.
  const retry = new RetryPolicy(
    { ...API_BACKOFF, ...throttleWaitFrom(deps.env ?? process.env), retries: config.maxRetries, tryTimeoutMs: config.requestTimeoutSeconds * 1000 },
    clock,
  );
  const http = new QboHttpClient({ ...httpHooks, tokens, limiter, logger: deps.logger, secrets, minorVersion: config.minorVersion, retry });
  const client = new QboClient({ realmId: config.realmId, baseUrl: endpoints.baseUrl, http, tokenRefreshes: () => tokens.stats.refreshes });
  return { client, tokens, http, limiter, endpoints };
}

/**
 * `QBO_THROTTLE_WAIT_SECONDS`: how long to wait after a throttle that names no Retry-After (Intuit
 * says 60 s). For emulators and tests; like QBO_BASE_URL it is not part of the connector config.
 */
function throttleWaitFrom(env: Readonly<Record<string, string | undefined>>): { throttleWaitMs?: number } {
  const raw = env['QBO_THROTTLE_WAIT_SECONDS']?.trim();
  if (raw === undefined || raw === '') return {};
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new ConfigError(`QBO_THROTTLE_WAIT_SECONDS must be a number of seconds (got ${JSON.stringify(raw)}).`);
  }
  return { throttleWaitMs: seconds * 1000 };
}


/** The top-level keys of an unexpected body, whole: never a cut of its text, which could split a secret the answer echoed. */
function keysOf(body: JsonObject): string {
  const keys = Object.keys(body);
  return `top-level keys: ${keys.slice(0, 10).map((key) => (key.length > 60 ? `(a ${key.length}-char key)` : JSON.stringify(key))).join(', ')}${keys.length > 10 ? ', …' : ''}`;
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
