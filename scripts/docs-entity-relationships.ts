// docs/entity-relationships.md: which stream's records point at which, from the schemas' `...Ref`
// fields (a Ref holds the target's Id in `value`) plus the LinkedTxn links Intuit documents.
import type { JsonObject } from '../src/cdk/core/protocol.js';
import type { EntityDef } from '../src/streams/entity-registry.js';
import { table } from './docs-markers.js';
import { isObject } from '../src/cdk/core/json-object.js';

/** Ref field -> the stream whose `Id` its `value` holds. Refs not listed (CurrencyRef, ProjectRef, ...) are noise here. */
export const REF_TARGETS: Readonly<Record<string, string>> = {
  CustomerRef: 'customers', RootCustomerRef: 'customers',
  VendorRef: 'vendors', PrefVendorRef: 'vendors',
  ItemRef: 'items', GroupItemRef: 'items',
  ClassRef: 'classes',
  DepartmentRef: 'departments',
  TermRef: 'terms', SalesTermRef: 'terms',
  PaymentMethodRef: 'payment_methods',
  TaxCodeRef: 'tax_codes', TxnTaxCodeRef: 'tax_codes', DefaultTaxCodeRef: 'tax_codes', SalesTaxCodeRef: 'tax_codes',
  PurchaseTaxCodeRef: 'tax_codes', TaxGroupCodeRef: 'tax_codes',
  TaxRateRef: 'tax_rates',
  EmployeeRef: 'employees',
  CustomerTypeRef: 'customer_types',
  JournalCodeRef: 'journal_codes',
  AgencyRef: 'tax_agencies',
};

/** Every `*AccountRef` (AccountRef, APAccountRef, DepositToAccountRef, IncomeAccountRef, ...) names an account. */
export function refTarget(field: string, stream: string, topLevel: boolean): string | undefined {
  if (field === 'ParentRef') return topLevel ? stream : undefined; // sub-customers, sub-accounts, ... of the same list
  return REF_TARGETS[field] ?? (/AccountRef$/.test(field) ? 'accounts' : undefined);
}

/** LinkedTxn.TxnType values Intuit documents per stream (TxnType is a free string in the schema). */
export const LINKED_TXN_TYPES: Readonly<Record<string, readonly string[]>> = {
  payments: ['Invoice', 'CreditMemo', 'JournalEntry'],
  bill_payments: ['Bill', 'VendorCredit', 'JournalEntry'],
  invoices: ['Estimate', 'TimeActivity', 'Payment'],
  bills: ['PurchaseOrder', 'BillPaymentCheck'],
  deposits: ['Payment', 'SalesReceipt', 'RefundReceipt', 'JournalEntry', 'Transfer'],
  estimates: ['Invoice'],
  purchase_orders: ['Bill'],
  purchases: ['PurchaseOrder'],
  reimburse_charges: ['Invoice'],
};

/** Streams whose lines are item lines (Intuit's DetailType per entity); the diagram draws their `Line[].*.ItemRef`. */
export const ITEM_LINE_STREAMS = new Set([
  'invoices', 'estimates', 'credit_memos', 'sales_receipts', 'refund_receipts', 'bills', 'purchases', 'purchase_orders', 'vendor_credits',
]);

export const TXN_TYPE_STREAMS: Readonly<Record<string, string>> = {
  Invoice: 'invoices', CreditMemo: 'credit_memos', JournalEntry: 'journal_entries', Bill: 'bills', VendorCredit: 'vendor_credits',
  Estimate: 'estimates', TimeActivity: 'time_activities', Payment: 'payments', PurchaseOrder: 'purchase_orders',
  BillPaymentCheck: 'bill_payments', SalesReceipt: 'sales_receipts', RefundReceipt: 'refund_receipts', Transfer: 'transfers',
};

export interface Reference {
  from: string;
  to: string;
  /** Ref field names, or `LinkedTxn: <TxnType>`. */
  via: string[];
  linked: boolean;
  /** The Refs of `via` that are fields of the record itself (not only of a nested line or detail). */
  topVia: string[];
}

/** The diagram's nodes: the name lists the brief calls main, and every transaction stream. */
export const MAIN_LISTS = new Set([
  'customers', 'vendors', 'items', 'accounts', 'classes', 'departments', 'terms', 'payment_methods', 'tax_codes', 'employees',
]);


/** Property names anywhere in a resolved schema, each with whether it is a top-level property. */
function propertyNames(schema: JsonObject): Map<string, boolean> {
  const names = new Map<string, boolean>();
  const seen = new Set<object>();
  const walk = (node: unknown, depth: number): void => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, depth));
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    const properties = node['properties'];
    if (isObject(properties)) {
      for (const [name, child] of Object.entries(properties)) {
        names.set(name, (names.get(name) ?? false) || depth === 0);
        walk(child, depth + 1);
      }
    }
    for (const key of ['items', 'anyOf', 'oneOf', 'allOf']) walk(node[key], depth + 1);
  };
  walk(schema, 0);
  return names;
}

