// Reports over open documents and parties: aging (summary and detail), customer and vendor
// balances, and the transaction list. Open amount = document total minus what payments dated on or
// before the report date apply to it; credits and unapplied payments count as negative items, so a
// party's aging total equals its A/R (A/P) balance.
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import { round2, type Ledger } from './ledger.js';
import { cell, columns, dataRow, header, money, moneyOrBlank, section, type Row } from './shape.js';
import type { ReportRequest } from './build-reports.js';

const o = (v: unknown): JsonObject | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined);
const a = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const s = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : 0);

interface OpenItem {
  date: string;
  due: string;
  type: string;
  id: string;
  docNum: string;
  partyId: string;
  partyName: string;
  amount: number;
  open: number;
}

type Side = 'AR' | 'AP';
const SIDE = {
  AR: { doc: 'Invoice', docType: 'Invoice', credit: 'CreditMemo', creditType: 'Credit Memo', payment: 'Payment', paymentType: 'Payment', party: 'CustomerRef', role: 'Customer', col: 'cust_name' },
  AP: { doc: 'Bill', docType: 'Bill', credit: 'VendorCredit', creditType: 'Vendor Credit', payment: 'BillPayment', paymentType: 'Bill Payment', party: 'VendorRef', role: 'Vendor', col: 'vend_name' },
} as const;

function openItems(r: ReportRequest, side: Side, asOf: string): OpenItem[] {
  const cfg = SIDE[side];
  const applied = new Map<string, number>();
  const items: OpenItem[] = [];
  const party = (t: JsonObject) => ({ partyId: s(o(t[cfg.party])?.['value']), partyName: s(o(t[cfg.party])?.['name']) });
  for (const p of r.entities(cfg.payment)) {
    if (s(p['TxnDate']) > asOf) continue;
    let used = 0;
    for (const line of a(p['Line']).map((l) => o(l) ?? {})) {
      for (const link of a(line['LinkedTxn']).map((l) => o(l) ?? {})) {
        if (s(link['TxnType']) !== cfg.docType) continue;
        applied.set(s(link['TxnId']), (applied.get(s(link['TxnId'])) ?? 0) + num(line['Amount']));
        used += num(line['Amount']);
      }
    }
    const unapplied = round2(num(p['TotalAmt']) - used);
    if (unapplied !== 0) items.push({ date: s(p['TxnDate']), due: s(p['TxnDate']), type: cfg.paymentType, id: s(p['Id']), docNum: s(p['DocNumber']), ...party(p), amount: -num(p['TotalAmt']), open: -unapplied });
  }
  for (const d of r.entities(cfg.doc)) {
    if (s(d['TxnDate']) > asOf) continue;
    const open = round2(num(d['TotalAmt']) - (applied.get(s(d['Id'])) ?? 0));
    if (open !== 0) items.push({ date: s(d['TxnDate']), due: s(d['DueDate']) || s(d['TxnDate']), type: cfg.docType, id: s(d['Id']), docNum: s(d['DocNumber']), ...party(d), amount: num(d['TotalAmt']), open });
  }
  for (const c of r.entities(cfg.credit)) {
    if (s(c['TxnDate']) > asOf) continue;
    items.push({ date: s(c['TxnDate']), due: s(c['TxnDate']), type: cfg.creditType, id: s(c['Id']), docNum: s(c['DocNumber']), ...party(c), amount: -num(c['TotalAmt']), open: -num(c['TotalAmt']) });
  }
  return items.filter((i) => i.open !== 0).sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id.localeCompare(y.id)));
}

const BUCKETS = [
  { key: 'current', title: 'Current', detail: 'Current', max: 0 },
  { key: '0', title: '1 - 30', detail: '1 - 30 days past due', max: 30 },
  { key: '1', title: '31 - 60', detail: '31 - 60 days past due', max: 60 },
  { key: '2', title: '61 - 90', detail: '61 - 90 days past due', max: 90 },
  { key: '3', title: '91 and over', detail: '91 or more days past due', max: Infinity },
];

