// The sample company: record counts per entity and the generated sources of all entities.
import { entityByNameOrStream, ENTITIES } from '../entities.js';
import type { BaseSource } from '../store/source.js';
import { GenContext } from './context.js';
import { itemSources } from './items.js';
import { FIXED_COUNTS, listSources } from './lists.js';
import { otherSources } from './other.js';
import { peopleSources } from './people.js';
import { purchaseSources } from './purchases.js';
import { salesSources } from './sales.js';
import { settingsSources } from './settings.js';

/** Default counts of the entities that grow with `scale` (fixed lists come from FIXED_COUNTS). */
export const DEFAULT_COUNTS: Readonly<Record<string, number>> = {
  Customer: 40,
  Vendor: 24,
  Employee: 8,
  Item: 18,
  Invoice: 150,
  Payment: 90,
  Bill: 60,
  BillPayment: 40,
  JournalEntry: 30,
  Purchase: 60,
  Deposit: 20,
  Transfer: 12,
  SalesReceipt: 40,
  Estimate: 30,
  CreditMemo: 12,
  RefundReceipt: 8,
  VendorCredit: 10,
  PurchaseOrder: 15,
  TimeActivity: 40,
  Attachable: 12,
  RecurringTransaction: 5,
  CreditCardPaymentTxn: 6,
  ReimburseCharge: 6,
  TaxPayment: 4,
};

/** Scale: a multiplier of DEFAULT_COUNTS, or absolute counts keyed by entity or stream name. */
export type Scale = number | Readonly<Record<string, number>>;

export function resolveCounts(scale: Scale | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [k, v] of Object.entries(FIXED_COUNTS)) counts.set(k, v);
  const mult = typeof scale === 'number' ? scale : 1;
  for (const [k, v] of Object.entries(DEFAULT_COUNTS)) counts.set(k, Math.max(1, Math.round(v * mult)));
  if (scale !== undefined && typeof scale === 'object') {
    for (const [key, n] of Object.entries(scale)) {
      const def = entityByNameOrStream(key);
      if (!def) throw new Error(`fake-qbo: unknown scale key ${key}`);
      if (def.fixed) throw new Error(`fake-qbo: ${def.name} is a fixed list and cannot be scaled`);
      counts.set(def.name, Math.max(1, Math.floor(n)));
    }
  }
  // Payment i pays invoice floor(i*N/P) in full; at most one payment per invoice (same for bills).
  counts.set('Payment', Math.min(counts.get('Payment') ?? 0, counts.get('Invoice') ?? 0));
  counts.set('BillPayment', Math.min(counts.get('BillPayment') ?? 0, counts.get('Bill') ?? 0));
  for (const e of ENTITIES) if (!counts.has(e.name) && e.name !== 'TaxClassification') counts.set(e.name, 0);
  return counts;
}

export function buildSources(ctx: GenContext): Map<string, BaseSource> {
  return new Map([
    ...listSources(ctx),
    ...peopleSources(ctx),
    ...itemSources(ctx),
    ...salesSources(ctx),
    ...purchaseSources(ctx),
    ...otherSources(ctx),
    ...settingsSources(ctx),
  ]);
}

export { GenContext };
