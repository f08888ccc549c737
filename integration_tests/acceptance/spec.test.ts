// CAT TestSpec, against the built executable's `spec` output.
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorSpecification, JsonObject } from '../../src/cdk/core/protocol.js';
import { ofType } from '../helpers/messages.js';
import { readRepoJson } from '../helpers/repo-paths.js';
import { runConnector } from '../helpers/run-connector.js';
import {
  additionalPropertiesNotTrue,
  badArrayItems,
  badDisplayTypes,
  badTypeLists,
  duplicateEnums,
  duplicateOrders,
  emptyObjects,
  FORBIDDEN_SPEC_KEYWORDS,
  keywordUses,
  nestedGroups,
  oneOfProblems,
  pathExists,
  refUses,
  secretMarkingProblems,
} from '../helpers/schema-rules.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

let spec: ConnectorSpecification;
let connection: JsonObject;

beforeAll(async () => {
  const run = await runConnector('spec');
  expect(run.exitCode).toBe(0);
  const specs = ofType(run.messages, 'SPEC');
  expect(specs).toHaveLength(1);
  spec = (specs[0] as (typeof specs)[number]).spec;
  connection = spec.connectionSpecification;
});

describe('TestSpec', () => {
  it('test_match_expected: the executable prints spec.json', () => {
    expect(spec).toEqual(readRepoJson('spec.json'));
  });

  it('test_config_match_spec: the spec is a valid Draft-7 schema and sample_config.json satisfies it', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    expect(ajv.validateSchema(connection), JSON.stringify(ajv.errors)).toBe(true);
    const config = readRepoJson<JsonObject>('integration_tests', 'sample_config.json');
    const withoutPrivate = Object.fromEntries(Object.entries(config).filter(([k]) => !k.startsWith('_')));
    const validate = ajv.compile(connection);
    expect(validate(withoutPrivate), JSON.stringify(validate.errors)).toBe(true);
  });

  it('test_config_match_spec: the validator rejects a config missing a required field', () => {
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const { refresh_token: _dropped, ...config } = readRepoJson<JsonObject>('integration_tests', 'sample_config.json');
    expect(ajv.validate(connection, config)).toBe(false);
  });

  it('test_enum_usage: enum values are unique', () => expect(duplicateEnums(connection)).toEqual([]));
  it('test_oneof_usage: oneOf/anyOf have a single const discriminator', () => expect(oneOfProblems(connection)).toEqual([]));
  it('test_secret_is_properly_marked', () => expect(secretMarkingProblems(connection)).toEqual([]));

  it('the secrets this connector handles are marked airbyte_secret', () => {
    const props = connection['properties'] as Record<string, JsonObject>;
    for (const name of ['client_secret', 'refresh_token', 'access_token']) expect(props[name]?.['airbyte_secret'], name).toBe(true);
  });

  it('test_property_type_is_not_array', () => expect(badTypeLists(connection)).toEqual([]));
  it('test_object_not_empty', () => expect(emptyObjects(connection)).toEqual([]));
  it('test_array_type', () => expect(badArrayItems(connection)).toEqual([]));
  it('test_forbidden_complex_types', () => expect(keywordUses(connection, FORBIDDEN_SPEC_KEYWORDS)).toEqual([]));
  it('test_duplicate_order', () => expect(duplicateOrders(connection)).toEqual([]));
  it('test_nested_group', () => expect(nestedGroups(connection)).toEqual([]));
  it('test_display_type', () => expect(badDisplayTypes(connection)).toEqual([]));
  it('test_defined_refs_exist_in_json_spec_file: no $ref', () => expect(refUses(spec)).toEqual([]));
  it('test_additional_properties_is_true', () => expect(additionalPropertiesNotTrue(connection)).toEqual([]));

  it('advanced_auth as airbyte/source-quickbooks declares it: the "Authenticate your account" button', () => {
    const auth = spec.advanced_auth as JsonObject;
    expect(auth).toMatchObject({ auth_flow_type: 'oauth2.0', predicate_key: ['auth_type'], predicate_value: 'oauth2.0' });
    expect((connection['properties'] as Record<string, JsonObject>)['auth_type']).toMatchObject({ const: 'oauth2.0' });
    const oauth = auth['oauth_config_specification'] as Record<string, { properties: Record<string, JsonObject> }>;
    const output = oauth['complete_oauth_output_specification']!.properties;
    expect(Object.keys(output).sort()).toEqual(['access_token', 'realm_id', 'refresh_token', 'token_expiry_date']);
    for (const name of ['access_token', 'refresh_token', 'token_expiry_date']) expect(output[name]?.['path_in_connector_config'], name).toEqual([name]);
    // realmId arrives in Intuit's redirect, not in the token response.
    expect(output['realm_id']).toMatchObject({ path_in_connector_config: ['realm_id'], path_in_oauth_response: ['realmId'] });
    expect(Object.keys(oauth['complete_oauth_server_input_specification']!.properties).sort()).toEqual(['client_id', 'client_secret']);
    const server = oauth['complete_oauth_server_output_specification']!.properties;
    expect([server['client_id']?.['path_in_connector_config'], server['client_secret']?.['path_in_connector_config']]).toEqual([['client_id'], ['client_secret']]);
  });

  it('test_oauth_flow_parameters: advanced_auth paths exist in the spec', () => {
    const auth = spec.advanced_auth as JsonObject;
    expect(auth).toBeDefined();
    const paths: string[][] = [];
    if (Array.isArray(auth['predicate_key'])) paths.push(auth['predicate_key'] as string[]);
    const oauth = auth['oauth_config_specification'] as Record<string, JsonObject> | undefined;
    for (const part of ['complete_oauth_output_specification', 'complete_oauth_server_output_specification']) {
      const props = (oauth?.[part]?.['properties'] ?? {}) as Record<string, JsonObject>;
      for (const p of Object.values(props)) if (Array.isArray(p['path_in_connector_config'])) paths.push(p['path_in_connector_config'] as string[]);
    }
    for (const path of paths) expect(pathExists(connection, path), path.join('.')).toBe(true);
  });
});

