// What the schema scripts and tests need to know about streams, derived from the one entity list
// (src/streams/entity-registry.ts): adding an entity is a registry row + a schema + `npm run schemas:gen`.
import { ENTITY_REGISTRY, entityDef } from '../src/streams/entity-registry.js';

/** Entity streams and the QBO (XSD) type each one carries (the registry's query entity name). */
export const ENTITY_STREAMS: Readonly<Record<string, string>> = Object.fromEntries(ENTITY_REGISTRY.map((d) => [d.stream, d.entity]));

/**
 * Transactions QBO can hold as recurring templates. A RecurringTransaction query row is
 * `{"<Type>": {...}}`; the connector emits the inner object plus `RecurringTxnType`, so the
 * stream's schema is the union of these types' fields.
 */
export const RECURRING_TYPES = [
  'Bill', 'Invoice', 'Estimate', 'SalesReceipt', 'CreditMemo', 'Deposit', 'JournalEntry',
  'Purchase', 'PurchaseOrder', 'RefundReceipt', 'Transfer', 'VendorCredit',
] as const;

/** The stream's primary key as the registry declares it. */
export function primaryKeyOf(stream: string): string[][] {
  const def = entityDef(stream);
  if (def === undefined) throw new Error(`No entity registry row for stream ${JSON.stringify(stream)}`);
  return def.primaryKey;
}
