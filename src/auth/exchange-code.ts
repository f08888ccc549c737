// The authorization_code grant at Intuit's token endpoint (the connector itself only ever refreshes).
import { postTokenGrant, type TokenAnswer } from '../qbo/token-endpoint.js';
import { AuthError } from './auth-error.js';
import { RedirectRefusedError } from '../qbo/redirects.js';
import { TOKEN_RETRY } from '../qbo/retry-policy.js';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** RFC 3339 instant the access token expires. */
  tokenExpiryDate: string;
}

export interface ExchangeOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  code: string;
  redirectUri: string;
  now?: () => number;
  fetch?: typeof fetch;
}

export async function exchangeCode(options: ExchangeOptions): Promise<IssuedTokens> {
  let response: TokenAnswer;
  try {
    response = await postTokenGrant({
      tokenUrl: options.tokenUrl,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      grant: { grant_type: 'authorization_code', code: options.code, redirect_uri: options.redirectUri },
      // One try, as long as one try of a refresh: a code is good once, so a retry could not use it anyway.
      timeoutMs: TOKEN_RETRY.tryTimeoutMs,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  } catch (error) {
    if (error instanceof RedirectRefusedError) throw new AuthError(`${error.message}.`);
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : error instanceof Error ? error.message : String(error);
    throw new AuthError(`Could not reach Intuit's token endpoint (${reason}). Check the network and run the command again.`);
  }
  const tidSuffix = response.intuitTid ? ` (intuit_tid=${response.intuitTid})` : '';
  const body = response.body ?? {};
  const accessToken = body['access_token'];
  const refreshToken = body['refresh_token'];
  if (response.ok && typeof accessToken === 'string' && accessToken !== '' && typeof refreshToken === 'string' && refreshToken !== '') {
    const expiresIn = typeof body['expires_in'] === 'number' && body['expires_in'] > 0 ? body['expires_in'] : 3600;
    const now = (options.now ?? Date.now)();
    return { accessToken, refreshToken, tokenExpiryDate: new Date(now + expiresIn * 1000).toISOString() };
  }
  const error = typeof body['error'] === 'string' ? body['error'] : undefined;
  if (error === 'invalid_client' || response.status === 401) {
    throw new AuthError(`Intuit rejected the app credentials (${error ?? `HTTP ${response.status}`}): check --client-id and --client-secret (development and production keys differ)${tidSuffix}.`);
  }
  if (error === 'invalid_grant') {
    throw new AuthError(
      `Intuit refused the authorization code (invalid_grant): it expired, was already used, or the redirect URI differs from the one on the consent URL. Run the command again${tidSuffix}.`,
    );
  }
  throw new AuthError(`Intuit's token endpoint answered HTTP ${response.status}${error ? ` (${error})` : ''} to the code exchange. Run the command again later${tidSuffix}.`);
}
