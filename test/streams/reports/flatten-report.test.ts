import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import { flattenReport, hasNoReportData, parseReportNumber, type FlattenContext } from '../../../src/streams/reports/flatten-report.js';
import { reportByQboName, type ReportDefinition } from '../../../src/streams/reports/report-registry.js';
import { fixture } from './helpers.js';

function def(name: string): ReportDefinition {
  const d = reportByQboName(name);
  if (!d) throw new Error(`no registry row for ${name}`);
  return d;
}

function ctx(name: string, over: Partial<FlattenContext> = {}): FlattenContext {
  return {
    definition: def(name),
    period: { start: '2024-03-01', end: '2024-03-31' },
    accountingMethod: 'Accrual',
    params: { start_date: '2024-03-01', end_date: '2024-03-31', accounting_method: 'Accrual', summarize_column_by: 'Total' },
    ...over,
  };
}

const byLabel = (records: JsonObject[], label: string): JsonObject => {
  const r = records.find((x) => x['row_label'] === label);
  if (!r) throw new Error(`no row ${label}`);
  return r;
};

describe('parseReportNumber', () => {
  it.each([
    ['1234.50', 1234.5],
    ['-100.00', -100],
    ['1,234.50', 1234.5],
    ['(100.00)', -100],
    [' 0.44 ', 0.44],
    ['225.0', 225],
    ['', null],
    ['-', null],
    ['abc', null],
    [undefined, null],
  ])('%j -> %j', (raw, expected) => {
    expect(parseReportNumber(raw)).toBe(expected);
  });
});

describe('flattenReport: nested P&L', () => {
  const records = flattenReport(fixture('profit_and_loss_nested'), ctx('ProfitAndLoss'));

  it('emits every data row and every summary, never section headers', () => {
    expect(records.map((r) => [r['row_kind'], r['row_label']])).toEqual([
      ['data', 'Landscaping Services'],
      ['data', 'Fountains and Garden Lighting'],
      ['data', 'Plants and Soil'],
      ['section_summary', 'Total Job Materials'],
      ['section_summary', 'Total Landscaping Services'],
      ['data', 'Pest Control Services'],
      ['section_summary', 'Total Income'],
      ['data', 'Cost of Goods Sold'],
      ['section_summary', 'Total Cost of Goods Sold'],
      ['report_total', 'Gross Profit'],
      ['data', 'Rent or Lease'],
      ['data', 'Utilities'],
      ['section_summary', 'Total Expenses'],
      ['report_total', 'Net Operating Income'],
      ['report_total', 'Net Income'],
    ]);
  });

  it('keeps section path, group and the account of each row', () => {
    const plants = byLabel(records, 'Plants and Soil');
    expect(plants).toMatchObject({
      section_path: ['Income', 'Landscaping Services', 'Job Materials'],
      section_group: 'Income',
      account_id: '49',
      account_name: 'Plants and Soil',
      account: 'Plants and Soil',
      total: 150.5,
      report_name: 'ProfitAndLoss',
      accounting_method: 'Accrual',
      start_date: '2024-03-01',
      end_date: '2024-03-31',
      period_start: '2024-03-01',
      period_end: '2024-03-31',
      summarize_column_by: 'Total',
      as_of_date: null,
      currency: 'USD',
    });
    // A parent account's summary belongs to that account (its section header id).
    expect(byLabel(records, 'Total Job Materials')).toMatchObject({ account_id: '46', account_name: 'Job Materials', total: 425.5 });
    expect(byLabel(records, 'Net Income')).toMatchObject({ section_group: 'NetIncome', section_path: [], account_id: null, total: -850 });
    expect(byLabel(records, 'Gross Profit')['section_group']).toBe('GrossProfit');
  });

  it('parses money, blanks to null', () => {
    expect(byLabel(records, 'Rent or Lease')['total']).toBe(1250);
    expect(byLabel(records, 'Utilities')['total']).toBeNull();
    expect(byLabel(records, 'Pest Control Services')['total']).toBe(-100);
  });

  it('data rows of a section sum to its summary', () => {
    const income = records.filter((r) => r['row_kind'] === 'data' && r['section_group'] === 'Income');
    const sum = income.reduce((s, r) => s + (r['total'] as number), 0);
    expect(sum).toBeCloseTo(byLabel(records, 'Total Income')['total'] as number, 2);
  });

  it('gives unique keys, identical on a second fetch with a new Header.Time', () => {
    const keys = records.map((r) => r['_row_key']);
    expect(new Set(keys).size).toBe(keys.length);
    const refetched = fixture('profit_and_loss_nested');
    (refetched['Header'] as JsonObject)['Time'] = '2024-05-01T00:00:00Z';
    // a late posting changes a value, not the key
    const again = flattenReport(refetched, ctx('ProfitAndLoss'));
    expect(again.map((r) => r['_row_key'])).toEqual(keys);
    expect(again[0]?.['report_generated_at']).toBe('2024-05-01T00:00:00Z');
  });

  it('keys differ by accounting method and by period', () => {
    const cash = flattenReport(fixture('profit_and_loss_nested'), ctx('ProfitAndLoss', { accountingMethod: 'Cash' }));
    const april = flattenReport(
      fixture('profit_and_loss_nested'),
      ctx('ProfitAndLoss', { period: { start: '2024-04-01', end: '2024-04-30' }, params: { start_date: '2024-04-01', end_date: '2024-04-30' } }),
    );
    const keys = new Set(records.map((r) => r['_row_key']));
    expect(cash.some((r) => keys.has(r['_row_key']))).toBe(false);
    expect(april.some((r) => keys.has(r['_row_key']))).toBe(false);
  });
});

