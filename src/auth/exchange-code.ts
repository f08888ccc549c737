// The authorization_code grant at Intuit's token endpoint (the connector itself only ever refreshes).
import { intuitTidOf } from '../qbo/faults.js';
import { AuthError } from './auth-error.js';

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
  timeoutMs?: number;
}

export async function exchangeCode(options: ExchangeOptions): Promise<IssuedTokens> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const credentials = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(options.tokenUrl, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${credentials}`,
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: options.code, redirect_uri: options.redirectUri }).toString(),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    text = await response.text();
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : error instanceof Error ? error.message : String(error);
    throw new AuthError(`Could not reach Intuit's token endpoint (${reason}). Check the network and run the command again.`);
  }
  const tid = intuitTidOf(response.headers);
  const tidSuffix = tid ? ` (intuit_tid=${tid})` : '';
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: reported below by status
  }
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
