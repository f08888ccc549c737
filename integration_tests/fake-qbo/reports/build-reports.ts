// The fake company's reports, computed from its ledger. Layouts follow Intuit's samples closely
// enough for the connector's flattener; numbers are internally consistent (debits = credits,
// sections = sum of their rows, P&L net income = balance-sheet net income for the fiscal year).
// Simplifications: fiscal year = calendar year; no sub-accounts; one currency (USD).
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import { round2, type Basis, type EntitySource, type Ledger, type LedgerAccount, type Posting } from './ledger.js';
import { cell, columns, dataRow, header, money, moneyOrBlank, section, type Cell, type ColumnSpec, type Row } from './shape.js';

export interface ReportRequest {
  name: string;
  start: string;
  end: string;
  basis: Basis;
  summarize: string;
  reportDate: string;
  /** The columns= parameter, when sent. */
  columns: string[] | undefined;
  ledger: Ledger;
  entities: EntitySource;
}

const TYPE_ORDER = [
  'Bank', 'Accounts Receivable', 'Other Current Asset', 'Fixed Asset', 'Other Asset', 'Accounts Payable', 'Credit Card',
  'Other Current Liability', 'Long Term Liability', 'Equity', 'Income', 'Cost of Goods Sold', 'Expense', 'Other Income', 'Other Expense',
];
const isPnl = (a: LedgerAccount): boolean => a.cls === 'Income' || a.cls === 'Expense';
/** +1 for debit-natured accounts (assets, expenses), -1 for the rest: the sign QBO displays. */
const natural = (a: LedgerAccount): number => (a.cls === 'Asset' || a.cls === 'Expense' ? 1 : -1);
const fyStart = (date: string): string => `${date.slice(0, 4)}-01-01`;
const dayBefore = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

function sortedAccounts(ledger: Ledger, filter: (a: LedgerAccount) => boolean): LedgerAccount[] {
  return [...ledger.accounts.values()]
    .filter(filter)
    .sort((x, y) => TYPE_ORDER.indexOf(x.type) - TYPE_ORDER.indexOf(y.type) || x.name.localeCompare(y.name) || x.id.localeCompare(y.id));
}

/** Debit-positive sum of an account's postings dated from..to (inclusive; from undefined = all history). */
function sum(ledger: Ledger, accountId: string | ((p: Posting) => boolean), from: string | undefined, to: string): number {
  let total = 0;
  for (const p of ledger.postings) {
    if (p.date > to || (from !== undefined && p.date < from)) continue;
    if (typeof accountId === 'string' ? p.accountId === accountId : accountId(p)) total += p.amount;
  }
  return round2(total);
}

function retainedEarningsId(ledger: Ledger): string {
  for (const a of ledger.accounts.values()) if (a.name === 'Retained Earnings') return a.id;
  return 'fake-retained';
}

/** Debit-positive balance as of `date`: cumulative for balance-sheet accounts, fiscal YTD for P&L; RE takes prior years' P&L. */
function balanceAsOf(ledger: Ledger, a: LedgerAccount, date: string): number {
  if (isPnl(a)) return sum(ledger, a.id, fyStart(date), date);
  const own = sum(ledger, a.id, undefined, date);
  if (a.id !== retainedEarningsId(ledger)) return own;
  const prior = sum(ledger, (p) => isPnl(ledger.accounts.get(p.accountId)!), undefined, dayBefore(fyStart(date)));
  return round2(own + prior);
}

// ---------------------------------------------------------------- TrialBalance

