import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, TransientError } from '../../src/cdk/core/errors.js';
import { QboClient } from '../../src/qbo/client.js';
import { QboHttpClient } from '../../src/qbo/http-client.js';
import { createRequestLimiter } from '../../src/qbo/request-limiter.js';
import { TokenManager, type RefreshedTokens, type TokenManagerOptions } from '../../src/qbo/token-manager.js';
import { API, COMPANY, REALM, recordingLogger, recordingSleep, samples, HTTP_SETTINGS, apiRetry, tokenRetry } from './support.js';

const TOKEN_ORIGIN = 'https://oauth.test';
const TOKEN_PATH = '/oauth2/v1/tokens/bearer';
const NOW = Date.parse('2025-06-01T12:00:00Z');

function tokenBody(n: number, extra: object = {}) {
  return { token_type: 'bearer', expires_in: 3600, access_token: `at-${n}`, refresh_token: `rt-${n}`, x_refresh_token_expires_in: 8726400, ...extra };
}

function manager(overrides: Partial<TokenManagerOptions> = {}) {
  const logger = recordingLogger();
  const persisted: RefreshedTokens[] = [];
  const tokens = new TokenManager({
    clientId: 'client-id',
    clientSecret: 'client-secret',
    refreshToken: 'rt-0',
    tokenUrl: `${TOKEN_ORIGIN}${TOKEN_PATH}`,
    logger,
    onRefresh: async (t) => void persisted.push(t),
    now: () => NOW,
    retry: tokenRetry({ sleep: recordingSleep() }),
    ...overrides,
  });
  return { tokens, logger, persisted };
}

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});

