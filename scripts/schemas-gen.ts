/**
 * Bootstrap generator for schemas/<stream>.json and schemas/shared/*.json from the Intuit XSDs.
 *
 *   node dist/scripts/schemas-gen.js [xsd dir] [intuit docs dir]
 *
 * Defaults: vendor/intuit-xsd (the XSDs, vendored with their provenance and licence) and no docs
 * folder (pass a folder of Intuit's API reference pages to list their sample keys the schemas miss).
 * The committed schemas are the source of truth; this script documents how they were derived and
 * can regenerate them when Intuit publishes a new XSD. Fields the XSD lacks but the Intuit docs
 * show are listed in DOC_EXTRAS below. It also prints keys of the docs' sample objects that the
 * schemas still miss, so they can be reviewed and added to DOC_EXTRAS.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../src/cdk/core/package-root.js';
import { OFFICIAL_COLUMNS } from './schemas-official.js';
import { ENTITY_STREAMS, RECURRING_TYPES } from './schemas-streams.js';
import { jsonTypeOf, type XsdField, XSD_DIR, XsdModel } from './schemas-xsd.js';

type Schema = { [key: string]: unknown };

const DRAFT7 = 'http://json-schema.org/draft-07/schema#';

/** Friendly file names (schemas/shared/<name>.json) for the most used XSD types. */
const SHARED_NAMES: Record<string, string> = {
  ReferenceType: 'ref',
  ModificationMetaData: 'metadata',
  PhysicalAddress: 'address',
  EmailAddress: 'email_address',
  TelephoneNumber: 'phone',
  WebSiteAddress: 'web_address',
  IntuitAnyType: 'extension',
};

/** Always shared even when only one stream uses them: the building blocks named in the design. */
const ALWAYS_SHARED = new Set([
  'ReferenceType', 'ModificationMetaData', 'PhysicalAddress', 'EmailAddress', 'TelephoneNumber',
  'WebSiteAddress', 'CustomField', 'AttachableRef', 'Line', 'TxnTaxDetail', 'LinkedTxn', 'MarkupInfo',
  'IntuitAnyType', 'MemoRef', 'RecurringInfo',
]);

/**
 * Where the XSD recurses: GroupLineDetail.Line is a Line. Lines inside a group line are cut to
 * a Line without GroupLineDetail (QBO groups never nest), in shared/group_line_item.json.
 */
const GROUP_ITEM = 'GroupLineItem';

/** Fields present in QBO JSON (Intuit docs) but absent from the XSD, by entity. */
const DOC_EXTRAS: Record<string, Record<string, Schema>> = {
  BillPayment: { ProcessBillPayment: nullable('boolean') },
  TaxPayment: { TxnDate: nullable('string', 'date') },
  TimeActivity: { TransactionLocationType: nullable('string') },
  // The TaxClassification endpoints answer in lower camel case (docs samples), level as a string.
  TaxClassification: {
    id: nullable('string'),
    code: nullable('string'),
    name: nullable('string'),
    description: nullable('string'),
    level: nullable('string'),
    applicableTo: { type: ['null', 'array'], items: { type: 'string' } },
  },
};

/** Connector-added top-level fields (README "Streams" and "CDC"). */
const CONNECTOR_FIELDS: Record<string, Schema> = {
  // A plain string, as airbyte/source-quickbooks declares it (a date-time format would turn the
  // column into a TIMESTAMP in every destination); the values are RFC 3339 timestamps.
  airbyte_cursor: {
    ...nullable('string'),
    description: 'Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.',
  },
  _ab_cdc_deleted_at: {
    ...nullable('string', 'date-time'),
    description: 'Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.',
  },
};

function nullable(type: string, format?: string): Schema {
  return format ? { type: ['null', type], format } : { type: ['null', type] };
}

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

class Generator {
  readonly shared = new Map<string, Schema>();
  private sharedTypes = new Set<string>();
  private readonly building = new Set<string>();

  constructor(private readonly xsd: XsdModel) {}

  sharedFile(typeName: string): string {
    return (SHARED_NAMES[typeName] ?? snake(typeName)) + '.json';
  }

  /** Complex types reachable from a type's fields (not through shared ones' internals twice). */
  private reachable(typeName: string, into: Set<string>): void {
    for (const f of this.xsd.fieldsOf(typeName)) {
      if (this.xsd.primitive(f.type) !== undefined || into.has(f.type)) continue;
      into.add(f.type);
      this.reachable(f.type, into);
    }
  }