describe('the schema rules themselves can fail', () => {
  const bad: JsonObject = {
    type: 'object',
    additionalProperties: false,
    properties: {
      password: { type: 'string', order: 1 },
      mode: { type: 'string', enum: ['a', 'a'], order: 1 },
      nested: { type: 'object', properties: { x: { type: 'string', group: 'g' } } },
      tags: { type: 'array', items: [{ type: 'string' }] },
      kind: { type: ['string', 'integer'] },
      empty: { type: 'object' },
      either: { anyOf: [{ type: 'string' }], display_type: 'list' },
      link: { $ref: '#/definitions/x' },
    },
  };
  it('each rule flags the broken schema', () => {
    expect(additionalPropertiesNotTrue(bad)).toEqual(['/additionalProperties']);
    expect(secretMarkingProblems(bad)).toEqual(['/properties/password: not marked airbyte_secret']);
    expect(duplicateEnums(bad)).toEqual(['/properties/mode/enum']);
    expect(duplicateOrders(bad)).toHaveLength(1);
    expect(nestedGroups(bad)).toEqual(['/properties/nested/properties/x/group']);
    expect(badArrayItems(bad)).toEqual(['/properties/tags/items is not a single schema']);
    expect(badTypeLists(bad)).toEqual(['/properties/kind/type']);
    expect(emptyObjects(bad)).toEqual(['/properties/empty']);
    expect(keywordUses(bad, FORBIDDEN_SPEC_KEYWORDS)).toEqual(['/properties/either/anyOf']);
    expect(badDisplayTypes(bad)).toEqual(['/properties/either/display_type']);
    expect(oneOfProblems(bad).length).toBeGreaterThan(0);
    expect(refUses(bad)).toEqual(['/properties/link']);
  });
});
