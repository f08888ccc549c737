// The QBO client's and the realm limiter's counters as the kit's ProgressMetrics (live views, cheap).
import type { ProgressMetrics } from '../cdk/index.js';
import type { RequestLimiterStats } from './request-limiter.js';
import type { QboRequestStats } from './types.js';

export function qboProgressMetrics(stack: { client: { stats: QboRequestStats }; limiter: { stats: RequestLimiterStats } }): ProgressMetrics {
  const { client, limiter } = stack;
  return {
    requests: client.stats.requests,
    retries: client.stats.retries,
    throttled: client.stats.throttled,
    waits: limiter.stats.windowWaits + limiter.stats.holdWaits,
    waitedMs: limiter.stats.waitedMs,
  };
}
