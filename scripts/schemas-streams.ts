/** Entity streams and the QBO (XSD) type each one carries: shared by the schema scripts and tests. */
export const ENTITY_STREAMS: Readonly<Record<string, string>> = {
  accounts: 'Account',
  attachables: 'Attachable',
  bills: 'Bill',
  bill_payments: 'BillPayment',
  budgets: 'Budget',
  classes: 'Class',
  company_currencies: 'CompanyCurrency',
  company_info: 'CompanyInfo',
  credit_card_payments: 'CreditCardPaymentTxn',
  credit_memos: 'CreditMemo',
  customers: 'Customer',
  customer_types: 'CustomerType',
  departments: 'Department',
  deposits: 'Deposit',
  employees: 'Employee',
  estimates: 'Estimate',
  exchange_rates: 'ExchangeRate',
  invoices: 'Invoice',
  items: 'Item',
  journal_codes: 'JournalCode',
  journal_entries: 'JournalEntry',
  payments: 'Payment',
  payment_methods: 'PaymentMethod',
  preferences: 'Preferences',
  purchases: 'Purchase',
  purchase_orders: 'PurchaseOrder',
  recurring_transactions: 'RecurringTransaction',
  refund_receipts: 'RefundReceipt',
  reimburse_charges: 'ReimburseCharge',
  sales_receipts: 'SalesReceipt',
  tax_agencies: 'TaxAgency',
  tax_classifications: 'TaxClassification',
  tax_codes: 'TaxCode',
  tax_payments: 'TaxPayment',
  tax_rates: 'TaxRate',
  terms: 'Term',
  time_activities: 'TimeActivity',
  transfers: 'Transfer',
  vendors: 'Vendor',
  vendor_credits: 'VendorCredit',
};

/**
 * Transactions QBO can hold as recurring templates. A RecurringTransaction query row is
 * `{"<Type>": {...}}`; the connector emits the inner object plus `RecurringTxnType`, so the
 * stream's schema is the union of these types' fields.
 */
export const RECURRING_TYPES = [
  'Bill', 'Invoice', 'Estimate', 'SalesReceipt', 'CreditMemo', 'Deposit', 'JournalEntry',
  'Purchase', 'PurchaseOrder', 'RefundReceipt', 'Transfer', 'VendorCredit',
] as const;

/** Streams keyed by something other than Id (README "Streams"). */
export const PRIMARY_KEYS: Readonly<Record<string, string[][]>> = {
  exchange_rates: [['SourceCurrencyCode'], ['AsOfDate']],
};

export function primaryKeyOf(stream: string): string[][] {
  return PRIMARY_KEYS[stream] ?? [['Id']];
}
