// A custom query whose WHERE clause QuickBooks refuses (fault 4001 "property 'PrivateNote' is not
// queryable") is a config_error naming the query and QBO's words; the other streams still complete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedCatalog, onlyStreams } from '../helpers/catalogs.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { streamStatuses, traceErrors } from '../helpers/messages.js';
import { Platform } from '../helpers/platform.js';

describe('a bad custom_queries clause', () => {
  let env: FakeEnv;
  beforeAll(async () => {
    env = await startFakeEnv({ seed: 73 });
  });
  afterAll(() => env.close());

  it('fails its own stream with a config_error naming the query; the others complete', async () => {
    const base = onlyStreams(committedCatalog('incremental'), ['invoices', 'customers']);
    const invoices = base.streams[0]!;
    const catalog = { streams: [...base.streams, { ...invoices, stream: { ...invoices.stream, name: 'noted_invoices' } }] };
    const config = env.config({ custom_queries: [{ name: 'noted_invoices', entity: 'Invoice', where: "PrivateNote = 'rush'" }] });
    const run = await new Platform(config, env.env).sync(catalog);
    expect(run.exitCode).not.toBe(0);
    const errors = traceErrors(run.messages);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.failure_type).toBe('config_error');
    expect(errors[0]?.message).toContain('custom_queries: QuickBooks rejected the query of stream "noted_invoices" (Invoice WHERE PrivateNote = \'rush\')');
    expect(errors[0]?.message).toContain("fault 4001 Invalid query: QueryValidationError: property 'PrivateNote' is not queryable");
    const finals = new Map(streamStatuses(run.messages).map((s) => [s.stream_descriptor.name, s.status]));
    expect(Object.fromEntries(finals)).toEqual({ invoices: 'COMPLETE', customers: 'COMPLETE', noted_invoices: 'INCOMPLETE' });
  }, 60_000);
});
