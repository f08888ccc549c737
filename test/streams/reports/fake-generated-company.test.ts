// The report endpoint against the fake server's generated company (not hand-built data):
// every report answers, and the books still tie out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeQbo, type FakeQbo } from '../../../integration_tests/fake-qbo/index.js';
import { handleReport } from '../../../integration_tests/fake-qbo/reports/index.js';
import { buildLedger } from '../../../integration_tests/fake-qbo/reports/ledger.js';
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import { reportParams } from '../../../src/streams/reports/fetch-report-range.js';
import { flattenReport } from '../../../src/streams/reports/flatten-report.js';
import { REPORTS, reportByQboName } from '../../../src/streams/reports/report-registry.js';

let fake: FakeQbo;
beforeAll(async () => {
  fake = await startFakeQbo({ startTime: '2024-06-15T12:00:00Z', freezeClock: true });
});
afterAll(async () => {
  await fake.close();
});

const period = { start: '2024-01-01', end: '2024-06-30' };
const n = (v: unknown): number => (typeof v === 'number' ? v : 0);

function read(qboName: string, method: 'Accrual' | 'Cash' | null = 'Accrual'): JsonObject[] {
  const def = reportByQboName(qboName)!;
  const accountingMethod = def.accountingMethod ? method : null;
  const params = reportParams(def, period, accountingMethod);
  const answer = handleReport(def.qboName, new URLSearchParams(params), (e) => fake.company.all(e));
  expect(answer.status, qboName).toBe(200);
  return flattenReport(answer.body, { definition: def, period, accountingMethod, params });
}

describe('fake reports on the generated company', () => {
  it('every registry report answers with records', () => {
    for (const def of REPORTS) expect(read(def.qboName).length, def.qboName).toBeGreaterThan(0);
  });

  it('every generated transaction balances as derived (no imbalance plugs)', () => {
    for (const basis of ['Accrual', 'Cash'] as const) {
      const ledger = buildLedger((e) => fake.company.all(e), basis);
      expect(ledger.postings.length).toBeGreaterThan(10);
      expect(ledger.postings.filter((p) => p.memo === 'imbalance')).toEqual([]);
    }
  });

  it.each(['Accrual', 'Cash'] as const)('%s: trial balance balances; P&L YTD net income is the balance sheet net income', (basis) => {
    const tb = read('TrialBalance', basis).filter((r) => r['row_kind'] === 'data');
    expect(tb.reduce((t, r) => t + n(r['debit']), 0)).toBeCloseTo(tb.reduce((t, r) => t + n(r['credit']), 0), 2);
    const pnl = read('ProfitAndLoss', basis).find((r) => r['section_group'] === 'NetIncome');
    const bs = read('BalanceSheet', basis);
    expect(n(bs.find((r) => r['row_group'] === 'NetIncome')?.['total'])).toBeCloseTo(n(pnl?.['total']), 2);
    const top = (g: string) => n(bs.find((r) => r['section_group'] === g && r['row_kind'] === 'section_summary' && (r['section_path'] as string[]).length === 1)?.['total']);
    expect(top('TotalAssets')).toBeCloseTo(top('TotalLiabilitiesAndEquity'), 2);
  });
});