const daysPastDue = (due: string, asOf: string): number => Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
const bucketOf = (days: number): number => BUCKETS.findIndex((b) => days <= b.max);

export function agingSummary(r: ReportRequest, side: Side): JsonObject {
  const cfg = SIDE[side];
  const byParty = new Map<string, { name: string; v: number[] }>();
  for (const i of openItems(r, side, r.reportDate)) {
    const entry = byParty.get(i.partyId) ?? { name: i.partyName, v: [0, 0, 0, 0, 0] };
    const b = bucketOf(daysPastDue(i.due, r.reportDate));
    entry.v[b] = round2((entry.v[b] ?? 0) + i.open);
    byParty.set(i.partyId, entry);
  }
  const rows: Row[] = [];
  const totals = [0, 0, 0, 0, 0];
  for (const [id, e] of [...byParty].sort((x, y) => x[1].name.localeCompare(y[1].name))) {
    const total = round2(e.v.reduce((t, n) => t + n, 0));
    e.v.forEach((n, k) => (totals[k] = round2((totals[k] ?? 0) + n)));
    rows.push(dataRow([cell(e.name, id), ...e.v.map((n) => cell(moneyOrBlank(n))), cell(money(total))]));
  }
  const grand = round2(totals.reduce((t, n) => t + n, 0));
  rows.push(section({ summary: [cell('TOTAL'), ...totals.map((n) => cell(money(n))), cell(money(grand))], group: 'GrandTotal' }));
  return {
    Header: header({ name: side === 'AR' ? 'AgedReceivables' : 'AgedPayables', start: r.reportDate, end: r.reportDate, reportDate: r.reportDate, noData: byParty.size === 0 }),
    Columns: columns([
      { title: '', type: cfg.role, key: cfg.role.toLowerCase() },
      ...BUCKETS.map((b) => ({ title: b.title, type: 'Money', key: b.key })),
      { title: 'Total', type: 'Money', key: 'total' },
    ]),
    Rows: { Row: rows },
  };
}

export function agingDetail(r: ReportRequest, side: Side): JsonObject {
  const cfg = SIDE[side];
  const cols = ['tx_date', 'txn_type', 'doc_num', cfg.col, 'due_date', 'past_due', 'subt_amount', 'subt_open_bal'];
  const titles = ['Date', 'Transaction Type', 'Num', cfg.role, 'Due Date', 'Past Due', 'Amount', 'Open Balance'];
  const items = openItems(r, side, r.reportDate);
  const rows: Row[] = [];
  let amount = 0;
  let open = 0;
  BUCKETS.forEach((b, k) => {
    const inBucket = items.filter((i) => bucketOf(daysPastDue(i.due, r.reportDate)) === k);
    if (inBucket.length === 0) return;
    const sa = round2(inBucket.reduce((t, i) => t + i.amount, 0));
    const so = round2(inBucket.reduce((t, i) => t + i.open, 0));
    amount = round2(amount + sa);
    open = round2(open + so);
    rows.push(
      section({
        header: [cell(b.detail), ...cols.slice(1).map(() => cell(''))],
        rows: inBucket.map((i) =>
          dataRow([cell(i.date), cell(i.type, i.id), cell(i.docNum), cell(i.partyName, i.partyId), cell(i.due), cell(String(daysPastDue(i.due, r.reportDate))), cell(money(i.amount)), cell(money(i.open))]),
        ),
        summary: [cell(`Total for ${b.detail}`), cell(''), cell(''), cell(''), cell(''), cell(''), cell(money(sa)), cell(money(so))],
      }),
    );
  });
  rows.push(section({ summary: [cell('TOTAL'), cell(''), cell(''), cell(''), cell(''), cell(''), cell(money(amount)), cell(money(open))], group: 'GrandTotal' }));
  return {
    Header: header({ name: side === 'AR' ? 'AgedReceivableDetail' : 'AgedPayableDetail', end: r.reportDate, reportDate: r.reportDate, noData: items.length === 0 }),
    Columns: columns(cols.map((c, k) => ({ title: titles[k] ?? c, type: c }))),
    Rows: { Row: rows },
  };
}

