import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, SystemError } from '../../src/cdk/core/errors.js';
import { recordValue } from '../../src/cdk/core/raw-record.js';
import { loadSpec, parseConfig } from '../../src/config.js';
import { QboClient, createQboClient, parseCdcResponse, parseQueryResponse } from '../../src/qbo/client.js';
import { QboQueryError } from '../../src/qbo/qbo-errors.js';
import { QboHttpClient } from '../../src/qbo/http-client.js';
import { createRequestLimiter, resetRealmLimiters } from '../../src/qbo/request-limiter.js';
import type { RefreshedTokens } from '../../src/qbo/token-manager.js';
import { API, COMPANY, REALM, fakeTokens, recordingLogger, recordingSleep, samples, HTTP_SETTINGS, apiRetry } from './support.js';

function qbo() {
  const http = new QboHttpClient({ ...HTTP_SETTINGS, retry: apiRetry({ sleep: recordingSleep() }), tokens: fakeTokens(), limiter: createRequestLimiter(), logger: recordingLogger() });
  return { client: new QboClient({ realmId: REALM, baseUrl: `${API}/`, http, tokenRefreshes: () => 7 }), http };
}

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  resetRealmLimiters();
});

describe('QboClient.query', () => {
  it('GETs /query with the urlencoded query, enhancedAllCustomFields and minorversion, and parses the page', async () => {
    const q = "SELECT * FROM Customer WHERE Metadata.LastUpdatedTime > '2020-01-01T00:00:00-07:00' ORDERBY Metadata.LastUpdatedTime MAXRESULTS 1000";
    let rawPath = '';
    nock(API)
      .get(`${COMPANY}/query`)
      .query({ query: q, include: 'enhancedAllCustomFields', minorversion: '75' })
      .reply(200, function () {
        rawPath = this.req.path;
        return samples.customerPage;
      });
    const { client } = qbo();
    const page = await client.query(q);
    expect(rawPath).toContain('query=SELECT');
    expect(rawPath).not.toContain(' ');
    // Plain records come as stubs over the page's bytes (cdk/raw-record.ts); recordValue is the record.
    expect({ ...page, rows: page.rows.map(recordValue) }).toEqual({
      entity: 'Customer',
      rows: samples.customerPage.QueryResponse.Customer,
      startPosition: 1,
      maxResults: 2,
      totalCount: undefined,
      time: '2020-09-29T06:04:23.783-07:00',
    });
  });

  it('POSTs the query as application/text when the URL would be too long', async () => {
    const q = `SELECT * FROM Invoice WHERE Id IN (${Array.from({ length: 600 }, (_, i) => `'${i}'`).join(',')})`;
    let body = '';
    nock(API)
      .post(`${COMPANY}/query`, (b) => {
        body = typeof b === 'string' ? b : JSON.stringify(b);
        return true;
      })
      .query({ include: 'enhancedAllCustomFields', minorversion: '75' })
      .matchHeader('content-type', 'application/text')
      .reply(200, { QueryResponse: { Invoice: [{ Id: '1' }], startPosition: 1, maxResults: 1 }, time: 't' });
    const page = await qbo().client.query(q);
    expect(body).toBe(q);
    expect(page.entity).toBe('Invoice');
  });

  it('empty page: {"QueryResponse":{}} -> no entity, no rows', async () => {
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, { QueryResponse: {}, time: '2020-09-29T06:04:50.776-07:00' });
    expect(await qbo().client.query('SELECT * FROM Vendor STARTPOSITION 7')).toEqual({
      entity: undefined,
      rows: [],
      startPosition: undefined,
      maxResults: undefined,
      totalCount: undefined,
      time: '2020-09-29T06:04:50.776-07:00',
    });
  });

  it('COUNT(*) -> totalCount', async () => {
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, { QueryResponse: { totalCount: 41 }, time: 'x' });
    const page = await qbo().client.query('SELECT COUNT(*) FROM Customer');
    expect(page.totalCount).toBe(41);
    expect(page.entity).toBeUndefined();
    expect(page.rows).toEqual([]);
  });

  it('a 4001 fault names the query', async () => {
    nock(API).get(`${COMPANY}/query`).query(true).reply(400, samples.invalidQuery4001, { intuit_tid: 'tid-q' });
    const error = await qbo().client.query('SELECT * FROM Custmoer').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QboQueryError);
    expect((error as Error).message).toContain('"SELECT * FROM Custmoer"');
    expect((error as Error).message).toContain('intuit_tid=tid-q');
  });

  it('a body without QueryResponse is a SystemError', () => {
    expect(() => parseQueryResponse({ time: 'x' }, 'SELECT 1')).toThrow(SystemError);
  });
});

