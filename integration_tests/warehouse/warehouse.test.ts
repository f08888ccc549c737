// Load what the connector reads into a real embedded database (DuckDB) and ask it questions a finance
// team would: the answers must equal the fake company's ground truth. Two syncs (full, then incremental
// after updates, creates and hard deletes) go to append-only raw tables; dedup by primary key gives the
// current tables, as an append+dedup destination would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { expectSucceeded } from '../helpers/assertions.js';
import { committedCatalog } from '../helpers/catalogs.js';
import { applyChanges, type ExpectedChanges } from '../helpers/changes.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { entityOfStream } from '../helpers/ground-truth.js';
import { Platform } from '../helpers/platform.js';
import { DuckDbWarehouse } from './duckdb-warehouse.js';

const cents = (n: number): number => Math.round(n * 100) / 100;

describe('warehouse: connector output loaded into DuckDB answers like the company', () => {
  let env: FakeEnv;
  let warehouse: DuckDbWarehouse;
  let changes: ExpectedChanges;
  let loaded: string[];
  const catalog = committedCatalog('incremental');

  /** The company's live records of an entity, as the API presents them. */
  const truth = (entity: string): JsonObject[] => {
    const table = env.fake.company.table(entity);
    return [...env.fake.company.all(entity)].map((rec) => table.view(rec));
  };

  beforeAll(async () => {
    env = await startFakeEnv({ seed: 77, scale: 0.5 });
    warehouse = await DuckDbWarehouse.open();
    const platform = new Platform(env.config(), env.env);
    const first = await platform.sync(catalog);
    expectSucceeded(first);
    warehouse.append(first.messages);
    changes = applyChanges(env.fake.company);
    const second = await platform.sync(catalog);
    expectSucceeded(second);
    warehouse.append(second.messages);
    loaded = await warehouse.load(catalog);
  }, 120_000);

  afterAll(async () => {
    warehouse?.close();
    await env?.close();
  });

  it('one table per stream; live row counts equal the company (deleted rows gone, updates not doubled)', async () => {
    expect(loaded).toEqual(expect.arrayContaining(['invoices', 'customers', 'payments', 'report_trial_balance']));
    const tables = new Set(env.fake.company.entities());
    const counts: Record<string, { sql: number; truth: number }> = {};
    for (const configured of catalog.streams) {
      const stream = configured.stream.name;
      const entity = entityOfStream(stream);
      if (entity === undefined || !tables.has(entity)) continue;
      const sql = loaded.includes(stream) ? Number((await warehouse.query(`SELECT count(*) AS n FROM "${stream}"`))[0]?.['n']) : 0;
      counts[stream] = { sql, truth: env.fake.company.count(entity) };
    }
    expect(Object.keys(counts).length).toBeGreaterThan(20);
    for (const [stream, { sql, truth: expected }] of Object.entries(counts)) expect(sql, stream).toBe(expected);
    expect(counts['invoices']?.truth).toBeGreaterThan(0);

    // The raw layer holds every version; the table only the current one.
    const deleted = changes.done.filter((d) => d.startsWith('deleted Invoice ')).map((d) => d.split(' ')[2] as string);
    const updated = changes.done.filter((d) => d.startsWith('updated Invoice ')).map((d) => d.split(' ')[2] as string);
    expect(deleted.length).toBeGreaterThan(0);
    const ids = (list: string[]): string => list.map((id) => `'${id}'`).join(', ');
    expect(await warehouse.query(`SELECT count(*)::INTEGER AS n FROM invoices WHERE Id IN (${ids(deleted)})`)).toEqual([{ n: 0 }]);
    expect(Number((await warehouse.query(`SELECT count(*) AS n FROM raw_invoices WHERE Id IN (${ids(deleted)}) AND _ab_cdc_deleted_at IS NOT NULL`))[0]?.['n'])).toBe(deleted.length);
    const notes = await warehouse.query(`SELECT DISTINCT PrivateNote AS note FROM invoices WHERE Id IN (${ids(updated)})`);
    expect(notes).toEqual([{ note: 'edited by test' }]);
  });

  it('total invoice amount by customer equals the company invoices', async () => {
    const rows = await warehouse.query(`SELECT CustomerRef.value AS customer, sum(TotalAmt) AS total FROM invoices GROUP BY 1 ORDER BY 1`);
    const got = Object.fromEntries(rows.map((r) => [String(r['customer']), cents(Number(r['total']))]));
    const want: Record<string, number> = {};
    for (const invoice of truth('Invoice')) {
      const customer = String((invoice['CustomerRef'] as JsonObject)['value']);
      want[customer] = (want[customer] ?? 0) + Number(invoice['TotalAmt']);
    }
    for (const key of Object.keys(want)) want[key] = cents(want[key] as number);
    expect(Object.keys(got).length).toBeGreaterThan(1);
    expect(got).toEqual(want);
  });

  it('payments join to the invoices they pay (Line[].LinkedTxn)', async () => {
    const rows = await warehouse.query(`
      SELECT p.Id AS payment, i.Id AS invoice, l.line.Amount AS amount, i.CustomerRef.value = p.CustomerRef.value AS same_customer
      FROM payments p, unnest(p.Line) AS l(line), unnest(l.line.LinkedTxn) AS t(link)
      JOIN invoices i ON i.Id = t.link.TxnId
      WHERE t.link.TxnType = 'Invoice'
      ORDER BY 1, 2`);
    const invoices = new Map(truth('Invoice').map((inv) => [String(inv['Id']), inv]));
    const want: Record<string, unknown>[] = [];
    for (const payment of truth('Payment')) {
      for (const line of (payment['Line'] as JsonObject[] | undefined) ?? []) {
        for (const link of (line['LinkedTxn'] as JsonObject[] | undefined) ?? []) {
          const invoice = invoices.get(String(link['TxnId']));
          if (link['TxnType'] !== 'Invoice' || invoice === undefined) continue;
          const same = (invoice['CustomerRef'] as JsonObject)['value'] === (payment['CustomerRef'] as JsonObject)['value'];
          want.push({ payment: String(payment['Id']), invoice: String(invoice['Id']), amount: line['Amount'], same_customer: same });
        }
      }
    }
    const order = (a: Record<string, unknown>, b: Record<string, unknown>): number =>
      String(a['payment']).localeCompare(String(b['payment'])) || String(a['invoice']).localeCompare(String(b['invoice']));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r['same_customer'] === true)).toBe(true);
    expect([...rows].sort(order)).toEqual(want.sort(order));
  });
});
