// A page fetched ahead is read into memory on arrival (queryDeferred), so its request slot goes on
// to the next request while the page waits unopened for its turn.
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QboClient } from '../../src/qbo/client.js';
import { QboHttpClient } from '../../src/qbo/http-client.js';
import { createRequestLimiter, resetRealmLimiters } from '../../src/qbo/request-limiter.js';
import { API, COMPANY, REALM, fakeTokens, recordingLogger, recordingSleep, HTTP_SETTINGS, apiRetry } from './support.js';

const page = (id: string): string => `{"QueryResponse":{"Item":[{"Id":"${id}"}],"startPosition":1,"maxResults":1},"time":"t"}`;

describe('a deferred page frees its request slot once its body is in', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    resetRealmLimiters();
  });

  function client() {
    const limiter = createRequestLimiter({ maxConcurrent: 1 });
    const http = new QboHttpClient({ ...HTTP_SETTINGS, retry: apiRetry({ sleep: recordingSleep() }), tokens: fakeTokens(), limiter, logger: recordingLogger() });
    return { client: new QboClient({ realmId: REALM, baseUrl: `${API}/`, http, tokenRefreshes: () => 0 }), limiter };
  }

  it('with one slot, the next request goes out while the first page waits unopened', async () => {
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, page('1'));
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, page('2'));
    const { client: qbo, limiter } = client();
    const first = await qbo.queryDeferred('SELECT * FROM Item STARTPOSITION 1');
    expect(first.bytes).toBe(page('1').length);
    const second = await qbo.queryDeferred('SELECT * FROM Item STARTPOSITION 2');
    expect(limiter.stats.started).toBe(2);
    expect(limiter.stats.inFlight).toBe(0);
    expect((await second.open()).rows).toEqual([{ Id: '2' }]);
    expect((await first.open()).rows).toEqual([{ Id: '1' }]);
  });

  it('a Fault inside a 200 is asked again through the full path when the page is opened', async () => {
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, '{"Fault":{"Error":[{"Message":"message=ThrottleExceeded; errorCode=003001; statusCode=429","code":"3001"}],"type":"SERVICE"},"time":"t"}');
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, page('3'));
    const { client: qbo } = client();
    const deferred = await qbo.queryDeferred('SELECT * FROM Item STARTPOSITION 1');
    expect((await deferred.open()).rows).toEqual([{ Id: '3' }]);
  });
});
