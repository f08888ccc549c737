// Incremental reads of every stream (catalog/incremental.json): the first equals ground truth; after
// updates, creates, hard deletes and deactivations, the second returns exactly those changes (tombstones
// for the deletes, through CDC) and the destination still equals ground truth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryStreamHasRecords, expectMatchesTruth, expectSucceeded } from '../helpers/assertions.js';
import { committedCatalog } from '../helpers/catalogs.js';
import { applyChanges, dropBoundaryRepeats, emittedChanges, plain } from '../helpers/changes.js';
import { valueAt } from '../helpers/dedup-destination.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { entityOfStream } from '../helpers/ground-truth.js';
import { records } from '../helpers/messages.js';
import { Platform } from '../helpers/platform.js';

describe('incremental reads of every stream', () => {
  let env: FakeEnv;
  beforeAll(async () => {
    env = await startFakeEnv({ seed: 12 });
  });
  afterAll(() => env.close());

  it('first sync matches truth; a second one returns exactly the changes made in between', async () => {
    const catalog = committedCatalog('incremental');
    const platform = new Platform(env.config(), env.env);
    const first = await platform.sync(catalog);
    expectSucceeded(first);
    expectEveryStreamHasRecords(first, catalog);
    expectMatchesTruth(platform, env.fake.company, catalog);
    const cursors = new Map([...platform.streamStates].map(([name, s]) => [name, s['cursor']]));

    const expected = applyChanges(env.fake.company);
    const cdcBefore = env.fake.stats.requests.cdc ?? 0;
    const second = await platform.sync(catalog);
    expectSucceeded(second);
    expect(env.fake.stats.requests.cdc ?? 0, 'a young state reads changes through CDC').toBeGreaterThan(cdcBefore);

    const incrementalEntityStreams = new Set(
      catalog.streams.filter((s) => s.sync_mode === 'incremental' && entityOfStream(s.stream.name) !== undefined).map((s) => s.stream.name),
    );
    const got = emittedChanges(second.messages, incrementalEntityStreams);
    expect(plain(got.tombstones), expected.done.join(', ')).toEqual(plain(expected.tombstones));
    // Inclusive resume may re-emit records updated exactly at the saved cursor; anything else is a change.
    dropBoundaryRepeats(got, expected, second.messages, cursors);
    expect(plain(got.upserts), expected.done.join(', ')).toEqual(plain(expected.upserts));

    // Deactivated name-list records arrive as ordinary records with Active false.
    for (const done of expected.done.filter((d) => d.startsWith('deactivated '))) {
      const [, entity, id] = done.split(' ');
      const stream = [...incrementalEntityStreams].find((s) => entityOfStream(s) === entity) as string;
      const rec = records(second.messages, stream).find((r) => String(r.data['Id']) === id);
      expect(rec && valueAt(rec.data, ['Active']), done).toBe(false);
    }
    expectMatchesTruth(platform, env.fake.company, catalog);
  }, 60_000);
});
