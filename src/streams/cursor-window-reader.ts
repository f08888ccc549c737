// Lossless, concurrent reading of one entity ordered by MetaData.LastUpdatedTime.
//
// QBO pages only by position (STARTPOSITION). Positions shift when a record leaves the ordered set
// during the read (an update moves it to "now", a delete removes it), and every peer connector skips
// records that way. Here the set is frozen first: the upper bound is the server's clock at the first
// page (`to`), so records can only leave it, never enter (except within that last second). Pages then
// overlap by one row: page k must start with the row page k-1 ended on. A mismatch means positions
// moved, and reading restarts from the last verified row's second. So every row in the window is
// emitted (some twice, which dedup absorbs), and pages can be fetched concurrently.
import { TransientError, type JsonObject, type Logger } from '../cdk/index.js';
import type { DeferredPage, QboApi, QueryPage } from '../qbo/types.js';
import { FetchDepth } from './fetch-depth.js';
import type { PageBudget } from './page-budget.js';
import { countQuery, pageQuery, type QuerySpec } from './query-builder.js';
import { instantOf, queryLiteral, sameInstant, utcLiteral } from './qbo-time.js';

export interface WindowReaderDeps {
  api: Pick<QboApi, 'query' | 'queryDeferred'>;
  pageSize: number;
  budget: PageBudget;
  /** Pages fetched ahead of the one being emitted (beyond it) at most, when the byte budget allows (see fetch-depth.ts). */
  maxPrefetch: number;
  /** A wait this long for the page due counts as a slow page (see fetch-depth.ts); tests pass 0. */
  slowWaitMs?: number;
  /** Bytes a page is assumed to take before this read has seen one (then: its largest so far). */
  pageBytesGuess?: number;
  logger: Logger;
  stream: string;
  /** Server clock fallback when a page carries no `time`. */
  now?: () => number;
}

/** A verified page: every row of the window ordered before `checkpoint`'s second has been yielded. */
export interface VerifiedPage {
  rows: JsonObject[];
  /** LastUpdatedTime of the last row (resume from it inclusively), undefined for an empty page. */
  checkpoint: string | undefined;
}

/**
 * How a window read begins. `fetched`: it asks for its first page itself. `prefetched`: that first
 * page was already fetched (in a batch, see query-prefetch.ts). `planned`: its bound and row count
 * are known from a batched COUNT, so pages 0..n go out at once.
 */
export type WindowStart = { kind: 'fetched' } | { kind: 'prefetched'; page: QueryPage } | { kind: 'planned'; plan: WindowPlan };

/** One read of a stream's window from `from` (inclusive; undefined = the beginning) up to the server's clock. */
export interface WindowRead extends WindowReaderDeps {
  spec: QuerySpec;
  from: string | undefined;
  start: WindowStart;
}

/**
 * What a window read yields, in order. `bound` comes first: the window's upper bound (the server
 * second of its first page or COUNT), all rows up to which are read once the read ends. `total`,
 * once known (a plan, or the COUNT a second page needs; a free row estimate), comes once, before
 * the pages it counts. `page`: a verified page.
 */
export type WindowEvent = { kind: 'bound'; readUpTo: string } | { kind: 'total'; total: number } | { kind: 'page'; page: VerifiedPage };

/** A page's bytes per row assumed before a read has seen a page (QBO transactions: 2-3 KB). */
const DEFAULT_ROW_BYTES = 3 * 1024;

/** After this many restarts from the same second, the data is changing faster than it can be read. */
const MAX_STALLED_RESTARTS = 5;

export function lastUpdatedOf(row: JsonObject): string | undefined {
  const meta = row['MetaData'];
  if (meta === null || typeof meta !== 'object') return undefined;
  const t = (meta as JsonObject)['LastUpdatedTime'];
  return typeof t === 'string' ? t : undefined;
}

/**
 * LastUpdatedTime as epoch ms (NaN when missing or unreadable). Every comparison of row times uses
 * this: one instant may be printed in two offsets, and around a daylight-saving change text order
 * is not time order (01:30-07:00 is before 01:10-08:00).
 */
export function lastUpdatedMs(row: JsonObject): number {
  const t = lastUpdatedOf(row);
  return t === undefined ? Number.NaN : instantOf(t);
}

/**
 * Drops rows already emitted in the current last second (overlap rows, restarts). Rows arrive in
 * cursor order and a window never starts before that second, so only a page's leading run can
 * repeat it; per row this costs nothing beyond those runs. Timestamps compare as instants: a
 * second's rows may be printed in two offsets.
 */
class EmittedTail {
  private second: number | undefined;
  private ids = new Set<unknown>();

