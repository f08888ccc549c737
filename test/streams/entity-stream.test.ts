import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/cdk/core/logger.js';
import type { JsonObject, SyncMode } from '../../src/cdk/core/protocol.js';
import type { StreamEvent } from '../../src/cdk/core/stream.js';
import { errorFromResponse } from '../../src/qbo/faults.js';
import { JsonTooDeepError } from '../../src/cdk/index.js';
import { ChangeFeed } from '../../src/streams/change-feed.js';
import { entityDef, type EntityDef } from '../../src/streams/entity-registry.js';
import { EntityStream } from '../../src/streams/entity-stream.js';
import { PageBudget } from '../../src/streams/page-budget.js';
import { MAX_PREFETCHED_ROWS, QueryPrefetch } from '../../src/streams/query-prefetch.js';
import { instantOf, utcLiteral } from '../../src/streams/qbo-time.js';
import { MemoryQbo, pst, rowsAt } from './memory-qbo.js';

const NOW = Date.parse('2026-11-20T10:00:00-08:00');

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: () => {}, info: (m) => lines.push(`INFO ${m}`), warn: (m) => lines.push(`WARN ${m}`), error: (m) => lines.push(`ERROR ${m}`) };
}

function make(
  api: MemoryQbo,
  stream: string,
  opts: { pageSize?: number; feed?: ChangeFeed; prefetch?: QueryPrefetch; logger?: Logger; lookback?: number; def?: Partial<EntityDef>; maxEmittedChars?: number } = {},
): EntityStream {
  const def = { ...(entityDef(stream) as EntityDef), ...opts.def };
  return new EntityStream(def, {
    api,
    realmId: '123',
    logger: opts.logger ?? recordingLogger(),
    budget: new PageBudget(4 * 64 * 1024),
    feed: opts.feed,
    prefetch: opts.prefetch,
    pageSize: opts.pageSize ?? 10,
    maxPrefetch: 3,
    startDate: '2020-01-01T00:00:00Z',
    lookbackSeconds: opts.lookback ?? 0,
    emitEstimates: false,
    schema: () => ({ type: 'object' }),
    ...(opts.maxEmittedChars !== undefined ? { maxEmittedChars: opts.maxEmittedChars } : {}),
  });
}

async function run(stream: EntityStream, syncMode: SyncMode = 'incremental', state?: JsonObject) {
  const events: StreamEvent[] = [];
  for await (const e of stream.read({ syncMode, cursorField: undefined, state, signal: new AbortController().signal })) events.push(e);
  const records = events.flatMap((e) => (e.type === 'records' ? e.records : []));
  const states = events.flatMap((e) => (e.type === 'state' ? [e.state] : []));
  return { events, records, states, ids: new Set(records.map((r) => r['Id'])) };
}

