// A sync killed with SIGKILL in the middle of a large stream, then resumed from the last STATE the platform
// saw, leaves the destination exactly as an uninterrupted sync of the same company does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectMatchesTruth, expectSucceeded } from '../helpers/assertions.js';
import { committedCatalog } from '../helpers/catalogs.js';
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
});
