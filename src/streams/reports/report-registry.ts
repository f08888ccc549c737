// The report registry: one row per QBO report. Everything report-specific lives here as data;
// the flattener, the period planner and the stream are shared by all rows.
import { DETAIL_COLUMN_KEYS } from './report-columns.js';

/**
 * - period: flows over a date range (start_date/end_date = the period); a range can be split.
 * - as_of: balances at the period end, requested with start_date/end_date (TrialBalance,
 *   BalanceSheet) or report_date (CustomerBalance, VendorBalance); splitting cannot shrink them.
 * - aging: open balances aged at report_date = the period end.
 */
export type ReportKind = 'period' | 'as_of' | 'aging';

export interface ReportDefinition {
  /** QBO endpoint name: GET reports/<qboName>. */
  readonly qboName: string;
  /** Stream name: report_<snake_name>. */
  readonly stream: string;
  readonly kind: ReportKind;
  /** How the period is sent: start_date/end_date, or report_date = period end. */
  readonly dateParams: 'range' | 'report_date';
  /** Whether QBO accepts accounting_method; without it the report is fetched once per period even for Both. */
  readonly accountingMethod: boolean;
  /** Sent as summarize_column_by=Total so a response holds exactly one period (no month columns). */
  readonly summarizeTotal: boolean;
  /** What a section header's `id` names (GL and P&L account sections), inherited by the rows inside. */
  readonly sectionEntity: 'account' | null;
  /** Sent as columns= (detail reports): QBO's default set varies and misses what we key on. */
  readonly requestColumns?: readonly string[];
  /** Column keys this report is known to send; the schema declares them (see declaredColumns). */
  readonly schemaColumns: readonly string[];
  /** One row per transaction line: may carry any detail column a company adds (declared too). */
  readonly detail?: boolean;
  /**
   * Keys for generic columns (ColType Money) that carry no ColKey, by position; applied only when
   * the response has exactly this many columns (the TrialBalance and aging docs samples omit ColKey).
   */
  readonly positionalKeys?: readonly string[];
  /** ColKey values that are not names (aging buckets are "0".."3") mapped to stable keys. */
  readonly colKeyAliases?: Readonly<Record<string, string>>;
}

const AGING_BUCKETS = ['current', 'due_1_30', 'due_31_60', 'due_61_90', 'due_91_over', 'total'] as const;
const AGING_ALIASES = { '0': 'due_1_30', '1': 'due_31_60', '2': 'due_61_90', '3': 'due_91_over' } as const;

/** GeneralLedger columns (Intuit's `columns` list plus the amount codes of the real recording): 15 < QBO's practical ~25. */
export const GENERAL_LEDGER_COLUMNS = [
  'tx_date', 'txn_type', 'doc_num', 'name', 'cust_name', 'vend_name', 'emp_name', 'memo',
  'account_name', 'split_acc', 'is_adj', 'subt_nat_amount', 'debt_amt', 'credit_amt', 'rbal_nat_amount',
] as const;

const PNL_DETAIL_COLUMNS = [
  'tx_date', 'txn_type', 'doc_num', 'name', 'memo', 'split_acc', 'subt_nat_amount', 'rbal_nat_amount',
] as const;

/**
 * TransactionList default columns (Intuit docs). Not requested explicitly: the docs' `columns` list
 * names no amount code, so asking could drop the amount; QBO's defaults are documented and stable.
 */
const TRANSACTION_LIST_COLUMNS = [
  'tx_date', 'txn_type', 'doc_num', 'is_no_post', 'name', 'dept_name', 'memo', 'account_name', 'other_account',
  'subt_nat_home_amount',
] as const;

/** Aging detail default columns (unverified beyond the docs sample): typed when present, defaults requested. */
const AGING_DETAIL_COLUMNS = ['tx_date', 'txn_type', 'doc_num', 'due_date', 'past_due', 'subt_amount', 'subt_open_bal'] as const;

