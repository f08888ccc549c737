import { describe, expect, it } from 'vitest';
import { createClock } from './clock.js';
import { ENTITIES } from './entities.js';
import { buildSources, GenContext, resolveCounts, type Scale } from './generator/index.js';
import { Company } from './store/company.js';
import { Timeline } from './store/timeline.js';
import { pacific } from './time.js';

const START = Date.parse('2024-06-15T12:00:00Z');

function company(seed: number, scale?: Scale): Company {
  const end = Math.floor(START / 1000) - 60;
  const ctx = new GenContext(seed, pacific, resolveCounts(scale), end - 730 * 86400, end);
  return new Company(buildSources(ctx), createClock(START, true), pacific);
}

const dump = (c: Company): string => c.entities().map((e) => JSON.stringify([...c.all(e)])).join('\n');

describe('sample company', () => {
  it('is deterministic: same seed, same bytes; another seed differs', () => {
    const a = dump(company(7));
    expect(dump(company(7))).toBe(a);
    expect(dump(company(8))).not.toBe(a);
  });

  it('has records for every entity except the read-only TaxClassification catalogue', () => {
    const c = company(1);
    for (const e of ENTITIES) {
      if (e.name === 'TaxClassification') continue;
      expect(c.count(e.name), e.name).toBeGreaterThanOrEqual(1);
    }
    expect(c.count('CompanyInfo')).toBe(1);
  });

  it('follows the QBO object conventions', () => {
    const c = company(1);
    const stamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[78]:00$/;
    for (const e of c.entities()) {
      for (const r0 of c.all(e)) {
        const r = c.table(e).view(r0);
        expect(r.domain, e).toBe('QBO');
        expect(r.sparse, e).toBe(false);
        expect(r.SyncToken, e).toMatch(/^\d+$/);
        const meta = r.MetaData as Record<string, string>;
        expect(meta.LastUpdatedTime, e).toMatch(stamp);
        if (e === 'ExchangeRate') expect(Object.keys(meta)).toEqual(['LastUpdatedTime']);
        else {
          expect(r.Id, e).toMatch(/^\d+$/);
          expect(meta.CreateTime, e).toMatch(stamp);
          expect(Date.parse(meta.CreateTime as string) <= Date.parse(meta.LastUpdatedTime as string), e).toBe(true);
        }
      }
    }
  });

  it('has the awkward names connectors must survive', () => {
    const names = [...company(1).all('Customer')].map((c) => c.DisplayName);
    expect(names).toEqual(expect.arrayContaining(["Amy's Bird Sanctuary", 'Café Zoë', '株式会社テスト']));
    const subs = [...company(1).all('Customer')].filter((c) => c.Job === true);
    expect(subs.length).toBeGreaterThan(0);
    expect(subs[0]).toHaveProperty('ParentRef.value');
    expect(String(subs[0]?.FullyQualifiedName)).toContain(':');
    const items = [...company(1).all('Item')];
    expect(items.some((i) => i.Type === 'Inventory' && !Number.isInteger(i.QtyOnHand))).toBe(true);
    expect(new Set(items.map((i) => i.Type))).toEqual(new Set(['Service', 'Inventory', 'NonInventory']));
  });

  it('balances journal entries and sales forms to the cent', () => {
    const c = company(3, 5);
    for (const je of c.all('JournalEntry')) {
      let debit = 0;
      let credit = 0;
      for (const l of je.Line as Array<{ Amount: number; JournalEntryLineDetail: { PostingType: string } }>) {
        if (l.JournalEntryLineDetail.PostingType === 'Debit') debit += Math.round(l.Amount * 100);
        else credit += Math.round(l.Amount * 100);
      }
      expect(debit).toBe(credit);
    }
    for (const inv of c.all('Invoice')) {
      const lines = inv.Line as Array<{ Amount: number; DetailType: string }>;
      const items = lines.filter((l) => l.DetailType === 'SalesItemLineDetail').reduce((a, l) => a + Math.round(l.Amount * 100), 0);
      const sub = lines.find((l) => l.DetailType === 'SubTotalLineDetail');
      const disc = lines.find((l) => l.DetailType === 'DiscountLineDetail');
      const tax = Math.round(((inv.TxnTaxDetail as { TotalTax: number }).TotalTax ?? 0) * 100);
      expect(Math.round((sub?.Amount ?? 0) * 100)).toBe(items);
      expect(Math.round((inv.TotalAmt as number) * 100)).toBe(items - Math.round((disc?.Amount ?? 0) * 100) + tax);
    }
  });

  it('links payments to existing invoices (and back), bill payments to bills', () => {
    const c = company(5, 3);
    for (const p of c.all('Payment')) {
      const line = (p.Line as Array<{ Amount: number; LinkedTxn: Array<{ TxnId: string; TxnType: string }> }>)[0];
      const link = line?.LinkedTxn[0];
      expect(link?.TxnType).toBe('Invoice');
      const inv = c.get('Invoice', String(link?.TxnId));
      expect(inv, `invoice ${String(link?.TxnId)}`).toBeDefined();
      expect(inv?.TotalAmt).toBe(p.TotalAmt);
      expect(inv?.Balance).toBe(0);
      expect(inv?.LinkedTxn).toEqual([{ TxnId: p.Id, TxnType: 'Payment' }]);
      expect(inv?.CustomerRef).toEqual(p.CustomerRef);
    }
    const paidInvoices = [...c.all('Invoice')].filter((i) => (i.LinkedTxn as unknown[]).length > 0).length;
    expect(paidInvoices).toBe(c.count('Payment'));
    for (const bp of c.all('BillPayment')) {
      const id = (bp.Line as Array<{ LinkedTxn: Array<{ TxnId: string }> }>)[0]?.LinkedTxn[0]?.TxnId;
      expect(c.get('Bill', String(id))?.TotalAmt).toBe(bp.TotalAmt);
    }
  });

  it('gives non-decreasing LastUpdatedTime in Id order, with same-second groups over 1000 at large scale', () => {
    const c = company(1);
    const times = [...c.all('Invoice')].map((i) => Date.parse((i.MetaData as { LastUpdatedTime: string }).LastUpdatedTime));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBeLessThan(times.length);
    const tl = new Timeline(1_000_000, 1_600_000_000, 1_660_000_000, 99);
    let run = 1;
    let longest = 1;
    let prev = tl.lut(0);
    for (let i = 1; i < 20_000; i++) {
      const t = tl.lut(i);
      expect(t).toBeGreaterThanOrEqual(prev);
      run = t === prev ? run + 1 : 1;
      longest = Math.max(longest, run);
      prev = t;
    }
    expect(longest).toBeGreaterThan(1000);
  });
});