describe('queries each registry row produces', () => {
  it('transactions page by cursor with Id tie-break from start_date', async () => {
    const api = new MemoryQbo();
    await run(make(api, 'invoices'));
    expect(api.queries).toEqual([
      "SELECT * FROM Invoice WHERE MetaData.LastUpdatedTime >= '2020-01-01T00:00:00+00:00' ORDERBY MetaData.LastUpdatedTime, Id MAXRESULTS 10",
    ]);
  });

  it('name lists include inactive rows', async () => {
    const api = new MemoryQbo();
    api.table('Customer').push({ ...rowsAt(1)[0]!, Active: false });
    const { records } = await run(make(api, 'customers'), 'full_refresh');
    expect(api.queries[0]).toBe('SELECT * FROM Customer WHERE Active IN (true, false) ORDERBY MetaData.LastUpdatedTime, Id MAXRESULTS 10');
    expect(records).toHaveLength(1);
  });

  it('recurring transactions are read whole and unwrapped', async () => {
    const api = new MemoryQbo();
    api.table('RecurringTransaction').push({ Id: '1', MetaData: { LastUpdatedTime: pst(NOW) }, Bill: { Id: '20', MetaData: { LastUpdatedTime: '2026-01-01T00:00:00-08:00' } } } as never);
    api.tables.set('RecurringTransaction', [{ Bill: { Id: '20', MetaData: { LastUpdatedTime: '2026-01-01T00:00:00-08:00' } } } as never]);
    const { records, states } = await run(make(api, 'recurring_transactions'), 'full_refresh');
    expect(api.queries).toEqual(['SELECT * FROM RecurringTransaction MAXRESULTS 10']);
    expect(records[0]).toMatchObject({ Id: '20', RecurringTxnType: 'Bill', airbyte_cursor: '2026-01-01T00:00:00-08:00' });
    expect(states.at(-1)).toEqual({ v: 1, cursor: '2026-01-01T00:00:00-08:00', airbyte_cursor: '2026-01-01T00:00:00-08:00' });
  });

  it('company_info is one query', async () => {
    const api = new MemoryQbo();
    api.table('CompanyInfo').push({ Id: '1', CompanyName: 'Test Co', MetaData: { LastUpdatedTime: '2026-01-01T00:00:00-08:00' } });
    const { records } = await run(make(api, 'company_info'), 'full_refresh');
    expect(records).toEqual([expect.objectContaining({ CompanyName: 'Test Co', airbyte_cursor: '2026-01-01T00:00:00-08:00' })]);
    expect(api.queries).toEqual(['SELECT * FROM CompanyInfo MAXRESULTS 10']);
  });

  it('exchange_rates incremental reads the whole table and emits what changed since the cursor, the same second included once', async () => {
    const api = new MemoryQbo();
    const rate = (code: string, at: string) => ({ SourceCurrencyCode: code, TargetCurrencyCode: 'USD', AsOfDate: '2026-01-01', Rate: 1.1, SyncToken: '0', Id: code, MetaData: { LastUpdatedTime: at } });
    api.table('ExchangeRate').push(rate('EUR', '2026-01-01T00:00:00-08:00'), rate('GBP', '2026-02-01T00:00:00-08:00'), rate('JPY', '2026-03-01T00:00:00-08:00'));
    const stream = make(api, 'exchange_rates');
    expect(stream.describe()).toMatchObject({ supported_sync_modes: ['full_refresh', 'incremental'], default_cursor_field: ['airbyte_cursor'], source_defined_cursor: true });
    const firstSync = await run(stream, 'incremental');
    expect(firstSync.records.map((r) => r['SourceCurrencyCode'])).toEqual(['EUR', 'GBP', 'JPY']);
    const saved = firstSync.states.at(-1)!;
    expect(saved).toEqual({ v: 1, cursor: '2026-03-01T00:00:00-08:00', seen: ['JPY:0'], airbyte_cursor: '2026-03-01T00:00:00-08:00' });
    api.table('ExchangeRate').push(rate('CHF', '2026-03-01T00:00:00-08:00'), rate('CAD', '2026-04-01T00:00:00-08:00'));
    const next = await run(make(api, 'exchange_rates'), 'incremental', saved);
    expect(next.records.map((r) => r['SourceCurrencyCode'])).toEqual(['CHF', 'CAD']);
    expect(next.states.at(-1)).toMatchObject({ cursor: '2026-04-01T00:00:00-08:00' });
    // The official state shape works the same way; a full refresh emits everything.
    expect((await run(make(api, 'exchange_rates'), 'incremental', { airbyte_cursor: '2026-02-15T00:00:00-08:00' })).records).toHaveLength(3);
    expect((await run(make(api, 'exchange_rates'), 'full_refresh', saved)).records).toHaveLength(5);
  });

  it('tax classifications read their endpoint and get an Id', async () => {
    const api = new MemoryQbo();
    api.get = async (path: string) => {
      expect(path).toBe('taxclassification');
      return { QueryResponse: { TaxClassification: [{ id: 'EUC-01', name: 'Software', level: '2' }] } };
    };
    const { records } = await run(make(api, 'tax_classifications'), 'full_refresh');
    expect(records).toEqual([{ id: 'EUC-01', Id: 'EUC-01', name: 'Software', level: '2', airbyte_cursor: null }]);
  });

  it('full refresh ignores state', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(3));
    const { records } = await run(make(api, 'invoices'), 'full_refresh', { v: 1, cursor: '2030-01-01T00:00:00Z' });
    expect(records).toHaveLength(3);
  });
});

// start_date (2020-01-01 here) means the same in both sync modes: transactions last updated before it
// are not read; reference lists and singletons ignore it (README "start_date").
describe('start_date: one meaning in both sync modes', () => {
  it.each(['full_refresh', 'incremental'] as const)('transactions, %s: rows last updated before start_date are not read', async (mode) => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(3, { base: '2019-06-01T00:00:00-07:00' }), ...rowsAt(2, { base: '2024-06-01T00:00:00-07:00', firstId: 10 }));
    const { ids } = await run(make(api, 'invoices'), mode);
    expect(ids).toEqual(new Set(['10', '11']));
    expect(api.queries[0]).toContain("MetaData.LastUpdatedTime >= '2020-01-01T00:00:00+00:00'");
  });

  it.each(['full_refresh', 'incremental'] as const)('reference lists, %s: every row, however old (a 2024 invoice points to a 2019 customer)', async (mode) => {
    const api = new MemoryQbo();
    api.table('Customer').push(...rowsAt(2, { base: '2019-06-01T00:00:00-07:00' }), ...rowsAt(1, { base: '2024-06-01T00:00:00-07:00', firstId: 10 }));
    api.table('Account').push(...rowsAt(2, { base: '2015-06-01T00:00:00-07:00' }));
    expect((await run(make(api, 'customers'), mode)).ids).toEqual(new Set(['1', '2', '10']));
    expect((await run(make(api, 'accounts'), mode)).ids).toEqual(new Set(['1', '2']));
    expect(api.queries.filter((q) => q.includes('LastUpdatedTime >=')), 'no start_date filter on reference lists').toEqual([]);
  });

  it('a saved cursor still wins over start_date for incremental transactions', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(2, { base: '2024-06-01T00:00:00-07:00' }));
    await run(make(api, 'invoices'), 'incremental', { v: 1, cursor: '2024-01-01T00:00:00Z' });
    expect(api.queries[0]).toContain("MetaData.LastUpdatedTime >= '2024-01-01T00:00:00+00:00'");
  });
});

