import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeQbo, type FakeQbo } from './index.js';
import { api } from './test-helpers.js';

const START = Date.parse('2024-06-15T12:00:00Z');
let fake: FakeQbo;
let token: string;

beforeAll(async () => {
  fake = await startFakeQbo({ startTime: START, freezeClock: true });
  token = fake.issueAccessToken(10 * 86400 * 1000);
});
afterAll(() => fake.close());

const cdc = (entities: string, since: string) => api(fake, token, `cdc?entities=${entities}&changedSince=${encodeURIComponent(since)}&minorversion=75`);

type Group = Record<string, unknown>;
const groups = (body: Record<string, unknown>): Group[] =>
  ((body.CDCResponse as Array<{ QueryResponse: Group[] }>)[0] as { QueryResponse: Group[] }).QueryResponse;

describe('cdc', () => {
  it('answers [{}] when nothing changed', async () => {
    const r = await cdc('Invoice,Customer', '2024-06-15T04:59:30-07:00');
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ CDCResponse: [{ QueryResponse: [{}] }], time: '2024-06-15T05:00:00.000-07:00' });
  });

  it('lists changes per entity in LastUpdatedTime order, deletions after the live objects, inactive name-list records included', async () => {
    fake.clock.advance(60_000);
    fake.company.update('Invoice', '3', { PrivateNote: 'changed' });
    fake.company.hardDelete('Invoice', '4');
    fake.clock.advance(1000);
    fake.company.update('Invoice', '2', { PrivateNote: 'changed again' });
    fake.company.deactivate('Customer', '4');
    const r = await cdc('invoice,Customer', '2024-06-15T05:00:30-07:00');
    const [inv, cust] = groups(r.json());
    expect(Object.keys(inv ?? {})).toEqual(['Invoice', 'startPosition', 'maxResults']);
    const list = (inv?.Invoice ?? []) as Array<Record<string, unknown>>;
    expect(list.map((o) => o.Id)).toEqual(['3', '2', '4']);
    expect(inv?.maxResults).toBe(3);
    expect(list[2]).toEqual({ domain: 'QBO', status: 'Deleted', Id: '4', MetaData: { LastUpdatedTime: '2024-06-15T05:01:00-07:00' } });
    expect(list[0]).toMatchObject({ SyncToken: expect.any(String), PrivateNote: 'changed', MetaData: { LastUpdatedTime: '2024-06-15T05:01:00-07:00' } });
    expect(cust?.Customer).toEqual([expect.objectContaining({ Id: '4', Active: false })]);
  });

  it('caps each entity at 1000 objects (first 1000 by LastUpdatedTime)', async () => {
    const since = new Date(fake.clock.now() + 1000).toISOString();
    fake.clock.advance(5000);
    for (let i = 0; i < 1005; i++) fake.company.update('Invoice', String((i % 140) + 5), { PrivateNote: `n${i}` });
    for (let i = 0; i < 3; i++) fake.company.update('Bill', String(10 + i), { PrivateNote: 'x' });
    const [inv, bill] = groups((await cdc('Invoice,Bill', since)).json());
    expect(inv?.maxResults).toBe(140);
    expect(bill?.maxResults).toBe(3);
    const created: string[] = [];
    for (let i = 0; i < 1001; i++) created.push(String(fake.company.create('Payment', { TotalAmt: i, Line: [] }).Id));
    const [pay] = groups((await cdc('Payment', since)).json());
    expect(pay?.maxResults).toBe(1000);
    expect((pay?.Payment as Array<{ Id: string }>).map((p) => p.Id)).toEqual(created.slice(0, 1000));
  });

  it('refuses changedSince older than 30 days with the reported message', async () => {
    const r = await cdc('Invoice', '2024-05-01T00:00:00-07:00');
    expect(r.status).toBe(400);
    const err = (r.json().Fault as { Error: Array<Record<string, string>> }).Error[0];
    expect(err?.Detail).toBe('Operation cdc with changedSince date 2024-05-01T00:00:00-07:00 which is older than fixed days is not supported.');
    expect((await cdc('Invoice', '2024-05-20')).status).toBe(200);
  });

  it.each(['TimeActivity', 'TaxAgency', 'TaxCode', 'TaxRate', 'JournalCode', 'CompanyInfo', 'Preferences', 'ExchangeRate', 'TaxClassification', 'RecurringTransaction', 'Nonsense'])(
    'rejects %s',
    async (entity) => {
      const r = await cdc(`Invoice,${entity}`, '2024-06-10');
      expect(r.status).toBe(400);
      expect(r.json()).toHaveProperty('Fault.Error.0.code', '2010');
    },
  );

  it.each(['CustomerType', 'ReimburseCharge', 'TaxPayment', 'CreditCardPayment', 'CompanyCurrency'])('serves %s (Intuit documents CDC for it)', async (entity) => {
    expect((await cdc(`Invoice,${entity}`, '2024-06-10')).status).toBe(200);
  });

  it('rejects what knobs.cdcRejects names, naming it in the Detail', async () => {
    fake.setKnobs({ cdcRejects: ['CreditCardPayment'] });
    try {
      const r = await cdc('Invoice,CreditCardPayment', '2024-06-10');
      expect(r.status).toBe(400);
      expect(r.json()).toHaveProperty('Fault.Error.0.code', '2010');
      expect(JSON.stringify(r.json())).toContain('CreditCardPaymentTxn');
    } finally {
      fake.setKnobs({ cdcRejects: [] });
    }
  });

  it('requires entities and changedSince', async () => {
    expect((await api(fake, token, 'cdc?changedSince=2024-06-10')).status).toBe(400);
    expect((await api(fake, token, 'cdc?entities=Invoice')).status).toBe(400);
  });

  it('has recent generated changes so a default company gives a non-empty CDC', async () => {
    const fresh = await startFakeQbo({ startTime: START, freezeClock: true });
    try {
      const t = fresh.issueAccessToken();
      const r = await api(fresh, t, `cdc?entities=Invoice,Customer,Bill&changedSince=2024-05-20`);
      const g = groups(r.json());
      expect(g.length).toBe(3);
      for (const grp of g) {
        const [, list] = Object.entries(grp)[0] as [string, Array<{ MetaData: { LastUpdatedTime: string } }>];
        const times = list.map((o) => Date.parse(o.MetaData.LastUpdatedTime));
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }
    } finally {
      await fresh.close();
    }
  });
});
