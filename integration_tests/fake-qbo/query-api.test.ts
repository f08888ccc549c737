import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeQbo, type FakeQbo } from './index.js';
import { handleReport } from './reports/index.js';
import { api, query, refresh } from './test-helpers.js';

let fake: FakeQbo;
let token: string;

beforeAll(async () => {
  fake = await startFakeQbo({ startTime: '2024-06-15T12:00:00Z', freezeClock: true });
  token = fake.issueAccessToken();
});
afterAll(() => fake.close());

const rows = (body: Record<string, unknown>, key: string): Array<Record<string, unknown>> =>
  ((body.QueryResponse as Record<string, unknown>)[key] ?? []) as Array<Record<string, unknown>>;

describe('query envelopes', () => {
  it('pages with maxResults = rows in the page, startPosition, no totalCount, server time with ms and offset', async () => {
    const r = await query(fake, token, 'SELECT * FROM Invoice STARTPOSITION 141 MAXRESULTS 20');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(r.headers.get('intuit_tid')).toMatch(/^1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    const body = r.json();
    expect(Object.keys(body)).toEqual(['QueryResponse', 'time']);
    expect(Object.keys(body.QueryResponse as object)).toEqual(['Invoice', 'startPosition', 'maxResults']);
    expect(body.QueryResponse).toMatchObject({ startPosition: 141, maxResults: 10 });
    expect(rows(body, 'Invoice').map((x) => x.Id)).toEqual(['141', '142', '143', '144', '145', '146', '147', '148', '149', '150']);
    expect(body.time).toBe('2024-06-15T05:00:00.000-07:00');
  });

  it('returns {"QueryResponse":{}} past the end and COUNT as totalCount only', async () => {
    expect((await query(fake, token, 'SELECT * FROM Invoice STARTPOSITION 151')).json()).toEqual({
      QueryResponse: {},
      time: '2024-06-15T05:00:00.000-07:00',
    });
    expect((await query(fake, token, 'select count(*) from Invoice')).json()).toEqual({
      QueryResponse: { totalCount: 150 },
      time: '2024-06-15T05:00:00.000-07:00',
    });
  });

  it('defaults MAXRESULTS to 100, caps it at 1000, rejects 0 with the real 4001 text', async () => {
    expect(rows((await query(fake, token, 'SELECT * FROM Invoice')).json(), 'Invoice')).toHaveLength(100);
    const capped = await query(fake, token, 'SELECT * FROM Customer WHERE Active IN (true,false) MAXRESULTS 5000');
    expect(rows(capped.json(), 'Customer')).toHaveLength(40);
    const zero = await query(fake, token, 'SELECT * FROM Invoice MAXRESULTS 0');
    expect(zero.status).toBe(400);
    expect(zero.headers.get('content-type')).toBe('application/json');
    expect(zero.json().Fault).toEqual({
      Error: [{ Message: 'Invalid query', Detail: 'QueryValidationError: value 0 is too small. Min allowed value is 1', code: '4001' }],
      type: 'ValidationFault',
    });
  });

  it('accepts POST with application/text, minorversion and lower-case entity names', async () => {
    const r = await api(fake, token, 'query?minorversion=75', {
      method: 'POST',
      headers: { 'Content-Type': 'application/text' },
      body: "select * from customer where DisplayName = 'Amy\\'s Bird Sanctuary'",
    });
    expect(rows(r.json(), 'Customer').map((c) => c.DisplayName)).toEqual(["Amy's Bird Sanctuary"]);
  });

  it('orders by Id numerically by default and honours ORDERBY on other fields', async () => {
    const ids = rows((await query(fake, token, 'SELECT * FROM Customer WHERE Active IN (true,false) MAXRESULTS 12')).json(), 'Customer').map((c) => c.Id);
    expect(ids).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    const byName = rows((await query(fake, token, 'SELECT * FROM Item ORDERBY Name DESC MAXRESULTS 3')).json(), 'Item').map((c) => c.Name);
    const sorted = [...fake.company.all('Item')].filter((i) => i.Active).map((i) => String(i.Name)).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? 1 : -1));
    expect(byName).toEqual(sorted.slice(0, 3));
  });
});

describe('index plans', () => {
  it('serves ORDERBY LastUpdatedTime, Id from the time index, in the same order as the single term', async () => {
    const where = "WHERE MetaData.LastUpdatedTime >= '2000-01-01T00:00:00Z' ORDERBY MetaData.LastUpdatedTime";
    const before = fake.stats.plans['lut-index'] ?? 0;
    const two = rows((await query(fake, token, `SELECT * FROM Invoice ${where}, Id STARTPOSITION 40 MAXRESULTS 30`)).json(), 'Invoice');
    const one = rows((await query(fake, token, `SELECT * FROM Invoice ${where} STARTPOSITION 40 MAXRESULTS 30`)).json(), 'Invoice');
    expect(two.map((r) => r.Id)).toEqual(one.map((r) => r.Id));
    expect((fake.stats.plans['lut-index'] ?? 0) - before).toBe(2);
  });
});

