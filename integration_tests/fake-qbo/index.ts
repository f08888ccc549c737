// startFakeQbo: a QuickBooks Online Accounting API v3 emulator on a loopback port (see README.md).
import type { AddressInfo } from 'node:net';
import { Chaos } from './chaos.js';
import { createClock, type FakeClock } from './clock.js';
import { buildSources, GenContext, resolveCounts, type Scale } from './generator/index.js';
import { createFakeServer } from './http/server.js';
import { DEFAULT_KNOBS, type FaultKind, type Knobs } from './knobs.js';
import { Limiter } from './limits.js';
import { Mutator } from './mutations.js';
import { OAuthServer } from './oauth.js';
import { hash32, Rng } from './prng.js';
import { emptyStats, type FakeQboStats } from './stats.js';
import { Company } from './store/company.js';
import { offsetRule } from './time.js';

export interface FakeQboOptions {
  /** Default "9341453172471531". */
  realmId?: string;
  /** Default 0 (any free port). Always binds 127.0.0.1. */
  port?: number;
  /** Seed of the company generator, tokens and random faults. Default 1. */
  seed?: number;
  /** A multiplier of the default record counts, or counts by entity or stream name: { invoices: 1_000_000 }. */
  scale?: Scale;
  /** Fake "now" at start (ISO string or epoch ms). Default: the real time. Generated history ends 60 s before it. */
  startTime?: string | number;
  /** Freeze the clock (it only moves by clock.advance/set). Default false: it ticks with real time. */
  freezeClock?: boolean;
  /** Days of generated history (default 730). */
  historyDays?: number;
  /** Company UTC offset: "America/Los_Angeles" (default, -08:00/-07:00), "Z", "+01:00" or minutes. */
  utcOffset?: string | number;
  clientId?: string;
  clientSecret?: string;
  /** The initial valid refresh token (default: generated). */
  refreshToken?: string;
  knobs?: Partial<Knobs>;
}

export interface FakeQbo {
  /** http://127.0.0.1:<port> (set QBO_BASE_URL to it). */
  url: string;
  /** url + /oauth2/v1/tokens/bearer (set QBO_TOKEN_URL to it). */
  tokenUrl: string;
  realmId: string;
  clientId: string;
  clientSecret: string;
  /** The newest refresh token (changes with every refresh). */
  readonly refreshToken: string;
  company: Company;
  clock: FakeClock;
  readonly stats: FakeQboStats;
  knobs(): Readonly<Knobs>;
  setKnobs(partial: Partial<Knobs>): void;
  /** Scripted faults for the next data requests, in order; null = answer that one normally. */
  injectFaults(...kinds: Array<FaultKind | null>): void;
  /** An access token valid for ttlSeconds (default: the knob), e.g. for config.access_token. */
  issueAccessToken(ttlSeconds?: number): string;
  /** Make every issued access token expired. */
  expireAccessTokens(): void;
  /** Authorization-code flow: URL of the (auto-approving) authorization page. */
  authorizeUrl(redirectUri: string, state?: string): string;
  close(): Promise<void>;
}

export const DEFAULT_REALM_ID = '9341453172471531';

export async function startFakeQbo(options: FakeQboOptions = {}): Promise<FakeQbo> {
  const seed = options.seed ?? 1;
  const realmId = options.realmId ?? DEFAULT_REALM_ID;
  const startMs =
    options.startTime === undefined ? Date.now() : typeof options.startTime === 'number' ? options.startTime : Date.parse(options.startTime);
  if (Number.isNaN(startMs)) throw new Error(`fake-qbo: bad startTime ${String(options.startTime)}`);
  const clock = createClock(startMs, options.freezeClock ?? false);
  const rule = offsetRule(options.utcOffset);
  const endSec = Math.floor(startMs / 1000) - 60;
  const ctx = new GenContext(seed, rule, resolveCounts(options.scale), endSec - (options.historyDays ?? 730) * 86400, endSec);
  const company = new Company(buildSources(ctx), clock, rule);

  let knobs: Knobs = { ...DEFAULT_KNOBS, ...options.knobs };
  const tokenRng = Rng.of(seed, 'oauth');
  const clientId = options.clientId ?? `ABfake${hash32(seed, 'client').toString(36)}ClientId${hash32(seed, 'id2').toString(36)}`;
  const clientSecret = options.clientSecret ?? `fakeSecret${hash32(seed, 'secret').toString(36)}${hash32(seed, 'secret2').toString(36)}`;
  const oauth = new OAuthServer(clientId, clientSecret, clock, tokenRng, () => knobs, options.refreshToken);
  const stats = emptyStats();
  const chaos = new Chaos(Rng.of(seed, 'faults'));
  const deps = {
    company,
    get knobs() {
      return knobs;
    },
    stats,
    mutator: new Mutator(company, Rng.of(seed, 'mutations')),
    oauth,
    realmId,
    baseUrl: '',
    limiter: new Limiter(),
    chaos,
    tidRng: Rng.of(seed, 'tid'),
    latencyRng: Rng.of(seed, 'latency'),
  };
  const server = createFakeServer(deps);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  deps.baseUrl = url;

  return {
    url,
    tokenUrl: `${url}/oauth2/v1/tokens/bearer`,
    realmId,
    clientId,
    clientSecret,
    get refreshToken() {
      return oauth.refreshToken;
    },
    company,
    clock,
    stats,
    knobs: () => knobs,
    setKnobs(partial) {
      knobs = { ...knobs, ...partial };
    },
    injectFaults: (...kinds) => chaos.inject(...kinds),
    issueAccessToken: (ttl) => oauth.issueAccessToken(ttl),
    expireAccessTokens: () => oauth.expireAccessTokens(),
    authorizeUrl(redirectUri, state) {
      const q = new URLSearchParams({
        client_id: clientId,
        response_type: 'code',
        scope: 'com.intuit.quickbooks.accounting',
        redirect_uri: redirectUri,
        ...(state === undefined ? {} : { state }),
      });
      return `${url}/connect/oauth2?${q.toString()}`;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export type { Knobs, FaultKind, MutationSchedule } from './knobs.js';
export type { FakeQboStats } from './stats.js';
export type { Company, MutationEvent, DeletedRecord } from './store/company.js';
export type { FakeClock } from './clock.js';