describe('lossless paging', () => {
  it('reads every row once across many pages, with a checkpoint per page', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(35));
    const { records, states, events } = await run(make(api, 'invoices'));
    expect(records.map((r) => r['Id'])).toEqual(Array.from({ length: 35 }, (_, i) => String(i + 1)));
    expect(states.length).toBeGreaterThanOrEqual(4);
    expect(events.filter((e) => e.type === 'estimate')).toEqual([{ type: 'estimate', rowEstimate: 35 }]);
    const at35 = api.table('Invoice')[34]!.MetaData.LastUpdatedTime;
    expect(states.at(-2)).toEqual({ v: 1, cursor: at35, seen: ['35:0'], airbyte_cursor: at35 });
    // then the cursor moves up to the server clock (minus 5 minutes): nothing else exists before it
    expect(states.at(-1)).toEqual({ v: 1, cursor: '2026-11-20T17:55:00+00:00', airbyte_cursor: '2026-11-20T17:55:00+00:00' });
    // page 1, COUNT, then pages overlapping by one row
    // page 2 goes out together with the COUNT (it is due whatever the count says)
    expect(api.queries[1]).toContain('STARTPOSITION 10 ');
    expect(api.queries[2]).toMatch(/^SELECT COUNT\(\*\) FROM Invoice WHERE MetaData.LastUpdatedTime >= '2020-01-01T00:00:00\+00:00' AND MetaData.LastUpdatedTime <= '2026-11-20T18:00:00\+00:00'$/);
    expect(api.queries.filter((q) => q.includes('STARTPOSITION')).map((q) => /STARTPOSITION (\d+)/.exec(q)?.[1])).toEqual(['10', '19', '28']);
  });

  it('reads a same-second group larger than a page whole', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(5), ...rowsAt(25, { base: '2026-02-01T00:00:00-08:00', perSecond: 100, firstId: 6 }), ...rowsAt(3, { base: '2026-03-01T00:00:00-08:00', firstId: 31 }));
    const { ids, records } = await run(make(api, 'invoices'));
    expect(ids.size).toBe(33);
    expect(records).toHaveLength(33);
  });

  it('loses nothing when a record on an earlier page is updated between pages', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(40));
    api.beforeQuery = (n) => {
      // after page 1 and the COUNT: row 3 (already read) is updated, shifting every later position
      if (n === 2) api.touch('Invoice', '3', pst(NOW + 1000));
    };
    const logger = recordingLogger();
    const { ids } = await run(make(api, 'invoices', { logger }));
    expect([...ids].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1)));
    expect(logger.lines.some((l) => l.includes('re-reading'))).toBe(true);
  });

  it('loses nothing when a record is hard-deleted mid-read', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(40));
    api.beforeQuery = (n) => {
      if (n === 3) api.hardDelete('Invoice', '5', pst(NOW + 1000));
    };
    const { ids } = await run(make(api, 'invoices'));
    for (let i = 1; i <= 40; i++) if (i !== 5) expect(ids.has(String(i))).toBe(true);
  });

  it('compares instants across UTC offsets', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(
      { Id: '1', MetaData: { LastUpdatedTime: '2026-05-01T10:00:00+05:30' } }, // 04:30Z
      { Id: '2', MetaData: { LastUpdatedTime: '2026-04-30T22:00:00-08:00' } }, // 06:00Z next day
      { Id: '3', MetaData: { LastUpdatedTime: '2026-05-01T05:00:00Z' } },
    );
    const { records, states } = await run(make(api, 'invoices'), 'incremental', { v: 1, cursor: '2026-05-01T04:45:00Z' });
    expect(records.map((r) => r['Id'])).toEqual(['3', '2']);
    expect(states.at(-2)).toEqual({ v: 1, cursor: '2026-04-30T22:00:00-08:00', seen: ['2:'], airbyte_cursor: '2026-04-30T22:00:00-08:00' });
  });

  it('resumes from a mid-stream state without losing a record', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(35, { perSecond: 3 }));
    const first = await run(make(api, 'invoices'));
    const cut = first.events.findIndex((e) => e.type === 'state' && e === first.events.filter((x) => x.type === 'state')[1]);
    const before = first.events.slice(0, cut).flatMap((e) => (e.type === 'records' ? e.records : []));
    const resumeState = (first.events[cut] as { state: JsonObject }).state;
    const second = await run(make(api, 'invoices'), 'incremental', resumeState);
    const union = new Set([...before.map((r) => r['Id']), ...second.ids]);
    expect(union.size).toBe(35);
    expect(second.records.length).toBeLessThan(35);
  });

  it('resuming from a final state re-emits nothing, even when the last second holds several records', async () => {
    const api = new MemoryQbo();
    api.table('Budget').push(...rowsAt(2, { perSecond: 2 }));
    const first = await run(make(api, 'budgets'));
    expect(first.records).toHaveLength(2);
    const again = await run(make(api, 'budgets'), 'incremental', first.states.at(-1));
    expect(again.records).toEqual([]);
    expect(again.states.at(-1)).toEqual(first.states.at(-1));
  });

  it('a record edited again within the cursor second, or added to it, is emitted on resume', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(3, { perSecond: 3, base: pst(NOW - 60_000) }));
    const first = await run(make(api, 'invoices'));
    const t = api.table('Invoice')[0]!.MetaData.LastUpdatedTime;
    api.touch('Invoice', '2', t); // same second, SyncToken 0 -> 1
    api.table('Invoice').push({ Id: '4', SyncToken: '0', MetaData: { LastUpdatedTime: t } });
    const again = await run(make(api, 'invoices'), 'incremental', first.states.at(-1));
    expect(again.records.map((r) => [r['Id'], r['SyncToken']])).toEqual([
      ['2', '1'],
      ['4', '0'],
    ]);
  });

  it('accepts the airbyte/source-quickbooks state; a malformed one is warned about once and read in full', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(3));
    const { records } = await run(make(api, 'invoices'), 'incremental', { airbyte_cursor: api.table('Invoice')[1]!.MetaData.LastUpdatedTime });
    expect(records.map((r) => r['Id'])).toEqual(['2', '3']);
    const logger = recordingLogger();
    const stream = make(api, 'invoices', { logger });
    const bad = { cursor: 'yesterday' };
    stream.plan({ syncMode: 'incremental', state: bad });
    const full = await run(stream, 'incremental', bad);
    expect(full.records.map((r) => r['Id'])).toEqual(['1', '2', '3']);
    expect(logger.lines.filter((l) => l.startsWith('WARN'))).toEqual([expect.stringContaining('Stream invoices: its saved state is not one')]);
  });

  it('a future cursor (also the official airbyte_cursor form): no records, the cursor kept (Airbyte acceptance), a WARN naming stream and value every run', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(3));
    for (const state of [{ v: 1, cursor: '2999-01-01T00:00:00Z' }, { airbyte_cursor: '2999-01-01T00:00:00+00:00' }]) {
      const logger = recordingLogger();
      const { records, states } = await run(make(api, 'invoices', { logger }), 'incremental', state);
      expect(records).toEqual([]);
      expect(instantOf(states.at(-1)!['cursor'] as string)).toBe(Date.parse('2999-01-01T00:00:00Z'));
      expect(logger.lines.filter((l) => l.startsWith('WARN') && /Stream invoices: its saved cursor "2999-01-01T00:00:00(Z|\+00:00)" is in the future/.test(l))).toHaveLength(1);
    }
    // A day of slack for a clock that is off: a cursor an hour ahead says nothing.
    const quiet = recordingLogger();
    await run(make(api, 'invoices', { logger: quiet }), 'incremental', { v: 1, cursor: new Date(Date.now() + 3600_000).toISOString() });
    expect(quiet.lines.filter((l) => l.startsWith('WARN'))).toEqual([]);
  });

  it('applies the lookback window to the saved cursor', async () => {
    const api = new MemoryQbo();
    await run(make(api, 'invoices', { lookback: 3600 }), 'incremental', { v: 1, cursor: '2026-05-01T10:00:00Z' });
    expect(api.queries[0]).toContain(">= '2026-05-01T09:00:00+00:00'");
  });
});

