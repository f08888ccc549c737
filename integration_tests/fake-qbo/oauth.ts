// Intuit's OAuth 2.0 token service: client authentication (Basic or form), refresh-token rotation (the
// previous token keeps working for 24 h of fake time, or dies at once in strict mode), authorization codes
// from /connect/oauth2, access-token validation for the data endpoints, and revocation.
import type { FakeClock } from './clock.js';
import type { Knobs } from './knobs.js';
import type { Rng } from './prng.js';

interface RefreshToken {
  issuedAt: number;
  supersededAt: number | undefined;
  revoked: boolean;
}

interface Code {
  redirectUri: string;
  expiresAt: number;
  used: boolean;
}

export interface TokenReply {
  status: number;
  body: Record<string, unknown>;
}

export type AccessCheck = { ok: true } | { ok: false; detail: string };

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export class OAuthServer {
  private readonly refresh = new Map<string, RefreshToken>();
  private readonly access = new Map<string, number>();
  private readonly codes = new Map<string, Code>();
  private current: string;
  /** Number of successful token grants. */
  grants = 0;

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
    private readonly clock: FakeClock,
    private readonly rng: Rng,
    private readonly knobs: () => Knobs,
    initialRefreshToken?: string,
  ) {
    this.current = initialRefreshToken ?? this.newRefreshToken();
    this.refresh.set(this.current, { issuedAt: clock.now(), supersededAt: undefined, revoked: false });
  }

  /** The newest refresh token (what a well-behaved client should hold). */
  get refreshToken(): string {
    return this.current;
  }

  private chars(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += ALNUM[this.rng.int(ALNUM.length)];
    return s;
  }

  private newRefreshToken(): string {
    return `AB11${Math.floor(this.clock.now() / 1000)}${this.chars(36)}`;
  }

  /** Issue an access token (also used by tests to start with one). */
  issueAccessToken(ttlSeconds = this.knobs().accessTokenTtlSeconds): string {
    const token = `eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0..${this.chars(22)}.${this.chars(120)}.${this.chars(22)}`;
    this.access.set(token, this.clock.now() + ttlSeconds * 1000);
    return token;
  }

  /** Validate `Authorization: Bearer ...` of a data request. */
  checkAccess(header: string | undefined): AccessCheck {
    const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!m) return { ok: false, detail: 'Token invalid: no Bearer token in the Authorization header' };
    const token = m[1] as string;
    const expires = this.access.get(token);
    if (expires === undefined) return { ok: false, detail: `Token invalid: ${token.slice(0, 50)}` };
    if (this.clock.now() >= expires) return { ok: false, detail: `Token expired: ${token.slice(0, 50)}` };
    return { ok: true };
  }

  /** A code for the authorization_code grant, as /connect/oauth2 redirects with. */
  issueCode(redirectUri: string): string {
    const code = `AB11${this.chars(40)}`;
    this.codes.set(code, { redirectUri, expiresAt: this.clock.now() + 300_000, used: false });
    return code;
  }

  private clientOk(authorization: string | undefined, form: URLSearchParams): boolean {
    let id = form.get('client_id');
    let secret = form.get('client_secret');
    const m = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
    if (m) {
      const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
      const at = decoded.indexOf(':');
      id = decoded.slice(0, at);
      secret = decoded.slice(at + 1);
    }
    return id === this.clientId && secret === this.clientSecret;
  }

  private refreshValid(token: string): boolean {
    const rt = this.refresh.get(token);
    const k = this.knobs();
    const now = this.clock.now();
    if (!rt || rt.revoked) return false;
    if (now >= rt.issuedAt + k.refreshTokenTtlSeconds * 1000) return false;
    if (rt.supersededAt !== undefined) {
      if (k.strictRotation) return false;
      if (now >= rt.supersededAt + k.refreshGraceSeconds * 1000) return false;
    }
    return true;
  }

  private grant(includeHardExpiry: boolean): TokenReply {
    const now = this.clock.now();
    const k = this.knobs();
    for (const rt of this.refresh.values()) if (rt.supersededAt === undefined) rt.supersededAt = now;
    this.current = this.newRefreshToken();
    this.refresh.set(this.current, { issuedAt: now, supersededAt: undefined, revoked: false });
    this.grants++;
    const body: Record<string, unknown> = {
      token_type: 'bearer',
      expires_in: k.accessTokenTtlSeconds,
      refresh_token: this.current,
      x_refresh_token_expires_in: k.refreshTokenTtlSeconds,
      access_token: this.issueAccessToken(),
    };
    if (includeHardExpiry) body.x_refresh_token_hard_expires_in = k.refreshTokenHardExpiresInSeconds;
    return { status: 200, body };
  }

  /** POST /oauth2/v1/tokens/bearer. */
  token(authorization: string | undefined, form: URLSearchParams, includeHardExpiry: boolean): TokenReply {
    if (!this.clientOk(authorization, form)) return { status: 401, body: { error: 'invalid_client' } };
    const invalid: TokenReply = { status: 400, body: { error: 'invalid_grant', error_description: 'Token invalid' } };
    const type = form.get('grant_type');
    if (type === 'refresh_token') {
      const token = form.get('refresh_token');
      if (token === null) return { status: 400, body: { error: 'invalid_request' } };
      return this.refreshValid(token) ? this.grant(includeHardExpiry) : invalid;
    }
    if (type === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      if (!code || code.used || this.clock.now() >= code.expiresAt || code.redirectUri !== form.get('redirect_uri')) return invalid;
      code.used = true;
      return this.grant(includeHardExpiry);
    }
    return { status: 400, body: { error: 'unsupported_grant_type' } };
  }

  /** POST /oauth2/v1/tokens/revoke: a refresh token revokes the whole grant, an access token only itself. */
  revoke(authorization: string | undefined, form: URLSearchParams, token: string | null): TokenReply {
    if (!this.clientOk(authorization, form)) return { status: 401, body: { error: 'invalid_client' } };
    if (token === null) return { status: 400, body: { error: 'invalid_request' } };
    if (this.refresh.has(token)) {
      for (const rt of this.refresh.values()) rt.revoked = true;
      this.access.clear();
    } else this.access.delete(token);
    return { status: 200, body: {} };
  }

  /** Expire every access token now (tests of the 401 path). */
  expireAccessTokens(): void {
    for (const t of this.access.keys()) this.access.set(t, 0);
  }
}
