import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startFakeQbo } from './index.js';
import { api, query, freshFakePerTest } from './test-helpers.js';

const start = freshFakePerTest();

describe('throttling', () => {
  it('answers the 11th concurrent request with 429 ThrottleExceeded', async () => {
    const f = await start({ knobs: { latencyMs: 150 } });
    const t = f.issueAccessToken();
    const replies = await Promise.all(Array.from({ length: 11 }, () => api(f, t, 'preferences')));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    const throttled = replies.find((r) => r.status === 429);
    expect(throttled?.json().Fault).toEqual({
      Error: [{ Message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429', Detail: 'The request limit was reached.  Try again later', code: '3001' }],
      type: 'SERVICE',
    });
    expect(throttled?.headers.get('retry-after')).toBeNull();
    expect(f.stats.maxInFlight).toBe(10);
    expect(f.stats.throttled).toBe(1);
    expect(f.stats.sent429).toBe(1);
    expect(f.stats.inFlight).toBe(0);
  });

  it('enforces the per-minute window and sends Retry-After when configured', async () => {
    const f = await start({ knobs: { perMinute: 3, retryAfterSeconds: 7 } });
    const t = f.issueAccessToken();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api(f, t, 'preferences')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const again = await api(f, t, 'preferences');
    expect(again.headers.get('retry-after')).toBe('7');
    f.setKnobs({ perMinute: 0 });
    expect((await api(f, t, 'preferences')).status).toBe(200);
  });
});

describe('injected faults', () => {
  it('serves each scripted fault once, then normal answers', async () => {
    const f = await start();
    const t = f.issueAccessToken();
    f.injectFaults('500', '502', '503', '504', 'xml429', 'throttle200', 'truncated', '429');
    const r500 = await api(f, t, 'preferences');
    expect(r500.status).toBe(500);
    expect(r500.json()).toHaveProperty('Fault.type', 'SystemFault');
    const r502 = await api(f, t, 'preferences');
    expect([r502.status, r502.headers.get('content-type')]).toEqual([502, 'text/html']);
    expect(r502.text).toContain('502 Bad Gateway');
    expect((await api(f, t, 'preferences')).status).toBe(503);
    expect((await api(f, t, 'preferences')).status).toBe(504);
    const xml = await api(f, t, 'preferences');
    expect(xml.status).toBe(429);
    expect(xml.text).toContain('<Error code="3001">');
    const in200 = await api(f, t, 'preferences');
    expect(in200.status).toBe(200);
    expect(in200.json()).toHaveProperty('Fault.Error.0.code', '3001');
    const cut = await api(f, t, 'preferences');
    expect(cut.status).toBe(200);
    expect(() => cut.json()).toThrow();
    expect((await api(f, t, 'preferences')).status).toBe(429);
    expect((await api(f, t, 'preferences')).status).toBe(200);
    expect(f.stats.faultsInjected).toMatchObject({ '500': 1, '502': 1, truncated: 1 });
  });

  it('resets the connection', async () => {
    const f = await start();
    const t = f.issueAccessToken();
    f.injectFaults('reset');
    const err = await new Promise<NodeJS.ErrnoException>((resolve) => {
      const req = request(`${f.url}/v3/company/${f.realmId}/preferences`, { headers: { Authorization: `Bearer ${t}` } }, () => resolve(new Error('got a response')));
      req.on('error', resolve);
      req.end();
    });
    expect(err.code).toBe('ECONNRESET');
  });

  it('draws random faults from the seeded rates, reproducibly', async () => {
    const run = async (): Promise<number[]> => {
      const f = await startFakeQbo({ seed: 42, knobs: { faultRates: { '500': 0.3, '503': 0.2 } } });
      try {
        const t = f.issueAccessToken();
        const out: number[] = [];
        for (let i = 0; i < 20; i++) out.push((await api(f, t, 'preferences')).status);
        return out;
      } finally {
        await f.close();
      }
    };
    const a = await run();
    expect(a).toEqual(await run());
    expect(a.filter((s) => s !== 200).length).toBeGreaterThan(2);
  });

  it('applies the mutation schedule during queries', async () => {
    const f = await start({ knobs: { mutations: { everyNQueries: 2, update: 2, create: 1, hardDelete: 1, deactivate: 1, entities: ['Invoice', 'Customer'] } } });
    const t = f.issueAccessToken();
    for (let i = 0; i < 4; i++) await query(f, t, 'SELECT COUNT(*) FROM Invoice');
    const ops = f.company.log.map((e) => e.op);
    expect(ops.filter((o) => o === 'update')).toHaveLength(4);
    expect(ops.filter((o) => o === 'create')).toHaveLength(2);
    expect(ops.filter((o) => o === 'delete')).toHaveLength(2);
    expect(ops.filter((o) => o === 'deactivate')).toHaveLength(2);
    expect(f.company.deleted('Invoice')).toHaveLength(2);
  });
});
