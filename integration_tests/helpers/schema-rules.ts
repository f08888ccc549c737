// CAT's static checks on JSON schemas (spec and stream schemas), as pure functions returning the offending
// paths, so each acceptance test is one `expect(problems).toEqual([])`.

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Schema keywords whose value maps property names to schemas: their keys are names, not keywords. */
const NAME_MAPS = new Set(['properties', 'definitions', '$defs', 'patternProperties', 'dependencies']);

export interface Visit {
  node: Record<string, Json>;
  path: string;
  /** True when the node is the schema of a property (under "properties"). */
  isProperty: boolean;
  /** Depth in object-property nesting: 0 for the root schema, 1 for its properties, ... */
  depth: number;
}

/** Every schema object under `root` (root included), with keyword-aware paths. */
export function walkSchemas(root: Json): Visit[] {
  const out: Visit[] = [];
  const visit = (node: Json, path: string, isProperty: boolean, depth: number): void => {
    if (!isObject(node)) return;
    out.push({ node, path, isProperty, depth });
    for (const [key, value] of Object.entries(node)) {
      if (NAME_MAPS.has(key) && isObject(value)) {
        for (const [name, sub] of Object.entries(value)) visit(sub, `${path}/${key}/${name}`, key === 'properties', key === 'properties' ? depth + 1 : depth);
      } else if (Array.isArray(value) && ['oneOf', 'anyOf', 'allOf', 'items', 'prefixItems'].includes(key)) {
        value.forEach((sub, i) => visit(sub, `${path}/${key}/${i}`, false, depth));
      } else if (isObject(value) && ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'additionalItems', 'contains', 'propertyNames'].includes(key)) {
        visit(value, `${path}/${key}`, false, depth);
      }
    }
  };
  visit(root, '', false, 0);
  return out;
}

/** Keywords CAT forbids anywhere in a spec (test_forbidden_complex_types). */
export const FORBIDDEN_SPEC_KEYWORDS = ['not', 'anyOf', 'patternProperties', 'prefixItems', 'allOf', 'if', 'then', 'else', 'dependentSchemas', 'dependentRequired'];

export function keywordUses(root: Json, keywords: readonly string[]): string[] {
  return walkSchemas(root).flatMap(({ node, path }) => keywords.filter((k) => k in node).map((k) => `${path}/${k}`));
}

/** Any "$ref" left anywhere (test_defined_refs_exist_in_json_spec_file / _in_schema). */
export function refUses(root: Json): string[] {
  const out: string[] = [];
  const visit = (v: Json, path: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}/${i}`));
    else if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref') out.push(path);
        else visit(x, `${path}/${k}`);
      }
    }
  };
  visit(root, '');
  return out;
}

export function additionalPropertiesNotTrue(root: Json): string[] {
  return walkSchemas(root)
    .filter(({ node }) => 'additionalProperties' in node && node['additionalProperties'] !== true)
    .map(({ path }) => `${path}/additionalProperties`);
}

export function duplicateEnums(root: Json): string[] {
  return walkSchemas(root)
    .filter(({ node }) => Array.isArray(node['enum']) && new Set((node['enum'] as Json[]).map((v) => JSON.stringify(v))).size !== (node['enum'] as Json[]).length)
    .map(({ path }) => `${path}/enum`);
}

/** test_property_type_is_not_array: a list type is [T] or [T, "null"]. */
export function badTypeLists(root: Json): string[] {
  return walkSchemas(root)
    .filter(({ node, isProperty }) => isProperty && Array.isArray(node['type']))
    .filter(({ node }) => {
      const t = node['type'] as Json[];
      return !(t.length === 1 || (t.length === 2 && t[1] === 'null'));
    })
    .map(({ path }) => `${path}/type`);
}

const SECRET_NAMES = new Set([
  'client_token', 'access_token', 'api_token', 'token', 'secret', 'client_secret', 'password', 'key', 'service_account_info',
  'service_account', 'tenant_id', 'certificate', 'jwt', 'credentials', 'app_id', 'appid', 'refresh_token',
]);
const SECRET_CAPABLE = new Set(['string', 'integer', 'number']);

const typesOf = (node: Record<string, Json>): string[] => {
  const t = node['type'];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : typeof t === 'string' ? [t] : [];
};

/** test_secret_is_properly_marked: secret-named scalar properties carry airbyte_secret; others must not. */
export function secretMarkingProblems(root: Json): string[] {
  const out: string[] = [];
  for (const { node, path, isProperty } of walkSchemas(root)) {
    const name = path.split('/').pop() ?? '';
    const capable = typesOf(node).some((t) => SECRET_CAPABLE.has(t));
    if (isProperty && SECRET_NAMES.has(name) && capable && !('const' in node) && node['airbyte_secret'] !== true) out.push(`${path}: not marked airbyte_secret`);
    if (node['airbyte_secret'] === true && !capable) out.push(`${path}: airbyte_secret on a ${typesOf(node).join('|') || 'typeless'} property`);
  }
  return out;
}

/** test_object_not_empty: nested objects have properties or oneOf (the root may be empty). */
export function emptyObjects(root: Json): string[] {
  return walkSchemas(root)
    .filter(({ node, path }) => path !== '' && typesOf(node).includes('object'))
    .filter(({ node }) => !(isObject(node['properties']) && Object.keys(node['properties']).length > 0) && !Array.isArray(node['oneOf']))
    .map(({ path }) => path);
}

/** test_array_type: items is one schema whose type is object/string/number/integer, or which has an enum. */
export function badArrayItems(root: Json): string[] {
  const out: string[] = [];
  for (const { node, path } of walkSchemas(root)) {
    if (!typesOf(node).includes('array') || !('items' in node)) continue;
    const items = node['items'];
    if (!isObject(items)) {
      out.push(`${path}/items is not a single schema`);
      continue;
    }
    if ('enum' in items) continue;
    if (!typesOf(items).some((t) => ['object', 'string', 'number', 'integer'].includes(t))) out.push(`${path}/items/type`);
  }
  return out;
}

/** test_duplicate_order: no two properties of one object share an order within the same group. */
export function duplicateOrders(root: Json): string[] {
  const out: string[] = [];
  for (const { node, path } of walkSchemas(root)) {
    const props = node['properties'];
    if (!isObject(props)) continue;
    const seen = new Map<string, string>();
    for (const [name, sub] of Object.entries(props)) {
      if (!isObject(sub) || sub['order'] === undefined) continue;
      const key = `${String(sub['group'] ?? '')}#${String(sub['order'])}`;
      const other = seen.get(key);
      if (other !== undefined) out.push(`${path}/properties: ${other} and ${name} share order ${String(sub['order'])}`);
      seen.set(key, name);
    }
  }
  return out;
}

