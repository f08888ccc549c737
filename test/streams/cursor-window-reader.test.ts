import { describe, expect, it } from 'vitest';
import type { DeferredPage, QueryPage } from '../../src/qbo/types.js';
import { readCursorWindow, type VerifiedPage, type WindowEvent } from '../../src/streams/cursor-window-reader.js';
import { PageBudget } from '../../src/streams/page-budget.js';
import { recordingLogger } from '../qbo/support.js';
import { MemoryQbo, pst, rowsAt } from './memory-qbo.js';

const NOW = Date.parse('2026-01-01T00:00:00-08:00');

/** MemoryQbo whose prefetches come back deferred, counting how each deferred page ends. */
class DeferringQbo extends MemoryQbo {
  handedOut = 0;
  opened = 0;
  discarded = 0;
  /** Most pages handed out and not yet opened or discarded, at any time. */
  maxAhead = 0;
  /** The size each deferred page reports, if any. */
  pageBytes: number | undefined;

  async queryDeferred(query: string): Promise<DeferredPage> {
    const page = await this.query(query);
    this.handedOut++;
    this.maxAhead = Math.max(this.maxAhead, this.handedOut - this.opened - this.discarded);
    let settled = false;
    const settle = (): void => {
      if (settled) throw new Error('a deferred page was opened or discarded twice');
      settled = true;
    };
    return {
      ...(this.pageBytes === undefined ? {} : { bytes: this.pageBytes }),
      open: async (): Promise<QueryPage> => {
        settle();
        this.opened++;
        return page;
      },
      discard: () => {
        settle();
        this.discarded++;
      },
    };
  }
}

/** The verified pages of a window read, without its bound and total. */
async function* pagesOf(events: AsyncIterable<WindowEvent>): AsyncGenerator<VerifiedPage> {
  for await (const event of events) if (event.kind === 'page') yield event.page;
}

async function readAll(api: DeferringQbo, budget: PageBudget): Promise<Set<string>> {
  const ids = new Set<string>();
  const deps = { api, pageSize: 10, budget, maxPrefetch: 4, logger: recordingLogger(), stream: 'invoices' };
  for await (const page of pagesOf(readCursorWindow({ ...deps, spec: { entity: 'Invoice', includeInactive: false }, from: undefined, start: { kind: 'fetched' } }))) {
    for (const row of page.rows) ids.add(String(row['Id']));
  }
  return ids;
}

/** Reads 200 rows in pages of 10 (a 30 000-byte guess, all pages fetched ahead as far as allowed), recording each reservation. */
async function readBudgeted(api: DeferringQbo, capacity: number): Promise<{ budget: PageBudget; sizes: number[]; rows: number }> {
  const sizes: number[] = [];
  const budget = new PageBudget(capacity);
  const acquire = budget.tryAcquire.bind(budget);
  budget.tryAcquire = (bytes: number): boolean => {
    sizes.push(bytes);
    return acquire(bytes);
  };
  const deps = { api, pageSize: 10, budget, maxPrefetch: 20, slowWaitMs: 0, pageBytesGuess: 30_000, logger: recordingLogger(), stream: 'invoices' };
  let rows = 0;
  for await (const page of pagesOf(readCursorWindow({ ...deps, spec: { entity: 'Invoice', includeInactive: false }, from: undefined, start: { kind: 'fetched' } }))) rows += page.rows.length;
  return { budget, sizes, rows };
}