export function trialBalance(r: ReportRequest): JsonObject {
  const rows: Row[] = [];
  let debits = 0;
  let credits = 0;
  for (const a of sortedAccounts(r.ledger, () => true)) {
    const bal = balanceAsOf(r.ledger, a, r.end);
    if (Math.abs(bal) < 0.005) continue;
    if (bal > 0) debits += bal;
    else credits -= bal;
    rows.push(dataRow([cell(a.name, a.id), cell(bal > 0 ? money(bal) : ''), cell(bal < 0 ? money(-bal) : '')]));
  }
  rows.push(section({ summary: [cell('TOTAL'), cell(money(debits)), cell(money(credits))], group: 'GrandTotal' }));
  return {
    Header: header({ name: 'TrialBalance', start: r.start, end: r.end, basis: r.basis, summarize: 'Total', noData: rows.length === 1 }),
    Columns: columns([
      { title: '', type: 'Account', key: 'account' },
      { title: 'Debit', type: 'Money', key: 'debit' },
      { title: 'Credit', type: 'Money', key: 'credit' },
    ]),
    Rows: { Row: rows },
  };
}

// ---------------------------------------------------------------- ProfitAndLoss

interface Span {
  start: string;
  end: string;
  title: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthSpans(start: string, end: string): Span[] {
  const spans: Span[] = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7)) - 1;
  for (;;) {
    const first = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    const last = new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
    if (first > end) break;
    spans.push({ start: first < start ? start : first, end: last > end ? end : last, title: `${MONTHS[m]} ${y}` });
    m++;
    if (m === 12) { m = 0; y++; }
  }
  return spans;
}

const PNL_GROUPS = [
  { group: 'Income', title: 'Income', types: ['Income'], sign: 1 },
  { group: 'COGS', title: 'Cost of Goods Sold', types: ['Cost of Goods Sold'], sign: -1 },
  { group: 'Expenses', title: 'Expenses', types: ['Expense'], sign: -1 },
  { group: 'OtherIncome', title: 'Other Income', types: ['Other Income'], sign: 1 },
  { group: 'OtherExpenses', title: 'Other Expenses', types: ['Other Expense'], sign: -1 },
] as const;

/** P&L accounts whose type is none of the above still count: an unknown type is an expense. */
function pnlGroupOf(a: LedgerAccount): (typeof PNL_GROUPS)[number]['group'] {
  for (const g of PNL_GROUPS) if ((g.types as readonly string[]).includes(a.type)) return g.group;
  return a.cls === 'Income' ? 'Income' : 'Expenses';
}

export function profitAndLoss(r: ReportRequest): JsonObject {
  const spans = r.summarize === 'Month' ? monthSpans(r.start, r.end) : [];
  const periods: Span[] = [...spans, { start: r.start, end: r.end, title: 'Total' }];
  const width = periods.length;
  const vec = (f: (s: Span) => number): number[] => periods.map(f);
  const add = (x: number[], y: number[], k = 1): number[] => x.map((v, i) => round2(v + k * (y[i] ?? 0)));
  const cells = (label: string, v: number[], blank: boolean, id?: string): Cell[] => [cell(label, id), ...v.map((n) => cell(blank ? moneyOrBlank(n) : money(n)))];
  const totals = new Map<string, number[]>();
  const sections = new Map<string, Row>();
  let any = false;
  for (const g of PNL_GROUPS) {
    const rows: Row[] = [];
    let total = new Array<number>(width).fill(0);
    for (const a of sortedAccounts(r.ledger, (x) => isPnl(x) && pnlGroupOf(x) === g.group)) {
      const v = vec((s) => -sum(r.ledger, a.id, s.start, s.end) * (a.cls === 'Income' ? 1 : -1));
      if (v.every((n) => Math.abs(n) < 0.005)) continue;
      any = true;
      rows.push(dataRow(cells(a.name, v, true, a.id)));
      total = add(total, v);
    }
    totals.set(g.group, total);
    sections.set(g.group, section({ header: [cell(g.title), ...periods.map(() => cell(''))], rows, summary: cells(`Total ${g.title}`, total, rows.length === 0), group: g.group }));
  }
  const t = (g: string): number[] => totals.get(g) ?? new Array<number>(width).fill(0);
  const gross = add(t('Income'), t('COGS'), -1);
  const noi = add(gross, t('Expenses'), -1);
  const other = add(t('OtherIncome'), t('OtherExpenses'), -1);
  const net = add(noi, other);
  const summaryOnly = (label: string, v: number[], group: string): Row => section({ summary: cells(label, v, !any), group });
  const rows: Row[] = [sections.get('Income')!];
  if (t('COGS').some((n) => n !== 0)) rows.push(sections.get('COGS')!);
  rows.push(summaryOnly('Gross Profit', gross, 'GrossProfit'), sections.get('Expenses')!, summaryOnly('Net Operating Income', noi, 'NetOperatingIncome'));
  if (other.some((n) => n !== 0) || t('OtherIncome').some((n) => n !== 0)) {
    rows.push(sections.get('OtherIncome')!, sections.get('OtherExpenses')!, summaryOnly('Net Other Income', other, 'NetOtherIncome'));
  }
  rows.push(summaryOnly('Net Income', net, 'NetIncome'));
  return {
    Header: header({ name: 'ProfitAndLoss', start: r.start, end: r.end, basis: r.basis, summarize: r.summarize, noData: !any }),
    Columns: columns([
      { title: '', type: 'Account', key: 'account' },
      ...spans.map((s): ColumnSpec => ({ title: s.title, type: 'Money', key: s.title, start: s.start, end: s.end })),
      { title: 'Total', type: 'Money', key: 'total' },
    ]),
    Rows: { Row: rows },
  };
}

