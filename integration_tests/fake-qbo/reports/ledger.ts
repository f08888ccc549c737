// Double-entry postings of the fake company, derived from its transactions. Amounts are signed
// debit-positive (a credit is negative); every transaction's postings sum to zero.
//
// Cash basis (a documented simplification of QBO's): invoices, bills, credit memos and vendor
// credits post nothing; a payment credits the income accounts of the invoices it pays, pro rata,
// and a bill payment debits the expense accounts of the bills it pays, pro rata (anything unlinked
// goes to the default income / expense account). All other transactions post as on accrual.
import type { JsonObject } from '../../../src/cdk/core/protocol.js';

export type EntitySource = (entity: string) => Iterable<JsonObject>;
export type Basis = 'Accrual' | 'Cash';
export type AccountClass = 'Asset' | 'Liability' | 'Equity' | 'Income' | 'Expense';

export interface LedgerAccount {
  id: string;
  name: string;
  type: string;
  cls: AccountClass;
}

export interface Party {
  role: 'customer' | 'vendor' | 'employee' | 'other';
  id: string;
  name: string;
}

export interface Posting {
  date: string;
  txnType: string;
  txnId: string;
  docNum: string;
  memo: string;
  accountId: string;
  amount: number;
  party: Party | undefined;
}

export interface Ledger {
  accounts: Map<string, LedgerAccount>;
  postings: Posting[];
  /** Postings of each transaction, for the split column. */
  byTxn: Map<string, Posting[]>;
}

const ASSET_TYPES = ['Bank', 'Accounts Receivable', 'Other Current Asset', 'Fixed Asset', 'Other Asset'];
const LIABILITY_TYPES = ['Accounts Payable', 'Credit Card', 'Other Current Liability', 'Long Term Liability'];
const INCOME_TYPES = ['Income', 'Other Income'];
const EXPENSE_TYPES = ['Cost of Goods Sold', 'Expense', 'Other Expense'];

export function classOf(type: string, classification?: string): AccountClass {
  if (ASSET_TYPES.includes(type)) return 'Asset';
  if (LIABILITY_TYPES.includes(type)) return 'Liability';
  if (type === 'Equity') return 'Equity';
  if (INCOME_TYPES.includes(type)) return 'Income';
  if (EXPENSE_TYPES.includes(type)) return 'Expense';
  if (classification === 'Revenue') return 'Income';
  if (classification === 'Asset' || classification === 'Liability' || classification === 'Equity' || classification === 'Expense') return classification;
  return 'Expense';
}

/** Fallback accounts for a company that lacks one of the system accounts. */
const DEFAULTS: Record<string, { name: string; type: string }> = {
  ar: { name: 'Accounts Receivable (A/R)', type: 'Accounts Receivable' },
  ap: { name: 'Accounts Payable (A/P)', type: 'Accounts Payable' },
  undeposited: { name: 'Undeposited Funds', type: 'Other Current Asset' },
  bank: { name: 'Checking', type: 'Bank' },
  income: { name: 'Sales', type: 'Income' },
  expense: { name: 'Uncategorized Expense', type: 'Expense' },
  tax: { name: 'Sales Tax Payable', type: 'Other Current Liability' },
  retained: { name: 'Retained Earnings', type: 'Equity' },
};

const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : 0);
const o = (v: unknown): JsonObject | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined);
const a = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const s = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const ref = (v: unknown): { id: string; name: string } | undefined => {
  const r = o(v);
  return r && s(r['value']) !== '' ? { id: s(r['value']), name: s(r['name']) } : undefined;
};
export const round2 = (n: number): number => Math.round(n * 100) / 100;

