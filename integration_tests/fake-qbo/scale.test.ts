import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeQbo, type FakeQbo } from './index.js';
import { executeQuery } from './query/execute.js';
import { query } from './test-helpers.js';
import { Company } from './store/company.js';

const START = Date.parse('2024-06-15T12:00:00Z');

describe('a 1,000,000-invoice company', () => {
  let fake: FakeQbo;
  let token: string;
  beforeAll(async () => {
    fake = await startFakeQbo({ startTime: START, freezeClock: true, scale: { invoices: 1_000_000 } });
    token = fake.issueAccessToken();
  });
  afterAll(() => fake.close());

  it('answers late keyset and offset pages without materialising the table', async () => {
    const c = fake.company;
    expect(c.count('Invoice')).toBe(1_000_000);
    const table = c.table('Invoice');
    const late = table.entry(987_654);
    const stamp = String((late?.rec.MetaData as { LastUpdatedTime: string }).LastUpdatedTime);
    const before = c.generatedCount('Invoice');
    const r = await query(fake, token, `SELECT * FROM Invoice WHERE Metadata.LastUpdatedTime > '${stamp}' ORDERBY Metadata.LastUpdatedTime MAXRESULTS 1000`);
    const body = r.json().QueryResponse as { Invoice: Array<{ Id: string; MetaData: { LastUpdatedTime: string } }>; maxResults: number };
    expect(body.maxResults).toBe(1000);
    const first = body.Invoice[0];
    expect(Date.parse(String(first?.MetaData.LastUpdatedTime))).toBeGreaterThan(Date.parse(stamp));
    const offset = await query(fake, token, 'SELECT * FROM Invoice STARTPOSITION 900001 MAXRESULTS 1000');
    expect((offset.json().QueryResponse as { Invoice: Array<{ Id: string }> }).Invoice[0]?.Id).toBe('900001');
    const count = await query(fake, token, `SELECT COUNT(*) FROM Invoice WHERE MetaData.LastUpdatedTime <= '${stamp}'`);
    expect((count.json().QueryResponse as { totalCount: number }).totalCount).toBeGreaterThanOrEqual(987_654);
    expect(c.generatedCount('Invoice') - before).toBeLessThanOrEqual(2000 + 10);
    expect(fake.stats.plans.scan ?? 0).toBe(0);
  });

  it('has a same-second group larger than a page that = t with STARTPOSITION reads whole', async () => {
    const table = fake.company.table('Invoice');
    let i = 0;
    while (table.entry(i + 1)?.lut !== table.entry(i + 1001)?.lut) i += 2500;
    const stamp = String((table.entry(i + 1)?.rec.MetaData as { LastUpdatedTime: string }).LastUpdatedTime);
    const total = (await query(fake, token, `SELECT COUNT(*) FROM Invoice WHERE MetaData.LastUpdatedTime = '${stamp}'`)).json().QueryResponse as { totalCount: number };
    expect(total.totalCount).toBeGreaterThan(1000);
    const ids = new Set<string>();
    for (let start = 1; start <= total.totalCount; start += 1000) {
      const page = (await query(fake, token, `SELECT * FROM Invoice WHERE MetaData.LastUpdatedTime = '${stamp}' ORDERBY MetaData.LastUpdatedTime STARTPOSITION ${start} MAXRESULTS 1000`)).json();
      for (const inv of (page.QueryResponse as { Invoice: Array<{ Id: string }> }).Invoice) ids.add(inv.Id);
    }
    expect(ids.size).toBe(total.totalCount);
  });

  it('keeps its heap far below the size of the data', () => {
    // 1M invoices serialise to ~3 GB; the fake holds the overlay only.
    expect(process.memoryUsage().heapUsed).toBeLessThan(600 * 1024 * 1024);
    expect(fake.company.generatedCount('Invoice')).toBeLessThan(10_000);
  });
});

describe('keyset paging while the company changes', () => {
  it('sees every live record when pages are read by LastUpdatedTime with updates, creations and deletions in between', async () => {
    const fake = await startFakeQbo({ startTime: START, freezeClock: true, scale: { invoices: 5000 } });
    try {
      const c: Company = fake.company;
      const seen = new Map<string, string>();
      let cursor = '2000-01-01T00:00:00Z';
      let tick = 0;
      for (;;) {
        // Change things behind and ahead of the cursor; LastUpdatedTime = now moves them to the end.
        fake.clock.advance(1000);
        if (tick < 12) {
          c.update('Invoice', String(1 + ((tick * 997) % 3000)), { PrivateNote: `t${tick}` });
          c.create('Invoice', { TotalAmt: tick, Line: [] });
          c.hardDelete('Invoice', String(4000 - tick * 13));
        }
        tick++;
        const res = executeQuery(c, `SELECT * FROM Invoice WHERE MetaData.LastUpdatedTime > '${cursor}' ORDERBY MetaData.LastUpdatedTime MAXRESULTS 1000`).result;
        if (res.kind !== 'rows' || res.rows.length === 0) break;
        const last = String((res.rows[res.rows.length - 1]?.MetaData as { LastUpdatedTime: string }).LastUpdatedTime);
        const complete = res.rows.length < 1000 ? res.rows : res.rows.filter((r) => (r.MetaData as { LastUpdatedTime: string }).LastUpdatedTime !== last);
        for (const r of complete) seen.set(String(r.Id), String(r.SyncToken));
        if (res.rows.length === 1000) {
          // Read the straddling second whole with "=".
          const group = executeQuery(c, `SELECT COUNT(*) FROM Invoice WHERE MetaData.LastUpdatedTime = '${last}'`).result;
          const n = group.kind === 'count' ? group.totalCount : 0;
          for (let s = 1; s <= n; s += 1000) {
            const page = executeQuery(c, `SELECT * FROM Invoice WHERE MetaData.LastUpdatedTime = '${last}' ORDERBY MetaData.LastUpdatedTime STARTPOSITION ${s} MAXRESULTS 1000`).result;
            if (page.kind === 'rows') for (const r of page.rows) seen.set(String(r.Id), String(r.SyncToken));
          }
        }
        cursor = last;
        if (tick > 100) throw new Error('paging did not terminate');
      }
      const live = [...c.all('Invoice')];
      for (const inv of live) expect(seen.get(String(inv.Id)), `invoice ${String(inv.Id)}`).toBe(inv.SyncToken);
    } finally {
      await fake.close();
    }
  });
});