/** test_nested_group: "group" only on top-level properties. */
export function nestedGroups(root: Json): string[] {
  return walkSchemas(root)
    .filter(({ node, depth, isProperty }) => 'group' in node && !(isProperty && depth === 1))
    .map(({ path }) => `${path}/group`);
}

/** test_display_type: display_type only beside oneOf, as dropdown or radio. */
export function badDisplayTypes(root: Json): string[] {
  return walkSchemas(root)
    .filter(({ node }) => 'display_type' in node && (!Array.isArray(node['oneOf']) || !['dropdown', 'radio'].includes(String(node['display_type']))))
    .map(({ path }) => `${path}/display_type`);
}

/** test_oneof_usage: parent type object, variants with properties, exactly one shared const discriminator. */
export function oneOfProblems(root: Json): string[] {
  const out: string[] = [];
  for (const { node, path } of walkSchemas(root)) {
    for (const kw of ['oneOf', 'anyOf'] as const) {
      const variants = node[kw];
      if (!Array.isArray(variants)) continue;
      if (!typesOf(node).includes('object')) out.push(`${path}: ${kw} parent is not type object`);
      const propsOf = variants.map((v) => (isObject(v) && isObject(v['properties']) ? v['properties'] : undefined));
      if (propsOf.some((p) => p === undefined)) {
        out.push(`${path}/${kw}: a variant has no properties`);
        continue;
      }
      const all = propsOf as Record<string, Json>[];
      const common = Object.keys(all[0] ?? {}).filter((k) => all.every((p) => k in p));
      const consts = common.filter((k) => all.every((p) => isObject(p[k]) && 'const' in (p[k] as object)));
      if (consts.length !== 1) out.push(`${path}/${kw}: ${consts.length} common const properties (need exactly 1)`);
      for (const k of consts) {
        for (const p of all) {
          const prop = p[k] as Record<string, Json>;
          if ('default' in prop && prop['default'] !== prop['const']) out.push(`${path}/${kw}/${k}: default != const`);
          if ('enum' in prop && JSON.stringify(prop['enum']) !== JSON.stringify([prop['const']])) out.push(`${path}/${kw}/${k}: enum != [const]`);
        }
      }
    }
  }
  return out;
}

/** Does properties/<a>/properties/<b>... exist? (cursor and primary-key paths) */
export function pathExists(schema: Json, path: readonly string[]): boolean {
  let node: Json = schema;
  for (const key of path) {
    const props = isObject(node) ? node['properties'] : undefined;
    if (!isObject(props) || !(key in props)) return false;
    node = props[key];
  }
  return true;
}

/** The schema of a property path, if any. */
export function schemaAt(schema: Json, path: readonly string[]): Record<string, Json> | undefined {
  let node: Json = schema;
  for (const key of path) {
    const props = isObject(node) ? node['properties'] : undefined;
    if (!isObject(props)) return undefined;
    node = props[key];
  }
  return isObject(node) ? node : undefined;
}

export { typesOf };
