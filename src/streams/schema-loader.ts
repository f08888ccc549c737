/**
 * Stream JSON Schemas from schemas/, with every `$ref` inlined.
 *
 * Airbyte forbids `$ref` in discovered schemas, and ajv is simpler without them, so everything
 * downstream uses the resolved form:
 * - `loadStreamSchema(stream)`: schemas/<stream>.json (or schemas/reports/<stream>.json), refs
 *   resolved recursively relative to the file holding them (`shared/ref.json`,
 *   `line.json#/definitions/x`, `#/definitions/x`), `$schema` kept at the top only, no
 *   `definitions` left. Cached per stream; callers get a fresh deep copy each time, so they may
 *   mutate it.
 * - `listSchemaStreams()`: the stream names that have a schema file.
 * Repeated references to one shared file resolve to one object inside a result (the record
 * validator hoists such repeats back into definitions).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isObject, packageRoot, type JsonObject } from '../cdk/index.js';

/** Deeper than any real QBO nesting (Line > GroupLineDetail > Line > detail > ref is 5). */
const MAX_REF_DEPTH = 12;

/** Schema for a ref cut by a cycle or the depth limit: an open object, never a loop. */
const CUT: JsonObject = { type: ['null', 'object'], additionalProperties: true, properties: {} };

const fileCache = new Map<string, JsonObject>();
const streamCache = new Map<string, JsonObject>();

function schemasDir(): string {
  return join(packageRoot(), 'schemas');
}


function readSchemaFile(path: string): JsonObject {
  let doc = fileCache.get(path);
  if (!doc) {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!isObject(parsed)) throw new Error(`schema ${path} is not a JSON object`);
    fileCache.set(path, (doc = parsed));
  }
  return doc;
}

/** Follows a JSON pointer (`/definitions/x`) inside a document. */
function pointer(doc: JsonObject, ptr: string, where: string): unknown {
  let node: unknown = doc;
  for (const raw of ptr.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !(key in node)) throw new Error(`unresolvable $ref ${where}`);
    node = node[key];
  }
  return node;
}

class Resolver {
  /** One resolved object per `file#pointer`, shared by every reference in this result. */
  private readonly done = new Map<string, unknown>();

  resolveRef(ref: string, file: string, stack: string[]): unknown {
    const [path = '', frag = ''] = ref.split('#');
    const target = path ? resolve(dirname(file), path) : file;
    const key = `${target}#${frag}`;
    const cached = this.done.get(key);
    if (cached !== undefined) return cached;
    const label = `${relative(schemasDir(), target)}#${frag}`;
    if (stack.includes(key) || stack.length >= MAX_REF_DEPTH) return { ...CUT, description: `cut recursive ${label}` };
    if (!existsSync(target)) throw new Error(`$ref ${ref} in ${file}: ${target} not found`);
    const node = frag ? pointer(readSchemaFile(target), frag, `${ref} in ${file}`) : readSchemaFile(target);
    const out = this.walk(node, target, [...stack, key]);
    this.done.set(key, out);
    return out;
  }

  walk(node: unknown, file: string, stack: string[]): unknown {
    if (Array.isArray(node)) return node.map((x) => this.walk(x, file, stack));
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string') return this.resolveRef(node.$ref, file, stack);
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$schema' || k === 'definitions') continue;
      // Keys of `properties` are field names, not keywords: walk their values only.
      out[k] = k === 'properties' && isObject(v)
        ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, this.walk(s, file, stack)]))
        : this.walk(v, file, stack);
    }
    return out;
  }
}

function streamFile(stream: string): string {
  if (!/^[a-z0-9_]+$/.test(stream)) throw new Error(`invalid stream name ${JSON.stringify(stream)}`);
  for (const p of [join(schemasDir(), `${stream}.json`), join(schemasDir(), 'reports', `${stream}.json`)]) {
    if (existsSync(p)) return p;
  }
  throw new Error(`no schema for stream ${stream} in ${schemasDir()}`);
}

/** Any schema file with its `$ref`s inlined (uncached result; files are cached by path). */
export function resolveSchemaFile(file: string): JsonObject {
  const path = resolve(file);
  const doc = readSchemaFile(path);
  const body = new Resolver().walk(doc, path, [`${path}#`]);
  if (!isObject(body)) throw new Error(`schema ${path} resolves to a non-object`);
  return doc.$schema === undefined ? body : { $schema: doc.$schema, ...body };
}

/**
 * The stream's resolved schema, sharing one object per shared definition. Read-only: use
 * `loadStreamSchema` for a copy you may change.
 */
export function resolvedStreamSchema(stream: string): Readonly<JsonObject> {
  let schema = streamCache.get(stream);
  if (!schema) streamCache.set(stream, (schema = resolveSchemaFile(streamFile(stream))));
  return schema;
}

/** The stream's schema with every `$ref` inlined: a fresh copy, safe to mutate. */
export function loadStreamSchema(stream: string): JsonObject {
  return structuredClone(resolvedStreamSchema(stream)) as JsonObject;
}

/** Streams with a schema: schemas/*.json and schemas/reports/*.json, sorted. */
export function listSchemaStreams(): string[] {
  const names = (dir: string): string[] =>
    existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) : [];
  return [...new Set([...names(schemasDir()), ...names(join(schemasDir(), 'reports'))])].sort();
}
