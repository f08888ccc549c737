// First pages of many small streams in one request: QBO's /batch answers up to 30 queries at once.
// An incremental sync with few changes then costs a handful of requests instead of one per stream.
// Only queries registered before reading starts are batched; a stream whose query was not
// prefetched, or whose batch item failed, simply asks on its own.
import type { Logger } from '../cdk/logger.js';
import type { QboApi, QueryPage } from '../qbo/types.js';

export const BATCH_SIZE = 30;

export class QueryPrefetch {
  private readonly queries: string[] = [];
  private answers: Promise<Map<string, QueryPage>> | undefined;

  constructor(
    private readonly api: Pick<QboApi, 'batchQuery'>,
    private readonly logger: Logger,
  ) {}

  get available(): boolean {
    return this.api.batchQuery !== undefined;
  }

  register(query: string): void {
    if (this.answers) throw new Error('QueryPrefetch: register() after reading started');
    if (!this.queries.includes(query)) this.queries.push(query);
  }

  /** The prefetched answer to exactly this query, or undefined (then the caller queries itself). */
  async take(query: string): Promise<QueryPage | undefined> {
    if (!this.queries.includes(query)) return undefined;
    this.answers ??= this.fetchAll();
    const answers = await this.answers;
    const page = answers.get(query);
    answers.delete(query); // served once: a restart must see fresh data
    return page;
  }

  private async fetchAll(): Promise<Map<string, QueryPage>> {
    const out = new Map<string, QueryPage>();
    const batch = this.api.batchQuery?.bind(this.api);
    if (!batch) return out;
    const chunks: string[][] = [];
    for (let i = 0; i < this.queries.length; i += BATCH_SIZE) chunks.push(this.queries.slice(i, i + BATCH_SIZE));
    await Promise.all(
      chunks.map(async (chunk) => {
        try {
          const results = await batch(chunk);
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
