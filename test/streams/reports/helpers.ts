// Shared helpers of the report tests: fixtures from test/fixtures/reports and a scripted QboApi.
import { readFileSync } from 'node:fs';
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import type { QboApi, QboRequestStats } from '../../../src/qbo/types.js';

export function fixture(name: string): JsonObject {
  return JSON.parse(readFileSync(new URL(`../../fixtures/reports/${name}.json`, import.meta.url), 'utf8')) as JsonObject;
}

export interface Call {
  path: string;
  params: Record<string, string>;
}

/** A QboApi whose `get` is a function of the call; records every call. */
export function fakeApi(get: (path: string, params: Record<string, string>) => JsonObject | Promise<JsonObject>): QboApi & { calls: Call[] } {
  const calls: Call[] = [];
  const stats: QboRequestStats = { requests: 0, retries: 0, throttled: 0, tokenRefreshes: 0 };
  return {
    calls,
    stats,
    async get(path, params = {}) {
      calls.push({ path, params: { ...params } });
      stats.requests++;
      return get(path, params);
    },
    async query() {
      throw new Error('query not expected');
    },
    async cdc() {
      throw new Error('cdc not expected');
    },
  };
}

/** A report response with nothing in it. */
export function emptyReport(name: string): JsonObject {
  return {
    Header: { ReportName: name, Option: [{ Name: 'NoReportData', Value: 'true' }] },
    Columns: { Column: [] },
    Rows: {},
  };
}
