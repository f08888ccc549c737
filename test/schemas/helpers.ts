import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isObject } from '../../src/cdk/core/json-object.js';
import { packageRoot } from '../../src/cdk/core/package-root.js';
import type { JsonObject } from '../../src/cdk/core/protocol.js';

// ajv-formats is CommonJS: NodeNext types its default import as the exports object, whose
// `default` is the plugin (at run time too: the module sets exports.default).
const addFormats = addFormatsModule.default;

/** Draft-07 ajv with full formats, as CAT validates records (strict off for Airbyte keywords). */
export function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

export { isObject };

/** Every schema node with its path; property names are not visited as keywords. */
export function* schemaNodes(node: unknown, path = '$'): Generator<[string, JsonObject]> {
  if (!isObject(node)) return;
  yield [path, node];
  if (isObject(node.properties)) {
    for (const [k, v] of Object.entries(node.properties)) yield* schemaNodes(v, `${path}.${k}`);
  }
  if (node.items !== undefined) yield* schemaNodes(node.items, `${path}[]`);
  for (const k of ['definitions', 'allOf', 'anyOf', 'oneOf', 'not']) {
    const v = node[k];
    if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* schemaNodes(x, `${path}/${k}/${i}`);
    else if (isObject(v)) yield* schemaNodes(v, `${path}/${k}`);
  }
}

/** The subschema at a dotted path (`Line[].SalesItemLineDetail.Qty`). */
export function at(schema: JsonObject, path: string): JsonObject | undefined {
  let node: unknown = schema;
  for (const part of path.split('.')) {
    const name = part.replace(/\[\]$/, '');
    node = isObject(node) && isObject(node.properties) ? node.properties[name] : undefined;
    if (part.endsWith('[]')) node = isObject(node) ? node.items : undefined;
  }
  return isObject(node) ? node : undefined;
}

export function typesOf(s: JsonObject | undefined): string[] {
  const t = s?.type;
  return Array.isArray(t) ? t.map(String) : typeof t === 'string' ? [t] : [];
}

export function fixtureRecords(stream: string): JsonObject[] {
  const text = readFileSync(join(packageRoot(), 'test', 'fixtures', 'records', `${stream}.json`), 'utf8');
  return JSON.parse(text) as JsonObject[];
}