// ---------------------------------------------------------------- BalanceSheet

export function balanceSheet(r: ReportRequest): JsonObject {
  const asOf = r.end;
  const re = retainedEarningsId(r.ledger);
  let any = false;
  const accountRows = (types: string[]): { rows: Row[]; total: number } => {
    const rows: Row[] = [];
    let total = 0;
    for (const a of sortedAccounts(r.ledger, (x) => types.includes(x.type) && x.id !== re)) {
      const v = round2(balanceAsOf(r.ledger, a, asOf) * natural(a));
      if (Math.abs(v) < 0.005) continue;
      any = true;
      rows.push(dataRow([cell(a.name, a.id), cell(money(v))]));
      total += v;
    }
    return { rows, total: round2(total) };
  };
  const group = (title: string, grp: string, parts: { rows: Row[]; total: number }[]): { rows: Row[]; total: number } => {
    const rows = parts.flatMap((p) => p.rows);
    const total = round2(parts.reduce((t, p) => t + p.total, 0));
    if (rows.length === 0) return { rows: [], total: 0 };
    return { rows: [section({ header: [cell(title), cell('')], rows, summary: [cell(`Total ${title}`), cell(money(total))], group: grp })], total };
  };
  const leaf = (title: string, grp: string, types: string[]) => group(title, grp, [accountRows(types)]);

  const current = group('Current Assets', 'CurrentAssets', [
    leaf('Bank Accounts', 'BankAccounts', ['Bank']),
    leaf('Accounts Receivable', 'AR', ['Accounts Receivable']),
    leaf('Other Current Assets', 'OtherCurrentAssets', ['Other Current Asset']),
  ]);
  const assets = [current, leaf('Fixed Assets', 'FixedAssets', ['Fixed Asset']), leaf('Other Assets', 'OtherAssets', ['Other Asset'])];
  const totalAssets = round2(assets.reduce((t, p) => t + p.total, 0));
  const liabilities = group('Liabilities', 'Liabilities', [
    group('Current Liabilities', 'CurrentLiabilities', [
      leaf('Accounts Payable', 'AP', ['Accounts Payable']),
      leaf('Credit Cards', 'CreditCards', ['Credit Card']),
      leaf('Other Current Liabilities', 'OtherCurrentLiabilities', ['Other Current Liability']),
    ]),
    leaf('Long-Term Liabilities', 'LongTermLiabilities', ['Long Term Liability']),
  ]);
  const equityAccounts = accountRows(['Equity']);
  const reAccount = r.ledger.accounts.get(re)!;
  const reValue = round2(-balanceAsOf(r.ledger, reAccount, asOf));
  const netIncome = round2(-sum(r.ledger, (p) => isPnl(r.ledger.accounts.get(p.accountId)!), fyStart(asOf), asOf));
  if (reValue !== 0 || netIncome !== 0) any = true;
  const equityRows = [...equityAccounts.rows, dataRow([cell(reAccount.name, reAccount.id), cell(moneyOrBlank(reValue))]), dataRow([cell('Net Income'), cell(moneyOrBlank(netIncome))], 'NetIncome')];
  const equityTotal = round2(equityAccounts.total + reValue + netIncome);
  const equity = section({ header: [cell('Equity'), cell('')], rows: equityRows, summary: [cell('Total Equity'), cell(money(equityTotal))], group: 'Equity' });
  const totalLe = round2(liabilities.total + equityTotal);
  return {
    Header: header({ name: 'BalanceSheet', start: r.start, end: r.end, basis: r.basis, summarize: 'Total', noData: !any }),
    Columns: columns([{ title: '', type: 'Account', key: 'account' }, { title: 'Total', type: 'Money', key: 'total' }]),
    Rows: {
      Row: [
        section({ header: [cell('ASSETS'), cell('')], rows: assets.flatMap((p) => p.rows), summary: [cell('TOTAL ASSETS'), cell(money(totalAssets))], group: 'TotalAssets' }),
        section({
          header: [cell('LIABILITIES AND EQUITY'), cell('')],
          rows: [...liabilities.rows, equity],
          summary: [cell('TOTAL LIABILITIES AND EQUITY'), cell(money(totalLe))],
          group: 'TotalLiabilitiesAndEquity',
        }),
      ],
    },
  };
}

