import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SystemError, TransientError } from '../../src/cdk/core/errors.js';
import { QboFaultError, QboServerError, QboThrottleError } from '../../src/qbo/qbo-errors.js';
import { QboHttpClient, QboRetriesExhaustedError, type QboHttpClientOptions } from '../../src/qbo/http-client.js';
import { createRequestLimiter } from '../../src/qbo/request-limiter.js';
import type { RetryClock, RetrySettings } from '../../src/qbo/retry-policy.js';
import { API, COMPANY, apiRetry, fakeTokens, recordingLogger, recordingSleep, samples, HTTP_SETTINGS } from './support.js';

const PATH = `${COMPANY}/companyinfo/1`;
const URL_ = `${API}${PATH}`;
const OK = { CompanyInfo: { Id: '1', CompanyName: 'Sandbox Company_US_1' } };

/** A client on a recording sleep and random 0.5; `sleep: undefined` waits for real (fake timers). */
function client(overrides: Partial<Pick<QboHttpClientOptions, 'minorVersion' | 'limiter'> & RetryClock & RetrySettings> = {}) {
  const logger = recordingLogger();
  const sleep = recordingSleep();
  const { minorVersion, limiter, now, random, sleep: ownSleep, ...settings } = overrides;
  const http = new QboHttpClient({
    ...HTTP_SETTINGS,
    ...(minorVersion !== undefined ? { minorVersion } : {}),
    tokens: fakeTokens(),
    limiter: limiter ?? createRequestLimiter(),
    logger,
    retry: apiRetry({ sleep: 'sleep' in overrides ? ownSleep : sleep, random: random ?? (() => 0.5), now }, settings),
  });
  return { http, logger, sleep };
}

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  vi.useRealTimers();
});

describe('request shape', () => {
  it('sends Bearer, Accept, User-Agent and minorversion on every call, retries and POSTs included', async () => {
    const seen: string[] = [];
    nock(API)
      .get(PATH)
      .query({ minorversion: '75', a: 'b' })
      .matchHeader('authorization', 'Bearer tok-1')
      .matchHeader('accept', 'application/json')
      .matchHeader('user-agent', /source-quickbooks/)
      .reply(503, '', { intuit_tid: 't1' })
      .get(PATH)
      .query({ minorversion: '75', a: 'b' })
      .matchHeader('accept', 'application/json')
      .reply(200, () => {
        seen.push('get');
        return OK;
      })
      .post(`${COMPANY}/query`, 'SELECT * FROM Invoice')
      .query({ minorversion: '75' })
      .matchHeader('accept', 'application/json')
      .matchHeader('content-type', 'application/text')
      .reply(200, () => {
        seen.push('post');
        return { QueryResponse: {} };
      });
    const { http } = client();
    await http.requestJson({ url: URL_, params: { a: 'b' } });
    await http.requestJson({ method: 'POST', url: `${API}${COMPANY}/query`, body: 'SELECT * FROM Invoice', contentType: 'application/text' });
    expect(seen).toEqual(['get', 'post']);
  });

  it('uses the configured minor version', async () => {
    const scope = nock(API).get(PATH).query({ minorversion: '80' }).reply(200, OK);
    await client({ minorVersion: 80 }).http.requestJson({ url: URL_ });
    expect(scope.isDone()).toBe(true);
  });
});

