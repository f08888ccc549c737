// Report endpoint of the fake QBO server. The server routes GET /reports/{name} here; every report
// is computed from the fake company's current entities (see ledger.ts for the postings).
//
// Knobs for the connector's range splitter: configureFakeReports({ maxDays, timeoutDays }) or the
// fake-only query parameters fake_max_days / fake_timeout_days. A period report whose range is
// longer than maxDays answers 200 with QBO's "Unable to display more data" row; longer than
// timeoutDays, a 504.
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import { agingDetail, agingSummary, partyBalance, transactionList } from './open-items.js';
import { balanceSheet, cashFlow, generalLedger, profitAndLoss, profitAndLossDetail, trialBalance, type ReportRequest } from './build-reports.js';
import { buildLedger, type Basis, type EntitySource } from './ledger.js';
import { cell, dataRow } from './shape.js';

export type { EntitySource } from './ledger.js';

export type ReportAnswer = { status: number; body: JsonObject };

const BUILDERS: Record<string, (r: ReportRequest) => JsonObject> = {
  TrialBalance: trialBalance,
  ProfitAndLoss: profitAndLoss,
  ProfitAndLossDetail: profitAndLossDetail,
  BalanceSheet: balanceSheet,
  GeneralLedger: generalLedger,
  CashFlow: cashFlow,
  AgedReceivables: (r) => agingSummary(r, 'AR'),
  AgedReceivableDetail: (r) => agingDetail(r, 'AR'),
  AgedPayables: (r) => agingSummary(r, 'AP'),
  AgedPayableDetail: (r) => agingDetail(r, 'AP'),
  CustomerBalance: (r) => partyBalance(r, 'AR'),
  VendorBalance: (r) => partyBalance(r, 'AP'),
  TransactionList: transactionList,
};

/** Reports whose size grows with the date range: the only ones the knobs cut short. */
const RANGE_REPORTS = new Set(['ProfitAndLoss', 'ProfitAndLossDetail', 'GeneralLedger', 'CashFlow', 'TransactionList']);

export const TRUNCATION_TEXT = 'Unable to display more data. Please reduce the date range.';

export interface FakeReportOptions {
  /** Per report name: ranges longer than this many days answer with the truncation row. */
  maxDays?: Record<string, number>;
  /** Per report name: ranges longer than this many days answer 504. */
  timeoutDays?: Record<string, number>;
  /** Today's date for default ranges (YYYY-MM-DD); defaults to the UTC date. */
  today?: () => string;
}

let options: FakeReportOptions = {};

export function configureFakeReports(next: FakeReportOptions): void {
  options = { ...next };
}

export function resetFakeReports(): void {
  options = {};
}

function fault(status: number, message: string, detail: string, code: string): ReportAnswer {
  return { status, body: { Fault: { Error: [{ Message: message, Detail: detail, code }], type: 'ValidationFault' }, time: new Date().toISOString() } };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const days = (start: string, end: string): number => Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;

/** Answer GET /reports/{name}?{params}; unknown reports get QBO's 400 fault. */
export function handleReport(name: string, params: URLSearchParams, entities: EntitySource): ReportAnswer {
  const build = BUILDERS[name];
  if (!build) return fault(400, 'Unsupported Operation', `Operation reports/${name} is not supported.`, '500');
  const today = options.today?.() ?? new Date().toISOString().slice(0, 10);
  const start = params.get('start_date') ?? `${today.slice(0, 8)}01`;
  const end = params.get('end_date') ?? today;
  const reportDate = params.get('report_date') ?? today;
  for (const [key, value] of [['start_date', start], ['end_date', end], ['report_date', reportDate]] as const) {
    if (!ISO.test(value) || Number.isNaN(Date.parse(value))) return fault(400, 'Invalid Date', `${key} must be YYYY-MM-DD: ${value}`, '2020');
  }
  if (start > end) return fault(400, 'Invalid Date', 'start_date must be less than end_date', '2020');
  const method = params.get('accounting_method') ?? 'Accrual';
  if (method !== 'Accrual' && method !== 'Cash') return fault(400, 'Invalid accounting_method', `Unsupported value ${method}`, '2010');
  const basis: Basis = method;

  const span = days(start, end);
  const limit = (key: 'maxDays' | 'timeoutDays', param: string): number => {
    const fromParam = params.get(param);
    return fromParam !== null ? Number(fromParam) : (options[key]?.[name] ?? Infinity);
  };
  if (RANGE_REPORTS.has(name) && span > limit('timeoutDays', 'fake_timeout_days')) {
    return { status: 504, body: { Fault: { Error: [{ Message: 'Gateway Timeout', Detail: 'The report took too long.', code: '504' }], type: 'SERVICE' } } };
  }

  const columnsParam = params.get('columns');
  const request: ReportRequest = {
    name,
    start,
    end,
    basis,
    summarize: params.get('summarize_column_by') ?? 'Total',
    reportDate,
    columns: columnsParam ? columnsParam.split(',').map((c) => c.trim()).filter(Boolean) : undefined,
    ledger: buildLedger(entities, basis),
    entities,
  };
  const report = build(request);
  if (RANGE_REPORTS.has(name) && span > limit('maxDays', 'fake_max_days')) truncate(report);
  return { status: 200, body: report };
}

/** QBO's cell cap: the report keeps its first section, then one row with the notice. */
function truncate(report: JsonObject): void {
  const rows = (report['Rows'] as { Row?: JsonObject[] } | undefined)?.Row ?? [];
  const width = ((report['Columns'] as { Column?: unknown[] } | undefined)?.Column ?? []).length;
  const notice = dataRow([cell(TRUNCATION_TEXT), ...Array.from({ length: Math.max(0, width - 1) }, () => cell(''))]);
  report['Rows'] = { Row: [...rows.slice(0, 1), notice] };
}