/** Party balances from the ledger's A/R (A/P) postings up to the report date. */
export function partyBalance(r: ReportRequest, side: Side): JsonObject {
  const cfg = SIDE[side];
  const type = side === 'AR' ? 'Accounts Receivable' : 'Accounts Payable';
  const sign = side === 'AR' ? 1 : -1;
  const byParty = new Map<string, { name: string; total: number }>();
  for (const p of r.ledger.postings) {
    if (p.date > r.reportDate || r.ledger.accounts.get(p.accountId)?.type !== type || !p.party) continue;
    const e = byParty.get(p.party.id) ?? { name: p.party.name, total: 0 };
    e.total = round2(e.total + sign * p.amount);
    byParty.set(p.party.id, e);
  }
  const rows: Row[] = [];
  let grand = 0;
  for (const [id, e] of [...byParty].sort((x, y) => x[1].name.localeCompare(y[1].name))) {
    if (e.total === 0) continue;
    grand = round2(grand + e.total);
    rows.push(dataRow([cell(e.name, id), cell(money(e.total))]));
  }
  const noData = rows.length === 0;
  rows.push(section({ summary: [cell('TOTAL'), cell(money(grand))], group: 'GrandTotal' }));
  return {
    Header: header({ name: side === 'AR' ? 'CustomerBalance' : 'VendorBalance', basis: r.basis, reportDate: r.reportDate, noData }),
    Columns: columns([{ title: '', type: cfg.role, key: cfg.role.toLowerCase() }, { title: 'Total', type: 'Money', key: 'total' }]),
    Rows: { Row: rows },
  };
}

/** One row per transaction in range; its account is the posting with the largest amount. */
export function transactionList(r: ReportRequest): JsonObject {
  const rows: Row[] = [];
  const ledger: Ledger = r.ledger;
  for (const postings of ledger.byTxn.values()) {
    const first = postings[0];
    if (!first || first.date < r.start || first.date > r.end) continue;
    const main = postings.reduce((m, p) => (Math.abs(p.amount) > Math.abs(m.amount) ? p : m), first);
    const others = [...new Set(postings.filter((p) => p.accountId !== main.accountId).map((p) => p.accountId))];
    const other = others.length === 1 ? cell(ledger.accounts.get(others[0]!)?.name ?? '', others[0]) : cell(others.length ? '-Split-' : '');
    const acc = ledger.accounts.get(main.accountId);
    rows.push({
      first: first.date,
      row: dataRow([
        cell(main.date), cell(main.txnType, main.txnId), cell(main.docNum), cell('No'),
        main.party ? cell(main.party.name, main.party.id) : cell(''), cell(''), cell(main.memo),
        cell(acc?.name ?? '', main.accountId), other, cell(money(Math.abs(main.amount))),
      ]),
    });
  }
  rows.sort((x, y) => (String(x['first']) < String(y['first']) ? -1 : String(x['first']) > String(y['first']) ? 1 : 0));
  const cols = ['tx_date', 'txn_type', 'doc_num', 'is_no_post', 'name', 'dept_name', 'memo', 'account_name', 'other_account', 'subt_nat_home_amount'];
  const titles = ['Date', 'Transaction Type', 'Num', 'Posting', 'Name', 'Department', 'Memo/Description', 'Account', 'Split', 'Amount'];
  return {
    Header: header({ name: 'TransactionList', start: r.start, end: r.end, noData: rows.length === 0 }),
    Columns: columns(cols.map((c, k) => ({ title: titles[k] ?? c, type: c }))),
    Rows: { Row: rows.map((x) => x['row'] as Row) },
  };
}