describe('QboClient.cdc', () => {
  it('GETs /cdc with entities and changedSince and merges repeated keys in order', async () => {
    nock(API)
      .get(`${COMPANY}/cdc`)
      .query({ entities: 'Invoice,Customer', changedSince: '2025-05-01T00:00:00-07:00', minorversion: '75', include: 'enhancedAllCustomFields' })
      .reply(200, {
        CDCResponse: [
          {
            QueryResponse: [
              { Invoice: [{ Id: '1' }, { Id: '2' }], startPosition: 1, maxResults: 2 },
              { Customer: [{ Id: '9' }], startPosition: 1, maxResults: 1 },
              { Invoice: [{ domain: 'QBO', status: 'Deleted', Id: '3', MetaData: { LastUpdatedTime: '2025-05-02T10:00:00-07:00' } }] },
              {},
            ],
          },
        ],
        time: '2025-05-03T08:02:53.512-07:00',
      });
    const result = await qbo().client.cdc(['Invoice', 'Customer'], '2025-05-01T00:00:00-07:00');
    expect([...result.entities.keys()]).toEqual(['Invoice', 'Customer']);
    expect(result.entities.get('Invoice')?.map((o) => o['Id'])).toEqual(['1', '2', '3']);
    expect(result.entities.get('Customer')).toEqual([{ Id: '9' }]);
    expect(result.time).toBe('2025-05-03T08:02:53.512-07:00');
  });

  it('tolerates [{}] for no changes', () => {
    const result = parseCdcResponse({ CDCResponse: [{ QueryResponse: [{}] }], time: 't' });
    expect(result.entities.size).toBe(0);
    expect(result.time).toBe('t');
  });

  it('a Fault inside the CDC response is raised (and a throttle retried)', async () => {
    nock(API)
      .get(`${COMPANY}/cdc`)
      .query(true)
      .reply(200, { CDCResponse: [{ QueryResponse: [samples.throttleJson] }] })
      .get(`${COMPANY}/cdc`)
      .query(true)
      .reply(200, { CDCResponse: [{ QueryResponse: [{ Fault: samples.invalidId2030.Fault }] }] });
    const { client, http } = qbo();
    await expect(client.cdc(['Invoice'], '2025-05-01')).rejects.toThrow(/fault 2030/);
    expect(http.stats.throttled).toBe(1);
  });

  it('a body without CDCResponse is a SystemError', () => {
    expect(() => parseCdcResponse({})).toThrow(SystemError);
  });
});

describe('QboClient.get and stats', () => {
  it('GETs a company path with params and exposes live stats', async () => {
    nock(API)
      .get(`${COMPANY}/reports/ProfitAndLoss`)
      .query({ start_date: '2025-01-01', minorversion: '75' })
      .reply(503, '')
      .get(`${COMPANY}/reports/ProfitAndLoss`)
      .query({ start_date: '2025-01-01', minorversion: '75' })
      .reply(200, { Header: { ReportName: 'ProfitAndLoss' } });
    const { client } = qbo();
    expect(await client.get('/reports/ProfitAndLoss', { start_date: '2025-01-01' })).toEqual({ Header: { ReportName: 'ProfitAndLoss' } });
    expect({ ...client.stats }).toEqual({ requests: 2, retries: 1, throttled: 0, tokenRefreshes: 7 });
  });
});