// ---------------------------------------------------------------- GeneralLedger / ProfitAndLossDetail

const DETAIL_TITLES: Record<string, string> = {
  tx_date: 'Date', txn_type: 'Transaction Type', doc_num: 'Num', name: 'Name', cust_name: 'Customer', vend_name: 'Vendor',
  emp_name: 'Employee', memo: 'Memo/Description', account_name: 'Account', split_acc: 'Split', is_adj: 'Adj',
  subt_nat_amount: 'Amount', debt_amt: 'Debit', credit_amt: 'Credit', rbal_nat_amount: 'Balance',
};
const DEFAULT_DETAIL = ['tx_date', 'txn_type', 'doc_num', 'name', 'memo', 'split_acc', 'subt_nat_amount', 'rbal_nat_amount'];

function detailColumns(r: ReportRequest): string[] {
  const asked = (r.columns ?? DEFAULT_DETAIL).filter((c) => c in DETAIL_TITLES);
  return asked.length > 0 ? asked : DEFAULT_DETAIL;
}

function splitOf(ledger: Ledger, p: Posting): Cell {
  const others = new Map<string, string>();
  for (const q of ledger.byTxn.get(`${p.txnType}:${p.txnId}`) ?? []) if (q.accountId !== p.accountId) others.set(q.accountId, ledger.accounts.get(q.accountId)?.name ?? '');
  const only = others.size === 1 ? [...others][0] : undefined;
  if (only) return cell(only[1], only[0]);
  return cell(others.size === 0 ? '' : '-Split-');
}

function postingCells(ledger: Ledger, cols: string[], a: LedgerAccount, p: Posting, running: number): Cell[] {
  const nat = round2(p.amount * natural(a));
  const party = (role: string): Cell => (p.party && p.party.role === role ? cell(p.party.name, p.party.id) : cell(''));
  return cols.map((c): Cell => {
    switch (c) {
      case 'tx_date': return cell(p.date);
      case 'txn_type': return cell(p.txnType, p.txnId);
      case 'doc_num': return cell(p.docNum);
      case 'name': return p.party ? cell(p.party.name, p.party.id) : cell('');
      case 'cust_name': return party('customer');
      case 'vend_name': return party('vendor');
      case 'emp_name': return party('employee');
      case 'memo': return cell(p.memo);
      case 'account_name': return cell(a.name, a.id);
      case 'split_acc': return splitOf(ledger, p);
      case 'is_adj': return cell('No');
      case 'subt_nat_amount': return cell(money(nat));
      case 'debt_amt': return cell(p.amount > 0 ? money(p.amount) : '');
      case 'credit_amt': return cell(p.amount < 0 ? money(-p.amount) : '');
      case 'rbal_nat_amount': return cell(money(running));
      default: return cell('');
    }
  });
}

