// A sync killed with SIGKILL in the middle of a large stream, then resumed from the last STATE the platform
// saw, leaves the destination exactly as an uninterrupted sync of the same company does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectMatchesTruth, expectSucceeded } from '../helpers/assertions.js';
import { committedCatalog, onlyStreams } from '../helpers/catalogs.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { states, streamStatuses } from '../helpers/messages.js';
import { Platform } from '../helpers/platform.js';
import { diffSnapshots } from '../helpers/snapshot-diff.js';

const BIG_STREAM = 'invoices';
const KILL_AFTER_STATES = 4;

describe('kill -9 mid-stream and resume', () => {
  // Two identical companies (same seed, scale and clock start): one for each history.
  const startTime = Date.now();
  const options = { seed: 21, startTime, scale: { invoices: 4000 }, knobs: { latencyMs: 15 } };
  let a: FakeEnv;
  let b: FakeEnv;
  beforeAll(async () => {
    [a, b] = await Promise.all([startFakeEnv(options), startFakeEnv(options)]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('ends with the same destination content as an uninterrupted sync', async () => {
    const catalog = committedCatalog('incremental');
    const extra = { page_size: 100 };

    const interrupted = new Platform(a.config(extra), a.env);
    let seen = 0;
    const killed = await interrupted.sync(catalog, {
      onMessage: (m, child) => {
        if (m.type === 'STATE' && m.state.stream.stream_descriptor.name === BIG_STREAM && ++seen === KILL_AFTER_STATES) child.kill('SIGKILL');
      },
    });
    expect(killed.signal).toBe('SIGKILL');
    // Mid-stream: the big stream checkpointed but did not finish.
    expect(states(killed.messages, BIG_STREAM).length).toBeGreaterThanOrEqual(KILL_AFTER_STATES);
    expect(streamStatuses(killed.messages).filter((s) => s.stream_descriptor.name === BIG_STREAM).map((s) => s.status)).not.toContain('COMPLETE');
    const savedCursor = interrupted.streamStates.get(BIG_STREAM);
    expect(savedCursor).toBeDefined();

    const resumed = await interrupted.sync(catalog);
    expectSucceeded(resumed);
    // The resume started from the checkpoint, not from scratch.
    expect(resumed.tally.get(BIG_STREAM)?.records ?? 0).toBeLessThan(4000);

    const straight = new Platform(b.config(extra), b.env);
    expectSucceeded(await straight.sync(catalog));

    expect(diffSnapshots(interrupted.destination.snapshot(), straight.destination.snapshot())).toEqual([]);
    expectMatchesTruth(interrupted, a.fake.company, catalog);
  }, 120_000);

  it('a delete of a record delivered before the kill reaches the destination on the next incremental sync', async () => {
    const env = await startFakeEnv({ seed: 22, scale: { invoices: 1500 }, knobs: { latencyMs: 5 } });
    try {
      const catalog = onlyStreams(committedCatalog('incremental'), [BIG_STREAM]);
      const platform = new Platform(env.config({ page_size: 100 }), env.env);
      let seen = 0;
      const killed = await platform.sync(catalog, {
        onMessage: (m, child) => {
          if (m.type === 'STATE' && m.state.stream.stream_descriptor.name === BIG_STREAM && ++seen === 3) child.kill('SIGKILL');
        },
      });
      expect(killed.signal).toBe('SIGKILL');
      // The interrupted first sync's state keeps the instant it began: deletes from then on are still to be read.
      expect(platform.streamStates.get(BIG_STREAM)?.['deletes_since']).toBeDefined();
      const delivered = [...platform.destination.table(BIG_STREAM).keys()];
      expect(delivered.length).toBeGreaterThan(0);
      const victim = String(platform.destination.table(BIG_STREAM).get(delivered[0] as string)?.['Id']);
      env.fake.company.hardDelete('Invoice', victim);

      const firstBegan = Date.parse(String(platform.streamStates.get(BIG_STREAM)?.['deletes_since']));
      // Resume: the cursor is historical, so queries serve it; they cannot see the delete. The state
      // must still say deletes are unread since the first sync began: as deletes_since, or (when the
      // read's final cursor reached that same instant, as it does on the fake's slow clock) as the
      // cursor itself, from which the next sync's CDC reads.
      expectSucceeded(await platform.sync(catalog));
      const resumed = platform.streamStates.get(BIG_STREAM) ?? {};
      expect(Date.parse(String(resumed['deletes_since'] ?? resumed['cursor']))).toBeLessThanOrEqual(firstBegan);
      // The next incremental sync reads CDC from when the first sync began: the tombstone arrives.
      expectSucceeded(await platform.sync(catalog));
      const ids = [...platform.destination.table(BIG_STREAM).values()].map((r) => String(r['Id']));
      expect(ids).not.toContain(victim);
      expect(platform.streamStates.get(BIG_STREAM)).not.toHaveProperty('deletes_since');
      expectMatchesTruth(platform, env.fake.company, catalog);
    } finally {
      await env.close();
    }
  }, 120_000);
});
