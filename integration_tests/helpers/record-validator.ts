// Record checks of CAT's TestBasicRead: Draft-7 validation against the stream schema with CAT's lenient
// date-time rule (a date-time-looking string that parses; no offset required) and strict integers, plus the
// structure check (a record shares at least one field path with its schema).
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonObject } from '../../src/cdk/core/protocol.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/** utils/asserts.py: the regex, then pendulum.parse(strict=False) (here Date.parse). */
const CAT_DATE_TIME = /^\d{4}-\d?\d-\d?\d(\s|T)\d?\d:\d?\d:\d?\d(.\d+)?.*$/;
export const catDateTime = (value: string): boolean => CAT_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));

export class RecordValidator {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(schemas: ReadonlyMap<string, JsonObject>) {
    // strict off: stream schemas carry Airbyte's UI keywords (airbyte_type, ...). Integers stay strict in JS
    // already: JSON.parse('1.0') is 1, and ajv's integer type rejects 1.5.
    // No code optimisation: the stream schemas are large (150 kB each) and compile twice as fast without it.
    this.ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false, code: { optimize: false } });
    addFormats(this.ajv);
    this.ajv.addFormat('date-time', { type: 'string', validate: catDateTime });
    for (const [name, schema] of schemas) this.ajv.addSchema(schema, name);
  }

  /** undefined when valid, else a one-line reason. */
  problem(stream: string, data: JsonObject): string | undefined {
    let validate = this.validators.get(stream);
    if (!validate) {
      validate = this.ajv.getSchema(stream);
      if (!validate) return `no schema for stream ${stream}`;
      this.validators.set(stream, validate);
    }
    if (validate(data)) return undefined;
    const e = validate.errors?.[0];
    return e ? `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}` : 'invalid';
  }
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** json_schema_helper.get_expected_schema_structure: "/a", "/a/b", "/list/[]/c", ... */
export function schemaPaths(schema: Json, prefix = '', out = new Set<string>()): Set<string> {
  if (!isObject(schema)) return out;
  const props = schema['properties'];
  if (isObject(props)) {
    for (const [name, sub] of Object.entries(props)) {
      out.add(`${prefix}/${name}`);
      schemaPaths(sub, `${prefix}/${name}`, out);
    }
  }
  if (isObject(schema['items'])) schemaPaths(schema['items'], `${prefix}/[]`, out);
  for (const kw of ['oneOf', 'anyOf']) if (Array.isArray(schema[kw])) for (const v of schema[kw] as Json[]) schemaPaths(v, prefix, out);
  return out;
}

/** get_object_structure: the same paths taken from a value. */
export function objectPaths(value: Json, prefix = '', out = new Set<string>()): Set<string> {
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      out.add(`${prefix}/${k}`);
      objectPaths(v, `${prefix}/${k}`, out);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) objectPaths(v, `${prefix}/[]`, out);
  }
  return out;
}
