// Runs the cases of integration_tests/acceptance-test-config.yml (Airbyte's CAT layout) against the fake
// company: the same file a CAT run against QuickBooks reads. `secrets/config.json` stands for the fake
// company's config. UPDATE_EXPECTED_RECORDS=1 rewrites integration_tests/expected_records.jsonl.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AirbyteStateMessage, ConfiguredAirbyteCatalog, ConnectorSpecification, JsonObject } from '../../src/cdk/core/protocol.js';
import { parseYaml, type YamlValue } from '../../test/packaging/mini-yaml.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { ofType, recordCounts, records, traceErrors } from '../helpers/messages.js';
import { repoPath } from '../helpers/repo-paths.js';
import { runConnector, type RunResult } from '../helpers/run-connector.js';

type Yaml = { [key: string]: YamlValue };
const config = parseYaml(readFileSync(repoPath('integration_tests', 'acceptance-test-config.yml'), 'utf8')) as Yaml;
const suites = config['acceptance_tests'] as Record<string, { tests: Yaml[] }>;
const json = <T>(path: string): T => JSON.parse(readFileSync(repoPath(path), 'utf8')) as T;

/** The fake company the yml's secrets/config.json stands for (fixed seed, frozen clock: stable records). */
const FAKE = { seed: 64, startTime: '2026-06-01T12:00:00Z', freezeClock: true } as const;
const FIXED = { start_date: '2020-01-01T00:00:00Z', report_start_date: '2026-03-01' };
/** Records kept per stream in expected_records.jsonl: enough to pin each stream's shape, small enough to read. */
const EXPECTED_PER_STREAM = 2;

/** The record data CAT compares: the stream and its data, order ignored. */
const recordKey = (stream: string, data: JsonObject): string => `${stream} ${JSON.stringify(data)}`;