  filter(rows: JsonObject[]): JsonObject[] {
    let out: JsonObject[] | undefined;
    let i = 0;
    if (this.second !== undefined) {
      for (; i < rows.length; i++) {
        const row = rows[i] as JsonObject;
        if (lastUpdatedMs(row) !== this.second) break;
        if (this.ids.has(row['Id'])) out ??= rows.slice(0, i);
        else {
          this.ids.add(row['Id']);
          out?.push(row);
        }
      }
    }
    if (out) for (let j = i; j < rows.length; j++) out.push(rows[j] as JsonObject);
    const last = rows[rows.length - 1];
    const lastTime = last === undefined ? Number.NaN : lastUpdatedMs(last);
    if (!Number.isNaN(lastTime) && lastTime !== this.second) {
      this.second = lastTime;
      this.ids = new Set();
      for (let j = rows.length - 1; j >= i && lastUpdatedMs(rows[j] as JsonObject) === lastTime; j--) this.ids.add((rows[j] as JsonObject)['Id']);
    }
    return out ?? rows;
  }
}

/** The window's row count is reported once: a restart counts its narrower window again. */
class TotalOnce {
  private done = false;

  *report(total: number): Generator<WindowEvent> {
    if (this.done) return;
    this.done = true;
    yield { kind: 'total', total };
  }
}

function sameRow(a: JsonObject, b: JsonObject): boolean {
  return a['Id'] === b['Id'] && sameInstant(lastUpdatedOf(a), lastUpdatedOf(b));
}

/** The second of a response's server clock, as a query literal. */
function serverSecond(page: QueryPage, now: () => number): string {
  const t = page.time !== undefined ? instantOf(page.time) : Number.NaN;
  return utcLiteral(Number.isNaN(t) ? now() : t);
}

/** The first query readCursorWindow sends (so it can be prefetched in a batch). */
export function firstPageQuery(spec: QuerySpec, from: string | undefined, pageSize: number): string {
  return pageQuery({ ...spec, window: { from: from === undefined ? undefined : queryLiteral(from) } }, 1, overlappingPageSize(pageSize));
}

/**
 * Pages overlap by one row, so a page must hold at least two: with page_size 1 (which the spec
 * allows) page k would start where page k-1 did and the read would never advance.
 */
export function overlappingPageSize(pageSize: number): number {
  return Math.max(2, pageSize);
}

/**
 * A window planned before reading (first syncs, see query-prefetch.ts): its upper bound and row
 * count came from one batched COUNT, and a window of one page may already be fetched.
 */
export interface WindowPlan {
  /** Upper bound: the server second the COUNT was answered at. */
  to: string;
  total: number;
  /** The window's single page, when total fit in one (fetched in a batch). */
  page0?: QueryPage;
}

/** Reads one window (see WindowRead, WindowEvent); every row in it is yielded, in cursor order. */
export async function* readCursorWindow(read: WindowRead): AsyncGenerator<WindowEvent> {
  const { spec, from, start, ...deps } = read;
  const P = overlappingPageSize(deps.pageSize);
  const now = deps.now ?? Date.now;
  const tail = new EmittedTail();
  const total = new TotalOnce();
  let fromLiteral = from === undefined ? undefined : queryLiteral(from);
  let page0: QueryPage | undefined;
  let knownTotal: number | undefined;
  let to: string;
  if (start.kind === 'planned') {
    const { plan } = start;
    to = plan.to;
    yield { kind: 'bound', readUpTo: to };
    yield* total.report(plan.total);
    if (plan.total === 0) return;
    page0 = plan.page0;
    knownTotal = plan.total;
  } else {
    page0 = start.kind === 'prefetched' ? start.page : await deps.api.query(firstPageQuery(spec, from, P));
    // Records updated from here on carry a LastUpdatedTime at or after this second.
    to = serverSecond(page0, now);
    yield { kind: 'bound', readUpTo: to };
  }
  let stalled = 0;
  let lastRestartFrom: string | undefined;

  for (;;) {
    const window: QuerySpec = { ...spec, window: { from: fromLiteral, to } };
    let anchor: JsonObject | undefined;
    if (page0) {
      const first = page0.rows;
      const emitted = tail.filter(first);
      anchor = first[first.length - 1];
      yield { kind: 'page', page: { rows: emitted, checkpoint: anchor ? lastUpdatedOf(anchor) : undefined } };
      if (first.length < P || anchor === undefined) return;
    }
    const restartAt = yield* readPositional(deps, window, anchor, tail, total, knownTotal);
    knownTotal = undefined; // a restart re-plans from its own first page
    if (restartAt === undefined) return;

    if (sameInstant(restartAt, lastRestartFrom)) {
      if (++stalled >= MAX_STALLED_RESTARTS) {
        throw new TransientError(
          `Stream ${deps.stream}: records updated at ${restartAt} kept changing while being read; run the sync again.`,
          { streamName: deps.stream },
        );
      }
    } else stalled = 0;
    lastRestartFrom = restartAt;
    deps.logger.info(`Stream ${deps.stream}: positions moved while paging (records changed mid-sync); re-reading from ${restartAt}.`);
    fromLiteral = queryLiteral(restartAt);
    page0 = await deps.api.query(pageQuery({ ...spec, window: { from: fromLiteral, to } }, 1, P));
  }
}

/**
 * The pages of a frozen window, fetched concurrently and yielded in order: from page 0 when there
 * is no `anchor`, else from page 1, whose first row must be the `anchor` page 0 ended on.
 * Returns undefined when the window is read whole, or the second to restart from when positions moved.
 */
