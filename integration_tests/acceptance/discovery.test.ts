// CAT TestDiscovery on the catalog `discover` prints.
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AirbyteCatalog, ConfiguredAirbyteCatalog } from '../../src/cdk/core/protocol.js';
import { discover } from '../helpers/discover.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { readRepoJson } from '../helpers/repo-paths.js';
import { additionalPropertiesNotTrue, keywordUses, pathExists, refUses, schemaAt, typesOf } from '../helpers/schema-rules.js';

describe('TestDiscovery', () => {
  let env: FakeEnv;
  let catalog: AirbyteCatalog;
  beforeAll(async () => {
    env = await startFakeEnv({ seed: 62 });
    catalog = (await discover(env)).catalog;
  });
  afterAll(() => env.close());

  it('test_discover: one non-empty catalog with unique stream names', () => {
    expect(catalog.streams.length).toBeGreaterThan(0);
    const names = catalog.streams.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('discovers exactly the streams of the committed catalogs', () => {
    const committed = readRepoJson<ConfiguredAirbyteCatalog>('catalog', 'incremental.json').streams.map((s) => s.stream.name);
    expect(catalog.streams.map((s) => s.name).sort()).toEqual([...committed].sort());
  });

  it('test_streams_have_valid_json_schemas: Draft-7 valid', () => {
    const ajv = new Ajv({ strict: false });
    const invalid = catalog.streams.filter((s) => !ajv.validateSchema(s.json_schema)).map((s) => s.name);
    expect(invalid).toEqual([]);
  });

  it('test_defined_cursors_exist_in_schema', () => {
    const missing = catalog.streams
      .filter((s) => s.default_cursor_field && !pathExists(s.json_schema, s.default_cursor_field))
      .map((s) => `${s.name}: ${String(s.default_cursor_field)}`);
    expect(missing).toEqual([]);
  });

  it('test_defined_refs_exist_in_schema: no $ref left', () => {
    expect(catalog.streams.flatMap((s) => refUses(s.json_schema).map((p) => `${s.name}${p}`))).toEqual([]);
  });

  it.each(['allOf', 'not'])('test_defined_keyword_exist_in_schema[%s]', (keyword) => {
    expect(catalog.streams.flatMap((s) => keywordUses(s.json_schema, [keyword]).map((p) => `${s.name}${p}`))).toEqual([]);
  });

  it('test_primary_keys_exist_in_schema', () => {
    const missing = catalog.streams.flatMap((s) => (s.source_defined_primary_key ?? []).filter((path) => !pathExists(s.json_schema, path)).map((p) => `${s.name}: ${p.join('.')}`));
    expect(missing).toEqual([]);
  });

  it('every stream has a source-defined primary key (deletes and dedup need one)', () => {
    expect(catalog.streams.filter((s) => !s.source_defined_primary_key?.length).map((s) => s.name)).toEqual([]);
  });

  it('test_primary_keys_data_type: no object or array primary-key field', () => {
    const bad = catalog.streams.flatMap((s) =>
      (s.source_defined_primary_key ?? [])
        .filter((path) => {
          const types = typesOf(schemaAt(s.json_schema, path) ?? {});
          return types.includes('object') || types.includes('array');
        })
        .map((p) => `${s.name}: ${p.join('.')}`),
    );
    expect(bad).toEqual([]);
  });

  it('test_streams_has_sync_modes', () => {
    expect(catalog.streams.filter((s) => !(s.supported_sync_modes.length > 0)).map((s) => s.name)).toEqual([]);
  });

  it('incremental streams declare a source-defined cursor', () => {
    const bad = catalog.streams.filter((s) => s.supported_sync_modes.includes('incremental') && !(s.source_defined_cursor && s.default_cursor_field?.length));
    expect(bad.map((s) => s.name)).toEqual([]);
  });

  it('test_additional_properties_is_true', () => {
    expect(catalog.streams.flatMap((s) => additionalPropertiesNotTrue(s.json_schema).map((p) => `${s.name}${p}`))).toEqual([]);
  });
});