describe('integration_tests/acceptance-test-config.yml', () => {
  let env: FakeEnv;
  const configOf = (path: string): JsonObject => (path === 'secrets/config.json' ? env.config(FIXED) : json<JsonObject>(path));
  const read = (test: Yaml, state?: unknown): Promise<RunResult> =>
    runConnector('read', {
      config: configOf(String(test['config_path'])),
      catalog: json<ConfiguredAirbyteCatalog>(String(test['configured_catalog_path'])),
      ...(state === undefined ? {} : { state }),
      env: env.env,
      timeoutMs: Number(test['timeout_seconds'] ?? 120) * 1000,
    });
  beforeAll(async () => {
    env = await startFakeEnv(FAKE);
  });
  afterAll(() => env.close());

  it('is in CAT layout: connector_image and the six suites, each with tests', () => {
    expect(config['connector_image']).toMatch(/^source-quickbooks\/source-quickbooks:/);
    expect(Object.keys(suites).sort()).toEqual(['basic_read', 'connection', 'discovery', 'full_refresh', 'incremental', 'spec']);
    for (const suite of Object.values(suites)) expect(suite.tests.length).toBeGreaterThan(0);
  });

  it('spec: the spec printed equals spec_path', async () => {
    for (const test of suites['spec']!.tests) {
      const run = await runConnector('spec', { env: env.env });
      expect(ofType(run.messages, 'SPEC')[0]?.spec).toEqual(json<ConnectorSpecification>(String(test['spec_path'])));
    }
  });

  it('connection: each config gives its status', async () => {
    for (const test of suites['connection']!.tests) {
      const run = await runConnector('check', { config: configOf(String(test['config_path'])), env: env.env });
      const want = test['status'] === 'succeed' ? 'SUCCEEDED' : 'FAILED';
      expect(ofType(run.messages, 'CONNECTION_STATUS').map((m) => m.connectionStatus.status), String(test['config_path'])).toEqual([want]);
    }
  });

  it('discovery, backward compatible with airbyte/source-quickbooks: its streams, keys and cursors', async () => {
    const official = json<{ primary_keys: Record<string, string[][]>; cursor_fields: Record<string, string[]> }>('test/fixtures/airbyte-official/official_top_level_types.json');
    for (const test of suites['discovery']!.tests) {
      expect(test['backward_compatibility_tests_config']).toBeDefined();
      const run = await runConnector('discover', { config: configOf(String(test['config_path'])), env: env.env });
      const streams = new Map((ofType(run.messages, 'CATALOG')[0]?.catalog.streams ?? []).map((s) => [s.name, s]));
      const changed = Object.keys(official.primary_keys).filter(
        (name) =>
          JSON.stringify(streams.get(name)?.source_defined_primary_key) !== JSON.stringify(official.primary_keys[name]) ||
          JSON.stringify(streams.get(name)?.default_cursor_field) !== JSON.stringify(official.cursor_fields[name]),
      );
      expect(changed).toEqual([]);
    }
  });

  it('basic_read: exit 0, expect_records all present, every stream not in empty_streams has records', async () => {
    for (const test of suites['basic_read']!.tests) {
      const run = await read(test);
      expect({ exit: run.exitCode, errors: traceErrors(run.messages).map((e) => e.message) }).toEqual({ exit: 0, errors: [] });
      const expectRecords = test['expect_records'] as Yaml;
      const path = String(expectRecords['path']);
      if (process.env['UPDATE_EXPECTED_RECORDS'] === '1') writeExpected(path, run);
      const got = new Set(records(run.messages).map((r) => recordKey(r.stream, r.data)));
      const expected = readFileSync(repoPath(path), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { stream: string; data: JsonObject });
      expect(new Set(expected.map((e) => e.stream)).size).toBeGreaterThan(30);
      expect(expected.filter((e) => !got.has(recordKey(e.stream, e.data))).map((e) => `${e.stream} ${String(e.data['Id'])}`)).toEqual([]);
      const empty = new Set(((test['empty_streams'] ?? []) as Yaml[]).map((s) => String(s['name'])));
      const counts = recordCounts(run.messages);
      const catalog = json<ConfiguredAirbyteCatalog>(String(test['configured_catalog_path']));
      expect(catalog.streams.map((s) => s.stream.name).filter((n) => !empty.has(n) && !counts.has(n))).toEqual([]);
    }
  }, 120_000);

  it('incremental: a future state gives exit 0 and no records from its streams', async () => {
    for (const test of suites['incremental']!.tests) {
      const future = json<AirbyteStateMessage[]>(String((test['future_state'] as Yaml)['future_state_path']));
      const run = await read(test, future);
      expect({ exit: run.exitCode, errors: traceErrors(run.messages).map((e) => e.message) }).toEqual({ exit: 0, errors: [] });
      const catalog = json<ConfiguredAirbyteCatalog>(String(test['configured_catalog_path']));
      const incremental = new Set(catalog.streams.filter((s) => s.sync_mode === 'incremental').map((s) => s.stream.name));
      const inState = future.map((s) => s.stream.stream_descriptor.name).filter((n) => incremental.has(n));
      expect(inState.length).toBeGreaterThan(20);
      const counts = recordCounts(run.messages);
      expect(inState.filter((n) => counts.has(n))).toEqual([]);
    }
  }, 120_000);

  it('full_refresh: two reads give the same records', async () => {
    for (const test of suites['full_refresh']!.tests) {
      const first = await read(test);
      const second = await read(test);
      expect([first.exitCode, second.exitCode]).toEqual([0, 0]);
      // Report rows carry their fetch time; entity records must be identical.
      const entityKeys = (run: RunResult): string[] => records(run.messages).filter((r) => !r.stream.startsWith('report_')).map((r) => recordKey(r.stream, r.data)).sort();
      expect(entityKeys(first).length).toBeGreaterThan(0);
      expect(entityKeys(second)).toEqual(entityKeys(first));
    }
  }, 120_000);
});

/** expected_records.jsonl in CAT's format: {"stream", "data", "emitted_at"}, a few per entity stream. */
function writeExpected(path: string, run: RunResult): void {
  const byStream = new Map<string, JsonObject[]>();
  for (const r of records(run.messages)) {
    if (r.stream.startsWith('report_')) continue;
    const list = byStream.get(r.stream) ?? [];
    list.push(r.data);
    byStream.set(r.stream, list);
  }
  const lines: string[] = [];
  for (const stream of [...byStream.keys()].sort()) {
    const rows = byStream.get(stream)!.sort((a, b) => String(a['Id']).localeCompare(String(b['Id']), 'en', { numeric: true }));
    for (const data of rows.slice(0, EXPECTED_PER_STREAM)) lines.push(JSON.stringify({ stream, data, emitted_at: 1780315200000 }));
  }
  writeFileSync(repoPath(path), lines.join('\n') + '\n');
}