describe('flattenReport: special shapes', () => {
  it('NoReportData=true gives no records', () => {
    const report = fixture('profit_and_loss_nodata');
    expect(hasNoReportData(report)).toBe(true);
    expect(flattenReport(report, ctx('ProfitAndLoss'))).toEqual([]);
  });

  it('multi-column by month: one record per row per period column, Total spanning the report', () => {
    const records = flattenReport(fixture('profit_and_loss_by_month'), ctx('ProfitAndLoss'));
    const services = records.filter((r) => r['row_label'] === 'Services');
    expect(services.map((r) => [r['period_start'], r['period_end'], r['total']])).toEqual([
      ['2024-01-01', '2024-01-31', 100],
      ['2024-02-01', '2024-02-29', 200],
      ['2024-01-01', '2024-02-29', 300],
    ]);
    expect(services.every((r) => r['account_id'] === '1')).toBe(true);
    // no localized column title ever becomes a field
    expect(Object.keys(records[0] ?? {}).some((k) => /jan|feb/i.test(k))).toBe(false);
    expect(new Set(records.map((r) => r['_row_key'])).size).toBe(records.length);
  });

  it('GeneralLedger: detail columns by ColType, account from the section, transaction refs, duplicates keyed apart', () => {
    const records = flattenReport(fixture('general_ledger'), ctx('GeneralLedger'));
    const opening = records.find((r) => r['row_label'] === 'Beginning Balance' && r['account_id'] === '84');
    expect(opening).toMatchObject({ rbal_nat_amount: 5004.02, subt_nat_amount: null, tx_date: null, transaction_id: null, section_path: ['Accounts Receivable (A/R)'] });
    const inv = records.find((r) => r['transaction_id'] === '265' && r['account_id'] === '84');
    expect(inv).toMatchObject({
      tx_date: '2024-03-29',
      txn_type: 'Invoice',
      transaction_type: 'Invoice',
      doc_num: '1042',
      name: "Amy's Bird Sanctuary",
      name_id: '1',
      split_acc: 'Services',
      split_acc_id: '1',
      subt_nat_amount: 100,
      rbal_nat_amount: 5204.02,
      account_name: 'Accounts Receivable (A/R)',
      memo: null,
    });
    // a sub-section without id inherits its parent account
    const truck = records.find((r) => r['rbal_nat_amount'] === 13495);
    expect(truck).toMatchObject({ account_id: '38', section_path: ['Truck', 'Original Cost'] });
    // an invoice with two lines on one account: two rows, two keys
    const lines = records.filter((r) => r['transaction_id'] === '264' && r['account_id'] === '1');
    expect(lines).toHaveLength(2);
    expect(lines[0]?.['_row_key']).not.toBe(lines[1]?.['_row_key']);
    expect(new Set(records.map((r) => r['_row_key'])).size).toBe(records.length);
    const total = records.find((r) => r['row_label'] === 'Total for Services');
    expect(total).toMatchObject({ row_kind: 'section_summary', account_id: '1', subt_nat_amount: 200, transaction_id: null });
  });

  it('TrialBalance without ColKey: positional keys debit/credit, GrandTotal is the report total', () => {
    const records = flattenReport(fixture('trial_balance'), ctx('TrialBalance'));
    expect(records[0]).toMatchObject({ account: 'Checking', account_id: '35', debit: 4151.74, credit: null, as_of_date: '2024-03-31' });
    const total = records.at(-1);
    expect(total).toMatchObject({ row_kind: 'report_total', section_group: 'GrandTotal', debit: 4151.74, credit: 4151.74 });
    const data = records.filter((r) => r['row_kind'] === 'data');
    const debits = data.reduce((s, r) => s + ((r['debit'] as number | null) ?? 0), 0);
    const credits = data.reduce((s, r) => s + ((r['credit'] as number | null) ?? 0), 0);
    expect(debits).toBeCloseTo(credits, 2);
  });

  it('aging buckets: ColKey aliases and the positional fallback give the same keys', () => {
    const aging = { definition: def('AgedReceivables'), period: { start: '2024-03-01', end: '2024-03-31' }, accountingMethod: null, params: { report_date: '2024-03-31' } };
    const withKey = flattenReport(fixture('aged_receivables'), aging);
    const without = flattenReport(fixture('aged_receivables_no_colkey'), aging);
    expect(withKey[0]).toMatchObject({ customer: 'Jane Litigious', customer_id: '4', current: 37.5, due_1_30: null, due_31_60: 10, total: 47.5, report_date: '2024-03-31', as_of_date: '2024-03-31', accounting_method: null });
    expect(withKey[1]).toMatchObject({ due_1_30: 75, due_91_over: null });
    expect(without).toEqual(withKey);
  });
});
