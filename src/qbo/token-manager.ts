// OAuth 2.0 access tokens for one Intuit app + company: reuse, single-flight refresh, rotation
// persisted (onRefresh) before any caller gets the new token.
import { ConfigError, JsonTooDeepError, SecretRegistry, SystemError, TransientError, type Logger } from '../cdk/index.js';
import { RedirectRefusedError } from './redirects.js';
import type { RetryPolicy } from './retry-policy.js';
import { postTokenGrant, type TokenAnswer } from './token-endpoint.js';

export interface RefreshedTokens {
  accessToken: string;
  refreshToken: string;
  /** RFC 3339 instant the access token expires. */
  tokenExpiryDate: string;
}

export interface TokenManagerOptions {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** From the config: reused while valid beyond the safety margin. */
  accessToken?: string | undefined;
  tokenExpiryDate?: string | undefined;
  tokenUrl: string;
  logger: Logger;
  /** Persist the rotation (CONTROL message / config write-back). Awaited before the token is handed out. */
  onRefresh: (tokens: RefreshedTokens) => Promise<void>;
  /** Refresh this long before expiry. Default 300. */
  safetyMarginSeconds?: number;
  /** For token expiry. */
  now?: () => number;
  fetch?: typeof fetch;
  /**
   * Tries of one token acquisition after a 5xx / 429 / network error: one deadline and one budget for
   * all of them (TOKEN_RETRY in retry-policy.ts), so the http layer never retries them again.
   */
  retry: RetryPolicy;
  /** The run's secret set: the credentials and every token received are added before anything prints. */
  secrets?: SecretRegistry;
}

/** What the http layer needs from a token source. */
export interface AccessTokenSource {
  getAccessToken(): Promise<string>;
  invalidate(rejectedToken: string): void;
}

const HARD_EXPIRY_WARN_SECONDS = 30 * 24 * 3600;
const DEFAULT_EXPIRES_IN_SECONDS = 3600;

const NEW_TOKEN_HOWTO =
  'Get a new one: run `source-quickbooks auth --client-id <client_id> --client-secret <client_secret>` ' +
  '(or use the Intuit OAuth 2.0 Playground at https://developer.intuit.com/app/developer/playground), then update refresh_token in the config';

/** A retryable token-endpoint failure (5xx, 429, network, unreadable body). */
class TokenEndpointUnavailable extends TransientError {
  readonly retry = true;
}

/**
 * The token endpoint stayed unavailable for the whole retry budget. Transient, but its retries are
 * spent: the http layer must not retry it again (retries would nest: 4 token tries per request try).
 */
export class TokenEndpointDownError extends TransientError {
  readonly retry = false;
}

export class TokenManager implements AccessTokenSource {
  readonly stats = { refreshes: 0 };

  private accessToken: string | undefined;
  private expiresAtMs: number | undefined;
  private refreshToken: string;
  private inflight: Promise<string> | undefined;
  private warnedHardExpiry = false;

  private readonly marginMs: number;
  private readonly now: () => number;
  private readonly secrets: SecretRegistry;

  constructor(private readonly options: TokenManagerOptions) {
    this.secrets = options.secrets ?? new SecretRegistry();
    this.secrets.addClientCredentials(options.clientId, options.clientSecret);
    this.secrets.add(options.refreshToken);
    this.secrets.add(options.accessToken);
    checkTokenText(options.refreshToken, 'refresh_token');
    if (options.accessToken) checkTokenText(options.accessToken, 'access_token');
    this.refreshToken = options.refreshToken;
    this.accessToken = options.accessToken || undefined;
    const expiry = options.tokenExpiryDate ? Date.parse(options.tokenExpiryDate) : Number.NaN;
    this.expiresAtMs = Number.isNaN(expiry) ? undefined : expiry;
    this.marginMs = (options.safetyMarginSeconds ?? 300) * 1000;
    this.now = options.now ?? (() => Date.now());
  }