async function* readPositional(
  deps: WindowReaderDeps,
  window: QuerySpec,
  anchor: JsonObject | undefined,
  tail: EmittedTail,
  reported: TotalOnce,
  knownTotal: number | undefined,
): AsyncGenerator<WindowEvent, string | undefined> {
  const P = overlappingPageSize(deps.pageSize);
  const startOf = (k: number): number => 1 + k * (P - 1);
  // Pages fetched ahead wait for their turn as bytes (read on arrival, parsed when opened), so the
  // request slots go on to the next pages: the slowest page in flight stalls emission, not fetching.
  // `reserved`: the bytes a page fetched ahead took from the budget (0 for the page due now).
  type Slot = { page: Promise<QueryPage | DeferredPage>; reserved: number };
  const inFlight = new Map<number, Slot>();
  const launch = (k: number, reserved: number): void => {
    const query = pageQuery(window, startOf(k), P);
    const page = deps.api.queryDeferred ? deps.api.queryDeferred(query) : deps.api.query(query);
    page.catch(() => undefined); // a discarded prefetch must not become an unhandled rejection
    inFlight.set(k, { page, reserved });
  };
  // Pages of one window are about the same size: reserve the largest seen, or the guess before any.
  let largestSeen: number | undefined;
  const guess = deps.pageBytesGuess ?? P * DEFAULT_ROW_BYTES;
  const depth = new FetchDepth(deps.maxPrefetch, deps.slowWaitMs);
  const firstK = anchor === undefined ? 0 : 1;
  let total = knownTotal;
  if (total === undefined) {
    // The first page to read is due whatever the count says: ask for it alongside the COUNT,
    // which saves a round trip on every multi-page read.
    launch(firstK, 0);
    total = (await deps.api.query(countQuery(window))).totalCount ?? 0;
  }
  let plannedPages = 1;
  while (startOf(plannedPages) <= total) plannedPages++;
  const discardAll = (): void => {
    for (const slot of inFlight.values()) {
      void slot.page
        .then((page) => {
          if ('discard' in page) page.discard();
        })
        .catch(() => undefined)
        .finally(() => deps.budget.release(slot.reserved));
    }
    inFlight.clear();
  };

  /** Launches the pages after `k` that the fetch depth and the byte budget allow, nearest first. */
  const fillAhead = (k: number): void => {
    const pageBytes = largestSeen ?? guess;
    for (let j = k + 1; j < plannedPages && j <= k + depth.pages; j++) {
      if (inFlight.has(j)) continue;
      if (!deps.budget.tryAcquire(pageBytes)) break; // nearer pages first
      launch(j, pageBytes);
    }
  };

  let prev = anchor;
  try {
    yield* reported.report(total);
    for (let k = firstK; ; k++) {
      if (!inFlight.has(k)) launch(k, 0);
      // Emitting a page is CPU work that blocks the event loop; pages already here would be emitted
      // back to back. Let arrived answers be read first, so their request slots go on to the next pages.
      if (k > firstK) await new Promise<void>((resolve) => setImmediate(resolve));
      fillAhead(k);
      const slot = inFlight.get(k) as Slot;
      inFlight.delete(k);
      let page: QueryPage;
      try {
        const asked = performance.now();
        const fetched = await whileWaiting(slot.page, depth.slowWaitEveryMs, () => {
          depth.stillWaiting();
          fillAhead(k);
        });
        depth.waited(performance.now() - asked);
        if ('open' in fetched) {
          if (fetched.bytes !== undefined) largestSeen = Math.max(largestSeen ?? 0, fetched.bytes);
          page = await fetched.open();
        } else page = fetched;
      } finally {
        deps.budget.release(slot.reserved);
      }
      const rows = page.rows;
      const head = rows[0];
      if (prev === undefined) {
        if (head === undefined) return undefined; // the window emptied since it was counted
      } else if (head === undefined || !sameRow(head, prev)) {
        discardAll();
        return lastUpdatedOf(prev);
      }
      const last = rows[rows.length - 1] as JsonObject;
      yield { kind: 'page', page: { rows: tail.filter(rows), checkpoint: lastUpdatedOf(last) } };
      prev = last;
      // A short page ends the window; a full last page means rows were added in the final second.
      if (rows.length < P) return undefined;
      if (k + 1 >= plannedPages) plannedPages = k + 2;
    }
  } finally {
    discardAll();
  }
}

/**
 * Awaits `page`, calling `tick` every `everyMs` until it settles (0: no ticks). The interval is
 * referenced on purpose: the read depends on it (an unref'd timer under a pending await can let
 * node exit mid-read), and it is cleared as soon as the page is here.
 */
async function whileWaiting<T>(page: Promise<T>, everyMs: number, tick: () => void): Promise<T> {
  if (everyMs <= 0) return page;
  const timer = setInterval(tick, everyMs);
  try {
    return await page;
  } finally {
    clearInterval(timer);
  }
}
