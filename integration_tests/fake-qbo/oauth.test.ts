import { describe, expect, it } from 'vitest';
import { api, refresh, freshFakePerTest } from './test-helpers.js';

const start = freshFakePerTest();

const HOUR = 3600_000;

describe('token endpoint', () => {
  it('rotates refresh tokens; the previous one works for 24 h of fake time, then invalid_grant', async () => {
    const f = await start();
    const rt0 = f.refreshToken;
    const first = await refresh(f, rt0);
    expect(first.status).toBe(200);
    expect(Object.keys(first.body)).toEqual(['token_type', 'expires_in', 'refresh_token', 'x_refresh_token_expires_in', 'access_token']);
    expect(first.body).toMatchObject({ token_type: 'bearer', expires_in: 3600, x_refresh_token_expires_in: 8726400 });
    const rt1 = String(first.body.refresh_token);
    expect(rt1).not.toBe(rt0);
    expect(f.refreshToken).toBe(rt1);
    f.clock.advance(23 * HOUR);
    expect((await refresh(f, rt0)).status).toBe(200);
    f.clock.advance(2 * HOUR);
    const dead = await refresh(f, rt0);
    expect(dead.status).toBe(400);
    expect(dead.body).toEqual({ error: 'invalid_grant', error_description: 'Token invalid' });
    expect(dead.headers.get('intuit_tid')).toBeTruthy();
    expect((await refresh(f, f.refreshToken)).status).toBe(200);
  });

  it('strict rotation kills the previous refresh token at once', async () => {
    const f = await start({ knobs: { strictRotation: true } });
    const rt0 = f.refreshToken;
    const rt1 = String((await refresh(f, rt0)).body.refresh_token);
    expect((await refresh(f, rt0)).status).toBe(400);
    expect((await refresh(f, rt1)).status).toBe(200);
  });

  it('rejects a wrong client with 401 invalid_client, accepts client_secret_post', async () => {
    const f = await start();
    const bad = await fetch(f.tokenUrl, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${f.clientId}:nope`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=refresh_token&refresh_token=${f.refreshToken}`,
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'invalid_client' });
    const post = await fetch(f.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: f.refreshToken, client_id: f.clientId, client_secret: f.clientSecret }).toString(),
    });
    expect(post.status).toBe(200);
  });

  it('adds x_refresh_token_hard_expires_in only when asked', async () => {
    const f = await start({ knobs: { refreshTokenHardExpiresInSeconds: 1234 } });
    const r = await refresh(f, f.refreshToken, { 'x-include-refresh-token-hard-expires-in': 'true' });
    expect(r.body.x_refresh_token_hard_expires_in).toBe(1234);
    expect((await refresh(f, f.refreshToken)).body).not.toHaveProperty('x_refresh_token_hard_expires_in');
  });

  it('authorization code flow: redirect with code, state and realmId; the code works once', async () => {
    const f = await start();
    const res = await fetch(f.authorizeUrl('http://localhost:9999/callback', 's1'), { redirect: 'manual' });
    expect(res.status).toBe(302);
    const loc = new URL(String(res.headers.get('location')));
    expect(loc.origin + loc.pathname).toBe('http://localhost:9999/callback');
    expect(loc.searchParams.get('state')).toBe('s1');
    expect(loc.searchParams.get('realmId')).toBe(f.realmId);
    const exchange = (): Promise<Response> =>
      fetch(f.tokenUrl, {
        method: 'POST',
        headers: { Authorization: `Basic ${Buffer.from(`${f.clientId}:${f.clientSecret}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code: String(loc.searchParams.get('code')), redirect_uri: 'http://localhost:9999/callback' }).toString(),
      });
    const ok = await exchange();
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { access_token: string };
    expect((await api(f, body.access_token, 'preferences')).status).toBe(200);
    expect((await exchange()).status).toBe(400);
  });
});

describe('data endpoint auth', () => {
  it('401 with the gateway body and WWW-Authenticate for a missing, unknown or expired token', async () => {
    const f = await start({ knobs: { accessTokenTtlSeconds: 60 } });
    const token = String((await refresh(f, f.refreshToken)).body.access_token);
    expect((await api(f, token, 'preferences')).status).toBe(200);
    f.clock.advance(61_000);
    const expired = await api(f, token, 'preferences');
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe('Bearer realm="Intuit", error="invalid_token"');
    expect(expired.headers.get('intuit_tid')).toBeTruthy();
    const body = expired.json();
    expect(Object.keys(body)).toEqual([
      'warnings', 'intuitObject', 'fault', 'report', 'queryResponse', 'batchItemResponse', 'attachableResponse', 'syncErrorResponse', 'requestId', 'time', 'status', 'cdcresponse',
    ]);
    expect(body.fault).toEqual({
      error: [{ message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', detail: expect.stringMatching(/^Token expired: /), code: '3200', element: null }],
      type: 'AUTHENTICATION',
    });
    expect(body.time).toBe(f.clock.now());
    expect((await api(f, 'garbage', 'preferences')).status).toBe(401);
    const none = await fetch(`${f.url}/v3/company/${f.realmId}/preferences`);
    expect(none.status).toBe(401);
  });

  it('403 3100 for another realm', async () => {
    const f = await start();
    const t = f.issueAccessToken();
    const r = await fetch(`${f.url}/v3/company/123/preferences`, { headers: { Authorization: `Bearer ${t}` } });
    expect(r.status).toBe(403);
    expect(await r.json()).toHaveProperty('Fault.Error.0.code', '3100');
  });
});