  /** A token valid for at least the safety margin; refreshes (once, shared) when needed. */
  getAccessToken(): Promise<string> {
    if (this.inflight) return this.inflight;
    if (this.accessToken !== undefined && this.expiresAtMs !== undefined && this.expiresAtMs - this.now() > this.marginMs) {
      return Promise.resolve(this.accessToken);
    }
    const flight = this.refresh().finally(() => {
      if (this.inflight === flight) this.inflight = undefined;
    });
    this.inflight = flight;
    return flight;
  }

  /**
   * QBO answered 401 to `rejectedToken`. The next getAccessToken refreshes, but only if that token is
   * still the current one: concurrent 401s for the same token cause a single refresh.
   */
  invalidate(rejectedToken: string): void {
    if (rejectedToken === this.accessToken) {
      this.accessToken = undefined;
      this.expiresAtMs = undefined;
    }
  }

  private async refresh(): Promise<string> {
    const body = await this.options.retry.run(({ timeoutMs }) => this.requestTokens(timeoutMs), {
      onWait: ({ error, attempt, tries, waitMs }) =>
        this.options.logger.info(
          `${error instanceof Error ? error.message : String(error)}; retrying the token refresh in ${(waitMs / 1000).toFixed(1)} s (attempt ${attempt + 1}/${tries})`,
        ),
      giveUp: ({ error, attempts, elapsedMs }) => {
        if (!(error instanceof TokenEndpointUnavailable)) return error;
        return new TokenEndpointDownError(
          `${error.message}; gave up after ${attempts} attempt(s) in ${Math.round(elapsedMs / 1000)} s. Intuit's OAuth service may be down: retry the sync later`,
          { cause: error, ...(error.internalMessage ? { internalMessage: error.internalMessage } : {}) },
        );
      },
    });

    const accessToken = body['access_token'];
    if (typeof accessToken !== 'string' || accessToken === '') {
      throw new TransientError("Intuit's token endpoint answered without an access_token; retry the sync later");
    }
    const rotated = typeof body['refresh_token'] === 'string' && body['refresh_token'] !== '' ? body['refresh_token'] : this.refreshToken;
    // Known to the scrubber before any line can mention them.
    this.secrets.add(accessToken);
    this.secrets.add(rotated);
    if (!isHeaderSafe(accessToken) || !isHeaderSafe(rotated)) {
      throw new SystemError(
        "Intuit's token endpoint issued a token with line breaks, spaces or non-ASCII characters, which cannot be sent in an HTTP header; the token was not used or saved. Check that QBO_TOKEN_URL (if set) points at Intuit, then retry",
      );
    }
    const expiresIn = positiveNumber(body['expires_in']) ?? DEFAULT_EXPIRES_IN_SECONDS;
    const expiresAtMs = this.now() + expiresIn * 1000;
    const tokens: RefreshedTokens = { accessToken, refreshToken: rotated, tokenExpiryDate: new Date(expiresAtMs).toISOString() };

    // The newest refresh token is the only one to use from now on, even if persisting fails below
    // (the previous one stays valid for 24 h, but Intuit wants the latest used).
    this.refreshToken = rotated;
    this.stats.refreshes += 1;
    this.warnOnHardExpiry(body['x_refresh_token_hard_expires_in']);
    this.options.logger.info(
      `Refreshed the QuickBooks access token (valid until ${tokens.tokenExpiryDate}${rotated !== this.options.refreshToken ? '; refresh token rotated' : ''}); saving it before any data request`,
    );
    // Persist before anyone may use the token. If this throws, the access token is not kept, so
    // the next call refreshes again and persists again.
    await this.options.onRefresh(tokens);
    this.accessToken = accessToken;
    this.expiresAtMs = expiresAtMs;
    return accessToken;
  }