  /** Types used by two or more streams become shared files; the rest are inlined. */
  planShared(entities: string[]): void {
    const uses = new Map<string, number>();
    for (const e of entities) {
      const seen = new Set<string>();
      this.reachable(e, seen);
      for (const t of seen) uses.set(t, (uses.get(t) ?? 0) + 1);
    }
    this.sharedTypes = new Set([...ALWAYS_SHARED, ...[...uses].filter(([, n]) => n >= 2).map(([t]) => t)]);
  }

  /** Schema for one field; `fromShared` says whether the referencing file lives in shared/. */
  field(f: XsdField, fromShared: boolean, stack: string[]): Schema {
    const prim = this.xsd.primitive(f.type);
    if (prim !== undefined) {
      const t = jsonTypeOf(prim, f.name);
      const item: Schema = t.format ? { type: t.type, format: t.format } : { type: t.type };
      return f.many ? { type: ['null', 'array'], items: item } : nullable(t.type, t.format);
    }
    // The one recursion in the XSD: cut it (see GROUP_ITEM).
    const target = f.type === 'Line' && stack[stack.length - 1] === 'GroupLineDetail' ? GROUP_ITEM : f.type;
    if (stack.includes(target)) throw new Error(`unexpected recursion ${[...stack, target].join(' > ')}`);
    const inner = this.typeRef(target, fromShared, stack);
    return f.many ? { type: ['null', 'array'], items: inner } : inner;
  }

  /** A $ref to a shared type (building it on first use), or the type inlined. */
  private typeRef(typeName: string, fromShared: boolean, stack: string[]): Schema {
    if (typeName === GROUP_ITEM) {
      this.buildShared(GROUP_ITEM, () => ({
        ...this.objectOf('Line', true, [], 'GroupLineDetail'),
        description: 'A line inside a group line: a Line without GroupLineDetail (groups do not nest).',
      }));
      return { $ref: (fromShared ? '' : 'shared/') + 'group_line_item.json' };
    }
    if (!this.sharedTypes.has(typeName)) return this.objectOf(typeName, fromShared, stack);
    this.buildShared(typeName, () => this.objectOf(typeName, true, []));
    return { $ref: (fromShared ? '' : 'shared/') + this.sharedFile(typeName) };
  }

  private buildShared(typeName: string, build: () => Schema): void {
    const file = typeName === GROUP_ITEM ? 'group_line_item.json' : this.sharedFile(typeName);
    if (this.building.has(file)) throw new Error(`recursive shared type ${typeName}`);
    if (this.shared.has(file)) return;
    this.building.add(file);
    this.shared.set(file, { $schema: DRAFT7, title: typeName, ...build() });
    this.building.delete(file);
  }

  /** A complex type as a nullable object. */
  objectOf(typeName: string, fromShared: boolean, stack: string[], omit?: string): Schema {
    const ct = this.xsd.complexTypes.get(typeName);
    if (!ct) throw new Error(`unknown XSD type ${typeName}`);
    const props: Schema = {};
    if (ct.open) {
      // IntuitAnyType: JAXB's JSON form of <xs:any>, e.g. {"any":[{"name":"...NameValue","value":{"Name":..,"Value":..}}]}.
      props.any = {
        type: ['null', 'array'],
        items: {
          type: 'object',
          additionalProperties: true,
          properties: {
            name: nullable('string'),
            declaredType: nullable('string'),
            scope: nullable('string'),
            value: {
              type: ['null', 'object'],
              additionalProperties: true,
              properties: { Name: nullable('string'), Value: nullable('string') },
            },
            nil: nullable('boolean'),
            globalScope: nullable('boolean'),
            typeSubstituted: nullable('boolean'),
          },
        },
      };
    }
    if (ct.simpleBase) {
      // simpleContent (ReferenceType, MemoRef): QBO JSON puts the text in `value`.
      const t = jsonTypeOf(this.xsd.primitive(ct.simpleBase) ?? 'string', 'value');
      props.value = nullable(t.type, t.format);
    }
    for (const f of this.xsd.fieldsOf(typeName)) {
      if (f.name !== omit) props[f.name] = this.field(f, fromShared, [...stack, typeName]);
    }
    return { type: ['null', 'object'], additionalProperties: true, properties: props };
  }

