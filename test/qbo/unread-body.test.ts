import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BytePool } from '../../src/qbo/byte-pool.js';
import { QboClient } from '../../src/qbo/client.js';
import { QboHttpClient } from '../../src/qbo/http-client.js';
import { createRequestLimiter, resetRealmLimiters } from '../../src/qbo/request-limiter.js';
import { UnreadBody } from '../../src/qbo/unread-body.js';
import { API, COMPANY, REALM, fakeTokens, recordingLogger, recordingSleep, HTTP_SETTINGS } from './support.js';

const page = (id: string): string => `{"QueryResponse":{"Item":[{"Id":"${id}"}],"startPosition":1,"maxResults":1},"time":"t"}`;

/** A body stream that records whether it was pulled or cancelled. */
function watchedResponse(text: string): { response: Response; pulled: () => boolean; cancelled: () => boolean } {
  let pulled = false;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulled = true;
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { response: new Response(body), pulled: () => pulled, cancelled: () => cancelled };
}

const settledNow = async (promise: Promise<void>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('UnreadBody', () => {
  it('leaves the body unread until read(), and settles then', async () => {
    const watched = watchedResponse(page('1'));
    const body = new UnreadBody(watched.response, new BytePool(), 60_000);
    expect(await settledNow(body.settled)).toBe(false);
    expect(watched.pulled()).toBe(false);
    expect((await body.read()).json()).toEqual(JSON.parse(page('1')));
    expect(await settledNow(body.settled)).toBe(true);
  });

  it('reads the body into memory by itself after holdMs, releasing its request', async () => {
    const watched = watchedResponse(page('2'));
    const body = new UnreadBody(watched.response, new BytePool(), 5);
    await body.settled;
    expect(watched.pulled()).toBe(true);
    expect((await body.read()).json()).toEqual(JSON.parse(page('2')));
  });

  it('discard() cancels the body and settles; reading twice is refused', async () => {
    const watched = watchedResponse(page('3'));
    const dropped = new UnreadBody(watched.response, new BytePool(), 60_000);
    dropped.discard();
    expect(await settledNow(dropped.settled)).toBe(true);
    expect(watched.cancelled()).toBe(true);
    const twice = new UnreadBody(watchedResponse(page('4')).response, new BytePool(), 60_000);
    await twice.read();
    await expect(twice.read()).rejects.toThrow(/twice/);
  });

  it('discard() after an early read gives the buffer back to the pool', async () => {
    const pool = new BytePool();
    const body = new UnreadBody(watchedResponse(page('5')).response, pool, 1);
    await body.settled;
    body.discard();
    await new Promise((resolve) => setImmediate(resolve));
    expect(pool.held.count).toBe(1);
  });
});

describe('a deferred page holds its request slot until it is read', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    resetRealmLimiters();
  });

  function client(unreadHoldMs: number) {
    const limiter = createRequestLimiter({ maxConcurrent: 1 });
    const http = new QboHttpClient({ ...HTTP_SETTINGS, tokens: fakeTokens(), limiter, logger: recordingLogger(), sleep: recordingSleep(), unreadHoldMs });
    return { client: new QboClient({ realmId: REALM, baseUrl: `${API}/`, http, tokenRefreshes: () => 0 }), limiter };
  }

  it('a second request waits for the first page to be opened', async () => {
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, page('1'));
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, page('2'));
    const { client: qbo, limiter } = client(60_000);
    const first = await qbo.queryDeferred('SELECT * FROM Item STARTPOSITION 1');
    const second = qbo.queryDeferred('SELECT * FROM Item STARTPOSITION 2');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(limiter.stats.started).toBe(1); // the slot is still the first page's
    expect((await first.open()).rows).toEqual([{ Id: '1' }]);
    expect((await (await second).open()).rows).toEqual([{ Id: '2' }]);
    expect(limiter.stats.maxInFlight).toBe(1);
  });

  it('a page nobody opens frees its slot after the hold, so the request everyone waits for goes out', async () => {
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, page('1'));
    nock(API).get(`${COMPANY}/query`).query(true).reply(200, page('2'));
    const { client: qbo } = client(10);
    const prefetched = await qbo.queryDeferred('SELECT * FROM Item STARTPOSITION 2');
    // the page the reader needs next, queued behind its own prefetch: it must not wait forever
    const needed = await qbo.queryDeferred('SELECT * FROM Item STARTPOSITION 1');
    expect((await needed.open()).rows).toEqual([{ Id: '2' }]);
    expect((await prefetched.open()).rows).toEqual([{ Id: '1' }]);
  });
});
