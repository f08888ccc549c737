// Intuit's OAuth endpoints: token, revoke, the authorization page (auto-approved: redirects at once with
// code, state and realmId) and the OpenID discovery document pointing at this server.
import type { IncomingMessage } from 'node:http';
import type { OAuthServer } from '../oauth.js';
import { json, type Reply } from './reply.js';

export interface OAuthContext {
  oauth: OAuthServer;
  realmId: string;
  baseUrl: string;
}

function form(req: IncomingMessage, body: string): URLSearchParams {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      return new URLSearchParams(Object.entries(parsed).map(([k, v]): [string, string] => [k, String(v)]));
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(body);
}

export function routeOAuth(ctx: OAuthContext, req: IncomingMessage, url: URL, body: string): Reply | undefined {
  const path = url.pathname;
  if (path === '/oauth2/v1/tokens/bearer' && req.method === 'POST') {
    const hard = String(req.headers['x-include-refresh-token-hard-expires-in'] ?? '').toLowerCase() === 'true';
    const r = ctx.oauth.token(req.headers.authorization, form(req, body), hard);
    return json(r.status, r.body);
  }
  if (path === '/oauth2/v1/tokens/revoke' && req.method === 'POST') {
    const f = form(req, body);
    const r = ctx.oauth.revoke(req.headers.authorization, f, f.get('token'));
    return json(r.status, r.status === 200 ? { statuscode: '200' } : r.body);
  }
  if (path === '/connect/oauth2' && req.method === 'GET') {
    const q = url.searchParams;
    if (q.get('client_id') !== ctx.oauth.clientId) return json(400, { error: 'invalid_client' });
    const redirect = q.get('redirect_uri');
    if (redirect === null || q.get('response_type') !== 'code') return json(400, { error: 'invalid_request' });
    const target = new URL(redirect);
    target.searchParams.set('code', ctx.oauth.issueCode(redirect));
    const state = q.get('state');
    if (state !== null) target.searchParams.set('state', state);
    target.searchParams.set('realmId', ctx.realmId);
    return { status: 302, body: '', contentType: 'text/plain', headers: { Location: target.toString() } };
  }
  if (path.startsWith('/.well-known/openid_')) {
    return json(200, {
      issuer: 'https://oauth.platform.intuit.com/op/v1',
      authorization_endpoint: `${ctx.baseUrl}/connect/oauth2`,
      token_endpoint: `${ctx.baseUrl}/oauth2/v1/tokens/bearer`,
      revocation_endpoint: `${ctx.baseUrl}/oauth2/v1/tokens/revoke`,
      response_types_supported: ['code'],
      scopes_supported: ['openid', 'email', 'profile', 'address', 'phone', 'com.intuit.quickbooks.accounting'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    });
  }
  return undefined;
}