/** One account's section: header, optional Beginning Balance, a row per posting, "Total for". */
function accountSection(r: ReportRequest, cols: string[], a: LedgerAccount, opening: number): { row: Row; total: number } | undefined {
  const postings = r.ledger.postings.filter((p) => p.accountId === a.id && p.date >= r.start && p.date <= r.end);
  if (postings.length === 0 && Math.abs(opening) < 0.005) return undefined;
  const blanks = (first: Cell, fill: (c: string) => string = () => ''): Cell[] => [first, ...cols.slice(1).map((c) => cell(fill(c)))];
  const rows: Row[] = [];
  let running = opening;
  if (Math.abs(opening) >= 0.005) rows.push(dataRow(blanks(cell('Beginning Balance'), (c) => (c === 'rbal_nat_amount' ? money(opening) : ''))));
  let total = 0;
  let debit = 0;
  let credit = 0;
  for (const p of postings) {
    const nat = round2(p.amount * natural(a));
    running = round2(running + nat);
    total = round2(total + nat);
    if (p.amount > 0) debit += p.amount;
    else credit -= p.amount;
    rows.push(dataRow(postingCells(r.ledger, cols, a, p, running)));
  }
  const summaryValue = (c: string): string =>
    c === 'subt_nat_amount' ? (postings.length ? money(total) : '') : c === 'debt_amt' ? moneyOrBlank(debit) : c === 'credit_amt' ? moneyOrBlank(credit) : '';
  const cells0 = cols[0] === undefined ? [] : [cell(`Total for ${a.name}`)];
  return {
    row: section({ header: blanks(cell(a.name, a.id)), rows, summary: [...cells0, ...cols.slice(1).map((c) => cell(summaryValue(c)))] }),
    total,
  };
}

function detailColumnsShape(cols: string[]): JsonObject {
  return columns(cols.map((c) => ({ title: DETAIL_TITLES[c] ?? c, type: c })));
}

export function generalLedger(r: ReportRequest): JsonObject {
  const cols = detailColumns(r);
  const rows: Row[] = [];
  for (const a of sortedAccounts(r.ledger, () => true)) {
    const opening = isPnl(a) ? (fyStart(r.start) < r.start ? sum(r.ledger, a.id, fyStart(r.start), dayBefore(r.start)) : 0) : balanceAsOf(r.ledger, a, dayBefore(r.start));
    const s = accountSection(r, cols, a, round2(opening * natural(a)));
    if (s) rows.push(s.row);
  }
  return {
    Header: header({ name: 'GeneralLedger', start: r.start, end: r.end, basis: r.basis, noData: rows.length === 0 }),
    Columns: detailColumnsShape(cols),
    Rows: { Row: rows },
  };
}

export function profitAndLossDetail(r: ReportRequest): JsonObject {
  const cols = detailColumns(r);
  const rows: Row[] = [];
  let net = 0;
  let any = false;
  const amountIndex = cols.indexOf('subt_nat_amount');
  for (const g of PNL_GROUPS) {
    const inner: Row[] = [];
    let total = 0;
    for (const a of sortedAccounts(r.ledger, (x) => isPnl(x) && pnlGroupOf(x) === g.group)) {
      const s = accountSection(r, cols, a, 0);
      if (!s) continue;
      inner.push(s.row);
      total = round2(total + s.total);
    }
    if (inner.length === 0) continue;
    any = true;
    net = round2(net + g.sign * total);
    const summary = cols.map((c, i) => cell(i === 0 ? `Total ${g.title}` : i === amountIndex ? money(total) : ''));
    rows.push(section({ header: cols.map((_c, i) => cell(i === 0 ? g.title : '')), rows: inner, summary, group: g.group }));
  }
  rows.push(section({ summary: cols.map((_c, i) => cell(i === 0 ? 'Net Income' : i === amountIndex ? money(net) : '')), group: 'NetIncome' }));
  return {
    Header: header({ name: 'ProfitAndLossDetail', start: r.start, end: r.end, basis: r.basis, noData: !any }),
    Columns: detailColumnsShape(cols),
    Rows: { Row: rows },
  };
}

