// Every QBO entity the connector replicates, as data: one row per entity, read by one generic stream
// class (entity-stream.ts). Adding an entity is a row here plus a schema file in schemas/.
import type { JsonObject } from '../cdk/protocol.js';
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
  /** The entity name in `/query` and `/cdc`. */
  entity: string;
  /** The key the rows arrive under (QueryResponse.<key>, CDC, endpoint bodies). */
  responseKey: string;
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

function nameList(stream: string, entity: string, cdc = true, extra: Partial<EntityDef> = {}): EntityDef {
  return { stream, entity, responseKey: entity, kind: 'name_list', read: 'cursor', includeInactive: true, cdc, deletes: 'soft', primaryKey: ID, ...extra };
}

function transaction(stream: string, entity: string, cdc = true, extra: Partial<EntityDef> = {}): EntityDef {
  return { stream, entity, responseKey: entity, kind: 'transaction', read: 'cursor', includeInactive: false, cdc, deletes: 'hard', primaryKey: ID, ...extra };
}

export const ENTITY_REGISTRY: readonly EntityDef[] = [
  nameList('accounts', 'Account'),
  transaction('attachables', 'Attachable'),
  transaction('bills', 'Bill'),
  transaction('bill_payments', 'BillPayment'),
  nameList('budgets', 'Budget', true, { deletes: 'hard', normalize: datesAsDateTimes('StartDate', 'EndDate') }),
  nameList('classes', 'Class'),
  nameList('company_currencies', 'CompanyCurrency', true, { availability: 'multicurrency companies' }),
  {
    stream: 'company_info', entity: 'CompanyInfo', responseKey: 'CompanyInfo', kind: 'singleton', read: 'whole',
    includeInactive: false, cdc: false, deletes: 'none', primaryKey: ID, changedSince: true,
  },
  transaction('credit_card_payments', 'CreditCardPaymentTxn'),
  transaction('credit_memos', 'CreditMemo'),
  nameList('customers', 'Customer'),
  nameList('customer_types', 'CustomerType', true, { deletes: 'none' }),
  nameList('departments', 'Department'),
  transaction('deposits', 'Deposit'),
  nameList('employees', 'Employee', true, { normalize: datesAsDateTimes('BirthDate', 'ReleasedDate') }),
  transaction('estimates', 'Estimate'),
  {
    stream: 'exchange_rates', entity: 'ExchangeRate', responseKey: 'ExchangeRate', kind: 'reference', read: 'whole',
    includeInactive: false, cdc: false, deletes: 'none', primaryKey: [['SourceCurrencyCode'], ['TargetCurrencyCode'], ['AsOfDate']], changedSince: true,
    availability: 'multicurrency companies',
  },
  transaction('invoices', 'Invoice'),
  nameList('items', 'Item'),
  nameList('journal_codes', 'JournalCode', false, { availability: 'France only' }),
  transaction('journal_entries', 'JournalEntry'),
  transaction('payments', 'Payment'),
  nameList('payment_methods', 'PaymentMethod'),
  {
    stream: 'preferences', entity: 'Preferences', responseKey: 'Preferences', kind: 'singleton', read: 'whole',
    includeInactive: false, cdc: false, deletes: 'none', primaryKey: ID, changedSince: true,
  },
  transaction('purchases', 'Purchase'),
  transaction('purchase_orders', 'PurchaseOrder'),
  {
    stream: 'recurring_transactions', entity: 'RecurringTransaction', responseKey: 'RecurringTransaction', kind: 'transaction',
    read: 'whole', includeInactive: false, cdc: false, deletes: 'hard', primaryKey: ID, normalize: unwrapRecurring,
  },
  transaction('refund_receipts', 'RefundReceipt'),
  transaction('reimburse_charges', 'ReimburseCharge'),
  transaction('sales_receipts', 'SalesReceipt'),
  { ...nameList('tax_agencies', 'TaxAgency', false), includeInactive: false, deletes: 'none' },
  {
    stream: 'tax_classifications', entity: 'TaxClassification', responseKey: 'TaxClassification', kind: 'reference',
    read: 'endpoint', endpoint: 'taxclassification', includeInactive: false, cdc: false, deletes: 'none', primaryKey: ID,
    normalize: capitalizeId, availability: 'companies with automated sales tax classifications (e.g. India, Malaysia, US AST)',
  },
  nameList('tax_codes', 'TaxCode', false, { deletes: 'none' }),
  transaction('tax_payments', 'TaxPayment', true, { deletes: 'none', availability: 'outside the US (minorversion 47+)' }),
  nameList('tax_rates', 'TaxRate', false, { deletes: 'none' }),
  nameList('terms', 'Term'),
  transaction('time_activities', 'TimeActivity', false),
  transaction('transfers', 'Transfer'),
  nameList('vendors', 'Vendor'),
  transaction('vendor_credits', 'VendorCredit'),
];

export function entityDef(stream: string): EntityDef | undefined {
  return ENTITY_REGISTRY.find((d) => d.stream === stream);
}
