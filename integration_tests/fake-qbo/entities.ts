// The entities the fake serves, as data: names, URL path, kind, CDC policy. Everything else looks them up here.

export type EntityKind = 'namelist' | 'transaction' | 'singleton' | 'special';

/**
 * CDC policy of the fake:
 * - `yes`: served by /cdc;
 * - `excluded`: documented by Intuit as unsupported (JournalCode, TimeActivity, TaxAgency, TaxCode, TaxRate);
 * - `rejected`: read whole or by endpoint, never asked of CDC by the connector (singletons, exchange
 *   rates, tax classifications, recurring templates); the fake refuses them. `knobs.cdcRejects`
 *   makes it refuse any other entity too (a company where a CDC assumption is wrong).
 */
export type CdcPolicy = 'yes' | 'excluded' | 'rejected';

export interface EntityDef {
  /** The response key and canonical name (e.g. "CreditCardPaymentTxn"). */
  name: string;
  /** Other names accepted in FROM / entities= (case-insensitive), e.g. "CreditCardPayment". */
  aliases: readonly string[];
  /** Lower-case path segment for reads, e.g. "creditcardpayment". */
  path: string;
  kind: EntityKind;
  /** snake_case plural used by the connector (also accepted as a scale key). */
  stream: string;
  cdc: CdcPolicy;
  /** Whether /query accepts it. */
  queryable: boolean;
  /** Name lists: the query adds Active = true unless the WHERE mentions Active. */
  activeFilter: boolean;
  /** Can be hard-deleted (transactions, attachables, budgets, recurring templates). */
  hardDelete: boolean;
  /** Record count does not grow with a numeric scale multiplier (charts, settings, tax tables). */
  fixed: boolean;
}

function def(
  name: string,
  kind: EntityKind,
  stream: string,
  cdc: CdcPolicy,
  extra: Partial<Omit<EntityDef, 'name' | 'kind' | 'stream' | 'cdc'>> = {},
): EntityDef {
  const namelist = kind === 'namelist';
  return {
    name,
    aliases: extra.aliases ?? [],
    path: extra.path ?? name.toLowerCase(),
    kind,
    stream,
    cdc,
    queryable: extra.queryable ?? true,
    activeFilter: extra.activeFilter ?? namelist,
    hardDelete: extra.hardDelete ?? kind === 'transaction',
    fixed: extra.fixed ?? false,
  };
}

export const ENTITIES: readonly EntityDef[] = [
  def('Account', 'namelist', 'accounts', 'yes', { fixed: true }),
  def('Attachable', 'transaction', 'attachables', 'yes'),
  def('Bill', 'transaction', 'bills', 'yes'),
  def('BillPayment', 'transaction', 'bill_payments', 'yes'),
  def('Budget', 'namelist', 'budgets', 'yes', { fixed: true, hardDelete: true }),
  def('Class', 'namelist', 'classes', 'yes', { fixed: true }),
  def('CompanyCurrency', 'namelist', 'company_currencies', 'yes', { fixed: true }),
  def('CompanyInfo', 'singleton', 'company_info', 'rejected', { fixed: true }),
  def('CreditCardPaymentTxn', 'transaction', 'credit_card_payments', 'yes', {
    aliases: ['CreditCardPayment'],
    path: 'creditcardpayment',
  }),
  def('CreditMemo', 'transaction', 'credit_memos', 'yes'),
  def('Customer', 'namelist', 'customers', 'yes'),
  def('CustomerType', 'namelist', 'customer_types', 'yes', { fixed: true }),
  def('Department', 'namelist', 'departments', 'yes', { fixed: true }),
  def('Deposit', 'transaction', 'deposits', 'yes'),
  def('Employee', 'namelist', 'employees', 'yes'),
  def('Estimate', 'transaction', 'estimates', 'yes'),
  def('ExchangeRate', 'special', 'exchange_rates', 'rejected', { fixed: true, hardDelete: false }),
  def('Invoice', 'transaction', 'invoices', 'yes'),
  def('Item', 'namelist', 'items', 'yes'),
  def('JournalCode', 'namelist', 'journal_codes', 'excluded', { fixed: true }),
  def('JournalEntry', 'transaction', 'journal_entries', 'yes'),
  def('Payment', 'transaction', 'payments', 'yes'),
  def('PaymentMethod', 'namelist', 'payment_methods', 'yes', { fixed: true }),
  def('Preferences', 'singleton', 'preferences', 'rejected', { fixed: true }),
  def('Purchase', 'transaction', 'purchases', 'yes'),
  def('PurchaseOrder', 'transaction', 'purchase_orders', 'yes'),
  def('RecurringTransaction', 'special', 'recurring_transactions', 'rejected', { hardDelete: true }),
  def('RefundReceipt', 'transaction', 'refund_receipts', 'yes'),
  def('ReimburseCharge', 'transaction', 'reimburse_charges', 'yes', { hardDelete: false }),
  def('SalesReceipt', 'transaction', 'sales_receipts', 'yes'),
  def('TaxAgency', 'namelist', 'tax_agencies', 'excluded', { fixed: true, activeFilter: false }),
  def('TaxClassification', 'special', 'tax_classifications', 'rejected', { fixed: true, queryable: false, hardDelete: false }),
  def('TaxCode', 'namelist', 'tax_codes', 'excluded', { fixed: true }),
  def('TaxPayment', 'transaction', 'tax_payments', 'yes', { hardDelete: false }),
  def('TaxRate', 'namelist', 'tax_rates', 'excluded', { fixed: true }),
  def('Term', 'namelist', 'terms', 'yes', { fixed: true }),
  def('TimeActivity', 'transaction', 'time_activities', 'excluded'),
  def('Transfer', 'transaction', 'transfers', 'yes'),
  def('Vendor', 'namelist', 'vendors', 'yes'),
  def('VendorCredit', 'transaction', 'vendor_credits', 'yes'),
];

const byLower = new Map<string, EntityDef>();
for (const e of ENTITIES) {
  byLower.set(e.name.toLowerCase(), e);
  for (const a of e.aliases) byLower.set(a.toLowerCase(), e);
}
const byPath = new Map(ENTITIES.map((e) => [e.path, e]));
const byStream = new Map(ENTITIES.map((e) => [e.stream, e]));

/** Case-insensitive lookup by entity name or alias. */
export function entityByName(name: string): EntityDef | undefined {
  return byLower.get(name.toLowerCase());
}

/** Lookup by read path segment ("invoice", "creditcardpayment"). */
export function entityByPath(path: string): EntityDef | undefined {
  return byPath.get(path.toLowerCase());
}

/** Lookup by entity name or stream name (scale keys accept both). */
export function entityByNameOrStream(key: string): EntityDef | undefined {
  return entityByName(key) ?? byStream.get(key);
}

export function entityDef(name: string): EntityDef {
  const e = entityByName(name);
  if (!e) throw new Error(`fake-qbo: unknown entity ${name}`);
  return e;
}
