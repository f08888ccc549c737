// The QBO client's contract. The streams layer talks to QBO only through `QboApi`.
import type { JsonObject } from '../cdk/index.js';

/** One page of `/query`: the rows under the entity key (empty for `{"QueryResponse":{}}`). */
export interface QueryPage {
  /** The entity key found in QueryResponse (e.g. "Invoice"), undefined on an empty page. */
  entity: string | undefined;
  rows: JsonObject[];
  startPosition: number | undefined;
  /** As QBO sends it: the number of rows in this page, not the page size asked for. */
  maxResults: number | undefined;
  /** Only on COUNT(*) queries. */
  totalCount: number | undefined;
  /** The envelope's `time`: the server clock when it answered (with ms and the company offset). */
  time: string | undefined;
}

/** One CDC call's answer: per entity key, the objects in QBO's order (deleted ones carry status "Deleted"). */
export interface CdcResult {
  entities: Map<string, JsonObject[]>;
  /** The response envelope's `time` (server clock, with offset), when present. */
  time: string | undefined;
}

/** Counters for the summary, benchmarks and tests. */
export interface QboRequestStats {
  requests: number;
  retries: number;
  throttled: number;
  tokenRefreshes: number;
}

/** A fetched page whose body is parsed only when opened (pages fetched ahead wait as bytes). */
export interface DeferredPage {
  /** The body's size in bytes, when known (what the page holds in memory until opened). */
  readonly bytes?: number;
  open(): Promise<QueryPage>;
  /** Drop it unread (its buffer goes back for reuse). */
  discard(): void;
}

/** QBO's documented maximum of items in one POST /batch. */
export const MAX_BATCH_ITEMS = 30;

export interface QboApi {
  /** GET /v3/company/{realm}/query?query=...&include=enhancedAllCustomFields&minorversion=N */
  query(query: string): Promise<QueryPage>;
  /** Same request as query(); the page is parsed when opened. Optional for test doubles. */
  queryDeferred?(query: string): Promise<DeferredPage>;
  /** GET /v3/company/{realm}/{path}?{params}&minorversion=N, the parsed JSON body (faults already raised). */
  get(path: string, params?: Record<string, string>): Promise<JsonObject>;
  /** GET /v3/company/{realm}/cdc?entities=A,B&changedSince=... */
  cdc(entities: readonly string[], changedSince: string): Promise<CdcResult>;
  /** POST /batch with up to MAX_BATCH_ITEMS queries; per item a page or the error its Fault maps to. Optional for test doubles. */
  batchQuery?(queries: readonly string[]): Promise<Array<QueryPage | Error>>;
  readonly stats: QboRequestStats;
}
