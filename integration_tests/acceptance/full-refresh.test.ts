// CAT TestFullRefresh.test_sequential_reads: two full-refresh reads, the second strictly after the first.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSucceeded } from '../helpers/assertions.js';
import { catalogInMode } from '../helpers/catalogs.js';
import { discover } from '../helpers/discover.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { records } from '../helpers/messages.js';
import { runConnector } from '../helpers/run-connector.js';

describe('TestFullRefresh', () => {
  let env: FakeEnv;
  beforeAll(async () => {
    env = await startFakeEnv({ seed: 65 });
  });
  afterAll(() => env.close());

  it('test_sequential_reads: max emitted_at of read 1 < min emitted_at of read 2', async () => {
    const catalog = catalogInMode((await discover(env)).catalog, 'full_refresh');
    const first = await runConnector('read', { config: env.config(), catalog, env: env.env });
    expectSucceeded(first);
    await sleep(100);
    const second = await runConnector('read', { config: env.config(), catalog, env: env.env });
    expectSucceeded(second);
    const a = records(first.messages).map((r) => r.emitted_at);
    const b = records(second.messages).map((r) => r.emitted_at);
    expect(a.length).toBeGreaterThan(0);
    expect(Math.max(...a)).toBeLessThan(Math.min(...b));
    // The docs' stronger reading: the same records come back (report rows carry their fetch time).
    const key = (r: { stream: string; data: Record<string, unknown> }): string => `${r.stream} ${JSON.stringify(r.data['Id'] ?? r.data['_row_key'] ?? r.data)}`;
    expect(new Set(records(second.messages).map(key))).toEqual(new Set(records(first.messages).map(key)));
  });
});
