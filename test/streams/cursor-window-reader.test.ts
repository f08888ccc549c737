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

  async queryDeferred(query: string): Promise<DeferredPage> {
    const page = await this.query(query);
    this.handedOut++;
    let settled = false;
    const settle = (): void => {
      if (settled) throw new Error('a deferred page was opened or discarded twice');
      settled = true;
    };
    return {
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

describe('readCursorWindow with deferred pages', () => {
  it('opens every page it reads and discards (never leaks) the prefetches a restart drops', async () => {
    const api = new DeferringQbo();
    api.table('Invoice').push(...rowsAt(60));
    api.beforeQuery = (n) => {
      // after the first pages went out, row 2 is updated: later positions shift, the read restarts
      if (n === 3) api.touch('Invoice', '2', pst(NOW + 3600_000));
    };
    const budget = new PageBudget(12);
    const ids = await readAll(api, budget);
    expect(ids.size).toBe(60);
    await new Promise((resolve) => setTimeout(resolve, 0)); // discards settle after the read
    expect(api.discarded).toBeGreaterThan(0);
    expect(api.opened + api.discarded).toBe(api.handedOut);
    // every prefetch slot came back
    let free = 0;
    while (budget.tryAcquire()) free++;
    expect(free).toBe(12);
  });

  it('page_size 1 still advances (pages overlap by one row, so they hold two)', async () => {
    const api = new DeferringQbo();
    api.table('Invoice').push(...rowsAt(7));
    const deps = { api, pageSize: 1, budget: new PageBudget(4), maxPrefetch: 2, logger: recordingLogger(), stream: 'invoices' };
    const ids: string[] = [];
    for await (const page of pagesOf(readCursorWindow({ ...deps, spec: { entity: 'Invoice', includeInactive: false }, from: undefined, start: { kind: 'fetched' } }))) ids.push(...page.rows.map((r) => String(r['Id'])));
    expect(ids).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(api.queries.every((q) => !q.endsWith('MAXRESULTS 1'))).toBe(true);
  });
});