describe('batch', () => {
  it('answers query items in one 200, faults per item, in request order', async () => {
    const r = await api(fake, token, 'batch?minorversion=75', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        BatchItemRequest: [
          { bId: 'a', Query: 'SELECT * FROM Term' },
          { bId: 'b', Query: 'SELECT * FROM Custmoer' },
          { bId: 'c', Query: 'SELECT COUNT(*) FROM Account' },
        ],
      }),
    });
    expect(r.status).toBe(200);
    type Item = { bId: string; QueryResponse?: { Term?: unknown[]; totalCount?: number }; Fault?: { Error: Array<{ code: string }> } };
    const items = r.json().BatchItemResponse as Item[];
    expect(items.map((i) => i.bId)).toEqual(['a', 'b', 'c']);
    const activeTerms = [...fake.company.all('Term')].filter((t) => t.Active !== false).length;
    expect(items[0]?.QueryResponse?.Term).toHaveLength(activeTerms);
    expect(items[1]?.Fault?.Error[0]?.code).toBe('4001');
    expect(items[2]?.QueryResponse?.totalCount).toBeGreaterThan(0);
  });

  it('rejects more than 30 items', async () => {
    const r = await api(fake, token, 'batch', {
      method: 'POST',
      body: JSON.stringify({ BatchItemRequest: Array.from({ length: 31 }, (_, i) => ({ bId: String(i), Query: 'SELECT * FROM Term' })) }),
    });
    expect(r.status).toBe(400);
  });
});

describe('name lists and Active', () => {
  it('return only active records unless the WHERE mentions Active', async () => {
    const all = [...fake.company.all('Customer')];
    const active = all.filter((c) => c.Active === true);
    expect(active.length).toBeLessThan(all.length);
    expect((await query(fake, token, 'SELECT COUNT(*) FROM Customer')).json().QueryResponse).toEqual({ totalCount: active.length });
    expect((await query(fake, token, 'SELECT COUNT(*) FROM Customer WHERE Active IN (true, false)')).json().QueryResponse).toEqual({ totalCount: all.length });
    expect((await query(fake, token, 'SELECT COUNT(*) FROM Customer WHERE Active = false')).json().QueryResponse).toEqual({ totalCount: all.length - active.length });
  });

  it('a deactivated record disappears from the default query and keeps its Id', async () => {
    const before = (await query(fake, token, "SELECT * FROM Vendor WHERE Id = '2'")).json();
    expect(rows(before, 'Vendor')).toHaveLength(1);
    fake.company.deactivate('Vendor', '2');
    expect((await query(fake, token, "SELECT * FROM Vendor WHERE Id = '2'")).json().QueryResponse).toEqual({});
    const inactive = rows((await query(fake, token, "SELECT * FROM Vendor WHERE Id IN ('2') AND Active = false")).json(), 'Vendor');
    expect(inactive[0]).toMatchObject({ Id: '2', Active: false, DisplayName: 'Cal Telephone (deleted)', SyncToken: '1' });
  });
});

describe('query faults', () => {
  it.each([
    ['SELECT * FROM Custmoer', '4001', 'QueryValidationError: invalid context declaration: Custmoer'],
    ['SELECT * FROM Invoice WHERE Bogus = 1', '4001', "QueryValidationError: property 'Bogus' is not queryable"],
    ["SELECT * FROM Invoice WHERE PrivateNote = 'x'", '4001', "QueryValidationError: property 'PrivateNote' is not queryable"],
    ["SELECT * FROM Invoice WHERE MetaData.Foo = 'x'", '4001', "QueryValidationError: property 'MetaData.Foo' is not queryable"],
    ["SELECT * FROM Invoice WHERE Id > '3'", '4001', undefined],
    ['SELECT * FROM TaxClassification', '4001', 'QueryValidationError: invalid context declaration: TaxClassification'],
    ['SELECT * FROM Invoice WHERE', '4000', undefined],
  ])('%s -> %s', async (q, code, detail) => {
    const r = await query(fake, token, q);
    expect(r.status).toBe(400);
    const err = (r.json().Fault as { Error: Array<Record<string, string>> }).Error[0];
    expect(err?.code).toBe(code);
    if (detail !== undefined) expect(err?.Detail).toBe(detail);
  });
});