describe('createQboClient', () => {
  const base = parseConfig({
    realm_id: REALM,
    sandbox: true,
    client_id: 'cid',
    client_secret: 'csecret',
    refresh_token: 'rt-0',
    start_date: '2024-01-01T00:00:00Z',
    minor_version: 75,
    max_concurrent_requests: 3,
    requests_per_minute: 100,
    request_timeout_seconds: 30,
    max_retries: 2,
  });

  it('builds the stack from config: env overrides, refresh persisted, stats wired', async () => {
    const persisted: RefreshedTokens[] = [];
    nock('http://127.0.0.1:4010').post('/token').reply(200, { access_token: 'at-1', refresh_token: 'rt-1', expires_in: 3600 });
    nock('http://127.0.0.1:4009')
      .get(`${COMPANY}/companyinfo/${REALM}`)
      .query({ minorversion: '75' })
      .matchHeader('authorization', 'Bearer at-1')
      .reply(200, { CompanyInfo: { Id: '1' } });
    const stack = createQboClient(base, {
      logger: recordingLogger(),
      env: { QBO_BASE_URL: 'http://127.0.0.1:4009', QBO_TOKEN_URL: 'http://127.0.0.1:4010/token' },
      onRefresh: async (t) => void persisted.push(t),
    });
    expect(stack.endpoints).toEqual({ baseUrl: 'http://127.0.0.1:4009', tokenUrl: 'http://127.0.0.1:4010/token' });
    await stack.client.get(`companyinfo/${REALM}`);
    expect(persisted.map((t) => t.refreshToken)).toEqual(['rt-1']);
    expect(stack.client.stats.tokenRefreshes).toBe(1);
    expect(stack.client.stats.requests).toBe(1);
  });

  it('uses the sandbox host and the shared realm limiter', () => {
    const stack = createQboClient(base, { logger: recordingLogger(), env: {}, onRefresh: async () => {} });
    expect(stack.endpoints.baseUrl).toBe('https://sandbox-quickbooks.api.intuit.com');
    const again = createQboClient(base, { logger: recordingLogger(), env: {}, onRefresh: async () => {} });
    expect(again.limiter).toBe(stack.limiter);
  });

  it('reads the pre-4.0 credentials object (through parseConfig) when top-level fields are missing', async () => {
    nock('http://localhost:4010').post('/token').reply(200, { access_token: 'at-9', refresh_token: 'rt-9', expires_in: 3600 });
    const legacy = parseConfig({
      credentials: { realm_id: REALM, client_id: 'c', client_secret: 's', refresh_token: 'legacy-rt' },
      start_date: '2024-01-01T00:00:00Z',
    });
    const stack = createQboClient(legacy, { logger: recordingLogger(), env: { QBO_TOKEN_URL: 'http://localhost:4010/token' }, onRefresh: async () => {} });
    expect(await stack.tokens.getAccessToken()).toBe('at-9');
  });

  it('missing credentials -> ConfigError naming them (at parseConfig, before any stack exists)', () => {
    expect(() => parseConfig({ realm_id: REALM, start_date: '2024-01-01T00:00:00Z' })).toThrow(ConfigError);
    expect(() => parseConfig({ realm_id: REALM, start_date: '2024-01-01T00:00:00Z' })).toThrow(/"client_id" is required.*"client_secret" is required.*"refresh_token" is required/);
  });

  it("spec.json's defaults are what the http client uses (retries, timeout, minor version)", async () => {
    const props = loadSpec().connectionSpecification['properties'] as Record<string, { default?: unknown }>;
    const minimal = parseConfig({ realm_id: REALM, client_id: 'c', client_secret: 's', refresh_token: 'rt', start_date: '2024-01-01T00:00:00Z' });
    const sleep = recordingSleep();
    const stack = createQboClient(minimal, {
      logger: recordingLogger(),
      env: {},
      onRefresh: async () => {},
      limiter: createRequestLimiter(),
      http: { sleep, fetch: async () => new Response('{}', { status: 503 }) },
    });
    stack.tokens.getAccessToken = async () => 'at';
    await expect(stack.client.get(`companyinfo/${REALM}`)).rejects.toThrow();
    expect(stack.http.stats.requests).toBe((props['max_retries']?.default as number) + 1);
    expect(stack.http.settings).toEqual({
      minorVersion: props['minor_version']?.default,
      requestTimeoutMs: (props['request_timeout_seconds']?.default as number) * 1000,
      maxRetries: props['max_retries']?.default,
    });
  });
});

describe('QboClient.batchQuery', () => {
  it('sends the queries in one POST /batch and maps each item to a page or its fault', async () => {
    let sent: unknown;
    nock(API)
      .post(`${COMPANY}/batch`, (body) => {
        sent = body;
        return true;
      })
      .query((q) => q['minorversion'] === '75' && q['include'] === 'enhancedAllCustomFields')
      .reply(200, {
        BatchItemResponse: [
          { bId: '1', Fault: { Error: [{ Message: 'Invalid query', Detail: 'QueryValidationError: bad', code: '4001' }], type: 'ValidationFault' } },
          { bId: '0', QueryResponse: { TimeActivity: [{ Id: '1' }, { Id: '2' }], startPosition: 1, maxResults: 2 } },
        ],
        time: '2026-11-20T10:00:00.000-08:00',
      });
    const answers = await qbo().client.batchQuery(['SELECT * FROM TimeActivity', 'SELECT * FROM Nope']);
    expect(sent).toEqual({ BatchItemRequest: [{ bId: '0', Query: 'SELECT * FROM TimeActivity' }, { bId: '1', Query: 'SELECT * FROM Nope' }] });
    expect(answers[0]).toMatchObject({ entity: 'TimeActivity', rows: [{ Id: '1' }, { Id: '2' }], time: '2026-11-20T10:00:00.000-08:00' });
    expect(answers[1]).toBeInstanceOf(QboQueryError);
  });

  it('refuses more than 30 queries', async () => {
    await expect(qbo().client.batchQuery(Array.from({ length: 31 }, () => 'SELECT * FROM Item'))).rejects.toThrow(SystemError);
  });
});

