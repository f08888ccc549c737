// One POST to Intuit's OAuth token endpoint (HTTP Basic client auth, form body), shared by the
// refresh in the token manager and the authorization-code exchange of `source-quickbooks auth`.
import { checkDataDepth } from '../cdk/index.js';
import { MAX_ERROR_BODY_BYTES, readTextCapped } from './bounded-body.js';
import { intuitTidOf } from './fault-parser.js';
import { NO_REDIRECTS, refuseRedirect } from './redirects.js';

export interface TokenGrant {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Form fields: grant_type and what it needs (refresh_token, or code + redirect_uri). */
  grant: Record<string, string>;
  /** Ask for x_refresh_token_hard_expires_in (Intuit sends it only when asked). */
  withHardExpiry?: boolean;
  /** This one POST's timeout: a try of TOKEN_RETRY (retry-policy.ts). */
  timeoutMs: number;
  fetch?: typeof fetch;
}

export interface TokenAnswer {
  status: number;
  ok: boolean;
  text: string;
  /** The JSON object body, when the answer is one. */
  body: Record<string, unknown> | undefined;
  intuitTid: string | undefined;
}

/** Sends the grant; network failures and timeouts are thrown as they come (callers word them), a 3xx as RedirectRefusedError. */
export async function postTokenGrant(request: TokenGrant): Promise<TokenAnswer> {
  const fetchImpl = request.fetch ?? globalThis.fetch;
  const credentials = Buffer.from(`${request.clientId}:${request.clientSecret}`).toString('base64');
  const response = await fetchImpl(request.tokenUrl, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${credentials}`,
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(request.withHardExpiry ? { 'x-include-refresh-token-hard-expires-in': 'true' } : {}),
    },
    body: new URLSearchParams(request.grant).toString(),
    signal: AbortSignal.timeout(request.timeoutMs),
    ...NO_REDIRECTS,
  });
  // A redirected token request would carry the client secret and refresh token to another host.
  refuseRedirect(response, request.tokenUrl, "Intuit's token endpoint", 'QBO_TOKEN_URL');
  const text = await readTextCapped(response, MAX_ERROR_BODY_BYTES);
  checkDataDepth(text, "Intuit's token endpoint's answer");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const body = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  return { status: response.status, ok: response.ok, text, body, intuitTid: intuitTidOf(response.headers) };
}