describe('hard deletes through CDC', () => {
  const recent = pst(NOW - 2 * 24 * 3600_000);

  function withFeed(api: MemoryQbo, logger = recordingLogger()) {
    const feed = new ChangeFeed(api, logger, () => NOW);
    return { feed, logger };
  }

  it('serves incremental reads from one CDC call with tombstones, and no query', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(3, { base: pst(NOW - 3600_000) }));
    api.table('Customer').push(...rowsAt(2, { base: pst(NOW - 7200_000) }));
    api.hardDelete('Invoice', '2', pst(NOW - 60_000));
    const { feed } = withFeed(api);
    const inv = make(api, 'invoices', { feed });
    const cus = make(api, 'customers', { feed });
    const state = { v: 1, cursor: recent };
    inv.planChanges({ syncMode: 'incremental', state });
    cus.planChanges({ syncMode: 'incremental', state });
    const a = await run(inv, 'incremental', state);
    const b = await run(cus, 'incremental', state);
    expect(api.cdcCalls).toEqual([{ entities: ['Invoice', 'Customer'], since: recent }]);
    expect(api.queries).toEqual([]);
    expect(a.records.map((r) => r['Id'])).toEqual(['1', '3', '2']);
    expect(a.records[2]).toEqual({ Id: '2', MetaData: { LastUpdatedTime: pst(NOW - 60_000) }, airbyte_cursor: pst(NOW - 60_000), _ab_cdc_deleted_at: pst(NOW - 60_000) });
    expect(b.records).toHaveLength(2);
    expect(instantOf(a.states.at(-1)!['cursor'] as string)).toBeGreaterThanOrEqual(NOW - 6 * 60_000);
  });

  it('falls back to queries with a WARN when CDC is cut at its cap', async () => {
    const api = new MemoryQbo();
    api.cdcCap = 3;
    api.table('Invoice').push(...rowsAt(5, { base: pst(NOW - 3600_000) }));
    const { feed, logger } = withFeed(api);
    // the feed treats 1000 as the cap; emulate a cut answer by lowering it through many rows
    api.table('Invoice').push(...rowsAt(1000, { base: pst(NOW - 3000_000), firstId: 100 }));
    api.cdcCap = 1000;
    const inv = make(api, 'invoices', { feed, logger, pageSize: 1000 });
    const state = { v: 1, cursor: recent };
    inv.planChanges({ syncMode: 'incremental', state });
    const { ids } = await run(inv, 'incremental', state);
    expect(ids.size).toBe(1005);
    expect(api.queries.length).toBeGreaterThan(0);
    expect(logger.lines.some((l) => l.startsWith('WARN') && l.includes('cannot be seen'))).toBe(true);
  });

  it('does not use CDC for a cursor older than 29 days, and says deletes were not seen', async () => {
    const api = new MemoryQbo();
    const { feed, logger } = withFeed(api);
    const inv = make(api, 'invoices', { feed, logger });
    const state = { v: 1, cursor: pst(NOW - 40 * 24 * 3600_000) };
    inv.planChanges({ syncMode: 'incremental', state });
    await run(inv, 'incremental', state);
    expect(api.cdcCalls).toEqual([]);
    expect(api.queries).toHaveLength(1);
    expect(logger.lines.some((l) => l.startsWith('WARN') && l.includes('30-day'))).toBe(true);
  });

  it('past CDC\'s reach with emitted ids in the state: a key sweep tombstones the missing id, confirmed by a lookup; a live row a concurrent delete shifted past a page edge is spared', async () => {
    const api = new MemoryQbo();
    api.serverTime = pst(NOW);
    api.table('Invoice').push(...rowsAt(25)); // ids 1..25, historic
    const first = await run(make(api, 'invoices', { feed: withFeed(api).feed, pageSize: 10 }), 'incremental', undefined);
    const state: JsonObject = { ...first.states.at(-1)!, cursor: pst(NOW - 40 * 24 * 3600_000) }; // not synced for 40 days
    expect(state['emitted_ids']).toEqual({ ranges: '2.o' }); // 1..25
    api.hardDelete('Invoice', '3', pst(NOW - 35 * 24 * 3600_000));
    // During the sweep, before its second page, invoice 5 (already read) is deleted: positions shift and 12 is skipped.
    api.beforeQuery = (_n, query) => {
      if (query.includes('ORDERBY Id STARTPOSITION 11')) api.hardDelete('Invoice', '5', pst(NOW));
    };
    const logger = recordingLogger();
    const stream = make(api, 'invoices', { feed: withFeed(api, logger).feed, logger, pageSize: 10 });
    expect(stream.planChanges({ syncMode: 'incremental', state })).toBe(false);
    const before = api.queries.length;
    const { records, states } = await run(stream, 'incremental', state);
    expect(api.queries.slice(before, before + 4)).toEqual([
      'SELECT * FROM Invoice ORDERBY Id MAXRESULTS 10',
      'SELECT * FROM Invoice ORDERBY Id STARTPOSITION 11 MAXRESULTS 10',
      'SELECT * FROM Invoice ORDERBY Id STARTPOSITION 21 MAXRESULTS 10',
      "SELECT * FROM Invoice WHERE Id IN ('3', '12') MAXRESULTS 2",
    ]);
    const since = utcLiteral(NOW - 5 * 60_000);
    expect(records.filter((r) => r['_ab_cdc_deleted_at'] !== undefined)).toEqual([{ Id: '3', MetaData: { LastUpdatedTime: since }, airbyte_cursor: since, _ab_cdc_deleted_at: since }]);
    expect(logger.lines).toContain('INFO Stream invoices: key sweep read 23 live rows and checked 2 missing id(s) in 4 call(s) (3 page(s) of 10, 1 lookup(s)); 1 emitted record(s) were deleted and get a tombstone.');
    expect(logger.lines.filter((l) => l.startsWith('WARN'))).toEqual([]);
    const last = states.at(-1)!;
    expect(last['emitted_ids']).toEqual({ ranges: '2.1,2.l' }); // 1..2, 4..25: 5 goes when CDC reports it
    expect(last['deletes_since'] ?? last['cursor']).toBe(since); // CDC covers from the sweep's start next time
  });

  it('emitted ids past the cap are dropped from the state with one WARN', async () => {
    const api = new MemoryQbo();
    api.serverTime = pst(NOW);
    api.table('Invoice').push(...rowsAt(25).filter((r) => Number(r.Id) % 2 === 1)); // 13 scattered ids: a bitmap of 8 characters
    const logger = recordingLogger();
    const stream = make(api, 'invoices', { feed: withFeed(api).feed, logger, maxEmittedChars: 7 });
    const { states } = await run(stream, 'incremental', undefined);
    const dropped = states.findIndex((s) => s['emitted_ids'] === undefined);
    expect(dropped).toBeGreaterThan(0); // kept while within the cap (4 characters after the first page)
    expect(states.slice(dropped).every((s) => s['emitted_ids'] === undefined)).toBe(true);
    expect(logger.lines.filter((l) => l.startsWith('WARN'))).toEqual([expect.stringContaining('Stream invoices: its emitted ids take 8 characters, more than the 7 its state keeps')]);
  });

  it('falls back to queries when the CDC call fails', async () => {
    const api = new MemoryQbo();
    api.cdcFault = new Error('Operation cdc is not supported');
    api.table('Invoice').push(...rowsAt(2, { base: pst(NOW - 3600_000) }));
    const { feed, logger } = withFeed(api);
    const inv = make(api, 'invoices', { feed, logger });
    const state = { v: 1, cursor: recent };
    inv.planChanges({ syncMode: 'incremental', state });
    const { records } = await run(inv, 'incremental', state);
    expect(records).toHaveLength(2);
    expect(logger.lines.some((l) => l.includes('CDC call failed'))).toBe(true);
  });

  it('a CDC answer nested past the JSON depth limit: one WARN quoting it, and the read goes on by query', async () => {
    const api = new MemoryQbo();
    api.cdcFault = new JsonTooDeepError(`QuickBooks' answer to GET /v3/company/123/cdc`, 40, 256);
    api.table('Invoice').push(...rowsAt(2, { base: pst(NOW - 3600_000) }));
    const { feed, logger } = withFeed(api);
    const inv = make(api, 'invoices', { feed, logger });
    const state = { v: 1, cursor: recent };
    inv.planChanges({ syncMode: 'incremental', state });
    const { records } = await run(inv, 'incremental', state);
    expect(records).toHaveLength(2);
    expect(logger.lines.filter((l) => l.startsWith('WARN'))).toEqual([
      expect.stringMatching(/^WARN Stream invoices: the CDC call failed \(QuickBooks' answer to GET \/v3\/company\/123\/cdc exceeds a nesting depth of 256 .*\); reading updates with queries instead/),
    ]);
  });

  it('a delete of a record emitted before an interrupted first sync still arrives: CDC reads from when that sync began', async () => {
    const api = new MemoryQbo();
    api.serverTime = pst(NOW);
    api.table('Invoice').push(...rowsAt(30)); // historic: January 2026
    // First sync, killed after its first checkpoint: 10 records out, a historic cursor.
    const first = await run(make(api, 'invoices', { feed: withFeed(api).feed, pageSize: 10 }), 'incremental', undefined);
    const killedAt = first.events.findIndex((e) => e.type === 'state');
    const emitted = first.events.slice(0, killedAt).flatMap((e) => (e.type === 'records' ? e.records : []));
    const interrupted = (first.events[killedAt] as { state: JsonObject }).state;
    const began = utcLiteral(NOW - 5 * 60_000);
    expect(interrupted['deletes_since']).toBe(began);
    expect(emitted.map((r) => r['Id'])).toContain('3');

    // Invoice 3, already delivered, is hard-deleted; the sync resumes an hour later (queries: its cursor is old).
    api.hardDelete('Invoice', '3', pst(NOW + 3600_000));
    api.serverTime = pst(NOW + 2 * 3600_000);
    const resumeFeed = new ChangeFeed(api, recordingLogger(), () => NOW + 2 * 3600_000);
    const resumeLogger = recordingLogger();
    const resumed = make(api, 'invoices', { feed: resumeFeed, logger: resumeLogger, pageSize: 10 });
    expect(resumed.planChanges({ syncMode: 'incremental', state: interrupted })).toBe(false);
    const second = await run(resumed, 'incremental', interrupted);
    expect(second.ids.has('3')).toBe(false);
    const afterResume = second.states.at(-1)!;
    expect(afterResume['deletes_since']).toBe(began); // kept through the resume
    expect(instantOf(afterResume['cursor'] as string)).toBeGreaterThan(NOW + 3600_000);
    expect(resumeLogger.lines.some((l) => l.startsWith('INFO') && l.includes(`hard-deleted since ${began} are read from CDC on the next sync`))).toBe(true);

    // The next incremental sync asks CDC from when the first sync began: the delete arrives as a tombstone.
    api.serverTime = pst(NOW + 3 * 3600_000);
    const nextFeed = new ChangeFeed(api, recordingLogger(), () => NOW + 3 * 3600_000);
    const next = make(api, 'invoices', { feed: nextFeed });
    expect(next.planChanges({ syncMode: 'incremental', state: afterResume })).toBe(true);
    const third = await run(next, 'incremental', afterResume);
    expect(api.cdcCalls.at(-1)?.since).toBe(began);
    expect(third.records.find((r) => r['Id'] === '3')).toMatchObject({ _ab_cdc_deleted_at: pst(NOW + 3600_000) });
    expect(third.states.at(-1)).not.toHaveProperty('deletes_since');
  });

  it('an uninterrupted first sync leaves no deletes_since behind (its final cursor is where it began)', async () => {
    const api = new MemoryQbo();
    api.serverTime = pst(NOW);
    api.table('Invoice').push(...rowsAt(25));
    const first = await run(make(api, 'invoices', { feed: withFeed(api).feed, pageSize: 10 }), 'incremental', undefined);
    expect(first.states.at(-1)).not.toHaveProperty('deletes_since');
    expect(first.states.at(-1)!['cursor']).toBe(utcLiteral(NOW - 5 * 60_000));
  });

  it('a query-served incremental read (CDC cut or failed) keeps deletes_since = its start; the next sync asks CDC from there', async () => {
    const api = new MemoryQbo();
    api.cdcFault = new Error('CDC is down');
    api.table('Invoice').push(...rowsAt(2, { base: pst(NOW - 3600_000) }));
    const { feed } = withFeed(api);
    const inv = make(api, 'invoices', { feed });
    const state = { v: 1, cursor: recent };
    inv.planChanges({ syncMode: 'incremental', state });
    const { states } = await run(inv, 'incremental', state);
    expect(states.at(-1)!['deletes_since']).toBe(recent);
    api.cdcFault = undefined;
    const again = make(api, 'invoices', { feed: withFeed(api).feed });
    again.planChanges({ syncMode: 'incremental', state: states.at(-1) });
    await run(again, 'incremental', states.at(-1));
    expect(api.cdcCalls.at(-1)?.since).toBe(recent);
  });

  it('deletes_since beyond CDC\'s 30 days: one WARN saying how to reconcile, then CDC from the cursor', async () => {
    const api = new MemoryQbo();
    const { feed, logger } = withFeed(api);
    const inv = make(api, 'invoices', { feed, logger });
    const state = { v: 1, cursor: recent, deletes_since: pst(NOW - 45 * 24 * 3600_000) };
    expect(inv.planChanges({ syncMode: 'incremental', state })).toBe(true);
    const { states } = await run(inv, 'incremental', state);
    expect(api.cdcCalls).toEqual([{ entities: ['Invoice'], since: recent }]);
    expect(states.at(-1)).not.toHaveProperty('deletes_since');
    expect(logger.lines.filter((l) => l.startsWith('WARN') && l.includes('cannot be read any more') && l.includes('refresh this stream'))).toHaveLength(1);
    // A malformed one is not fatal: a WARN says deletes before the cursor may be missed.
    const lenient = recordingLogger();
    await run(make(api, 'invoices', { logger: lenient }), 'incremental', { v: 1, cursor: recent, deletes_since: 'soon' });
    expect(lenient.lines.some((l) => l.startsWith('WARN') && l.includes('"deletes_since" is not a timestamp'))).toBe(true);
  });

  it('a CDC call rejecting one entity drops it for the run: the others stay on CDC, it reads by query with one WARN', async () => {
    const api = new MemoryQbo();
    api.cdcRejects.add('CreditCardPaymentTxn');
    api.table('Invoice').push(...rowsAt(2, { base: pst(NOW - 3600_000) }));
    api.table('CreditCardPaymentTxn').push(...rowsAt(3, { base: pst(NOW - 3600_000) }));
    api.hardDelete('Invoice', '2', pst(NOW - 60_000));
    const { feed, logger } = withFeed(api);
    const inv = make(api, 'invoices', { feed, logger });
    const ccp = make(api, 'credit_card_payments', { feed, logger });
    const state = { v: 1, cursor: recent };
    inv.planChanges({ syncMode: 'incremental', state });
    ccp.planChanges({ syncMode: 'incremental', state });
    const a = await run(inv, 'incremental', state);
    const b = await run(ccp, 'incremental', state);
    expect(api.cdcCalls.map((c) => c.entities)).toEqual([['Invoice', 'CreditCardPaymentTxn'], ['Invoice']]);
    expect(a.records.map((r) => r['Id'])).toEqual(['1', '2']);
    expect(a.records[1]?.['_ab_cdc_deleted_at']).toBe(pst(NOW - 60_000));
    expect(b.ids).toEqual(new Set(['1', '2', '3']));
    expect(api.queries.every((q) => q.includes('FROM CreditCardPaymentTxn'))).toBe(true);
    const warns = logger.lines.filter((l) => l.startsWith('WARN'));
    expect(warns).toHaveLength(1);
    expect(warns[0]).toMatch(/Stream credit_card_payments: QuickBooks' CDC rejected the entity CreditCardPaymentTxn \(fault 2010 Request has invalid or unsupported property: Property Name:entities specified is unsupported or invalid: CreditCardPaymentTxn\)/);
  });

  it('a refused CDC call that names no entity fails CDC for every stream, which all read by query', async () => {
    const api = new MemoryQbo();
    api.cdcFault = errorFromResponse({ status: 400, headers: new Headers(), bodyText: JSON.stringify({ Fault: { Error: [{ Message: 'Request has invalid or unsupported property', Detail: 'Property Name:changedSince specified is unsupported or invalid', code: '2010' }] } }) });
    api.table('Invoice').push(...rowsAt(2, { base: pst(NOW - 3600_000) }));
    const { feed, logger } = withFeed(api);
    const inv = make(api, 'invoices', { feed, logger });
    const bills = make(api, 'bills', { feed, logger });
    const state = { v: 1, cursor: recent };
    inv.planChanges({ syncMode: 'incremental', state });
    bills.planChanges({ syncMode: 'incremental', state });
    expect((await run(inv, 'incremental', state)).records).toHaveLength(2);
    await run(bills, 'incremental', state);
    expect(api.cdcCalls).toHaveLength(1);
    expect(logger.lines.filter((l) => l.includes('CDC call failed'))).toHaveLength(2);
  });

  it('never plans CDC for first syncs or non-CDC entities', () => {
    const api = new MemoryQbo();
    const { feed } = withFeed(api);
    make(api, 'invoices', { feed }).planChanges({ syncMode: 'incremental', state: undefined });
    make(api, 'time_activities', { feed }).planChanges({ syncMode: 'incremental', state: { v: 1, cursor: recent } });
    make(api, 'bills', { feed }).planChanges({ syncMode: 'full_refresh', state: { v: 1, cursor: recent } });
    expect(feed.planned('invoices') || feed.planned('time_activities') || feed.planned('bills')).toBe(false);
  });
});

describe('batched first pages', () => {
  it('answers the first page of small reads from one batch, and the rest normally', async () => {
    const api = new MemoryQbo();
    api.table('TimeActivity').push(...rowsAt(3));
    api.table('TaxCode').push(...rowsAt(2));
    api.table('ExchangeRate').push({ Id: '1', SourceCurrencyCode: 'EUR', AsOfDate: '2026-01-01', MetaData: { LastUpdatedTime: pst(NOW) } } as never);
    const prefetch = new QueryPrefetch(api, recordingLogger());
    const state = { v: 1, cursor: pst(NOW - 3600_000 * 24 * 400) };
    const streams = ['time_activities', 'tax_codes', 'exchange_rates'].map((s) => make(api, s, { prefetch }));
    for (const s of streams) s.plan({ syncMode: 'incremental', state: s.incremental ? state : undefined });
    const results = await Promise.all(streams.map((s) => run(s, 'incremental', s.incremental ? state : undefined)));
    expect(results.map((r) => r.records.length)).toEqual([3, 2, 1]);
    expect(api.batches).toHaveLength(1);
    expect(api.batches[0]).toHaveLength(3);
    expect(api.queries).toEqual([]);
  });

  it('first syncs count their windows in one batch, fetch small windows in a second, and page big ones at once', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(35));
    api.table('TaxCode').push(...rowsAt(3));
    const prefetch = new QueryPrefetch(api, recordingLogger());
    const streams = ['invoices', 'tax_codes', 'time_activities'].map((s) => make(api, s, { prefetch }));
    for (const s of streams) s.plan({ syncMode: 'incremental', state: undefined });
    const [inv, tax, time] = await Promise.all(streams.map((s) => run(s)));
    expect(api.batches.map((b) => b.length)).toEqual([3, 1]);
    expect(api.batches[0]?.every((q) => q.startsWith('SELECT COUNT(*)'))).toBe(true);
    expect(api.batches[1]?.[0]).toMatch(/^SELECT \* FROM TaxCode WHERE .* MetaData.LastUpdatedTime <= '2026-11-20T18:00:00\+00:00' ORDERBY/);
    // The big window is paged from position 1 with no serial first page and no second COUNT.
    expect(api.queries.map((q) => /STARTPOSITION (\d+)/.exec(q)?.[1] ?? '1')).toEqual(['1', '10', '19', '28']);
    expect(inv?.records.map((r) => r['Id'])).toEqual(Array.from({ length: 35 }, (_, i) => String(i + 1)));
    expect(inv?.events.filter((e) => e.type === 'estimate')).toEqual([{ type: 'estimate', rowEstimate: 35 }]);
    expect(tax?.records).toHaveLength(3);
    expect(time?.records).toEqual([]);
    expect(time?.states.at(-1)).toEqual({ v: 1, cursor: '2026-11-20T17:55:00+00:00', airbyte_cursor: '2026-11-20T17:55:00+00:00' });
  });

  it('prefetches single-page windows smallest first, up to MAX_PREFETCHED_ROWS; the rest read their own page', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(MAX_PREFETCHED_ROWS - 10));
    api.table('Bill').push(...rowsAt(50));
    api.table('TaxCode').push(...rowsAt(3));
    const prefetch = new QueryPrefetch(api, recordingLogger());
    const streams = ['invoices', 'bills', 'tax_codes'].map((s) => make(api, s, { prefetch, pageSize: 10_000 }));
    for (const s of streams) s.plan({ syncMode: 'incremental', state: undefined });
    const [inv, bills, tax] = await Promise.all(streams.map((s) => run(s)));
    expect(api.batches.map((b) => b.length)).toEqual([3, 2]);
    expect(api.batches[1]?.map((q) => /FROM (\w+)/.exec(q)?.[1])).toEqual(['TaxCode', 'Bill']);
    expect(api.queries.map((q) => /FROM (\w+)/.exec(q)?.[1])).toEqual(['Invoice']);
    expect([inv?.records.length, bills?.records.length, tax?.records.length]).toEqual([MAX_PREFETCHED_ROWS - 10, 50, 3]);
  });

  it('a planned window still loses nothing when records change while it is read', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(40));
    api.beforeQuery = (n) => {
      if (n === 1) api.touch('Invoice', '3', pst(NOW + 1000));
    };
    const prefetch = new QueryPrefetch(api, recordingLogger());
    const s = make(api, 'invoices', { prefetch });
    s.plan({ syncMode: 'full_refresh', state: undefined });
    const { ids } = await run(s, 'full_refresh');
    expect([...ids].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1)));
  });

  it('falls back to its own query when the batch fails', async () => {
    const api = new MemoryQbo();
    api.table('TaxCode').push(...rowsAt(2));
    api.batchQuery = async () => {
      throw new Error('batch unavailable');
    };
    const prefetch = new QueryPrefetch(api, recordingLogger());
    const s = make(api, 'tax_codes', { prefetch });
    s.plan({ syncMode: 'incremental', state: { v: 1, cursor: '2020-01-01T00:00:00Z' } });
    const { records } = await run(s, 'incremental', { v: 1, cursor: '2020-01-01T00:00:00Z' });
    expect(records).toHaveLength(2);
    expect(api.queries).toHaveLength(1);
  });
});
