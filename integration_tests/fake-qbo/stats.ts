// What the fake observed: requests per endpoint, throttling, concurrency, injected faults, query plans.
import type { Plan } from './query/execute.js';

export type Endpoint =
  | 'token'
  | 'revoke'
  | 'authorize'
  | 'discovery'
  | 'query'
  | 'cdc'
  | 'read'
  | 'companyinfo'
  | 'preferences'
  | 'exchangerate'
  | 'taxclassification'
  | 'reports'
  | 'batch'
  | 'other';

export interface FakeQboStats {
  /** Requests received, by endpoint (throttled ones included). */
  requests: Partial<Record<Endpoint, number>>;
  total: number;
  /** Requests refused by the maxInFlight or perMinute throttle. */
  throttled: number;
  /** Every HTTP 429 sent (throttles and injected 429s). */
  sent429: number;
  /** Highest number of concurrent data requests seen. */
  maxInFlight: number;
  inFlight: number;
  /** 401s sent for a missing, invalid or expired access token. */
  unauthorized: number;
  faultsInjected: Record<string, number>;
  /** Query plans used (lut-index and id-index never scan). */
  plans: Partial<Record<Plan, number>>;
  /** The last 1000 query texts, oldest first. */
  queries: string[];
  rowsServed: number;
}

export function emptyStats(): FakeQboStats {
  return {
    requests: {},
    total: 0,
    throttled: 0,
    sent429: 0,
    maxInFlight: 0,
    inFlight: 0,
    unauthorized: 0,
    faultsInjected: {},
    plans: {},
    queries: [],
    rowsServed: 0,
  };
}

export function endpointOf(path: string): Endpoint {
  if (path === '/oauth2/v1/tokens/bearer') return 'token';
  if (path === '/oauth2/v1/tokens/revoke') return 'revoke';
  if (path.startsWith('/connect/oauth2')) return 'authorize';
  if (path.startsWith('/.well-known/')) return 'discovery';
  const m = /^\/v3\/company\/[^/]+\/([^/?]+)(\/[^/]+)?/.exec(path);
  if (!m) return 'other';
  const seg = (m[1] as string).toLowerCase();
  if (seg === 'query' || seg === 'cdc' || seg === 'companyinfo' || seg === 'preferences' || seg === 'exchangerate' || seg === 'taxclassification' || seg === 'reports' || seg === 'batch') return seg;
  return m[2] ? 'read' : 'other';
}