describe('QBO_THROTTLE_WAIT_SECONDS', () => {
  const config = parseConfig({ realm_id: REALM, client_id: 'id', client_secret: 'secret', refresh_token: 'rt', start_date: '2024-01-01T00:00:00Z' });
  const deps = (env: Record<string, string>) => ({ logger: recordingLogger(), onRefresh: async () => {}, env, limiter: createRequestLimiter() });

  it('rejects a value that is not a number of seconds', () => {
    expect(() => createQboClient(config, deps({ QBO_THROTTLE_WAIT_SECONDS: 'soon' }))).toThrow(ConfigError);
  });
});

describe('QboClient.queryDeferred', () => {
  it('hands a plain page over unparsed and parses it when opened', async () => {
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, '{"QueryResponse":{"Item":[{"Id":"1"}],"startPosition":1,"maxResults":1},"time":"t"}');
    const deferred = await qbo().client.queryDeferred('SELECT * FROM Item');
    expect(await deferred.open()).toMatchObject({ entity: 'Item', rows: [{ Id: '1' }], time: 't' });
  });

  it('a Fault inside a 200 is found when opened and raised through the full path (asked once more)', async () => {
    const fault = { QueryResponse: { Fault: { Error: [{ Message: 'Invalid query', Detail: 'QueryValidationError: x', code: '4001' }], type: 'ValidationFault' } } };
    nock(API).get(`${COMPANY}/query`).query(true).times(2).reply(200, fault);
    const deferred = await qbo().client.queryDeferred('SELECT * FROM Item');
    await expect(deferred.open()).rejects.toBeInstanceOf(QboQueryError);
    expect(nock.isDone()).toBe(true);
  });

  it('a throttle Fault inside a 200 is waited out and retried when opened', async () => {
    nock(API).get(`${COMPANY}/query`).query(true).times(2).reply(200, samples.throttleJson);
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, '{"QueryResponse":{"Item":[{"Id":"7"}],"startPosition":1,"maxResults":1},"time":"t"}');
    const sleep = recordingSleep();
    const http = new QboHttpClient({ ...HTTP_SETTINGS, retry: apiRetry({ sleep }), tokens: fakeTokens(), limiter: createRequestLimiter(), logger: recordingLogger() });
    const client = new QboClient({ realmId: REALM, baseUrl: `${API}/`, http, tokenRefreshes: () => 7 });
    const deferred = await client.queryDeferred('SELECT * FROM Item');
    expect((await deferred.open()).rows).toEqual([{ Id: '7' }]);
    expect(sleep.waits).toHaveLength(1);
    expect(nock.isDone()).toBe(true);
  });

  it('a 200 that is not JSON (an XML throttle) is asked again through the full path when opened', async () => {
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, samples.throttleXml429);
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, samples.throttleXml429);
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, '{"QueryResponse":{"Item":[],"startPosition":1,"maxResults":0},"time":"t"}');
    const sleep = recordingSleep();
    const http = new QboHttpClient({ ...HTTP_SETTINGS, retry: apiRetry({ sleep }), tokens: fakeTokens(), limiter: createRequestLimiter(), logger: recordingLogger() });
    const client = new QboClient({ realmId: REALM, baseUrl: `${API}/`, http, tokenRefreshes: () => 7 });
    const deferred = await client.queryDeferred('SELECT * FROM Item');
    expect((await deferred.open()).rows).toEqual([]);
    expect(sleep.waits).toHaveLength(1); // the second throttle was waited out by the full path
    expect(nock.isDone()).toBe(true);
  });

  it('an error status is handled at once, not deferred', async () => {
    nock(API).get(`${COMPANY}/query`).query(true).reply(400, { Fault: { Error: [{ Message: 'Invalid query', Detail: 'QueryParserError: x', code: '4000' }], type: 'ValidationFault' } });
    await expect(qbo().client.queryDeferred('SELECT * FROM Item')).rejects.toBeInstanceOf(QboQueryError);
  });

  it('decodes UTF-8 and drops a leading BOM', async () => {
    const name = 'Café “Ñandú” 東京';
    const body = `\uFEFF{"QueryResponse":{"Customer":[{"Id":"1","DisplayName":"${name}"}],"startPosition":1,"maxResults":1},"time":"t"}`;
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, body);
    const deferred = await qbo().client.queryDeferred('SELECT * FROM Customer');
    expect((await deferred.open()).rows.map(recordValue)).toEqual([{ Id: '1', DisplayName: name }]);
  });


  it('a body cut off in a way the cheap check misses is asked for again when opened', async () => {
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, '{"QueryResponse":{"Item":[{"Id":"1"},{"Id":"2"}');
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, '{"QueryResponse":{"Item":[{"Id":"1"},{"Id":"2"}],"startPosition":1,"maxResults":2},"time":"t"}');
    // the first body ends with "}" after a row: it passes the cheap check and fails to parse
    const deferred = await qbo().client.queryDeferred('SELECT * FROM Item');
    expect((await deferred.open()).rows).toHaveLength(2);
    expect(nock.isDone()).toBe(true);
  });
});
