// A fake QBO company for a test: the server, a connector config holding its credentials, and the env that
// points the connector at it.
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { startFakeQbo, type FakeQbo, type FakeQboOptions } from '../fake-qbo/index.js';

/** Before any generated history, so a first incremental sync must return everything. */
export const START_DATE = '2000-01-01T00:00:00Z';

export interface FakeEnv {
  fake: FakeQbo;
  /** A config for the current refresh token (read it after the fake rotated tokens to get the newest). */
  config(extra?: JsonObject): JsonObject;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** First day of the month `months` before now (UTC), YYYY-MM-DD: keeps report syncs to a few requests. */
export function monthsAgo(months: number, now = Date.now()): string {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1)).toISOString().slice(0, 10);
}

export function configFor(fake: FakeQbo, extra: JsonObject = {}): JsonObject {
  return {
    client_id: fake.clientId,
    client_secret: fake.clientSecret,
    refresh_token: fake.refreshToken,
    realm_id: fake.realmId,
    start_date: START_DATE,
    report_start_date: monthsAgo(2),
    ...extra,
  };
}

export function envFor(fake: Pick<FakeQbo, 'url' | 'tokenUrl'>): Record<string, string> {
  return { QBO_BASE_URL: fake.url, QBO_TOKEN_URL: fake.tokenUrl };
}

/** Start a fake company (real-time clock by default, so CDC windows match the connector's clock). */
export async function startFakeEnv(options: FakeQboOptions = {}): Promise<FakeEnv> {
  const fake = await startFakeQbo(options);
  return {
    fake,
    config: (extra) => configFor(fake, extra),
    env: envFor(fake),
    close: () => fake.close(),
  };
}
