// Column dictionary shared by every report: how a stable column key is typed and which entity a
// cell's `id` names. Keys are QBO's language-independent ColKey/ColType codes, never ColTitle.

export type ColumnValueType = 'number' | 'date' | 'string';
/** The entity a cell's `{value, id}` refers to; becomes <role>_id / <role>_name (transaction: _id / _type). */
export type EntityRole = 'account' | 'customer' | 'vendor' | 'transaction';

export interface ColumnInfo {
  type: ColumnValueType;
  role?: EntityRole;
}

/**
 * Every column key seen in a real or documented report body, with its type. Sources: the real
 * recordings in test/fixtures/reports (GeneralLedger, TransactionList with every column), Intuit's
 * report reference (`columns` values of GeneralLedger, TransactionList, the aging detail reports)
 * and the AP/AR aging ColKeys public parsers key on (subt_neg_amount, subt_neg_open_bal, ...).
 * Summary reports use ColKey (account, total, debit...); detail reports ColType codes.
 */
export const KNOWN_COLUMNS: Readonly<Record<string, ColumnInfo>> = {
  // label columns of summary reports (ColType Account/Customer/Vendor, ColKey account)
  account: { type: 'string', role: 'account' },
  customer: { type: 'string', role: 'customer' },
  vendor: { type: 'string', role: 'vendor' },
  employee: { type: 'string' },
  // money columns of summary reports
  total: { type: 'number' },
  debit: { type: 'number' },
  credit: { type: 'number' },
  current: { type: 'number' },
  due_1_30: { type: 'number' },
  due_31_60: { type: 'number' },
  due_61_90: { type: 'number' },
  due_91_over: { type: 'number' },
  // detail columns: who, what, when
  tx_date: { type: 'date' },
  txn_type: { type: 'string', role: 'transaction' },
  doc_num: { type: 'string' },
  extra_doc_num: { type: 'string' },
  is_no_post: { type: 'string' },
  is_adj: { type: 'string' },
  is_cleared: { type: 'string' },
  is_ap_paid: { type: 'string' },
  is_ar_paid: { type: 'string' },
  chk_print_state: { type: 'string' },
  printed: { type: 'string' },
  olb_status: { type: 'string' },
  name: { type: 'string' },
  cust_name: { type: 'string', role: 'customer' },
  vend_name: { type: 'string', role: 'vendor' },
  emp_name: { type: 'string' },
  dept_name: { type: 'string' },
  klass_name: { type: 'string' },
  item_name: { type: 'string' },
  memo: { type: 'string' },
  cust_msg: { type: 'string' },
  account_name: { type: 'string', role: 'account' },
  split_acc: { type: 'string' },
  other_account: { type: 'string' },
  pmt_mthd: { type: 'string' },
  term_name: { type: 'string' },
  ship_via: { type: 'string' },
  tracking_num: { type: 'string' },
  sales_cust1: { type: 'string' },
  sales_cust2: { type: 'string' },
  sales_cust3: { type: 'string' },
  create_by: { type: 'string' },
  last_mod_by: { type: 'string' },
  // TimeStamp columns ("2017-04-16T14:04:25-0700"): kept as QBO writes them
  create_date: { type: 'string' },
  last_mod_date: { type: 'string' },
  due_date: { type: 'date' },
  inv_date: { type: 'date' },
  // contact columns of the aging detail reports
  cust_bill_addr: { type: 'string' },
  cust_comp_name: { type: 'string' },
  cust_pri_cont: { type: 'string' },
  cust_pri_email: { type: 'string' },
  cust_pri_tel: { type: 'string' },
  vend_bill_addr: { type: 'string' },
  vend_comp_name: { type: 'string' },
  vend_pri_cont: { type: 'string' },
  vend_pri_email: { type: 'string' },
  vend_pri_tel: { type: 'string' },
  currency: { type: 'string' },
  // numbers: quantities, rates, days
  past_due: { type: 'number' },
  quantity: { type: 'number' },
  rate: { type: 'number' },
  exch_rate: { type: 'number' },
  // amounts: nat = natural sign, neg = negated (payables), home = home currency, foreign = transaction currency
  amount: { type: 'number' },
  nat_amount: { type: 'number' },
  subt_amount: { type: 'number' },
  subt_home_amount: { type: 'number' },
  subt_nat_amount: { type: 'number' },
  subt_nat_home_amount: { type: 'number' },
  subt_neg_amount: { type: 'number' },
  subt_neg_home_amount: { type: 'number' },
  rbal_nat_amount: { type: 'number' },
  debt_amt: { type: 'number' },
  credit_amt: { type: 'number' },
  open_bal: { type: 'number' },
  subt_open_bal: { type: 'number' },
  subt_home_open_bal: { type: 'number' },
  subt_neg_open_bal: { type: 'number' },
  subt_neg_home_open_bal: { type: 'number' },
  nat_home_open_bal: { type: 'number' },
  nat_foreign_open_bal: { type: 'number' },
  nat_foreign_amount: { type: 'number' },
  foreign_amount: { type: 'number' },
  foreign_open_bal: { type: 'number' },
  neg_foreign_amount: { type: 'number' },
  neg_foreign_open_bal: { type: 'number' },
  tax_amount: { type: 'number' },
  home_tax_amount: { type: 'number' },
  home_net_amount: { type: 'number' },
  foreign_tax_amount: { type: 'number' },
  foreign_net_amount: { type: 'number' },
};

/** The columns a detail report (one row per transaction line) may carry: all but the summary ones. */
export const DETAIL_COLUMN_KEYS: readonly string[] = Object.keys(KNOWN_COLUMNS).filter(
  (key) => !['account', 'customer', 'vendor', 'employee', 'total', 'debit', 'credit', 'current', 'due_1_30', 'due_31_60', 'due_61_90', 'due_91_over'].includes(key),
);

/** Where a column no report schema declares goes: numbers (Money, amount-like codes) and everything else. */
export const EXTRA_AMOUNTS = 'extra_amounts';
export const EXTRA_COLUMNS = 'extra_columns';

/** Generic ColTypes: they say what a column holds, not which column it is (a ColKey or position must). */
export const GENERIC_COL_TYPES: ReadonlySet<string> = new Set(['Money', 'String', 'Number', 'Date', 'Percent']);

/** Entity ColTypes of summary reports' first column: ColType "Customer" -> key "customer". */
export const ENTITY_COL_TYPES: Readonly<Record<string, string>> = {
  Account: 'account',
  Customer: 'customer',
  Vendor: 'vendor',
  Employee: 'employee',
};

/** Type of a column key: the dictionary, else a suffix rule for amount-like codes QBO adds later. */
export function columnInfo(key: string, colType: string | undefined): ColumnInfo {
  const known = KNOWN_COLUMNS[key];
  if (known) return known;
  if (colType === 'Money' || /(_amount|_amt|_bal|_balance)$/.test(key)) return { type: 'number' };
  if (/_date$/.test(key)) return { type: 'date' };
  return { type: 'string' };
}

/** QBO codes to a safe field name: lowercase, [a-z0-9_], never starting with a digit. */
export function normalizeKey(raw: string): string {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (key === '') return 'col';
  return /^[0-9]/.test(key) ? `c_${key}` : key;
}