export function buildLedger(entities: EntitySource, basis: Basis): Ledger {
  const accounts = new Map<string, LedgerAccount>();
  for (const acc of entities('Account')) {
    const id = s(acc['Id']);
    if (id === '') continue;
    const type = s(acc['AccountType']);
    accounts.set(id, { id, name: s(acc['FullyQualifiedName']) || s(acc['Name']), type, cls: classOf(type, s(acc['Classification'])) });
  }
  const findOrCreate = (key: string, match: (a: LedgerAccount) => boolean): string => {
    for (const acc of accounts.values()) if (match(acc)) return acc.id;
    const d = DEFAULTS[key]!;
    const id = `fake-${key}`;
    accounts.set(id, { id, name: d.name, type: d.type, cls: classOf(d.type) });
    return id;
  };
  const sys = {
    ar: findOrCreate('ar', (x) => x.type === 'Accounts Receivable'),
    ap: findOrCreate('ap', (x) => x.type === 'Accounts Payable'),
    undeposited: findOrCreate('undeposited', (x) => x.name === 'Undeposited Funds'),
    bank: findOrCreate('bank', (x) => x.type === 'Bank'),
    income: findOrCreate('income', (x) => x.type === 'Income'),
    expense: findOrCreate('expense', (x) => x.type === 'Expense'),
    tax: findOrCreate('tax', (x) => /sales tax/i.test(x.name) && x.cls === 'Liability'),
    retained: findOrCreate('retained', (x) => x.name === 'Retained Earnings'),
  };
  const account = (r: unknown, fallback: string): string => {
    const id = ref(r)?.id;
    return id !== undefined && accounts.has(id) ? id : fallback;
  };
  const items = new Map<string, JsonObject>();
  for (const item of entities('Item')) items.set(s(item['Id']), item);
  const itemAccount = (line: JsonObject, field: 'IncomeAccountRef' | 'ExpenseAccountRef', fallback: string): string => {
    const detail = o(line['SalesItemLineDetail']) ?? o(line['ItemBasedExpenseLineDetail']);
    const item = items.get(ref(detail?.['ItemRef'])?.id ?? '');
    return account(item?.[field], fallback);
  };

  const postings: Posting[] = [];
  type Leg = { accountId: string; amount: number; memo?: string; party?: Party | undefined };
  const post = (txnType: string, txn: JsonObject, legs: Leg[], party: Party | undefined): void => {
    // QBO refuses unbalanced transactions; a generated one that slips through is balanced against
    // the default expense account rather than failing every report.
    const imbalance = round2(legs.reduce((t, l) => t + l.amount, 0));
    if (imbalance !== 0) legs = [...legs, { accountId: sys.expense, amount: -imbalance, memo: 'imbalance' }];
    for (const leg of legs) {
      if (round2(leg.amount) === 0) continue;
      postings.push({
        date: s(txn['TxnDate']),
        txnType,
        txnId: s(txn['Id']),
        docNum: s(txn['DocNumber']),
        memo: leg.memo ?? s(txn['PrivateNote']),
        accountId: leg.accountId,
        amount: round2(leg.amount),
        party: leg.party ?? party,
      });
    }
  };
  const partyOf = (txn: JsonObject): Party | undefined => {
    const c = ref(txn['CustomerRef']);
    if (c) return { role: 'customer', ...c };
    const v = ref(txn['VendorRef']);
    if (v) return { role: 'vendor', ...v };
    const e = o(txn['EntityRef']);
    const er = ref(e);
    if (er) return { role: s(e?.['type']).toLowerCase() === 'customer' ? 'customer' : s(e?.['type']).toLowerCase() === 'vendor' ? 'vendor' : 'other', ...er };
    return undefined;
  };
  const lines = (txn: JsonObject): JsonObject[] => a(txn['Line']).map((l) => o(l) ?? {});

  // Sales-side lines: income credits (negative), by item income account.
  const salesLegs = (txn: JsonObject, sign: 1 | -1): Leg[] => {
    const legs: Leg[] = [];
    for (const line of lines(txn)) {
      const type = s(line['DetailType']);
      if (type === 'SalesItemLineDetail') legs.push({ accountId: itemAccount(line, 'IncomeAccountRef', sys.income), amount: -sign * num(line['Amount']), memo: s(line['Description']) });
      else if (type === 'DiscountLineDetail') legs.push({ accountId: account(o(line['DiscountLineDetail'])?.['DiscountAccountRef'], sys.income), amount: sign * num(line['Amount']) });
    }
    const tax = num(o(txn['TxnTaxDetail'])?.['TotalTax']);
    if (tax !== 0) legs.push({ accountId: sys.tax, amount: -sign * tax });
    return legs;
  };
  // Purchase-side lines: expense debits (positive).
  const expenseLegs = (txn: JsonObject, sign: 1 | -1): Leg[] =>
    lines(txn).flatMap((line): Leg[] => {
      const type = s(line['DetailType']);
      if (type === 'AccountBasedExpenseLineDetail') return [{ accountId: account(o(line[type])?.['AccountRef'], sys.expense), amount: sign * num(line['Amount']), memo: s(line['Description']) }];
      if (type === 'ItemBasedExpenseLineDetail') return [{ accountId: itemAccount(line, 'ExpenseAccountRef', sys.expense), amount: sign * num(line['Amount']), memo: s(line['Description']) }];
      return [];
    });
  /** Closing leg: the document total against `accountId`, opposite the lines; a mismatch goes to `fallback`. */
  const close = (txn: JsonObject, legs: Leg[], accountId: string, fallback: string): Leg[] => {
    const sum = legs.reduce((t, l) => t + l.amount, 0);
    const total = txn['TotalAmt'] === undefined ? Math.abs(sum) : Math.abs(num(txn['TotalAmt']));
    const out = [...legs, { accountId, amount: sum > 0 ? -total : total }];
    const diff = round2(out.reduce((t, l) => t + l.amount, 0));
    if (diff !== 0) out.push({ accountId: fallback, amount: -diff });
    return out;
  };

  const invoices = new Map<string, JsonObject>();
  for (const inv of entities('Invoice')) invoices.set(s(inv['Id']), inv);
  const bills = new Map<string, JsonObject>();
  for (const bill of entities('Bill')) bills.set(s(bill['Id']), bill);
  /** Cash basis: spread `amount` over a document's income/expense legs in proportion. */
  const proRata = (doc: JsonObject | undefined, legsOf: (d: JsonObject) => Leg[], amount: number, fallback: string, sign: 1 | -1): Leg[] => {
    const legs = doc ? legsOf(doc) : [];
    const base = legs.reduce((t, l) => t + l.amount, 0);
    if (base === 0) return [{ accountId: fallback, amount: sign * amount }];
    return legs.map((l) => ({ ...l, amount: (l.amount / base) * sign * amount }));
  };
  const linked = (line: JsonObject, type: string): string | undefined =>
    a(line['LinkedTxn']).map((x) => o(x) ?? {}).find((x) => s(x['TxnType']) === type)?.['TxnId'] as string | undefined;

  const accrual = basis === 'Accrual';
  if (accrual) {
    for (const t of entities('Invoice')) post('Invoice', t, close(t, salesLegs(t, 1), sys.ar, sys.income), partyOf(t));
    for (const t of entities('CreditMemo')) post('Credit Memo', t, close(t, salesLegs(t, -1), sys.ar, sys.income), partyOf(t));
    for (const t of entities('Bill')) post('Bill', t, close(t, expenseLegs(t, 1), sys.ap, sys.expense), partyOf(t));
    for (const t of entities('VendorCredit')) post('Vendor Credit', t, close(t, expenseLegs(t, -1), sys.ap, sys.expense), partyOf(t));
  }
  for (const t of entities('Payment')) {
    const total = num(t['TotalAmt']);
    const deposit = account(t['DepositToAccountRef'], sys.undeposited);
    if (accrual) {
      post('Payment', t, [{ accountId: deposit, amount: total }, { accountId: sys.ar, amount: -total }], partyOf(t));
      continue;
    }
    const legs: Leg[] = [{ accountId: deposit, amount: total }];
    let applied = 0;
    for (const line of lines(t)) {
      const amt = num(line['Amount']);
      applied += amt;
      legs.push(...proRata(invoices.get(linked(line, 'Invoice') ?? ''), (d) => salesLegs(d, 1), amt, sys.income, -1));
    }
    if (round2(total - applied) !== 0) legs.push({ accountId: sys.income, amount: -(total - applied) });
    post('Payment', t, legs, partyOf(t));
  }
  for (const t of entities('BillPayment')) {
    const total = num(t['TotalAmt']);
    const bank = account(o(t['CheckPayment'])?.['BankAccountRef'] ?? o(t['CreditCardPayment'])?.['CCAccountRef'], sys.bank);
    const type = s(t['PayType']) === 'CreditCard' ? 'Bill Payment (Credit Card)' : 'Bill Payment (Check)';
    if (accrual) {
      post(type, t, [{ accountId: sys.ap, amount: total }, { accountId: bank, amount: -total }], partyOf(t));
      continue;
    }
    const legs: Leg[] = [{ accountId: bank, amount: -total }];
    let applied = 0;
    for (const line of lines(t)) {
      const amt = num(line['Amount']);
      applied += amt;
      legs.push(...proRata(bills.get(linked(line, 'Bill') ?? ''), (d) => expenseLegs(d, 1), amt, sys.expense, 1));
    }
    if (round2(total - applied) !== 0) legs.push({ accountId: sys.expense, amount: total - applied });
    post(type, t, legs, partyOf(t));
  }
  for (const t of entities('SalesReceipt')) post('Sales Receipt', t, close(t, salesLegs(t, 1), account(t['DepositToAccountRef'], sys.undeposited), sys.income), partyOf(t));
  for (const t of entities('RefundReceipt')) post('Refund', t, close(t, salesLegs(t, -1), account(t['DepositToAccountRef'], sys.bank), sys.income), partyOf(t));
  for (const t of entities('Purchase')) {
    const sign = t['Credit'] === true ? -1 : 1;
    const type = s(t['PaymentType']) === 'Check' ? 'Check' : s(t['PaymentType']) === 'CreditCard' ? (sign < 0 ? 'Credit Card Credit' : 'Credit Card Expense') : 'Expense';
    post(type, t, close(t, expenseLegs(t, sign), account(t['AccountRef'], sys.bank), sys.expense), partyOf(t));
  }
  for (const t of entities('Deposit')) {
    const legs: Leg[] = lines(t).map((line) => {
      const detail = o(line['DepositLineDetail']);
      const from = a(line['LinkedTxn']).length > 0 ? sys.undeposited : account(detail?.['AccountRef'], sys.income);
      return { accountId: from, amount: -num(line['Amount']), memo: s(line['Description']) };
    });
    post('Deposit', t, close(t, legs, account(t['DepositToAccountRef'], sys.bank), sys.income), partyOf(t));
  }
  for (const t of entities('JournalEntry')) {
    const legs: Leg[] = lines(t).flatMap((line): Leg[] => {
      const d = o(line['JournalEntryLineDetail']);
      if (!d) return [];
      const amt = num(line['Amount']);
      const entity = o(d['Entity']);
      const er = ref(entity?.['EntityRef']);
      const role = s(entity?.['Type']).toLowerCase();
      return [{
        accountId: account(d['AccountRef'], sys.expense),
        amount: s(d['PostingType']) === 'Credit' ? -amt : amt,
        memo: s(line['Description']),
        party: er ? { role: role === 'customer' || role === 'vendor' || role === 'employee' ? role : 'other', ...er } : undefined,
      }];
    });
    post('Journal Entry', t, legs, undefined);
  }
  for (const t of entities('Transfer')) {
    const amt = num(t['Amount']);
    post('Transfer', t, [{ accountId: account(t['ToAccountRef'], sys.bank), amount: amt }, { accountId: account(t['FromAccountRef'], sys.bank), amount: -amt }], undefined);
  }

  postings.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const byTxn = new Map<string, Posting[]>();
  for (const p of postings) {
    const k = `${p.txnType}:${p.txnId}`;
    byTxn.set(k, [...(byTxn.get(k) ?? []), p]);
  }
  return { accounts, postings, byTxn };
}