describe('TokenManager', () => {
  it('reuses a config access token valid beyond the margin: no token call at all', async () => {
    const scope = nock(TOKEN_ORIGIN).post(TOKEN_PATH).reply(200, tokenBody(1));
    const { tokens, persisted } = manager({ accessToken: 'config-at', tokenExpiryDate: new Date(NOW + 20 * 60_000).toISOString() });
    expect(await tokens.getAccessToken()).toBe('config-at');
    expect(await tokens.getAccessToken()).toBe('config-at');
    expect(scope.isDone()).toBe(false);
    expect(tokens.stats.refreshes).toBe(0);
    expect(persisted).toEqual([]);
  });

  it('refreshes when the config token is inside the safety margin, with the documented request', async () => {
    let seenBody: unknown;
    const scope = nock(TOKEN_ORIGIN)
      .post(TOKEN_PATH, (body) => {
        seenBody = body;
        return true;
      })
      .matchHeader('authorization', `Basic ${Buffer.from('client-id:client-secret').toString('base64')}`)
      .matchHeader('accept', 'application/json')
      .matchHeader('content-type', /application\/x-www-form-urlencoded/)
      .matchHeader('x-include-refresh-token-hard-expires-in', 'true')
      .reply(200, tokenBody(1));
    const { tokens, persisted } = manager({ accessToken: 'config-at', tokenExpiryDate: new Date(NOW + 4 * 60_000).toISOString() });
    expect(await tokens.getAccessToken()).toBe('at-1');
    expect(scope.isDone()).toBe(true);
    expect(seenBody).toEqual({ grant_type: 'refresh_token', refresh_token: 'rt-0' });
    expect(persisted).toEqual([{ accessToken: 'at-1', refreshToken: 'rt-1', tokenExpiryDate: new Date(NOW + 3600_000).toISOString() }]);
    expect(tokens.stats.refreshes).toBe(1);
  });

  it('refreshes when there is no expiry date or it is garbage', async () => {
    nock(TOKEN_ORIGIN).post(TOKEN_PATH).reply(200, tokenBody(1));
    const { tokens } = manager({ accessToken: 'config-at', tokenExpiryDate: 'yesterday' });
    expect(await tokens.getAccessToken()).toBe('at-1');
  });

  it('single-flight: 10 concurrent callers share one token call', async () => {
    let calls = 0;
    nock(TOKEN_ORIGIN)
      .post(TOKEN_PATH)
      .times(10)
      .delay(20)
      .reply(200, () => {
        calls += 1;
        return tokenBody(calls);
      });
    const { tokens, persisted } = manager();
    const got = await Promise.all(Array.from({ length: 10 }, () => tokens.getAccessToken()));
    expect(new Set(got)).toEqual(new Set(['at-1']));
    expect(calls).toBe(1);
    expect(persisted).toHaveLength(1);
  });

  it('awaits onRefresh before any caller gets the token, so the rotation is saved before the first data request', async () => {
    const events: string[] = [];
    nock(TOKEN_ORIGIN)
      .post(TOKEN_PATH)
      .reply(200, () => {
        events.push('token call');
        return tokenBody(1);
      });
    nock(API)
      .get(`${COMPANY}/companyinfo/${REALM}`)
      .query(true)
      .reply(200, () => {
        events.push('data request');
        return { CompanyInfo: { Id: '1' } };
      });
    const { tokens } = manager({
      onRefresh: async (t) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        events.push(`persisted ${t.refreshToken}`);
      },
    });
    const http = new QboHttpClient({ ...HTTP_SETTINGS, retry: apiRetry(), tokens, limiter: createRequestLimiter(), logger: recordingLogger() });
    const client = new QboClient({ realmId: REALM, baseUrl: API, http });
    await client.get(`companyinfo/${REALM}`);
    expect(events).toEqual(['token call', 'persisted rt-1', 'data request']);
  });

  it('uses the newest refresh token for later refreshes, once per rejected access token', async () => {
    const bodies: unknown[] = [];
    let n = 0;
    nock(TOKEN_ORIGIN)
      .post(TOKEN_PATH, (body) => {
        bodies.push(body);
        return true;
      })
      .times(3)
      .reply(200, () => tokenBody(++n));
    const { tokens } = manager();
    expect(await tokens.getAccessToken()).toBe('at-1');
    // Three concurrent 401s for at-1: one refresh.
    tokens.invalidate('at-1');
    tokens.invalidate('at-1');
    const again = await Promise.all([tokens.getAccessToken(), tokens.getAccessToken()]);
    tokens.invalidate('at-1'); // stale: at-2 is current now
    expect(again).toEqual(['at-2', 'at-2']);
    expect(await tokens.getAccessToken()).toBe('at-2');
    expect(bodies).toEqual([
      { grant_type: 'refresh_token', refresh_token: 'rt-0' },
      { grant_type: 'refresh_token', refresh_token: 'rt-1' },
    ]);
    expect(tokens.stats.refreshes).toBe(2);
  });

  it('401 -> invalidate -> refresh -> retry succeeds through the http client', async () => {
    nock(TOKEN_ORIGIN).post(TOKEN_PATH).reply(200, tokenBody(1));
    const api = nock(API)
      .get(`${COMPANY}/query`)
      .query(true)
      .matchHeader('authorization', 'Bearer config-at')
      .reply(401, samples.gateway401, { intuit_tid: 'tid-401' })
      .get(`${COMPANY}/query`)
      .query(true)
      .matchHeader('authorization', 'Bearer at-1')
      .reply(200, samples.customerPage);
    const { tokens, persisted } = manager({ accessToken: 'config-at', tokenExpiryDate: new Date(NOW + 3600_000).toISOString() });
    const logger = recordingLogger();
    const http = new QboHttpClient({ ...HTTP_SETTINGS, retry: apiRetry(), tokens, limiter: createRequestLimiter(), logger });
    const page = await new QboClient({ realmId: REALM, baseUrl: API, http }).query('SELECT * FROM Customer');
    expect(page.rows).toHaveLength(2);
    expect(api.isDone()).toBe(true);
    expect(persisted.map((t) => t.refreshToken)).toEqual(['rt-1']);
    expect(http.stats.unauthorized).toBe(1);
    expect(logger.text('info')).toContain('intuit_tid=tid-401');
  });

  it('a second 401 after the refresh is a ConfigError', async () => {
    nock(TOKEN_ORIGIN).post(TOKEN_PATH).reply(200, tokenBody(1));
    nock(API).get(`${COMPANY}/query`).query(true).times(2).reply(401, samples.gateway401, { intuit_tid: 'tid-2' });
    const { tokens } = manager({ accessToken: 'config-at', tokenExpiryDate: new Date(NOW + 3600_000).toISOString() });
    const http = new QboHttpClient({ ...HTTP_SETTINGS, retry: apiRetry(), tokens, limiter: createRequestLimiter(), logger: recordingLogger() });
    const error = await http.requestJson({ url: `${API}${COMPANY}/query` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/realm_id/);
    expect((error as Error).message).toContain('intuit_tid=tid-2');
    // The gateway's own words: the code and detail (the token fragment redacted), not a guess.
    expect((error as Error).message).toContain('fault 3200 message=AuthenticationFailed; errorCode=003200; statusCode=401: Token expired: ****');
    expect((error as Error).message).not.toContain('works but not for this company');
    expect(http.stats.requests).toBe(2);
  });

  it('invalid_grant -> ConfigError naming the fix, never the token', async () => {
    nock(TOKEN_ORIGIN)
      .post(TOKEN_PATH)
      .reply(400, { error_description: 'Token invalid', error: 'invalid_grant' }, { intuit_tid: '1234-1234-1234-123' });
    const { tokens, persisted } = manager({ refreshToken: 'AB11secret-refresh-token-value' });
    const error = await tokens.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/expired, been revoked, or was already rotated/);
    expect(message).toContain('source-quickbooks auth --client-id');
    expect(message).toContain('OAuth 2.0 Playground');
    expect(message).toContain('refresh_token');
    expect(message).toContain('intuit_tid=1234-1234-1234-123');
    expect(message).not.toContain('AB11secret-refresh-token-value');
    expect((error as ConfigError).internalMessage ?? '').not.toContain('AB11secret-refresh-token-value');
    expect(persisted).toEqual([]);
  });

  it('invalid_client -> ConfigError about client_id / client_secret', async () => {
    nock(TOKEN_ORIGIN).post(TOKEN_PATH).reply(401, { error: 'invalid_client' });
    const { tokens } = manager();
    await expect(tokens.getAccessToken()).rejects.toThrow(/client_id and client_secret/);
  });

  it('token endpoint 5xx / network errors are retried, then TransientError', async () => {
    nock(TOKEN_ORIGIN).post(TOKEN_PATH).reply(503, 'down').post(TOKEN_PATH).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' }).post(TOKEN_PATH).reply(200, tokenBody(1));
    const sleep = recordingSleep();
    const { tokens } = manager({ retry: tokenRetry({ sleep }, { minDelayMs: 100 }) });
    expect(await tokens.getAccessToken()).toBe('at-1');
    expect(sleep.waits).toEqual([100, 200]);

    nock(TOKEN_ORIGIN).post(TOKEN_PATH).times(3).reply(502, '<html><title>502</title></html>');
    const failing = manager({ retry: tokenRetry({ sleep: recordingSleep() }, { retries: 2 }) });
    const error = await failing.tokens.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toMatch(/HTTP 502.*gave up after 3 attempt\(s\)/);
  });

  it('a failing onRefresh fails the call and the next call refreshes again with the newest refresh token', async () => {
    const bodies: unknown[] = [];
    let n = 0;
    nock(TOKEN_ORIGIN)
      .post(TOKEN_PATH, (body) => {
        bodies.push(body);
        return true;
      })
      .times(2)
      .reply(200, () => tokenBody(++n));
    let fail = true;
    const { tokens } = manager({
      onRefresh: async () => {
        if (fail) throw new Error('disk full');
      },
    });
    await expect(tokens.getAccessToken()).rejects.toThrow('disk full');
    fail = false;
    expect(await tokens.getAccessToken()).toBe('at-2');
    expect(bodies).toEqual([
      { grant_type: 'refresh_token', refresh_token: 'rt-0' },
      { grant_type: 'refresh_token', refresh_token: 'rt-1' },
    ]);
  });

  it('WARNs once when the refresh token hard-expires within 30 days', async () => {
    nock(TOKEN_ORIGIN).post(TOKEN_PATH).reply(200, tokenBody(1, { x_refresh_token_hard_expires_in: 10 * 86400 }));
    const { tokens, logger } = manager();
    await tokens.getAccessToken();
    const warn = logger.text('warn');
    expect(warn).toContain(new Date(NOW + 10 * 86400_000).toISOString());
    expect(warn).toContain('in 10 day(s)');
    expect(warn).toContain('source-quickbooks auth');
    expect(warn).not.toContain('rt-1');
  });

  it('stays quiet when the hard expiry is far away', async () => {
    nock(TOKEN_ORIGIN).post(TOKEN_PATH).reply(200, tokenBody(1, { x_refresh_token_hard_expires_in: 156032154 }));
    const { tokens, logger } = manager();
    await tokens.getAccessToken();
    expect(logger.text('warn')).toBe('');
  });

  it('never logs a token', async () => {
    nock(TOKEN_ORIGIN).post(TOKEN_PATH).reply(200, tokenBody(1));
    const { tokens, logger } = manager();
    await tokens.getAccessToken();
    const all = logger.text();
    expect(all).toContain('Refreshed');
    for (const secret of ['at-1', 'rt-1', 'rt-0', 'client-secret']) expect(all).not.toContain(secret);
  });
});
