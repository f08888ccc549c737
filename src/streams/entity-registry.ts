// Every QBO entity the connector replicates, as data: one row per entity, read by one generic stream
// class (entity-stream.ts). Adding an entity is a row here plus a schema file in schemas/.
import type { JsonObject } from '../cdk/index.js';
import { datesAsDateTimes } from './official-date-times.js';

/**
 * How rows are fetched:
 * - `cursor`: `/query` filtered and ordered by MetaData.LastUpdatedTime (incremental, lossless paging);
 * - `whole`: `/query` read whole by position (singletons, and entities whose cursor filter is
 *   unproven: full refresh);
 * - `endpoint`: a plain GET (singletons and read-only lists that `/query` does not serve).
 */
export type ReadMethod = 'cursor' | 'whole' | 'endpoint';

export type EntityKind = 'name_list' | 'transaction' | 'singleton' | 'reference';

export interface EntityDef {
  /** Stream name: snake_case plural, the same as airbyte/source-quickbooks so tables keep their names. */
  stream: string;
  /** The entity name in `/query` and `/cdc`, and the key its rows arrive under (QueryResponse, CDC, endpoint bodies). */
  entity: string;
  kind: EntityKind;
  read: ReadMethod;
  /** For `endpoint`: the path under /v3/company/{realm}/ ("{realm}" is replaced). */
  endpoint?: string;
  /** Name lists return only active rows unless the query says `Active IN (true,false)`. */
  includeInactive: boolean;
  /**
   * Served by `/cdc`: every entity Intuit's CDC documentation covers, i.e. all but JournalCode,
   * TimeActivity, TaxAgency, TaxCode and TaxRate. A live CDC call that rejects one drops it from CDC
   * for the run (change-feed.ts), so a wrong entry costs deletes for one sync, never the sync.
   */
  cdc: boolean;
  /** hard: `?operation=delete` removes the row (only CDC shows it); soft: Active=false; none: cannot be deleted. */
  deletes: 'hard' | 'soft' | 'none';
  primaryKey: string[][];
  /**
   * For `whole` reads: offer incremental anyway, emitting only rows updated since the cursor (the
   * whole table is read each time; airbyte/source-quickbooks offers these streams incrementally).
   */
  changedSince?: boolean;
  /** Reshape one fetched row into the record (wrappers, key spelling). Runs per row: keep it cheap. */
  normalize?: (row: JsonObject) => JsonObject;
  /** Where the entity exists only in some regions or editions (README). */
  availability?: string;
}

const ID: string[][] = [['Id']];

/** RecurringTransaction rows wrap the template: {"Invoice": {...}} -> the invoice plus RecurringTxnType. */
function unwrapRecurring(row: JsonObject): JsonObject {
  const keys = Object.keys(row);
  if (keys.length !== 1) return row;
  const type = keys[0] as string;
  const inner = row[type];
  if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return row;
  return { ...(inner as JsonObject), RecurringTxnType: type };
}

/** TaxClassification list bodies spell the key `id` (docs sample); the primary key is `Id`. */
function capitalizeId(row: JsonObject): JsonObject {
  if (row['Id'] === undefined && row['id'] !== undefined) row['Id'] = row['id'];
  return row;
}

/** What a row may set beyond its kind's defaults (named, so a row reads as what it changes). */
type RowOptions = Partial<Pick<EntityDef, 'read' | 'endpoint' | 'includeInactive' | 'cdc' | 'deletes' | 'primaryKey' | 'changedSince' | 'normalize' | 'availability'>>;

/** Defaults per kind: what an entity of that kind usually is in QBO. */
const KIND_DEFAULTS: Record<EntityKind, Omit<EntityDef, 'stream' | 'entity' | 'kind'>> = {
  // Lists with an Active flag, queried incrementally, served by CDC.
  name_list: { read: 'cursor', includeInactive: true, cdc: true, deletes: 'soft', primaryKey: ID },
  // Hard-deletable documents, queried incrementally, served by CDC.
  transaction: { read: 'cursor', includeInactive: false, cdc: true, deletes: 'hard', primaryKey: ID },
  // One object per company, read whole; incremental by comparing the cursor (as the official connector).
  singleton: { read: 'whole', includeInactive: false, cdc: false, deletes: 'none', primaryKey: ID, changedSince: true },
  // Read-only reference data, read whole.
  reference: { read: 'whole', includeInactive: false, cdc: false, deletes: 'none', primaryKey: ID },
};