describe('retries', () => {
  it('503 then 200: one retry, logged at INFO with status, attempt n/N, wait and intuit_tid', async () => {
    nock(API).get(PATH).query(true).reply(503, '<html><title>Service Unavailable</title></html>', { intuit_tid: 'tid-503' }).get(PATH).query(true).reply(200, OK);
    const { http, logger, sleep } = client();
    expect(await http.requestJson({ url: URL_ })).toEqual(OK);
    expect(http.stats).toMatchObject({ requests: 2, retries: 1, throttled: 0 });
    // Equal jitter with random 0.5: 1000 * (0.5 + 0.25).
    expect(sleep.waits).toEqual([750]);
    const line = logger.text('info');
    expect(line).toContain('HTTP 503');
    expect(line).toContain('attempt 1/7');
    expect(line).toContain('retrying in 0.8 s');
    expect(line).toContain('intuit_tid=tid-503');
  });

  it('backs off exponentially up to the cap', async () => {
    nock(API).get(PATH).query(true).times(5).reply(500, '').get(PATH).query(true).reply(200, OK);
    const { http, sleep } = client({ random: () => 1 - Number.EPSILON, minDelayMs: 1000, maxDelayMs: 5000 });
    await http.requestJson({ url: URL_ });
    expect(sleep.waits).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('429 with Retry-After is honoured (fake timers): no retry before it elapses', async () => {
    // Only timers and Date are faked: nock answers on real event-loop turns (setImmediate).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const realTurn = () => new Promise((resolve) => setImmediate(resolve));
    /** Let fake time creep (1 ms per real turn) until `done()`: bottleneck and nock need both. */
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 1000 && !done(); i += 1) {
        await vi.advanceTimersByTimeAsync(1);
        await realTurn();
      }
      expect(done()).toBe(true);
    };
    let calls = 0;
    nock(API)
      .get(PATH)
      .query(true)
      .times(2)
      .reply(() => {
        calls += 1;
        return calls === 1 ? [429, samples.throttleXml429, { 'retry-after': '30', intuit_tid: 'tid-429' }] : [200, OK];
      });
    const { http, logger } = client({ sleep: undefined });
    let settled = false;
    const result = http.requestJson({ url: URL_ });
    void result.then(() => (settled = true)).catch(() => undefined);
    // The retry is logged right before the client starts waiting.
    await until(() => logger.text('info') !== '');
    const waitStartedAt = Date.now();
    expect(logger.text('info')).toMatch(/throttled \(HTTP 429, fault 3001\); attempt 1\/7, retrying in 30\.0 s; intuit_tid=tid-429/);
    await vi.advanceTimersByTimeAsync(29_000);
    for (let i = 0; i < 50; i += 1) await realTurn();
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await until(() => settled);
    expect(Date.now() - waitStartedAt).toBeGreaterThanOrEqual(30_000);
    await expect(result).resolves.toEqual(OK);
    expect(calls).toBe(2);
    expect(http.stats).toMatchObject({ throttled: 1, retries: 1 });
  });

  it('Retry-After as an HTTP date', async () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    nock(API).get(PATH).query(true).reply(429, '', { 'retry-after': 'Wed, 01 Jan 2025 00:00:12 GMT' }).get(PATH).query(true).reply(200, OK);
    const { http, sleep } = client({ now: () => now });
    await http.requestJson({ url: URL_ });
    expect(sleep.waits).toEqual([12_000]);
  });

  it.each([
    ['XML 429', 429, samples.throttleXml429],
    ['XML 403 (historic)', 403, samples.throttleXml403],
    ['JSON Fault in a 200', 200, JSON.stringify(samples.throttleJson)],
  ])('throttle without Retry-After (%s) waits the throttle delay and holds the realm', async (_name, status, body) => {
    nock(API).get(PATH).query(true).reply(status, body).get(PATH).query(true).reply(200, OK);
    const limiter = createRequestLimiter();
    const { http, sleep, logger } = client({ random: () => 0, throttleWaitMs: 60_000, limiter, now: () => 1_000 });
    await http.requestJson({ url: URL_ });
    expect(sleep.waits).toEqual([60_000]);
    expect(http.stats.throttled).toBe(1);
    expect(logger.text('info')).toMatch(/throttled \(HTTP \d+, fault 3001\); attempt 1\/7, retrying in 60\.0 s/);
  });

  it('a throttle holds other requests of the realm until the wait is over', async () => {
    const order: string[] = [];
    nock(API)
      .get(PATH)
      .query(true)
      .reply(429, samples.throttleXml429)
      .get(`${COMPANY}/other`)
      .query(true)
      .reply(200, () => {
        order.push('other sent');
        return OK;
      })
      .get(PATH)
      .query(true)
      .reply(200, () => {
        order.push('retry sent');
        return OK;
      });
    let release: () => void = () => {};
    const sleep = (_ms: number) =>
      new Promise<void>((resolve) => {
        release = resolve;
      });
    const limiter = createRequestLimiter();
    const logger = recordingLogger();
    const http = new QboHttpClient({ ...HTTP_SETTINGS, retry: apiRetry({ sleep }), tokens: fakeTokens(), limiter, logger });
    const first = http.requestJson({ url: URL_ });
    await vi.waitFor(() => expect(logger.text('info')).toContain('throttled'));
    const other = http.requestJson({ url: `${API}${COMPANY}/other` });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([]);
    expect(limiter.stats.holdWaits).toBe(1);
    release();
    await Promise.all([first, other]);
    expect(order).toHaveLength(2);
  });

  it('bounded tries, then a TransientError saying how many', async () => {
    nock(API).get(PATH).query(true).times(3).reply(502, '<html><head><title>502 Bad Gateway</title></head></html>', { intuit_tid: 'tid-last' });
    const { http, sleep } = client({ retries: 2 });
    const error = await http.requestJson({ url: URL_ }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QboRetriesExhaustedError);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toMatch(/502 Bad Gateway.*intuit_tid=tid-last; gave up after 3 attempts/);
    expect((error as Error).cause).toBeInstanceOf(QboServerError);
    expect(http.stats.requests).toBe(3);
    expect(sleep.waits).toHaveLength(2);
  });

  it('maxRetries 0 surfaces the first error as is', async () => {
    nock(API).get(PATH).query(true).reply(429, samples.throttleXml429);
    const error = await client({ retries: 0 }).http.requestJson({ url: URL_ }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QboThrottleError);
  });

  it('400 is not retried (no quota wasted)', async () => {
    nock(API).get(PATH).query(true).reply(400, samples.invalidId2030, { intuit_tid: 'tid-400' });
    const { http, sleep } = client();
    const error = await http.requestJson({ url: URL_ }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QboFaultError);
    expect(error).toBeInstanceOf(SystemError);
    expect((error as Error).message).toContain('intuit_tid=tid-400');
    expect(http.stats).toMatchObject({ requests: 1, retries: 0 });
    expect(sleep.waits).toEqual([]);
  });

  it('ECONNRESET / fetch failed is retried', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    nock(API)
      .get(PATH)
      .query(true)
      .replyWithError(new TypeError('fetch failed', { cause: reset }))
      .get(PATH)
      .query(true)
      .replyWithError({ code: 'ECONNRESET', message: 'read ECONNRESET' })
      .get(PATH)
      .query(true)
      .reply(200, OK);
    const { http, logger } = client();
    expect(await http.requestJson({ url: URL_ })).toEqual(OK);
    expect(http.stats.retries).toBe(2);
    expect(logger.text('info')).toContain('fetch failed: socket hang up (ECONNRESET)');
    expect(logger.text('info')).toContain('read ECONNRESET');
  });

  it('a timeout is retried', async () => {
    nock(API).get(PATH).query(true).delay(500).reply(200, OK).get(PATH).query(true).reply(200, { fast: true });
    const { http, logger } = client({ tryTimeoutMs: 50 });
    expect(await http.requestJson({ url: URL_ })).toEqual({ fast: true });
    expect(http.stats.retries).toBe(1);
    expect(logger.text('info')).toContain('no response within');
  });

  it('a truncated 200 is retried as transient', async () => {
    nock(API).get(PATH).query(true).reply(200, '{"QueryResponse":{"Customer":[{"Id":"1"').get(PATH).query(true).reply(200, OK);
    const { http } = client();
    expect(await http.requestJson({ url: URL_ })).toEqual(OK);
    expect(http.stats.retries).toBe(1);
  });
});
