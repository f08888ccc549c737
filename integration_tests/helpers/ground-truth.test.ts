// The ground-truth comparison flags missing, stale and ghost rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfiguredAirbyteCatalog, JsonObject } from '../../src/cdk/core/protocol.js';
import { DedupDestination, rowKey } from './dedup-destination.js';
import { startFakeEnv, type FakeEnv } from './fake-env.js';
import { compareWithTruth, problems } from './ground-truth.js';

describe('ground truth comparison', () => {
  let env: FakeEnv;
  beforeAll(async () => {
    env = await startFakeEnv({ seed: 71 });
  });
  afterAll(() => env.close());

  it('counts a missing, a stale and a ghost row', () => {
    const catalog: ConfiguredAirbyteCatalog = {
      streams: [{ stream: { name: 'invoices', json_schema: {}, supported_sync_modes: ['incremental'] }, sync_mode: 'incremental', destination_sync_mode: 'append_dedup', primary_key: [['Id']] }],
    };
    const company = env.fake.company;
    const destination = new DedupDestination();
    const table = destination.table('invoices');
    for (const rec of company.all('Invoice')) table.set(rowKey(rec, [['Id']]), structuredClone(rec));
    expect(problems(compareWithTruth(destination, company, catalog))).toEqual({});

    table.delete('["1"]');
    company.update('Invoice', '2', { PrivateNote: 'newer' });
    company.hardDelete('Invoice', '3');
    table.set('["999999"]', { Id: '999999' } as JsonObject);
    const found = problems(compareWithTruth(destination, company, catalog))['invoices'];
    expect(found && { missing: found.missing, stale: found.stale, ghost: found.ghost }).toEqual({ missing: 1, stale: 1, ghost: 2 });
  });
});
