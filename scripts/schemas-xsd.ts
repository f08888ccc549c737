/**
 * A small reader for the Intuit QBO XSDs (the `*.xsd` files beside xsd_entities.json).
 * Only what the schema generator and the completeness check need: complex types with their
 * inherited elements and attributes, simple types reduced to their primitive base.
 * No XML dependency: the XSDs are machine-written, so a tag tokenizer is enough.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The vendored Intuit XSDs and xsd_entities.json (project-relative; provenance and licence in its README). */
export const XSD_DIR = 'vendor/intuit-xsd';

interface XmlNode {
  tag: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export interface XsdField {
  name: string;
  /** Type name as written, e.g. `xs:decimal`, `ReferenceType`. */
  type: string;
  /** maxOccurs > 1: a JSON array. */
  many: boolean;
  attribute: boolean;
}

export interface XsdComplexType {
  name: string;
  base?: string;
  /** Set for simpleContent types (ReferenceType, MemoRef): the JSON `value` property's type. */
  simpleBase?: string;
  /** Own fields only; see XsdModel.fieldsOf for the inherited list. */
  fields: XsdField[];
  /** Holds xs:any (IntuitAnyType): open extension bag. */
  open: boolean;
}

/** JSON-level kind of an XSD type. */
export type Primitive = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'date-time';

function parseXml(text: string): XmlNode {
  const root: XmlNode = { tag: '#root', attrs: {}, children: [] };
  const stack: XmlNode[] = [root];
  const clean = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '');
  const tagRe = /<(\/?)([\w:]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g;
  for (const m of clean.matchAll(tagRe)) {
    const [, closing, tag = '', rawAttrs = '', selfClosing] = m;
    if (closing) {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1] ?? ''] = a[2] ?? '';
    const node: XmlNode = { tag, attrs, children: [] };
    stack[stack.length - 1]?.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  return root;
}

const INTEGER_XS = new Set(['xs:int', 'xs:long', 'xs:integer', 'xs:short', 'xs:positiveInteger', 'xs:nonNegativeInteger']);
const NUMBER_XS = new Set(['xs:decimal', 'xs:double', 'xs:float']);

export class XsdModel {
  readonly complexTypes = new Map<string, XsdComplexType>();
  /** simple type name -> base type name (enums and restrictions). */
  readonly simpleTypes = new Map<string, string>();
  private readonly groups = new Map<string, XmlNode>();

  /** Reads every `*.xsd` in `dir`. */
  static load(dir: string): XsdModel {
    const model = new XsdModel();
    const schemas = readdirSync(dir)
      .filter((f) => f.endsWith('.xsd'))
      .sort()
      .map((f) => parseXml(readFileSync(join(dir, f), 'utf8')).children.find((n) => n.tag === 'xs:schema'));
    for (const s of schemas) for (const n of s?.children ?? []) if (n.tag === 'xs:group' && n.attrs.name) model.groups.set(n.attrs.name, n);
    for (const s of schemas) {
      for (const n of s?.children ?? []) {
        if (n.tag === 'xs:simpleType' && n.attrs.name) {
          const r = n.children.find((c) => c.tag === 'xs:restriction');
          model.simpleTypes.set(n.attrs.name, r?.attrs.base ?? 'xs:string');
        } else if (n.tag === 'xs:complexType' && n.attrs.name) {
          model.complexTypes.set(n.attrs.name, model.readComplex(n.attrs.name, n));
        }
      }
    }
    return model;
  }

  private readComplex(name: string, node: XmlNode): XsdComplexType {
    const ct: XsdComplexType = { name, fields: [], open: false };
    const walk = (n: XmlNode, many: boolean): void => {
      for (const c of n.children) {
        switch (c.tag) {
          case 'xs:complexContent':
          case 'xs:simpleContent':
            for (const ext of c.children) {
              if (ext.tag !== 'xs:extension' && ext.tag !== 'xs:restriction') continue;
              if (c.tag === 'xs:simpleContent') ct.simpleBase = ext.attrs.base;
              else ct.base = ext.attrs.base;
              walk(ext, many);
            }
            break;
          case 'xs:sequence':
          case 'xs:choice':
            walk(c, many || c.attrs.maxOccurs === 'unbounded');
            break;
          case 'xs:group': {
            const g = c.attrs.ref ? this.groups.get(c.attrs.ref) : undefined;
            if (g) walk(g, many);
            break;
          }
          case 'xs:any':
            ct.open = true;
            break;
          case 'xs:element':
            if (c.attrs.name) {
              const max = c.attrs.maxOccurs;
              ct.fields.push({
                name: c.attrs.name,
                // An element without a type (PriceLevel.Name) is a plain string in practice.
                type: c.attrs.type ?? 'xs:string',
                many: many || max === 'unbounded' || (max !== undefined && Number(max) > 1),
                attribute: false,
              });
            }
            break;
          case 'xs:attribute':
            if (c.attrs.name) ct.fields.push({ name: c.attrs.name, type: c.attrs.type ?? 'xs:string', many: false, attribute: true });
            break;
        }
      }
    };
    walk(node, false);
    return ct;
  }

  /** Fields of a complex type, base types' first, as QBO serialises them. */
  fieldsOf(typeName: string): XsdField[] {
    const ct = this.complexTypes.get(typeName);
    if (!ct) return [];
    const inherited = ct.base ? this.fieldsOf(ct.base) : [];
    const seen = new Set(inherited.map((f) => f.name));
    return [...inherited, ...ct.fields.filter((f) => !seen.has(f.name))];
  }

  /** JSON primitive of a simple or built-in type; undefined for complex types. */
  primitive(typeName: string): Primitive | undefined {
    if (this.complexTypes.has(typeName)) return undefined;
    let t = typeName;
    for (let i = 0; i < 10 && this.simpleTypes.has(t); i++) t = this.simpleTypes.get(t) ?? 'xs:string';
    if (INTEGER_XS.has(t)) return 'integer';
    if (NUMBER_XS.has(t)) return 'number';
    if (t === 'xs:boolean') return 'boolean';
    if (t === 'xs:date') return 'date';
    if (t === 'xs:dateTime') return 'date-time';
    return 'string';
  }
}

/**
 * Names that hold money, quantities, rates, durations or percentages: always JSON `number`,
 * even where the XSD says xs:int (TimeActivity.Hours), because destinations typed from an
 * integer column break on the first fractional value.
 */
export const NUMERIC_NAME = /(amt|amount|qty|quantity|rate|hours?$|minutes?$|seconds?$|percent|pct|price|cost|balance|total|discount$|markup)/i;

/** JSON Schema type for a primitive, honouring NUMERIC_NAME. */
export function jsonTypeOf(p: Primitive, fieldName: string): { type: string; format?: string } {
  if (p === 'integer' && NUMERIC_NAME.test(fieldName)) return { type: 'number' };
  if (p === 'date') return { type: 'string', format: 'date' };
  if (p === 'date-time') return { type: 'string', format: 'date-time' };
  return { type: p };
}
