// Products and services: services, inventory items (decimal QtyOnHand) and non-inventory items.
import type { BaseSource } from '../store/source.js';
import { accountRef, ACCT } from './chart.js';
import { money, type GenContext } from './context.js';
import { sourceOf } from './lists.js';

export interface ItemTemplate {
  name: string;
  type: 'Service' | 'Inventory' | 'NonInventory';
  priceCents: number;
  costCents: number;
}

const ITEMS: readonly ItemTemplate[] = [
  { name: 'Services', type: 'Service', priceCents: 10_000, costCents: 0 },
  { name: 'Design', type: 'Service', priceCents: 7_500, costCents: 0 },
  { name: 'Installation', type: 'Service', priceCents: 5_000, costCents: 0 },
  { name: 'Gardening', type: 'Service', priceCents: 2_500, costCents: 0 },
  { name: 'Hours', type: 'Service', priceCents: 1_500, costCents: 0 },
  { name: 'Lighting', type: 'Service', priceCents: 4_250, costCents: 0 },
  { name: 'Pest Control', type: 'Service', priceCents: 3_500, costCents: 0 },
  { name: 'Trimming', type: 'Service', priceCents: 3_500, costCents: 0 },
  { name: 'Rock Fountain', type: 'Inventory', priceCents: 27_500, costCents: 12_500 },
  { name: 'Pump', type: 'Inventory', priceCents: 1_275, costCents: 1_000 },
  { name: 'Sprinkler Heads', type: 'Inventory', priceCents: 200, costCents: 75 },
  { name: 'Sprinkler Pipes', type: 'Inventory', priceCents: 400, costCents: 250 },
  { name: 'Concrete', type: 'NonInventory', priceCents: 950, costCents: 0 },
  { name: 'Rocks', type: 'NonInventory', priceCents: 2_250, costCents: 0 },
  { name: 'Sod', type: 'NonInventory', priceCents: 375, costCents: 0 },
  { name: 'Soil', type: 'NonInventory', priceCents: 1_000, costCents: 675 },
  { name: 'Garden Hose', type: 'NonInventory', priceCents: 1_999, costCents: 900 },
  { name: 'Maintenance & Repair', type: 'Service', priceCents: 6_000, costCents: 0 },
];

export function itemTemplate(i: number): ItemTemplate {
  const t = ITEMS[i];
  if (t) return t;
  const base = ITEMS[i % ITEMS.length] as ItemTemplate;
  return { ...base, name: `${base.name} ${i + 1}`, priceCents: base.priceCents + (i % 17) * 25 };
}

const inactive = (i: number): boolean => i === 16 || (i >= ITEMS.length && i % 11 === 0);

export function itemSources(ctx: GenContext): Map<string, BaseSource> {
  ctx.names.set('Item', (i) => (inactive(i) ? `${itemTemplate(i).name} (deleted)` : itemTemplate(i).name));
  const source = sourceOf(ctx, 'Item', (i, env) => {
    const t = itemTemplate(i);
    const r = ctx.rng('Item', i);
    const active = !inactive(i);
    const name = active ? t.name : `${t.name} (deleted)`;
    const inventory = t.type === 'Inventory';
    return {
      Name: name,
      Description: t.name,
      Active: active,
      FullyQualifiedName: name,
      Taxable: t.type !== 'Service',
      UnitPrice: money(t.priceCents),
      Type: t.type,
      IncomeAccountRef: accountRef(t.type === 'Service' ? ACCT.services : ACCT.productIncome),
      PurchaseDesc: t.name,
      PurchaseCost: money(t.costCents),
      ...(t.type !== 'Service' || t.costCents > 0 ? { ExpenseAccountRef: accountRef(ACCT.cogs) } : {}),
      ...(inventory
        ? {
            AssetAccountRef: accountRef(ACCT.inventory),
            TrackQtyOnHand: true,
            QtyOnHand: r.between(0, 400) / 4,
            InvStartDate: ctx.txnDate('Item', i),
          }
        : { TrackQtyOnHand: false }),
      ...env,
    };
  });
  return new Map([['Item', source]]);
}
