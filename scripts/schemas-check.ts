/**
 * Completeness and type check of the entity stream schemas against the Intuit XSD.
 *
 *   node dist/scripts/schemas-check.js [path to xsd_entities.json]
 *
 * Default path: vendor/intuit-xsd/xsd_entities.json (relative to the project root).
 * Top-level field lists come from xsd_entities.json; when the *.xsd files sit beside it, field
 * types and nested complex types are checked too. Reports, per stream: XSD fields missing from
 * the schema, type mismatches, amount-like properties typed integer, and discover-breaking
 * keywords. Exit status 1 when anything is reported, 2 when the input is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { packageRoot } from '../src/cdk/core/package-root.js';
import type { JsonObject } from '../src/cdk/core/protocol.js';
import { loadStreamSchema } from '../src/streams/schema-loader.js';
import { OFFICIAL_COLUMNS } from './schemas-official.js';
import { ENTITY_STREAMS, RECURRING_TYPES } from './schemas-streams.js';
import { jsonTypeOf, NUMERIC_NAME, type XsdField, XSD_DIR, XsdModel } from './schemas-xsd.js';
import { isObject } from '../src/cdk/core/json-object.js';

interface XsdEntity {
  fields: string[];
}

const FORBIDDEN = ['$ref', 'allOf', 'anyOf', 'oneOf', 'not', 'patternProperties', 'if', 'then', 'else', 'definitions'];


function types(s: JsonObject | undefined): string[] {
  const t = s?.type;
  return Array.isArray(t) ? t.map(String) : typeof t === 'string' ? [t] : [];
}

function props(s: JsonObject | undefined): JsonObject | undefined {
  return isObject(s?.properties) ? s.properties : undefined;
}

class Checker {
  readonly problems: string[] = [];

  constructor(private readonly xsd: XsdModel | undefined) {}

  /** Compares one XSD field with its schema property, recursing into complex types. */
  field(f: XsdField, s: JsonObject, path: string, stack: string[]): void {
    let node = s;
    if (f.many) {
      if (!types(s).includes('array') || !isObject(s.items)) {
        this.problems.push(`type mismatch ${path}: XSD ${f.type}[] but schema type ${JSON.stringify(s.type)}`);
        return;
      }
      node = s.items;
    }
    const prim = this.xsd?.primitive(f.type);
    if (prim === undefined) {
      if (!types(node).includes('object')) {
        this.problems.push(`type mismatch ${path}: XSD ${f.type} is an object but schema type ${JSON.stringify(node.type)}`);
      } else if (!stack.includes(f.type)) {
        this.complex(f.type, node, path, [...stack, f.type]);
      }
      return;
    }
    const want = jsonTypeOf(prim, f.name);
    const have = types(node);
    // Widening an XSD integer to number is harmless; anything else must match exactly.
    const ok = have.includes(want.type) || (want.type === 'integer' && have.includes('number'));
    if (!ok) this.problems.push(`type mismatch ${path}: XSD ${f.type} wants ${want.type} but schema type ${JSON.stringify(node.type)}`);
    else if (want.format && node.format !== want.format) {
      this.problems.push(`type mismatch ${path}: XSD ${f.type} wants format ${want.format} but schema has ${String(node.format)}`);
    }
  }

  /** Every XSD field of a complex type is a property of `s`, correctly typed. */
  complex(typeName: string, s: JsonObject, path: string, stack: string[]): void {
    const p = props(s) ?? {};
    const ct = this.xsd?.complexTypes.get(typeName);
    if (ct?.simpleBase && !('value' in p)) this.problems.push(`missing ${path}.value`);
    for (const f of this.xsd?.fieldsOf(typeName) ?? []) {
      const child = p[f.name];
      // GroupLineDetail.Line is cut to a Line without GroupLineDetail (see schemas-gen.ts).
      if (f.name === 'GroupLineDetail' && path.endsWith('GroupLineDetail.Line')) continue;
      if (!isObject(child)) this.problems.push(`missing ${path}.${f.name}`);
      else this.field(f, child, `${path}.${f.name}`, stack);
    }
  }

  /** Amount-like integers, leftover $ref and combinators, closed objects. */
  lint(node: unknown, path: string): void {
    if (Array.isArray(node)) return node.forEach((x, i) => this.lint(x, `${path}[${i}]`));
    if (!isObject(node)) return;
    for (const k of FORBIDDEN) if (k in node) this.problems.push(`forbidden keyword ${k} at ${path}`);
    if ('additionalProperties' in node && node.additionalProperties !== true) {
      this.problems.push(`additionalProperties is not true at ${path}`);
    }
    const p = props(node);
    for (const [name, child] of Object.entries(p ?? {})) {
      if (isObject(child) && types(child).includes('integer') && NUMERIC_NAME.test(name)) {
        this.problems.push(`amount-like property typed integer: ${path}.${name}`);
      }
      this.lint(child, `${path}.${name}`);
    }
    if (isObject(node.items)) this.lint(node.items, `${path}[]`);
  }
}

