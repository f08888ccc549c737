// Drop-in for airbyte/source-quickbooks: its own configured catalog and states, unchanged, read
// against the fake company. Fixtures: test/fixtures/airbyte-official/ (see its README for sources).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AirbyteStateMessage, ConfiguredAirbyteCatalog, JsonObject } from '../../src/cdk/core/protocol.js';
import { instantOf } from '../../src/streams/qbo-time.js';
import { START_DATE, startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { logLines, recordCounts, records, states, streamStatuses, traceErrors, type AirbyteMessage } from '../helpers/messages.js';
import { readRepoJson } from '../helpers/repo-paths.js';
import { runConnector, type RunResult } from '../helpers/run-connector.js';

const official = <T>(name: string): T => readRepoJson<T>('test', 'fixtures', 'airbyte-official', name);
const catalog = official<ConfiguredAirbyteCatalog>('configured_catalog.json');
const abnormal = official<AirbyteStateMessage[]>('abnormal_state.json');
const sample = official<AirbyteStateMessage[]>('sample_state.json');
const names = catalog.streams.map((s) => s.stream.name);
const incremental = catalog.streams.filter((s) => s.sync_mode === 'incremental').map((s) => s.stream.name);

/** The final status of every stream that reported one. */
function finalStatuses(messages: readonly AirbyteMessage[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of streamStatuses(messages)) out[s.stream_descriptor.name] = s.status;
  return out;
}

/** Exit 0, no error, every catalog stream COMPLETE, and no state was found unreadable. */
function expectEveryStreamComplete(run: RunResult): void {
  expect({ exit: run.exitCode, errors: traceErrors(run.messages).map((e) => e.message) }).toEqual({ exit: 0, errors: [] });
  expect(finalStatuses(run.messages)).toEqual(Object.fromEntries(names.map((n) => [n, 'COMPLETE'])));
  expect(logLines(run.messages, 'WARN').filter((l) => l.includes('saved state'))).toEqual([]);
}

/** The last state each stream wrote. */
function lastStates(run: RunResult): Map<string, JsonObject> {
  return new Map(states(run.messages).map((s) => [s.stream.stream_descriptor.name, s.stream.stream_state as JsonObject]));
}

/**
 * How airbyte/source-quickbooks reads its stream state: `airbyte_cursor`, parsed with the manifest's
 * datetime_format "%Y-%m-%dT%H:%M:%S%z" (whole seconds, an offset). Epoch ms, or NaN when it cannot.
 */
function officialCursor(streamState: JsonObject): number {
  const value = streamState['airbyte_cursor'];
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|([+-])(\d{2}):?(\d{2}))$/.exec(value) : null;
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, sec, zone, sign, oh, om] = m;
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec)) - offset;
}

function stateMessage(name: string, streamState: JsonObject): JsonObject {
  return { type: 'STREAM', stream: { stream_descriptor: { name }, stream_state: streamState } };
}

