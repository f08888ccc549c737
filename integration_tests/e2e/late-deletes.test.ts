// Hard deletes that QBO's CDC can no longer show (its look-back is 30 days) still reach the
// destination: the state keeps the ids a stream emitted, and a read whose unread deletes are past
// CDC's reach starts with a key sweep that tombstones the emitted ids no longer in QuickBooks.
// The fake company starts 31 days in the past; its clock is then set to the real time, so the
// connector (on the real clock) and the fake's CDC both see the deletes as 31 days old.
import { describe, expect, it } from 'vitest';
import { expectMatchesTruth, expectSucceeded } from '../helpers/assertions.js';
import { committedCatalog, onlyStreams } from '../helpers/catalogs.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { Platform } from '../helpers/platform.js';

const STREAM = 'invoices';
const ROWS = 1500;
const PAGE = 100;
const MONTH_AGO = Date.now() - 31 * 24 * 3600_000;

/** The sweep's calls in the fake's query log since `from`: Id-ordered pages and Id IN lookups. */
function sweepCalls(env: FakeEnv, from: number): { pages: number; lookups: number } {
  const queries = env.fake.stats.queries.slice(from);
  return {
    pages: queries.filter((q) => /^SELECT \* FROM Invoice ORDERBY Id\b/.test(q)).length,
    lookups: queries.filter((q) => /^SELECT \* FROM Invoice WHERE Id IN \(/.test(q)).length,
  };
}

function deliveredIds(platform: Platform): string[] {
  return [...platform.destination.table(STREAM).values()].map((r) => String(r['Id']));
}

describe('deletes older than CDC reaches: a key sweep tombstones them', () => {
  const catalog = onlyStreams(committedCatalog('incremental'), [STREAM]);

  it('an interrupted first sync, a hard delete of an emitted row, a resume 31 days later: the tombstone arrives, at the logged cost', async () => {
    const env = await startFakeEnv({ seed: 23, startTime: MONTH_AGO, scale: { invoices: ROWS }, knobs: { latencyMs: 2 } });
    try {
      const platform = new Platform(env.config({ page_size: PAGE }), env.env);
      let seen = 0;
      const killed = await platform.sync(catalog, {
        onMessage: (m, child) => {
          if (m.type === 'STATE' && m.state.stream.stream_descriptor.name === STREAM && ++seen === 3) child.kill('SIGKILL');
        },
      });
      expect(killed.signal).toBe('SIGKILL');
      const interrupted = platform.streamStates.get(STREAM) ?? {};
      expect(interrupted['deletes_since']).toBeDefined();
      expect(interrupted['emitted_ids']).toBeDefined();
      const victim = deliveredIds(platform)[0] as string;
      env.fake.company.hardDelete('Invoice', victim);

      env.fake.clock.set(Date.now());
      const before = env.fake.stats.queries.length;
      const resumed = await platform.sync(catalog);
      expectSucceeded(resumed);
      expect(deliveredIds(platform)).not.toContain(victim);
      // Cost: floor(live rows / page_size) + 1 pages, and one lookup for the one missing id.
      expect(sweepCalls(env, before)).toEqual({ pages: Math.floor((ROWS - 1) / PAGE) + 1, lookups: 1 });
      expect(resumed.stderr + resumed.messages.map((m) => (m.type === 'LOG' ? m.log.message : '')).join('\n')).toMatch(
        new RegExp(`Stream ${STREAM}: key sweep read ${ROWS - 1} live rows and checked 1 missing id\\(s\\) in ${Math.floor((ROWS - 1) / PAGE) + 2} call\\(s\\)`),
      );
      // Anchored: deletes from the sweep's start on are CDC's again (within its reach), as
      // deletes_since or, when the read's final cursor lands on that same instant, as the cursor.
      const after = platform.streamStates.get(STREAM) ?? {};
      const anchored = Date.parse(String(after['deletes_since'] ?? after['cursor']));
      expect(Date.now() - anchored).toBeLessThan(24 * 3600_000);

      const next = env.fake.stats.queries.length;
      expectSucceeded(await platform.sync(catalog));
      expect(sweepCalls(env, next)).toEqual({ pages: 0, lookups: 0 });
      expect(platform.streamStates.get(STREAM)).not.toHaveProperty('deletes_since');
      expectMatchesTruth(platform, env.fake.company, catalog);
    } finally {
      await env.close();
    }
  }, 120_000);

  it('a complete first sync, then 31 days without a sync: the next incremental sync sweeps and tombstones the deleted row', async () => {
    const env = await startFakeEnv({ seed: 24, startTime: MONTH_AGO, scale: { invoices: ROWS }, knobs: { latencyMs: 2 } });
    try {
      const platform = new Platform(env.config({ page_size: PAGE }), env.env);
      expectSucceeded(await platform.sync(catalog));
      expect(platform.streamStates.get(STREAM)?.['emitted_ids']).toEqual({ ranges: `2.${(ROWS - 1).toString(36)}` });
      const victims = deliveredIds(platform).slice(0, 2);
      for (const id of victims) env.fake.company.hardDelete('Invoice', id);

      env.fake.clock.set(Date.now());
      const before = env.fake.stats.queries.length;
      expectSucceeded(await platform.sync(catalog));
      const ids = deliveredIds(platform);
      for (const id of victims) expect(ids).not.toContain(id);
      expect(sweepCalls(env, before)).toEqual({ pages: Math.floor((ROWS - 2) / PAGE) + 1, lookups: 1 });
      expectMatchesTruth(platform, env.fake.company, catalog);
    } finally {
      await env.close();
    }
  }, 120_000);
});