// ---------------------------------------------------------------- CashFlow

export function cashFlow(r: ReportRequest): JsonObject {
  const change = (a: LedgerAccount): number => round2(-sum(r.ledger, a.id, r.start, r.end));
  const net = round2(-sum(r.ledger, (p) => isPnl(r.ledger.accounts.get(p.accountId)!), r.start, r.end));
  const block = (types: string[]): { rows: Row[]; total: number } => {
    const rows: Row[] = [];
    let total = 0;
    for (const a of sortedAccounts(r.ledger, (x) => types.includes(x.type))) {
      const v = change(a);
      if (Math.abs(v) < 0.005) continue;
      rows.push(dataRow([cell(a.name, a.id), cell(money(v))]));
      total = round2(total + v);
    }
    return { rows, total };
  };
  const adjustments = block(['Accounts Receivable', 'Other Current Asset', 'Accounts Payable', 'Credit Card', 'Other Current Liability']);
  const investing = block(['Fixed Asset', 'Other Asset']);
  const financing = block(['Long Term Liability', 'Equity']);
  const operating = round2(net + adjustments.total);
  const increase = round2(operating + investing.total + financing.total);
  const bank = (p: Posting): boolean => r.ledger.accounts.get(p.accountId)?.type === 'Bank';
  const begin = sum(r.ledger, bank, undefined, dayBefore(r.start));
  const rows: Row[] = [
    section({
      header: [cell('OPERATING ACTIVITIES'), cell('')],
      rows: [
        dataRow([cell('Net Income'), cell(money(net))], 'NetIncome'),
        section({
          header: [cell('Adjustments to reconcile Net Income to Net Cash provided by operations:'), cell('')],
          rows: adjustments.rows,
          summary: [cell('Total Adjustments to reconcile Net Income to Net Cash provided by operations:'), cell(money(adjustments.total))],
          group: 'OperatingAdjustments',
        }),
      ],
      summary: [cell('Net cash provided by operating activities'), cell(money(operating))],
      group: 'OperatingActivities',
    }),
  ];
  if (investing.rows.length) rows.push(section({ header: [cell('INVESTING ACTIVITIES'), cell('')], rows: investing.rows, summary: [cell('Net cash provided by investing activities'), cell(money(investing.total))], group: 'InvestingActivities' }));
  if (financing.rows.length) rows.push(section({ header: [cell('FINANCING ACTIVITIES'), cell('')], rows: financing.rows, summary: [cell('Net cash provided by financing activities'), cell(money(financing.total))], group: 'FinancingActivities' }));
  rows.push(
    section({ summary: [cell('Net cash increase for period'), cell(money(increase))], group: 'CashIncrease' }),
    section({ summary: [cell('Cash at beginning of period'), cell(money(begin))], group: 'BeginningCash' }),
    section({ summary: [cell('Cash at end of period'), cell(money(round2(begin + increase)))], group: 'EndingCash' }),
  );
  return {
    Header: header({ name: 'CashFlow', start: r.start, end: r.end, summarize: 'Total', noData: r.ledger.postings.every((p) => p.date < r.start || p.date > r.end) }),
    Columns: columns([{ title: '', type: 'Account', key: 'account' }, { title: 'Total', type: 'Money', key: 'total' }]),
    Rows: { Row: rows },
  };
}