describe('readCursorWindow with deferred pages', () => {
  it('opens every page it reads and discards (never leaks) the prefetches a restart drops', async () => {
    const api = new DeferringQbo();
    api.table('Invoice').push(...rowsAt(60));
    api.beforeQuery = (n) => {
      // after the first pages went out, row 2 is updated: later positions shift, the read restarts
      if (n === 3) api.touch('Invoice', '2', pst(NOW + 3600_000));
    };
    const budget = new PageBudget(12 * 64 * 1024);
    const ids = await readAll(api, budget);
    expect(ids.size).toBe(60);
    await new Promise((resolve) => setTimeout(resolve, 0)); // discards settle after the read
    expect(api.discarded).toBeGreaterThan(0);
    expect(api.opened + api.discarded).toBe(api.handedOut);
    // every reserved byte came back
    expect(budget.available).toBe(budget.capacity);
  });

  it('fetches ahead as far as the byte budget allows, reserving the largest page seen', async () => {
    const api = new DeferringQbo();
    api.table('Invoice').push(...rowsAt(200));
    api.pageBytes = 40_000;
    const { budget, sizes, rows } = await readBudgeted(api, 100_000);
    expect(rows).toBe(200);
    // the guess until a page arrived, then the size pages really have
    expect(sizes[0]).toBe(30_000);
    expect(new Set(sizes)).toEqual(new Set([30_000, 40_000]));
    // 100 000 bytes hold 3 pages of 30 000 (2 of 40 000): never more fetched ahead of the page due
    expect(api.maxAhead).toBeGreaterThan(1);
    expect(api.maxAhead).toBeLessThanOrEqual(1 + 3);
    expect(budget.available).toBe(budget.capacity);
  });

  it('a guess larger than the pages gives way to their real size, so more of them fit', async () => {
    const api = new DeferringQbo();
    api.table('Invoice').push(...rowsAt(200));
    api.pageBytes = 10_000;
    const { budget, sizes, rows } = await readBudgeted(api, 60_000);
    expect(rows).toBe(200);
    expect(sizes[0]).toBe(30_000);
    expect(sizes.at(-1)).toBe(10_000);
    // 60 000 bytes hold 2 guessed pages, then 6 real ones
    expect(api.maxAhead).toBeGreaterThan(1 + 2);
    expect(api.maxAhead).toBeLessThanOrEqual(1 + 6);
    expect(budget.available).toBe(budget.capacity);
  });

  it('page_size 1 still advances (pages overlap by one row, so they hold two)', async () => {
    const api = new DeferringQbo();
    api.table('Invoice').push(...rowsAt(7));
    const deps = { api, pageSize: 1, budget: new PageBudget(4 * 64 * 1024), maxPrefetch: 2, logger: recordingLogger(), stream: 'invoices' };
    const ids: string[] = [];
    for await (const page of pagesOf(readCursorWindow({ ...deps, spec: { entity: 'Invoice', includeInactive: false }, from: undefined, start: { kind: 'fetched' } }))) ids.push(...page.rows.map((r) => String(r['Id'])));
    expect(ids).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(api.queries.every((q) => !q.endsWith('MAXRESULTS 1'))).toBe(true);
  });

  it('looks further ahead while the page due is still awaited, not only once it has come', async () => {
    // The first page due from the loop (the one after the window's fetched first page) is held until
    // more pages than the starting depth (2) have been asked for: only growth during the wait can
    // release it; without that growth the read would wait out the 5 s guard.
    class HeldFirstPage extends DeferringQbo {
      asked = 0;
      releasedBy: 'growth' | 'guard' | undefined;
      private release: (() => void) | undefined;
      override async queryDeferred(query: string): Promise<DeferredPage> {
        this.asked++;
        if (this.asked >= 1 + 2 + 4) this.release?.();
        if (this.asked === 1) {
          await new Promise<void>((resolve) => {
            const guard = setTimeout(() => ((this.releasedBy ??= 'guard'), resolve()), 5000);
            this.release = () => {
              clearTimeout(guard);
              this.releasedBy ??= 'growth';
              resolve();
            };
          });
        }
        return super.queryDeferred(query);
      }
    }
    const api = new HeldFirstPage();
    api.table('Invoice').push(...rowsAt(200));
    const deps = { api, pageSize: 10, budget: new PageBudget(64 * 64 * 1024), maxPrefetch: 20, slowWaitMs: 10, logger: recordingLogger(), stream: 'invoices' };
    let seen = 0;
    for await (const page of pagesOf(readCursorWindow({ ...deps, spec: { entity: 'Invoice', includeInactive: false }, from: undefined, start: { kind: 'fetched' } }))) seen += page.rows.length;
    expect(seen).toBe(200);
    expect(api.releasedBy).toBe('growth');
  });
});