export function references(registry: readonly EntityDef[], schemaOf: (stream: string) => JsonObject): Reference[] {
  const streams = new Set(registry.map((d) => d.stream));
  const out: Reference[] = [];
  for (const def of registry) {
    const names = propertyNames(schemaOf(def.stream));
    const byTarget = new Map<string, { via: string[]; topVia: string[] }>();
    for (const [name, topLevel] of names) {
      const to = name.endsWith('Ref') ? refTarget(name, def.stream, topLevel) : undefined;
      if (to === undefined || !streams.has(to)) continue;
      const entry = byTarget.get(to) ?? { via: [], topVia: [] };
      entry.via.push(name);
      if (topLevel) entry.topVia.push(name);
      byTarget.set(to, entry);
    }
    for (const [to, { via, topVia }] of [...byTarget].sort((a, b) => a[0].localeCompare(b[0]))) {
      out.push({ from: def.stream, to, via: via.sort(), linked: false, topVia: topVia.sort() });
    }
    if (names.has('LinkedTxn')) {
      for (const type of LINKED_TXN_TYPES[def.stream] ?? []) {
        const to = TXN_TYPE_STREAMS[type];
        if (to !== undefined && streams.has(to)) out.push({ from: def.stream, to, via: [`LinkedTxn: ${type}`], linked: true, topVia: [`LinkedTxn: ${type}`] });
      }
    }
  }
  return out;
}

function label(via: string[]): string {
  return via.length <= 3 ? via.join(', ') : `${via.slice(0, 3).join(', ')} +${via.length - 3}`;
}

export function entityRelationshipsDoc(registry: readonly EntityDef[], schemaOf: (stream: string) => JsonObject): string {
  const refs = references(registry, schemaOf);
  const kinds = new Map(registry.map((d) => [d.stream, d.kind]));
  const main = (stream: string): boolean => MAIN_LISTS.has(stream) || kinds.get(stream) === 'transaction';
  // The diagram: header-level refs between main streams (line-level ones would join every transaction to everything).
  const itemLines = (r: Reference): boolean => r.to === 'items' && ITEM_LINE_STREAMS.has(r.from) && r.via.includes('ItemRef');
  const drawn = refs.filter((r) => (r.topVia.length > 0 || itemLines(r)) && main(r.from) && main(r.to));
  const nodes = [...new Set(drawn.flatMap((r) => [r.from, r.to]))].sort();
  const lists = nodes.filter((n) => kinds.get(n) === 'name_list');
  const mermaid = [
    '```mermaid',
    'flowchart LR',
    ...drawn.map((r) =>
      r.topVia.length > 0
        ? `  ${r.from} ${r.linked ? '-.->' : '-->'}|"${label(r.topVia)}"| ${r.to}`
        : `  ${r.from} ==>|"Line ItemRef"| ${r.to}`,
    ),
    `  classDef list fill:#e8f0fe,stroke:#4a6fa5`,
    `  class ${lists.join(',')} list`,
    '```',
  ].join('\n');
  const rows = refs.map((r) => [`\`${r.from}\``, `\`${r.to}\``, r.via.map((v) => `\`${v}\``).join(', '), r.topVia.length > 0 ? 'record' : 'lines/details only']);
  return [
    '<!-- Generated by `npm run gen` (scripts/docs-entity-relationships.ts) from schemas/ and the entity registry; do not edit by hand. -->',
    '# How the QuickBooks streams reference each other',
    '',
    'A `...Ref` field holds the referenced record\'s `Id` in `value` (and its display name in `name`): join',
    '`invoices.CustomerRef.value = customers.Id`. The diagram shows the main streams and the Ref fields of the',
    'records themselves (solid arrows), and `LinkedTxn` entries (`TxnId` = the other transaction\'s `Id`) with the',
    '`TxnType` values Intuit documents (dashed), and the item lines of sales and purchase documents (thick). Blue nodes are name lists. The table below also lists refs found',
    'only inside lines and details (e.g. `Line[].SalesItemLineDetail.ItemRef`): `Line` is one shared type, so',
    'every transaction with lines carries every line detail\'s refs. Refs to things that are not streams here',
    '(`CurrencyRef`, `ProjectRef`, `SalesRepRef`, ...) are left out.',
    '',
    mermaid,
    '',
    '## Every reference',
    '',
    table(['from', 'to', 'via', 'where'], rows),
    '',
  ].join('\n');
}