  /** One POST to the token endpoint: the parsed success body, or a typed error. */
  private async requestTokens(timeoutMs: number): Promise<Record<string, unknown>> {
    let answer: TokenAnswer;
    try {
      answer = await postTokenGrant({
        tokenUrl: this.options.tokenUrl,
        clientId: this.options.clientId,
        clientSecret: this.options.clientSecret,
        grant: { grant_type: 'refresh_token', refresh_token: this.refreshToken },
        withHardExpiry: true,
        timeoutMs,
        ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      });
    } catch (error) {
      if (error instanceof RedirectRefusedError || error instanceof JsonTooDeepError) throw error;
      throw new TokenEndpointUnavailable(`Could not reach Intuit's token endpoint (${this.secrets.scrub(errorText(error))})`, { cause: error });
    }
    const { body, intuitTid: tid } = answer;
    const tidSuffix = tid ? `. intuit_tid=${tid}` : '';
    const internalMessage = `POST token endpoint -> HTTP ${answer.status}: ${this.secrets.cut(answer.text, 500)}`;

    if (answer.ok) {
      if (body && typeof body['access_token'] === 'string') return body;
      throw new TokenEndpointUnavailable(`Intuit's token endpoint sent an unreadable answer (HTTP ${answer.status})${tidSuffix}`, { internalMessage });
    }
    if (answer.status === 429 || answer.status >= 500) {
      throw new TokenEndpointUnavailable(`Intuit's token endpoint answered HTTP ${answer.status}${tidSuffix}`, { internalMessage });
    }
    const code = typeof body?.['error'] === 'string' ? body['error'] : undefined;
    const description = typeof body?.['error_description'] === 'string' ? body['error_description'] : undefined;
    // What the endpoint said, scrubbed whole before it is cut: it may echo what we sent.
    const said = this.secrets.cut([code, description].filter(Boolean).join(': '), 300) || `HTTP ${answer.status}`;
    if (code === 'invalid_grant') {
      throw new ConfigError(
        `QuickBooks rejected the refresh token (${said}): it has expired, been revoked, or was already rotated (each refresh issues a new refresh token and the old one stops working). ${NEW_TOKEN_HOWTO}${tidSuffix}`,
        { internalMessage },
      );
    }
    if (code === 'invalid_client' || answer.status === 401) {
      throw new ConfigError(
        `Intuit rejected the app credentials (${said}): check client_id and client_secret (developer.intuit.com > your app > Keys & credentials; development and production keys differ). If they are right, the refresh token may belong to another app: ${NEW_TOKEN_HOWTO}${tidSuffix}`,
        { internalMessage },
      );
    }
    throw new ConfigError(
      `Intuit's token endpoint refused to refresh the access token (${said}, HTTP ${answer.status}). Check client_id, client_secret and refresh_token; ${NEW_TOKEN_HOWTO}${tidSuffix}`,
      { internalMessage },
    );
  }

  private warnOnHardExpiry(value: unknown): void {
    const seconds = positiveNumber(value);
    if (seconds === undefined || seconds >= HARD_EXPIRY_WARN_SECONDS || this.warnedHardExpiry) return;
    this.warnedHardExpiry = true;
    const dies = new Date(this.now() + seconds * 1000).toISOString();
    const days = Math.floor(seconds / 86400);
    this.options.logger.warn(
      `The QuickBooks refresh token reaches its hard expiry (Intuit's 5-year limit) on ${dies}, in ${days} day(s); after that every sync fails. ` +
        `Reconnect before then: run \`source-quickbooks auth --client-id <client_id> --client-secret <client_secret>\` (or the Intuit OAuth 2.0 Playground) and update refresh_token.`,
    );
  }
}

/** Visible ASCII only: what a bearer token or form field can carry without being rewritten or rejected. */
function isHeaderSafe(token: string): boolean {
  return /^[\x21-\x7e]+$/.test(token);
}

/** A token from the config that no HTTP header can carry is a config error naming the field, not 7 retries. */
function checkTokenText(token: string, field: string): void {
  if (isHeaderSafe(token)) return;
  throw new ConfigError(
    `${field} in the config contains line breaks, spaces or non-ASCII characters, so it cannot be sent to QuickBooks. ` +
      `Paste it again as one line without surrounding spaces${field === 'access_token' ? ', or remove access_token and token_expiry_date to have a fresh one fetched' : ''}`,
  );
}

function positiveNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${(error.cause as NodeJS.ErrnoException).code ?? error.cause.message}` : '';
  return `${error.name === 'TimeoutError' ? 'timed out' : error.message}${cause}`;
}
