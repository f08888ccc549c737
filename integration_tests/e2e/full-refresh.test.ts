// Full refresh of every stream (catalog/full_refresh.json) into a dedup destination equals the fake
// company's ground truth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryStreamHasRecords, expectMatchesTruth, expectSucceeded } from '../helpers/assertions.js';
import { committedCatalog } from '../helpers/catalogs.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { states } from '../helpers/messages.js';
import { Platform } from '../helpers/platform.js';

describe('full refresh of every stream', () => {
  let env: FakeEnv;
  beforeAll(async () => {
    env = await startFakeEnv({ seed: 11 });
  });
  afterAll(() => env.close());

  it('matches ground truth, twice (overwrite replaces, nothing accumulates)', async () => {
    const catalog = committedCatalog('full_refresh');
    const platform = new Platform(env.config(), env.env);
    const first = await platform.sync(catalog);
    expectSucceeded(first);
    expectEveryStreamHasRecords(first, catalog);
    expectMatchesTruth(platform, env.fake.company, catalog);
    // Every stream checkpoints at least once, with STREAM state and record counts.
    const named = new Set(states(first.messages).map((s) => s.stream?.stream_descriptor.name));
    expect(catalog.streams.filter((s) => !named.has(s.stream.name)).map((s) => s.stream.name)).toEqual([]);

    const second = await platform.sync(catalog);
    expectSucceeded(second);
    expectMatchesTruth(platform, env.fake.company, catalog);
    // A full refresh ignores state: the second read returns as many records as the first.
    expect(second.messages.filter((m) => m.type === 'RECORD').length).toBe(first.messages.filter((m) => m.type === 'RECORD').length);
  }, 60_000);
});