  /** Top-level schema of an entity stream. */
  entity(stream: string, entity: string): Schema {
    let props: Schema;
    if (entity === 'RecurringTransaction') {
      props = {};
      for (const t of RECURRING_TYPES) {
        const p = this.objectOf(t, false, []).properties as Schema;
        for (const [k, v] of Object.entries(p)) {
          if (k in props && JSON.stringify(props[k]) !== JSON.stringify(v)) {
            throw new Error(`recurring_transactions: ${k} differs between recurring types`);
          }
          props[k] = v;
        }
      }
      props.RecurringTxnType = {
        ...nullable('string'),
        description: 'Connector field: the wrapper key of the RecurringTransaction row (Bill, Invoice, ...).',
      };
    } else {
      props = this.objectOf(entity, false, []).properties as Schema;
    }
    Object.assign(props, DOC_EXTRAS[entity] ?? {}, CONNECTOR_FIELDS);
    for (const [name, official] of Object.entries(OFFICIAL_COLUMNS[entity] ?? {})) props[name] = official(props[name] as Schema | undefined);
    return {
      $schema: DRAFT7,
      title: entity,
      description: `QuickBooks Online ${entity} records (stream ${stream}).`,
      type: 'object',
      additionalProperties: true,
      properties: props,
    };
  }
}

/** Keys (dotted paths) of the docs' sample JSON for an entity, to spot fields the XSD lacks. */
function docSampleKeys(docsDir: string, entity: string): Set<string> {
  const file = join(docsDir, entity.toLowerCase().replace('creditcardpaymenttxn', 'creditcardpayment') + '.md');
  const keys = new Set<string>();
  if (!existsSync(file)) return keys;
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) for (const x of v) walk(x, path);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        keys.add(path ? `${path}.${k}` : k);
        walk(x, path ? `${path}.${k}` : k);
      }
    }
  };
  for (const m of readFileSync(file, 'utf8').matchAll(/```json\s*([\s\S]*?)```/g)) {
    try {
      const doc = JSON.parse(m[1] ?? '') as Record<string, unknown>;
      const body = doc[entity] ?? (doc.QueryResponse as Record<string, unknown> | undefined)?.[entity];
      // RecurringTransaction rows wrap the template: {"Bill": {...}}; the record is the inner object.
      const rows = entity === 'RecurringTransaction' ? [body].flat().flatMap((r) => Object.values(r ?? {})) : [body];
      for (const r of rows) if (r !== undefined) walk(r, '');
    } catch {
      // Request bodies with comments or ellipses are not JSON: skipped.
    }
  }
  return keys;
}

function hasPath(schema: Schema, path: string, shared: Map<string, Schema>): boolean {
  let node: Schema | undefined = schema;
  for (const part of path.split('.')) {
    for (let i = 0; node && i < 5; i++) {
      if (typeof node.$ref === 'string') node = shared.get(node.$ref.replace(/^shared\//, ''));
      else if (node.items) node = node.items as Schema;
      else break;
    }
    const props = node?.properties as Schema | undefined;
    node = props?.[part] as Schema | undefined;
    if (!node) return false;
  }
  return true;
}

/** Two-space JSON with short scalar arrays (`"type": ["null", "string"]`) kept on one line. */
export function formatJson(value: unknown): string {
  return (
    JSON.stringify(value, null, 2).replace(/\[\s+((?:"[^"\n]*"|[\d.-]+|true|false|null)(?:,\s+(?:"[^"\n]*"|[\d.-]+|true|false|null))*)\s+\]/g, (_m, body: string) =>
      '[' + body.split(/,\s+/).join(', ') + ']',
    ) + '\n'
  );
}

function main(): void {
  const root = packageRoot();
  const xsdDir = resolve(root, process.argv[2] ?? XSD_DIR);
  const docsArg = process.argv[3];
  const docsDir = docsArg === undefined ? undefined : resolve(root, docsArg);
  if (!existsSync(xsdDir)) {
    console.error(`schemas-gen: XSD folder not found: ${xsdDir}\nPass it as the first argument.`);
    process.exit(2);
  }
  const gen = new Generator(XsdModel.load(xsdDir));
  const streams = Object.entries(ENTITY_STREAMS);
  gen.planShared(streams.filter(([s]) => s !== 'recurring_transactions').map(([, e]) => e));
  const out = join(root, 'schemas');
  mkdirSync(join(out, 'shared'), { recursive: true });
  for (const [stream, entity] of streams) {
    const schema = gen.entity(stream, entity);
    writeFileSync(join(out, `${stream}.json`), formatJson(schema));
    const missing = docsDir === undefined ? [] : [...docSampleKeys(docsDir, entity)].filter((k) => !hasPath(schema, k, gen.shared));
    if (missing.length) console.log(`${stream}: docs sample keys not in schema: ${missing.join(', ')}`);
  }
  for (const [file, schema] of gen.shared) writeFileSync(join(out, 'shared', file), formatJson(schema));
  console.log(`schemas-gen: wrote ${streams.length} stream schemas and ${gen.shared.size} shared definitions to ${out}`);
}

main();
