// CAT TestBasicRead: a catalog built from discover as CAT builds it, read once; records valid against their
// stream schemas, primary keys usable, every stream non-empty, stream statuses and STATE messages in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AirbyteCatalog, ConfiguredAirbyteCatalog, JsonObject } from '../../src/cdk/core/protocol.js';
import { expectSucceeded } from '../helpers/assertions.js';
import { catalogFromDiscover } from '../helpers/catalogs.js';
import { valueAt } from '../helpers/dedup-destination.js';
import { discover } from '../helpers/discover.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { records, recordCounts, states, streamStatuses } from '../helpers/messages.js';
import { objectPaths, RecordValidator, schemaPaths } from '../helpers/record-validator.js';
import { runConnector, type RunResult } from '../helpers/run-connector.js';

describe('TestBasicRead', () => {
  let env: FakeEnv;
  let discovered: AirbyteCatalog;
  let catalog: ConfiguredAirbyteCatalog;
  let run: RunResult;
  beforeAll(async () => {
    env = await startFakeEnv({ seed: 64 });
    discovered = (await discover(env)).catalog;
    catalog = catalogFromDiscover(discovered);
    run = await runConnector('read', { config: env.config(), catalog, env: env.env });
  }, 60_000);
  afterAll(() => env.close());

  it('the read succeeds with at least one record', () => {
    expectSucceeded(run);
    expect(records(run.messages).length).toBeGreaterThan(0);
  });

  it('every configured stream has records (an empty one is a gap in the fake company)', () => {
    const counts = recordCounts(run.messages);
    expect(catalog.streams.map((s) => s.stream.name).filter((n) => !counts.has(n))).toEqual([]);
  });

  it('validate_schema: every record matches its stream schema (Draft 7, strict integers, CAT date-time)', () => {
    const validator = new RecordValidator(new Map(discovered.streams.map((s) => [s.name, s.json_schema])));
    const problems = new Map<string, string>();
    for (const r of records(run.messages)) {
      if (problems.has(r.stream)) continue;
      const problem = validator.problem(r.stream, r.data);
      if (problem !== undefined) problems.set(r.stream, `Id ${String(r.data['Id'])}: ${problem}`);
    }
    expect(Object.fromEntries(problems)).toEqual({});
  }, 60_000);

  it('validate_schema structure check: each record shares a field path with its schema', () => {
    const paths = new Map(discovered.streams.map((s) => [s.name, schemaPaths(s.json_schema)]));
    const bad = records(run.messages).filter((r) => {
      const expected = paths.get(r.stream) ?? new Set<string>();
      return ![...objectPaths(r.data)].some((p) => expected.has(p));
    });
    expect(bad.slice(0, 3).map((r) => `${r.stream} ${JSON.stringify(r.data).slice(0, 200)}`)).toEqual([]);
  });

  it('validate_primary_keys_data_type: no object/array key value, never all parts null', () => {
    const pkOf = new Map(catalog.streams.map((s) => [s.stream.name, s.primary_key ?? []]));
    const bad: string[] = [];
    for (const r of records(run.messages)) {
      const values = (pkOf.get(r.stream) ?? []).map((path) => valueAt(r.data as JsonObject, path));
      if (values.some((v) => v !== null && typeof v === 'object')) bad.push(`${r.stream}: object/array key ${JSON.stringify(values)}`);
      if (values.length > 0 && values.every((v) => v === null || v === undefined)) bad.push(`${r.stream}: null key`);
      if (bad.length > 5) break;
    }
    expect(bad).toEqual([]);
  });

  it('validate_stream_statuses: STARTED, then RUNNING at least once, then COMPLETE, per stream', () => {
    const byStream = new Map<string, string[]>();
    for (const s of streamStatuses(run.messages)) byStream.set(s.stream_descriptor.name, [...(byStream.get(s.stream_descriptor.name) ?? []), s.status]);
    const bad = catalog.streams
      .map((s) => [s.stream.name, byStream.get(s.stream.name) ?? []] as const)
      .filter(([, seq]) => !(seq.length >= 3 && seq[0] === 'STARTED' && seq[seq.length - 1] === 'COMPLETE' && seq.slice(1, -1).every((x) => x === 'RUNNING')))
      .map(([name, seq]) => `${name}: ${seq.join(' > ')}`);
    expect(bad).toEqual([]);
  });

  it('validate_state_messages: at least one per stream, STREAM-type with a descriptor and sourceStats', () => {
    const all = states(run.messages);
    expect(all.length).toBeGreaterThanOrEqual(catalog.streams.length);
    const bad = all.filter(
      (s) => s.type !== 'STREAM' || typeof s.stream?.stream_descriptor?.name !== 'string' || typeof s.sourceStats?.recordCount !== 'number',
    );
    expect(bad).toEqual([]);
  });

  it('sourceStats.recordCount adds up to the records emitted per stream', () => {
    const counted = new Map<string, number>();
    for (const s of states(run.messages)) counted.set(s.stream.stream_descriptor.name, (counted.get(s.stream.stream_descriptor.name) ?? 0) + (s.sourceStats?.recordCount ?? 0));
    expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(recordCounts(run.messages)));
  });
});
