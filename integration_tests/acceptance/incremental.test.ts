// CAT TestIncremental: two sequential reads, reads resumed from sampled intermediate states, and a state
// far in the future.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AirbyteCatalog, ConfiguredAirbyteCatalog, JsonObject } from '../../src/cdk/core/protocol.js';
import { expectSucceeded } from '../helpers/assertions.js';
import { catalogInMode, onlyStreams } from '../helpers/catalogs.js';
import { sampleCheckpoints, stateInput } from '../helpers/checkpoints.js';
import { discover } from '../helpers/discover.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { recordCounts, records, states, type AirbyteMessage } from '../helpers/messages.js';
import { readRepoJson } from '../helpers/repo-paths.js';
import { runConnector } from '../helpers/run-connector.js';

/** Sorted record data: CAT compares record lists ignoring order. */
const recordSet = (messages: readonly AirbyteMessage[]): string[] => records(messages).map((r) => `${r.stream} ${JSON.stringify(r.data)}`).sort();

/** Streams checked slice by slice by default; E2E_HEAVY=1 checks every incremental stream. */
const SLICE_STREAMS = ['invoices', 'payments', 'customers', 'budgets', 'tax_agencies', 'report_trial_balance'];

describe('TestIncremental', () => {
  let env: FakeEnv;
  let discovered: AirbyteCatalog;
  let catalog: ConfiguredAirbyteCatalog;
  beforeAll(async () => {
    env = await startFakeEnv({ seed: 66 });
    discovered = (await discover(env)).catalog;
    catalog = catalogInMode(discovered, 'incremental');
  });
  afterAll(() => env.close());

  it('every incremental stream has a cursor (cursor_field or default_cursor_field)', () => {
    expect(catalog.streams.filter((s) => !s.cursor_field?.length).map((s) => s.stream.name)).toEqual([]);
  });

  it('test_two_sequential_reads: the read from the latest per-stream states differs from the first', async () => {
    const first = await runConnector('read', { config: env.config(), catalog, env: env.env });
    expectSucceeded(first);
    const all = states(first.messages);
    expect(all.length).toBeGreaterThan(0);
    expect(records(first.messages).length).toBeGreaterThan(0);
    expect(all[all.length - 1]?.type).toBe('STREAM');
    const latest = new Map(all.map((s) => [s.stream.stream_descriptor.name, s]));
    const second = await runConnector('read', { config: env.config(), catalog, state: [...latest.values()].flatMap(stateInput), env: env.env });
    expectSucceeded(second);
    expect(recordSet(second.messages)).not.toEqual(recordSet(first.messages));
    expect(records(second.messages).length).toBeLessThan(records(first.messages).length);
  });

  const sliceStreams = (): string[] => (process.env['E2E_HEAVY'] === '1' ? catalog.streams.map((s) => s.stream.name) : SLICE_STREAMS);

  it('test_read_sequential_slices: each sampled checkpoint resumes with at least the remaining records', async () => {
    // Small pages so the big streams checkpoint several times.
    const config: JsonObject = env.config({ page_size: 20 });
    const failures: string[] = [];
    for (const name of sliceStreams()) {
      const one = onlyStreams(catalog, [name]);
      const first = await runConnector('read', { config, catalog: one, env: env.env });
      expectSucceeded(first);
      const firstRecords = recordSet(first.messages);
      if (firstRecords.length === 0 || states(first.messages).length === 0) continue;
      for (const checkpoint of sampleCheckpoints(states(first.messages))) {
        const resumed = await runConnector('read', { config, catalog: one, state: stateInput(checkpoint.state), env: env.env });
        expectSucceeded(resumed);
        const got = recordSet(resumed.messages);
        const at = JSON.stringify(checkpoint.state.stream.stream_state);
        if (got.length < checkpoint.remaining) failures.push(`${name} from ${at}: ${got.length} records < ${checkpoint.remaining} remaining`);
        if (JSON.stringify(got) === JSON.stringify(firstRecords)) failures.push(`${name} from ${at}: same records as the first read`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('test_state_with_abnormally_large_values: abnormal_state.json gives no records and at least one STATE', async () => {
    const abnormal = readRepoJson<JsonObject[]>('integration_tests', 'abnormal_state.json');
    const run = await runConnector('read', { config: env.config(), catalog, state: abnormal, env: env.env });
    expectSucceeded(run);
    expect(Object.fromEntries(recordCounts(run.messages)), 'records per stream').toEqual({});
    expect(states(run.messages).length).toBeGreaterThanOrEqual(1);
  });
});
