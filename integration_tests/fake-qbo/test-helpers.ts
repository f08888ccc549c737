// Small client used by the fake's own tests (and handy for other tests): token refresh and data calls.
import { afterEach } from 'vitest';
import { startFakeQbo, type FakeQbo, type FakeQboOptions } from './index.js';

export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function refresh(fake: FakeQbo, refreshToken: string, extraHeaders: Record<string, string> = {}): Promise<TokenResponse> {
  const res = await fetch(fake.tokenUrl, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      ...extraHeaders,
    },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

export interface ApiResponse {
  status: number;
  text: string;
  headers: Headers;
  json(): Record<string, unknown>;
}

export async function api(fake: FakeQbo, token: string, pathAndQuery: string, init: RequestInit = {}): Promise<ApiResponse> {
  const res = await fetch(`${fake.url}/v3/company/${fake.realmId}/${pathAndQuery}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers, json: () => JSON.parse(text) as Record<string, unknown> };
}

export function query(fake: FakeQbo, token: string, q: string, extra = ''): Promise<ApiResponse> {
  return api(fake, token, `query?query=${encodeURIComponent(q)}&minorversion=75${extra}`);
}

/**
 * A fresh fake per test, frozen at a fixed instant and closed after it: `start(options)` starts it
 * (call it inside the test), `afterEach` is registered here.
 */
export function freshFakePerTest(): (opts?: FakeQboOptions) => Promise<FakeQbo> {
  let fake: FakeQbo | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });
  return async (opts = {}) => (fake = await startFakeQbo({ startTime: '2024-06-15T12:00:00Z', freezeClock: true, ...opts }));
}
