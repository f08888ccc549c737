// Load, fault and token knobs; options.knobs sets them at start, FakeQbo.setKnobs changes them live.

/** Injectable faults: HTTP 429/500/502 (nginx HTML)/503/504 (nginx HTML), the XML throttle body, a throttle
 *  Fault inside an HTTP 200, a JSON body cut in half, and a reset connection. */
export type FaultKind = '429' | '500' | '502' | '503' | '504' | 'xml429' | 'throttle200' | 'truncated' | 'reset';

export const FAULT_KINDS: readonly FaultKind[] = ['429', '500', '502', '503', '504', 'xml429', 'throttle200', 'truncated', 'reset'];

/** Mutations applied while a connector reads: every N-th /query request, before it is answered. */
export interface MutationSchedule {
  everyNQueries: number;
  /** Records to update (SyncToken+1, LastUpdatedTime = now) per round. */
  update?: number;
  /** Records to create (copies of existing ones under new Ids) per round. */
  create?: number;
  /** Transactions to hard-delete per round (CDC tombstones). */
  hardDelete?: number;
  /** Name-list records to deactivate per round. */
  deactivate?: number;
  /** Entities to touch (default: Invoice, Payment, Bill, Customer, Vendor, Item). */
  entities?: string[];
  /** Stop after this many rounds (default: unlimited). */
  maxRounds?: number;
}

export interface Knobs {
  /** Added to every data request (ms). */
  latencyMs: number;
  /** Added per 1000 rows returned (ms), to model serialisation cost of big pages. */
  latencyMsPer1000Rows: number;
  /** Spread of that latency: each answer takes it times a seeded uniform factor in [1 - j, 1 + j] (0.5: 0.5x-1.5x). */
  latencyJitter: number;
  /** Concurrent data requests allowed; the next one gets 429 ThrottleExceeded. 0 = unlimited. */
  maxInFlight: number;
  /** Data requests per sliding 60 s (real time); beyond it 429. 0 = unlimited. */
  perMinute: number;
  /** Retry-After header (seconds) on 429 responses; absent when undefined (QBO's behaviour is unverified). */
  retryAfterSeconds: number | undefined;
  /** Probability per data request of each fault, drawn from a PRNG seeded by options.seed. */
  faultRates: Partial<Record<FaultKind, number>>;
  mutations: MutationSchedule | undefined;
  /** Rotation: the previous refresh token dies at once instead of after refreshGraceSeconds. */
  strictRotation: boolean;
  /** How long a superseded refresh token keeps working (default 24 h, fake clock). */
  refreshGraceSeconds: number;
  /** expires_in of access tokens (default 3600). */
  accessTokenTtlSeconds: number;
  /** x_refresh_token_expires_in (rolling refresh-token life, default 8726400). */
  refreshTokenTtlSeconds: number;
  /** x_refresh_token_hard_expires_in, sent only with header x-include-refresh-token-hard-expires-in: true. */
  refreshTokenHardExpiresInSeconds: number;
  /** CDC: objects per entity (default 1000) and look-back limit in days (default 30). */
  cdcMaxPerEntity: number;
  cdcLookbackDays: number;
  /** Entities (or stream names) this company lacks: answered with QBO's faults for them (features.ts). */
  missingFeatures: string[];
  /** Entities /cdc refuses (400 Fault 2010 naming the entity), as QBO would one it does not serve by CDC. */
  cdcRejects: string[];
}

export const DEFAULT_KNOBS: Knobs = {
  latencyMs: 0,
  latencyMsPer1000Rows: 0,
  latencyJitter: 0,
  maxInFlight: 10,
  perMinute: 500,
  retryAfterSeconds: undefined,
  faultRates: {},
  mutations: undefined,
  strictRotation: false,
  refreshGraceSeconds: 86_400,
  accessTokenTtlSeconds: 3600,
  refreshTokenTtlSeconds: 8_726_400,
  refreshTokenHardExpiresInSeconds: 156_032_154,
  cdcMaxPerEntity: 1000,
  cdcLookbackDays: 30,
  missingFeatures: [],
  cdcRejects: [],
};
