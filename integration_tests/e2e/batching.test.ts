// The opening requests of many streams share QBO's /batch; `use_batch: false` turns that off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedCatalog } from '../helpers/catalogs.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { runConnector } from '../helpers/run-connector.js';

describe('batched opening requests', () => {
  let env: FakeEnv;
  beforeAll(async () => {
    env = await startFakeEnv();
  });
  afterAll(async () => env.close());

  const entityCatalog = () => {
    const catalog = committedCatalog('full_refresh');
    return { ...catalog, streams: catalog.streams.filter((s) => !s.stream.name.startsWith('report_')) };
  };

  for (const useBatch of [true, false]) {
    it(`use_batch: ${useBatch} reads every record, ${useBatch ? 'in a handful of requests' : 'with no /batch call'}`, async () => {
      const before = { ...env.fake.stats.requests };
      const run = await runConnector('read', { config: env.config({ use_batch: useBatch }), catalog: entityCatalog(), env: env.env });
      expect(run.exitCode, run.stderr).toBe(0);
      const invoices = run.messages.filter((m) => m.type === 'RECORD' && m.record.stream === 'invoices');
      expect(invoices).toHaveLength(env.fake.company.count('Invoice'));
      const delta = (k: keyof typeof before): number => (env.fake.stats.requests[k] ?? 0) - (before[k] ?? 0);
      if (useBatch) {
        expect(delta('batch')).toBeGreaterThan(0);
        expect(delta('query')).toBe(0);
      } else {
        expect(delta('batch')).toBe(0);
        expect(delta('query')).toBeGreaterThanOrEqual(39);
      }
    }, 60_000);
  }
});
