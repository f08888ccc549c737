// Many streams' opening requests in few calls: QBO's /batch answers up to 30 queries at once.
// - Small reads (incremental with a state, reference data) register their first page.
// - First syncs and full refreshes register a plan: a COUNT of their window. Windows that turn out
//   to fit in one page get that page in a second batch, smallest first and up to
//   MAX_PREFETCHED_ROWS in all (a batch answer is held whole until each stream takes its page, so
//   memory must not grow with the company); the others read their one page themselves. Empty
//   windows need nothing more; bigger ones know their bound and size and fetch all their pages
//   concurrently from the start.
// Only what is registered before reading starts is batched; a stream whose item is missing or
// failed simply asks on its own. Streams register and take by their name; each answer is served once.
import type { Logger } from '../cdk/index.js';
import { MAX_BATCH_ITEMS, type QboApi, type QueryPage } from '../qbo/types.js';
import type { WindowPlan, WindowStart } from './cursor-window-reader.js';
import { instantOf, utcLiteral } from './qbo-time.js';

/** Rows of single-page windows fetched ahead in batches, at most (about 5 MB of records). */
export const MAX_PREFETCHED_ROWS = 2000;

interface PlanRequest {
  count: string;
  /** The query of the window's single page, once its upper bound is known. */
  pageFor: (to: string) => string;
  pageSize: number;
}

interface Answers {
  /** By query text (streams asking the same query share one batch item; the first to take it gets it). */
  pages: Map<string, QueryPage>;
  plans: Map<string, WindowPlan>;
}

/** What a stream registered finds when it starts reading. */
export type PrefetchedStart = Exclude<WindowStart, { kind: 'fetched' }>;

export class QueryPrefetch {
  /** Each registered stream's first page query. */
  private readonly pageRequests = new Map<string, string>();
  private readonly planRequests = new Map<string, PlanRequest>();
  private answers: Promise<Answers> | undefined;

  constructor(
    private readonly api: Pick<QboApi, 'batchQuery'>,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  get available(): boolean {
    return this.api.batchQuery !== undefined;
  }

  /** `stream` reads `query` first (a small read): it goes into the batch. */
  registerPage(stream: string, query: string): void {
    this.assertOpen();
    this.pageRequests.set(stream, query);
  }

  registerPlan(stream: string, request: PlanRequest): void {
    this.assertOpen();
    this.planRequests.set(stream, request);
  }

  /**
   * The stream's prefetched first page or planned window, or undefined (then it reads its first
   * page itself). Served once: a restart must see fresh data.
   */
  async take(stream: string): Promise<PrefetchedStart | undefined> {
    const query = this.pageRequests.get(stream);
    if (query === undefined && !this.planRequests.has(stream)) return undefined;
    const { pages, plans } = await this.fetched();
    const plan = plans.get(stream);
    plans.delete(stream);
    if (plan) return { kind: 'planned', plan };
    const page = query === undefined ? undefined : pages.get(query);
    if (query !== undefined) pages.delete(query);
    return page && { kind: 'prefetched', page };
  }

  private assertOpen(): void {
    if (this.answers) throw new Error('QueryPrefetch: registration after reading started');
  }

  private fetched(): Promise<Answers> {
    this.answers ??= this.fetchAll();
    return this.answers;
  }

  private async fetchAll(): Promise<Answers> {
    const plans = new Map<string, WindowPlan>();
    const counts = [...this.planRequests].map(([stream, request]) => ({ stream, request }));
    const pages = await this.batch([...new Set(this.pageRequests.values()), ...counts.map((c) => c.request.count)]);
    const candidates: Array<{ stream: string; query: string; rows: number }> = [];
    for (const { stream, request } of counts) {
      const answer = pages.get(request.count);
      if (answer?.totalCount === undefined) continue;
      const t = answer.time === undefined ? Number.NaN : instantOf(answer.time);
      const to = utcLiteral(Number.isNaN(t) ? this.now() : t);
      plans.set(stream, { to, total: answer.totalCount });
      if (answer.totalCount > 0 && answer.totalCount <= request.pageSize) candidates.push({ stream, query: request.pageFor(to), rows: answer.totalCount });
    }
    const singles: typeof candidates = [];
    let rows = 0;
    for (const candidate of candidates.sort((a, b) => a.rows - b.rows)) {
      if (rows + candidate.rows > MAX_PREFETCHED_ROWS) break;
      rows += candidate.rows;
      singles.push(candidate);
    }
    const singlePages = await this.batch(singles.map((s) => s.query));
    for (const { stream, query } of singles) {
      const page = singlePages.get(query);
      const plan = plans.get(stream);
      if (page && plan) plan.page0 = page;
    }
    for (const c of counts) pages.delete(c.request.count);
    return { pages, plans };
  }

  /** Answers by query text, in batches of 30 sent concurrently; failed items are left out. */
  private async batch(queries: readonly string[]): Promise<Map<string, QueryPage>> {
    const out = new Map<string, QueryPage>();
    const send = this.api.batchQuery?.bind(this.api);
    if (!send || queries.length === 0) return out;
    const chunks: string[][] = [];
    for (let i = 0; i < queries.length; i += MAX_BATCH_ITEMS) chunks.push(queries.slice(i, i + MAX_BATCH_ITEMS));
    await Promise.all(
      chunks.map(async (chunk) => {
        try {
          const results = await send(chunk);
          results.forEach((result, i) => {
            if (result instanceof Error) this.logger.info(`Batched query failed, asking alone: ${result.message}`);
            else out.set(chunk[i] as string, result);
          });
        } catch (error) {
          this.logger.info(`A batch of ${chunk.length} queries failed, asking each alone: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );
    return out;
  }
}