export const REPORTS: readonly ReportDefinition[] = [
  {
    qboName: 'TrialBalance', stream: 'report_trial_balance', kind: 'as_of', dateParams: 'range',
    accountingMethod: true, summarizeTotal: true, sectionEntity: 'account',
    schemaColumns: ['account', 'debit', 'credit'], positionalKeys: ['account', 'debit', 'credit'],
  },
  {
    qboName: 'ProfitAndLoss', stream: 'report_profit_and_loss', kind: 'period', dateParams: 'range',
    accountingMethod: true, summarizeTotal: true, sectionEntity: 'account',
    schemaColumns: ['account', 'total'], positionalKeys: ['account', 'total'],
  },
  {
    qboName: 'ProfitAndLossDetail', detail: true, stream: 'report_profit_and_loss_detail', kind: 'period', dateParams: 'range',
    accountingMethod: true, summarizeTotal: false, sectionEntity: 'account',
    requestColumns: PNL_DETAIL_COLUMNS, schemaColumns: PNL_DETAIL_COLUMNS,
  },
  {
    qboName: 'BalanceSheet', stream: 'report_balance_sheet', kind: 'as_of', dateParams: 'range',
    accountingMethod: true, summarizeTotal: true, sectionEntity: 'account',
    schemaColumns: ['account', 'total'], positionalKeys: ['account', 'total'],
  },
  {
    qboName: 'GeneralLedger', detail: true, stream: 'report_general_ledger', kind: 'period', dateParams: 'range',
    accountingMethod: true, summarizeTotal: false, sectionEntity: 'account',
    requestColumns: GENERAL_LEDGER_COLUMNS, schemaColumns: GENERAL_LEDGER_COLUMNS,
  },
  {
    // CashFlow takes no accounting_method (Intuit docs): one fetch per period even for Both.
    qboName: 'CashFlow', stream: 'report_cash_flow', kind: 'period', dateParams: 'range',
    accountingMethod: false, summarizeTotal: true, sectionEntity: 'account',
    schemaColumns: ['account', 'total'], positionalKeys: ['account', 'total'],
  },
  {
    qboName: 'AgedReceivables', stream: 'report_aged_receivables', kind: 'aging', dateParams: 'report_date',
    accountingMethod: false, summarizeTotal: false, sectionEntity: null,
    schemaColumns: ['customer', ...AGING_BUCKETS], positionalKeys: ['customer', ...AGING_BUCKETS],
    colKeyAliases: AGING_ALIASES,
  },
  {
    qboName: 'AgedReceivableDetail', detail: true, stream: 'report_aged_receivable_detail', kind: 'aging', dateParams: 'report_date',
    accountingMethod: false, summarizeTotal: false, sectionEntity: null,
    schemaColumns: [...AGING_DETAIL_COLUMNS, 'cust_name'],
  },
  {
    qboName: 'AgedPayables', stream: 'report_aged_payables', kind: 'aging', dateParams: 'report_date',
    accountingMethod: false, summarizeTotal: false, sectionEntity: null,
    schemaColumns: ['vendor', ...AGING_BUCKETS], positionalKeys: ['vendor', ...AGING_BUCKETS],
    colKeyAliases: AGING_ALIASES,
  },
  {
    qboName: 'AgedPayableDetail', detail: true, stream: 'report_aged_payable_detail', kind: 'aging', dateParams: 'report_date',
    accountingMethod: false, summarizeTotal: false, sectionEntity: null,
    schemaColumns: [...AGING_DETAIL_COLUMNS, 'vend_name'],
  },
  {
    qboName: 'CustomerBalance', stream: 'report_customer_balance', kind: 'as_of', dateParams: 'report_date',
    accountingMethod: true, summarizeTotal: false, sectionEntity: null,
    schemaColumns: ['customer', 'total'], positionalKeys: ['customer', 'total'],
  },
  {
    qboName: 'VendorBalance', stream: 'report_vendor_balance', kind: 'as_of', dateParams: 'report_date',
    accountingMethod: true, summarizeTotal: false, sectionEntity: null,
    schemaColumns: ['vendor', 'total'], positionalKeys: ['vendor', 'total'],
  },
  {
    // TransactionList takes no accounting_method: every transaction, posting or not.
    qboName: 'TransactionList', detail: true, stream: 'report_transaction_list', kind: 'period', dateParams: 'range',
    accountingMethod: false, summarizeTotal: false, sectionEntity: null,
    schemaColumns: TRANSACTION_LIST_COLUMNS,
  },
];

/**
 * The column keys a report's schema declares: its own, every known detail column for detail reports,
 * and `total` when periods are summarised. A column outside them goes under extra_amounts /
 * extra_columns, so a record never holds an undeclared top-level field.
 */
export function declaredColumns(def: ReportDefinition): ReadonlySet<string> {
  return new Set([...def.schemaColumns, ...(def.detail ? DETAIL_COLUMN_KEYS : []), ...(def.summarizeTotal ? ['total'] : [])]);
}

const BY_QBO_NAME = new Map(REPORTS.map((r) => [r.qboName, r]));
const BY_STREAM = new Map(REPORTS.map((r) => [r.stream, r]));

export function reportByQboName(name: string): ReportDefinition | undefined {
  return BY_QBO_NAME.get(name);
}

export function reportByStream(stream: string): ReportDefinition | undefined {
  return BY_STREAM.get(stream);
}
