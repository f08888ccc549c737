// The fake QBO report endpoint: its numbers must tie out, and the connector must read it end to end.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, TransientError } from '../../../src/cdk/core/errors.js';
import { silentLogger } from '../../../src/cdk/core/logger.js';
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import type { StreamEvent } from '../../../src/cdk/core/stream.js';
import { flattenReport } from '../../../src/streams/reports/flatten-report.js';
import { reportByQboName } from '../../../src/streams/reports/report-registry.js';
import { ReportStream } from '../../../src/streams/reports/report-stream.js';
import { configureFakeReports, handleReport, resetFakeReports, TRUNCATION_TEXT } from '../../../integration_tests/fake-qbo/reports/index.js';
import { fakeApi, fixture } from './helpers.js';

const company = fixture('fake_company') as Record<string, JsonObject[]>;
const entities = (name: string): JsonObject[] => company[name] ?? [];

function report(name: string, params: Record<string, string>): JsonObject {
  const answer = handleReport(name, new URLSearchParams(params), entities);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Records through the connector's own flattener. */
function records(name: string, params: Record<string, string>): JsonObject[] {
  const def = reportByQboName(name)!;
  const period = { start: params['start_date'] ?? params['report_date'] ?? '', end: params['end_date'] ?? params['report_date'] ?? '' };
  const method = (params['accounting_method'] as 'Accrual' | 'Cash' | undefined) ?? null;
  return flattenReport(report(name, params), { definition: def, period, accountingMethod: method, params });
}

const n = (v: unknown): number => (typeof v === 'number' ? v : 0);
const one = (rs: JsonObject[], pred: (r: JsonObject) => boolean): JsonObject => {
  const found = rs.filter(pred);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const netIncome = (rs: JsonObject[]): number => n(one(rs, (r) => r['section_group'] === 'NetIncome' && r['row_kind'] === 'report_total')['total']);
const bsNetIncome = (rs: JsonObject[]): number => n(one(rs, (r) => r['row_group'] === 'NetIncome')['total']);

/** Every section summary equals the sum of the data rows beneath it, for the given money fields. */
function expectSummariesTieOut(rs: JsonObject[], fields: string[]): number {
  let checked = 0;
  for (const s of rs.filter((r) => r['row_kind'] === 'section_summary')) {
    const path = s['section_path'] as string[];
    const under = rs.filter((r) => r['row_kind'] === 'data' && path.every((p, i) => (r['section_path'] as string[])[i] === p));
    for (const f of fields) {
      if (s[f] === null || s[f] === undefined) continue;
      expect(under.reduce((t, r) => t + n(r[f]), 0), `${String(s['row_label'])} ${f}`).toBeCloseTo(n(s[f]), 2);
      checked++;
    }
  }
  return checked;
}

afterEach(() => resetFakeReports());

describe('fake report endpoint: totals tie out', () => {
  it.each(['Accrual', 'Cash'])('%s trial balance: debits equal credits at every month end', (basis) => {
    for (const end of ['2023-12-31', '2024-01-31', '2024-02-29', '2024-03-31']) {
      const rs = records('TrialBalance', { start_date: `${end.slice(0, 8)}01`, end_date: end, accounting_method: basis });
      const data = rs.filter((r) => r['row_kind'] === 'data');
      expect(data.length).toBeGreaterThanOrEqual(2);
      const debit = data.reduce((t, r) => t + n(r['debit']), 0);
      const credit = data.reduce((t, r) => t + n(r['credit']), 0);
      expect(debit).toBeCloseTo(credit, 2);
      const total = one(rs, (r) => r['row_kind'] === 'report_total');
      expect(n(total['debit'])).toBeCloseTo(debit, 2);
      expect(n(total['credit'])).toBeCloseTo(credit, 2);
    }
  });

  it.each(['Accrual', 'Cash'])('%s: P&L net income equals the balance sheet net income and its monthly change', (basis) => {
    const ytd = records('ProfitAndLoss', { start_date: '2024-01-01', end_date: '2024-03-31', accounting_method: basis });
    const march = records('ProfitAndLoss', { start_date: '2024-03-01', end_date: '2024-03-31', accounting_method: basis });
    const bsMar = records('BalanceSheet', { start_date: '2024-03-01', end_date: '2024-03-31', accounting_method: basis });
    const bsFeb = records('BalanceSheet', { start_date: '2024-02-01', end_date: '2024-02-29', accounting_method: basis });
    expect(netIncome(ytd)).not.toBe(0);
    expect(bsNetIncome(bsMar)).toBeCloseTo(netIncome(ytd), 2);
    expect(bsNetIncome(bsMar) - bsNetIncome(bsFeb)).toBeCloseTo(netIncome(march), 2);
    const assets = one(bsMar, (r) => r['section_group'] === 'TotalAssets' && r['row_kind'] === 'section_summary' && (r['section_path'] as string[]).length === 1);
    const le = one(bsMar, (r) => r['section_group'] === 'TotalLiabilitiesAndEquity' && r['row_kind'] === 'section_summary' && (r['section_path'] as string[]).length === 1);
    expect(n(assets['total'])).toBeCloseTo(n(le['total']), 2);
  });

  it('accrual P&L for the quarter: the hand-computed figures', () => {
    const rs = records('ProfitAndLoss', { start_date: '2024-01-01', end_date: '2024-03-31', accounting_method: 'Accrual' });
    // income: 300 + 200 + 150 + 100 - 50 (credit memo) - 30 (refund) = 670; COGS 80;
    // expenses: rent 1000 + utilities 120 + 45 - 20 = 1145; other income 12.50
    expect(n(one(rs, (r) => r['row_label'] === 'Total Income')['total'])).toBeCloseTo(670, 2);
    expect(n(one(rs, (r) => r['row_label'] === 'Gross Profit')['total'])).toBeCloseTo(590, 2);
    expect(netIncome(rs)).toBeCloseTo(590 - 1145 + 12.5, 2);
    expect(one(rs, (r) => r['account_id'] === '77')['total']).toBeCloseTo(145, 2);
  });

  it('data rows sum to their summaries (P&L, balance sheet, GL, P&L detail, cash flow, aging detail)', () => {
    const q = { start_date: '2024-01-01', end_date: '2024-03-31', accounting_method: 'Accrual' };
    expect(expectSummariesTieOut(records('ProfitAndLoss', q), ['total'])).toBeGreaterThan(2);
    expect(expectSummariesTieOut(records('BalanceSheet', q), ['total'])).toBeGreaterThan(5);
    expect(expectSummariesTieOut(records('GeneralLedger', { ...q, columns: 'tx_date,txn_type,doc_num,name,memo,split_acc,subt_nat_amount,debt_amt,credit_amt,rbal_nat_amount' }), ['subt_nat_amount', 'debt_amt', 'credit_amt'])).toBeGreaterThan(10);
    expect(expectSummariesTieOut(records('ProfitAndLossDetail', q), ['subt_nat_amount'])).toBeGreaterThan(5);
    expect(expectSummariesTieOut(records('CashFlow', q), ['total'])).toBeGreaterThan(0);
    expect(expectSummariesTieOut(records('AgedReceivableDetail', { report_date: '2024-03-31' }), ['subt_open_bal'])).toBeGreaterThan(0);
  });

  it('cash flow ends at the bank balance; aging and customer balance equal A/R', () => {
    const cf = records('CashFlow', { start_date: '2024-01-01', end_date: '2024-03-31' });
    const bs = records('BalanceSheet', { start_date: '2024-03-01', end_date: '2024-03-31', accounting_method: 'Accrual' });
    const bank = one(bs, (r) => r['row_label'] === 'Total Bank Accounts');
    expect(n(one(cf, (r) => r['section_group'] === 'EndingCash')['total'])).toBeCloseTo(n(bank['total']), 2);
    const ar = n(one(bs, (r) => r['account_id'] === '84')['total']);
    expect(ar).toBeCloseTo(520 - 300 + 150 - 50, 2);
    const aging = records('AgedReceivables', { report_date: '2024-03-31' });
    expect(n(one(aging, (r) => r['row_kind'] === 'report_total')['total'])).toBeCloseTo(ar, 2);
    const balances = records('CustomerBalance', { report_date: '2024-03-31', accounting_method: 'Accrual' });
    expect(n(one(balances, (r) => r['row_kind'] === 'report_total')['total'])).toBeCloseTo(ar, 2);
    // Invoice 102 (due 2024-02-19) has 220 open: 41 days past due on 2024-03-31
    expect(one(aging, (r) => r['customer_id'] === '2')['due_31_60']).toBeCloseTo(220, 2);
    const ap = records('AgedPayables', { report_date: '2024-03-31' });
    expect(n(one(ap, (r) => r['row_kind'] === 'report_total')['total'])).toBeCloseTo(180, 2);
  });

  it('GL honours columns=, keys transactions, and NoReportData for an empty range', () => {
    const rs = records('GeneralLedger', { start_date: '2024-03-01', end_date: '2024-03-31', accounting_method: 'Accrual', columns: 'tx_date,txn_type,account_name,subt_nat_amount' });
    const truck = one(rs, (r) => r['transaction_id'] === '2' && r['account_id'] === '38');
    expect(truck).toMatchObject({ transaction_type: 'Journal Entry', subt_nat_amount: 5000, tx_date: '2024-03-15', col_account_name: 'Truck' });
    expect(Object.keys(truck)).not.toContain('memo');
    expect(records('ProfitAndLoss', { start_date: '2022-01-01', end_date: '2022-01-31' })).toEqual([]);
    expect(records('TransactionList', { start_date: '2024-03-01', end_date: '2024-03-31' }).length).toBe(7); // 401, 701, 801, JE 2, 901, 951, 991
  });

  it('unknown report and bad dates are 400 faults', () => {
    expect(handleReport('Nope', new URLSearchParams(), entities).status).toBe(400);
    expect(handleReport('ProfitAndLoss', new URLSearchParams({ start_date: '2024-3-1' }), entities).status).toBe(400);
  });
});

describe('connector against the fake endpoint', () => {
  class GatewayTimeout extends TransientError {}
  const api = () =>
    fakeApi((path, params) => {
      const answer = handleReport(path.replace(/^reports\//, ''), new URLSearchParams(params), entities);
      if (answer.status === 504) throw new GatewayTimeout('QBO answered 504 Gateway Timeout');
      if (answer.status !== 200) throw new ConfigError(JSON.stringify(answer.body));
      return answer.body;
    });
  const read = async (qboName: string, a: ReturnType<typeof api>): Promise<JsonObject[]> => {
    const s = new ReportStream(reportByQboName(qboName)!, { reports: [qboName], accountingMethod: 'Accrual', period: 'Quarter', startDate: '2024-01-01', refreshPeriods: 0, today: () => new Date('2024-03-31T00:00:00Z') }, a, silentLogger);
    const out: JsonObject[] = [];
    for await (const e of s.read({ syncMode: 'full_refresh', cursorField: undefined, state: undefined, signal: new AbortController().signal }) as AsyncIterable<StreamEvent>) {
      if (e.type === 'records') out.push(...e.records);
    }
    return out;
  };
  const postings = (rs: JsonObject[]) =>
    rs.filter((r) => r['transaction_id'] !== null).map((r) => `${String(r['account_id'])}|${String(r['transaction_id'])}|${String(r['subt_nat_amount'])}`).sort();

  it('GeneralLedger over the "Unable to display more data" limit: split, nothing lost', async () => {
    const whole = await read('GeneralLedger', api());
    configureFakeReports({ maxDays: { GeneralLedger: 20 } });
    expect(JSON.stringify(handleReport('GeneralLedger', new URLSearchParams({ start_date: '2024-01-01', end_date: '2024-03-31' }), entities).body)).toContain(TRUNCATION_TEXT);
    const a = api();
    const split = await read('GeneralLedger', a);
    expect(a.calls.length).toBeGreaterThan(4);
    expect(postings(split)).toEqual(postings(whole));
    expect(postings(whole).length).toBeGreaterThan(20);
    expect(new Set(split.map((r) => r['_row_key'])).size).toBe(split.length);
  });

  it('ProfitAndLoss over the 504 limit: split into halves that still add up', async () => {
    configureFakeReports({ timeoutDays: { ProfitAndLoss: 45 } });
    const a = api();
    const rs = await read('ProfitAndLoss', a);
    const ranges = [...new Set(rs.map((r) => `${String(r['start_date'])}..${String(r['end_date'])}`))];
    expect(ranges.length).toBeGreaterThan(1);
    const total = rs.filter((r) => r['section_group'] === 'NetIncome').reduce((t, r) => t + n(r['total']), 0);
    expect(total).toBeCloseTo(590 - 1145 + 12.5, 2);
    expect(rs.every((r) => r['period_start'] === '2024-01-01' && r['period_end'] === '2024-03-31')).toBe(true);
  });
});