function row(kind: EntityKind, stream: string, entity: string, options: RowOptions = {}): EntityDef {
  return { stream, entity, kind, ...KIND_DEFAULTS[kind], ...options };
}
const nameList = (stream: string, entity: string, options?: RowOptions): EntityDef => row('name_list', stream, entity, options);
const transaction = (stream: string, entity: string, options?: RowOptions): EntityDef => row('transaction', stream, entity, options);
const singleton = (stream: string, entity: string, options?: RowOptions): EntityDef => row('singleton', stream, entity, options);
const reference = (stream: string, entity: string, options?: RowOptions): EntityDef => row('reference', stream, entity, options);

/** CDC exclusions per Intuit's CDC documentation. */
const NO_CDC = { cdc: false } as const;

export const ENTITY_REGISTRY: readonly EntityDef[] = [
  nameList('accounts', 'Account'),
  transaction('attachables', 'Attachable'),
  transaction('bills', 'Bill'),
  transaction('bill_payments', 'BillPayment'),
  nameList('budgets', 'Budget', { deletes: 'hard', normalize: datesAsDateTimes('StartDate', 'EndDate') }),
  nameList('classes', 'Class'),
  nameList('company_currencies', 'CompanyCurrency', { availability: 'multicurrency companies' }),
  singleton('company_info', 'CompanyInfo'),
  transaction('credit_card_payments', 'CreditCardPaymentTxn'),
  transaction('credit_memos', 'CreditMemo'),
  nameList('customers', 'Customer'),
  nameList('customer_types', 'CustomerType', { deletes: 'none' }),
  nameList('departments', 'Department'),
  transaction('deposits', 'Deposit'),
  nameList('employees', 'Employee', { normalize: datesAsDateTimes('BirthDate', 'ReleasedDate') }),
  transaction('estimates', 'Estimate'),
  reference('exchange_rates', 'ExchangeRate', {
    primaryKey: [['SourceCurrencyCode'], ['TargetCurrencyCode'], ['AsOfDate']],
    changedSince: true,
    availability: 'multicurrency companies',
  }),
  transaction('invoices', 'Invoice'),
  nameList('items', 'Item'),
  nameList('journal_codes', 'JournalCode', { ...NO_CDC, availability: 'France only' }),
  transaction('journal_entries', 'JournalEntry'),
  transaction('payments', 'Payment'),
  nameList('payment_methods', 'PaymentMethod'),
  singleton('preferences', 'Preferences'),
  transaction('purchases', 'Purchase'),
  transaction('purchase_orders', 'PurchaseOrder'),
  // Templates: their cursor filter is unproven, so they are read whole (full refresh).
  transaction('recurring_transactions', 'RecurringTransaction', { read: 'whole', cdc: false, normalize: unwrapRecurring }),
  transaction('refund_receipts', 'RefundReceipt'),
  transaction('reimburse_charges', 'ReimburseCharge'),
  transaction('sales_receipts', 'SalesReceipt'),
  nameList('tax_agencies', 'TaxAgency', { ...NO_CDC, includeInactive: false, deletes: 'none' }),
  reference('tax_classifications', 'TaxClassification', {
    read: 'endpoint',
    endpoint: 'taxclassification',
    normalize: capitalizeId,
    availability: 'companies with automated sales tax classifications (e.g. India, Malaysia, US AST)',
  }),
  nameList('tax_codes', 'TaxCode', { ...NO_CDC, deletes: 'none' }),
  transaction('tax_payments', 'TaxPayment', { deletes: 'none', availability: 'outside the US (minorversion 47+)' }),
  nameList('tax_rates', 'TaxRate', { ...NO_CDC, deletes: 'none' }),
  nameList('terms', 'Term'),
  transaction('time_activities', 'TimeActivity', NO_CDC),
  transaction('transfers', 'Transfer'),
  nameList('vendors', 'Vendor'),
  transaction('vendor_credits', 'VendorCredit'),
];

export function entityDef(stream: string): EntityDef | undefined {
  return ENTITY_REGISTRY.find((d) => d.stream === stream);
}