describe('airbyte/source-quickbooks files, unchanged', () => {
  let env: FakeEnv;
  let first: RunResult;
  beforeAll(async () => {
    env = await startFakeEnv({ seed: 71 });
    first = await runConnector('read', { config: env.config(), catalog, env: env.env });
  }, 120_000);
  afterAll(() => env.close());

  it('configured_catalog.json with no state: exit 0, all 34 streams COMPLETE, records with airbyte_cursor', () => {
    expect(names).toHaveLength(34);
    expectEveryStreamComplete(first);
    const counts = recordCounts(first.messages);
    for (const stream of ['accounts', 'customers', 'invoices', 'bills', 'payments', 'company_info', 'preferences']) {
      expect(counts.get(stream) ?? 0, stream).toBeGreaterThan(0);
    }
    const withoutCursor = records(first.messages).filter((r) => r.stream !== 'preferences' && typeof r.data['airbyte_cursor'] !== 'string');
    expect(withoutCursor.map((r) => r.stream)).toEqual([]);
  });

  it('rollback: every STATE written reads, through the official shape, as the same cursor', () => {
    const written = states(first.messages).filter((s) => (s.stream.stream_state as JsonObject)['cursor'] !== undefined);
    expect(new Set(written.map((s) => s.stream.stream_descriptor.name)).size).toBeGreaterThan(25);
    for (const message of written) {
      const streamState = message.stream.stream_state as JsonObject;
      const theirs = officialCursor(streamState);
      expect(theirs, message.stream.stream_descriptor.name).toBe(Math.floor(instantOf(String(streamState['cursor'])) / 1000) * 1000);
    }
  });

  it('abnormal_state.json: exit 0, all COMPLETE, no records from incremental streams, cursors kept', async () => {
    const run = await runConnector('read', { config: env.config(), catalog, state: abnormal, env: env.env });
    expectEveryStreamComplete(run);
    const counts = recordCounts(run.messages);
    expect(incremental.filter((n) => (counts.get(n) ?? 0) > 0)).toEqual([]);
    const given = new Map(abnormal.map((s) => [s.stream.stream_descriptor.name, String((s.stream.stream_state as JsonObject)['airbyte_cursor'])]));
    const last = lastStates(run);
    for (const name of incremental) {
      expect(given.get(name), name).toMatch(/^2050-/);
      expect(instantOf(String(last.get(name)?.['airbyte_cursor'])), name).toBe(instantOf(given.get(name)!));
    }
  }, 120_000);

  it('sample_state.json (cursor under a partition key): exit 0, all COMPLETE, only records updated since each cursor', async () => {
    const run = await runConnector('read', { config: env.config(), catalog, state: sample, env: env.env });
    expectEveryStreamComplete(run);
    const cursorOf = new Map(
      sample.map((s) => [s.stream.stream_descriptor.name, Object.values(s.stream.stream_state as Record<string, { airbyte_cursor: string }>)[0]!.airbyte_cursor]),
    );
    const early = records(run.messages).filter((r) => cursorOf.has(r.stream) && instantOf(String(r.data['airbyte_cursor'])) < instantOf(cursorOf.get(r.stream)!));
    expect(early.map((r) => `${r.stream} ${String(r.data['Id'])}`)).toEqual([]);
    const before = recordCounts(first.messages);
    const after = recordCounts(run.messages);
    for (const name of cursorOf.keys()) expect(after.get(name) ?? 0, name).toBeLessThanOrEqual(before.get(name) ?? 0);
  }, 120_000);

  it("the concurrent CDK's date-range state: exit 0, all COMPLETE, resumes at each range's end", async () => {
    const last = lastStates(first);
    const resumedAt = new Map<string, string>();
    const dateRange = incremental.flatMap((name) => {
      const cursor = last.get(name)?.['airbyte_cursor'];
      if (typeof cursor !== 'string') return [];
      resumedAt.set(name, cursor);
      return [stateMessage(name, { state_type: 'date-range', slices: [{ start: START_DATE, end: cursor }], legacy: { airbyte_cursor: cursor } })];
    });
    expect(dateRange.length).toBeGreaterThan(20);
    const run = await runConnector('read', { config: env.config(), catalog, state: dateRange, env: env.env });
    expectEveryStreamComplete(run);
    // Nothing changed in the company since the first read: the incremental streams have (almost) nothing to say.
    const total = (r: RunResult, only: readonly string[]): number => only.reduce((n, s) => n + (recordCounts(r.messages).get(s) ?? 0), 0);
    expect(total(run, incremental)).toBeLessThan(total(first, incremental) / 10);
    const early = records(run.messages).filter((r) => {
      const at = resumedAt.get(r.stream);
      return at !== undefined && instantOf(String(r.data['airbyte_cursor'])) < instantOf(at);
    });
    expect(early).toEqual([]);
  }, 120_000);
});