function main(): number {
  const root = packageRoot();
  const entitiesPath = resolve(root, process.argv[2] ?? join(XSD_DIR, 'xsd_entities.json'));
  if (!existsSync(entitiesPath)) {
    console.error(`schemas-check: ${entitiesPath} not found.\nPass the path to xsd_entities.json (derived from the Intuit XSDs) as the first argument.`);
    return 2;
  }
  const entities = JSON.parse(readFileSync(entitiesPath, 'utf8')) as Record<string, XsdEntity>;
  const xsdDir = dirname(entitiesPath);
  const xsd = readdirSync(xsdDir).some((f) => f.endsWith('.xsd')) ? XsdModel.load(xsdDir) : undefined;
  if (!xsd) console.log(`schemas-check: no *.xsd beside ${entitiesPath}: checking field names only`);

  let total = 0;
  for (const [stream, entity] of Object.entries(ENTITY_STREAMS)) {
    const checker = new Checker(xsd);
    const spec = entities[entity];
    if (!spec) {
      checker.problems.push(`entity ${entity} not in ${entitiesPath}`);
    } else {
      const schema = loadStreamSchema(stream);
      const p = props(schema) ?? {};
      // "@ref:IntuitObject" is RecurringTransaction's wrapped template: any recurring-capable type.
      const sources = spec.fields.some((f) => f.startsWith('@ref:')) ? [entity, ...RECURRING_TYPES] : [entity];
      const names = new Set(sources.flatMap((e) => entities[e]?.fields ?? []).filter((f) => !f.startsWith('@')));
      for (const n of names) if (!(n in p)) checker.problems.push(`missing ${n}`);
      for (const n of ['airbyte_cursor', '_ab_cdc_deleted_at']) if (!(n in p)) checker.problems.push(`missing connector field ${n}`);
      if (xsd) {
        const seen = new Set<string>();
        for (const e of sources.filter((x) => !x.startsWith('Recurring'))) {
          for (const f of xsd.fieldsOf(e)) {
            if (seen.has(f.name)) continue;
            seen.add(f.name);
            // airbyte/source-quickbooks' column type wins over the XSD's (schemas-official.ts).
            if (OFFICIAL_COLUMNS[e]?.[f.name] !== undefined) continue;
            const child = p[f.name];
            if (!isObject(child)) {
              if (!names.has(f.name)) checker.problems.push(`missing ${f.name}`);
            } else checker.field(f, child, f.name, [e]);
          }
        }
      }
      checker.lint(schema, stream);
    }
    const unique = [...new Set(checker.problems)];
    total += unique.length;
    console.log(unique.length ? `${stream} (${entity}): ${unique.length} problem(s)\n  ${unique.join('\n  ')}` : `${stream} (${entity}): ok`);
  }
  console.log(total ? `schemas-check: ${total} problem(s)` : `schemas-check: ${Object.keys(ENTITY_STREAMS).length} streams complete`);
  return total ? 1 : 0;
}

process.exitCode = main();