describe('special entities and reads', () => {
  it('custom fields: three by default, all with include=enhancedAllCustomFields', async () => {
    const plain = rows((await query(fake, token, "SELECT * FROM Invoice WHERE Id = '1'")).json(), 'Invoice')[0];
    const full = rows((await query(fake, token, "SELECT * FROM Invoice WHERE Id = '1'", '&include=enhancedAllCustomFields')).json(), 'Invoice')[0];
    expect(plain?.CustomField).toHaveLength(3);
    expect(full?.CustomField).toHaveLength(5);
  });

  it('RecurringTransaction rows wrap the template transaction', async () => {
    const list = rows((await query(fake, token, 'SELECT * FROM RecurringTransaction')).json(), 'RecurringTransaction');
    expect(list.length).toBe(5);
    for (const row of list) {
      const [kind, inner] = Object.entries(row)[0] as [string, Record<string, unknown>];
      expect(['Bill', 'Invoice']).toContain(kind);
      expect(inner).toHaveProperty('RecurringInfo.RecurType', 'Automated');
      expect(inner).toHaveProperty('MetaData.LastUpdatedTime');
    }
  });

  it('ExchangeRate has no Id and MetaData with only LastUpdatedTime; /exchangerate answers by currency and date', async () => {
    const list = rows((await query(fake, token, "SELECT * FROM ExchangeRate WHERE SourceCurrencyCode = 'EUR'")).json(), 'ExchangeRate');
    expect(list.length).toBe(6);
    for (const r of list) {
      expect(r).not.toHaveProperty('Id');
      expect(Object.keys(r.MetaData as object)).toEqual(['LastUpdatedTime']);
    }
    const last = list[list.length - 1] as Record<string, unknown>;
    const one = (await api(fake, token, 'exchangerate?sourcecurrencycode=EUR')).json();
    expect(one.ExchangeRate).toEqual(last);
    const older = (await api(fake, token, `exchangerate?sourcecurrencycode=EUR&asofdate=${String(list[0]?.AsOfDate)}`)).json();
    expect(older.ExchangeRate).toEqual(list[0]);
  });

  it('serves CompanyInfo and Preferences as singletons, by endpoint and by query', async () => {
    const info = (await api(fake, token, `companyinfo/${fake.realmId}`)).json();
    expect(info).toHaveProperty('CompanyInfo.CompanyName');
    expect(rows((await query(fake, token, 'SELECT * FROM CompanyInfo')).json(), 'CompanyInfo')).toEqual([info.CompanyInfo]);
    const prefs = (await api(fake, token, 'preferences')).json();
    expect(prefs).toHaveProperty('Preferences.CurrencyPrefs.HomeCurrency.value', 'USD');
    expect(rows((await query(fake, token, 'select * from preferences')).json(), 'Preferences')).toEqual([prefs.Preferences]);
  });

  it('reads by Id; a hard-deleted record then gives 610 Object Not Found', async () => {
    const read = (await api(fake, token, 'bill/5')).json();
    expect(read.Bill).toEqual(fake.company.get('Bill', '5'));
    fake.company.hardDelete('Bill', '5');
    const gone = await api(fake, token, 'bill/5');
    expect(gone.status).toBe(400);
    expect((gone.json().Fault as { Error: Array<{ code: string }> }).Error[0]?.code).toBe('610');
    const cc = (await api(fake, token, 'creditcardpayment/1')).json();
    expect(cc).toHaveProperty('CreditCardPaymentTxn.Id', '1');
  });

  it('TaxClassification is read-only through /taxclassification', async () => {
    const all = (await api(fake, token, 'taxclassification')).json();
    const list = (all.QueryResponse as { TaxClassification: Array<{ id: string }> }).TaxClassification;
    expect(list.length).toBeGreaterThanOrEqual(3);
    const children = (await api(fake, token, 'taxclassification/V1-00100000/children')).json();
    expect((children.QueryResponse as { TaxClassification: unknown[] }).TaxClassification).toHaveLength(2);
  });

  it('unknown paths give the 400 Unsupported Operation fault', async () => {
    const r = await api(fake, token, 'customer/1/5');
    expect(r.status).toBe(400);
    expect((r.json().Fault as { Error: Array<{ code: string }> }).Error[0]?.code).toBe('500');
  });

  it('works with a token obtained from the token endpoint', async () => {
    const t = await refresh(fake, fake.refreshToken);
    const r = await query(fake, String(t.body.access_token), 'SELECT COUNT(*) FROM Account');
    expect(r.json().QueryResponse).toEqual({ totalCount: 39 });
  });

  it('delegates /reports/{name} to handleReport with the live company', async () => {
    const r = await api(fake, token, 'reports/TrialBalance?start_date=2024-01-01&end_date=2024-06-30');
    const direct = handleReport('TrialBalance', new URLSearchParams('start_date=2024-01-01&end_date=2024-06-30'), (e) => fake.company.all(e));
    expect(r.status).toBe(direct.status);
    expect(Object.keys(r.json()).sort()).toEqual(Object.keys(direct.body).sort());
  });
});
