/**
 * Run-time record validation (config `validate_records`): each record is checked against its
 * stream's discovered JSON schema before it is emitted. One ajv validator is compiled per stream,
 * on its first record. `warn` counts problems per stream and field path and logs one WARN per pair
 * when the stream ends; `fail` fails the stream at the first record that does not match.
 *
 * The seam is `check(stream, record)`: whatever form the emission path carries records in, it hands
 * this function the parsed record while validation is on (and skips parsing when it is off).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { SystemError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { JsonObject } from '../core/protocol.js';
import { observedStream } from './observed-stream.js';
import { recordValue } from '../core/raw-record.js';
import type { Stream } from '../core/stream.js';

export type ValidationMode = 'off' | 'warn' | 'fail';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

/** A record did not match its stream's schema (validate_records: fail). */
export class RecordValidationError extends SystemError {}

/**
 * The same schema with every object that occurs more than once (resolved schemas share one object per
 * shared file, see schema-loader.ts) moved to `definitions` and referenced: ajv then compiles each
 * shared shape once. For invoices this cuts the compile from ~0.8-1 s of CPU to ~0.1 s.
 */
export function hoistRepeats(schema: JsonObject): JsonObject {
  const seen = new Map<object, number>();
  const count = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = (seen.get(node) ?? 0) + 1;
    seen.set(node, n);
    if (n > 1) return; // its children are counted once: they are shared through it
    for (const child of Array.isArray(node) ? node : Object.values(node)) count(child);
  };
  count(schema);
  const names = new Map<object, string>();
  const definitions: JsonObject = {};
  const rewrite = (node: unknown, top: boolean): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    if (!top && !Array.isArray(node) && (seen.get(node) ?? 0) > 1) {
      let name = names.get(node);
      if (name === undefined) {
        name = `shared${names.size}`;
        names.set(node, name);
        definitions[name] = rewrite(node, true) as JsonObject;
      }
      return { $ref: `#/definitions/${name}` };
    }
    if (Array.isArray(node)) return node.map((child) => rewrite(child, false));
    const copy: JsonObject = {};
    for (const [key, child] of Object.entries(node)) copy[key] = rewrite(child, false);
    return copy;
  };
  const result = rewrite(schema, true) as JsonObject;
  if (names.size === 0) return schema;
  return { ...result, definitions: { ...(result['definitions'] as JsonObject | undefined), ...definitions } };
}

/** `/Line/3/Amount` -> `Line[].Amount`: one path for every element of an array. */
export function fieldPath(error: ErrorObject): string {
  let path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? '[]' : `.${part.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
    .replace(/^\./, '');
  if (error.keyword === 'required') path += `${path === '' ? '' : '.'}${String(error.params['missingProperty'])}`;
  return path === '' ? '(record)' : path;
}

interface PathCount {
  count: number;
  message: string;
  example: string | undefined;
}

function recordId(record: JsonObject): string | undefined {
  const id = record['Id'] ?? record['id'];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

export class RecordValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly problems = new Map<string, Map<string, PathCount>>();

  constructor(
    readonly mode: 'warn' | 'fail',
    private readonly logger: Logger,
  ) {
    // warn wants every path of a record; fail stops at the first, which is also cheaper.
    // inlineRefs off: each hoisted shape stays one function instead of being copied into every user.
    this.ajv = new Ajv({ allErrors: mode === 'warn', strict: false, inlineRefs: false });
    (addFormats as unknown as (a: Ajv) => void)(this.ajv);
  }

  /** Check one parsed record of `stream` against `schema` (compiled once per stream). Throws in fail mode. */
  check(stream: string, schema: () => JsonObject, record: JsonObject): void {
    let validate = this.compiled.get(stream);
    if (validate === undefined) {
      validate = this.ajv.compile(hoistRepeats(schema()));
      this.compiled.set(stream, validate);
    }
    if (validate(record)) return;
    const errors = validate.errors ?? [];
    if (this.mode === 'fail') {
      const first = errors[0];
      const path = first ? fieldPath(first) : '(record)';
      const id = recordId(record);
      throw new RecordValidationError(
        `Record${id === undefined ? '' : ` Id ${id}`} of stream "${stream}" does not match the stream's schema at ${path}` +
          ` (${first?.message ?? 'invalid'}). Set validate_records to warn or off to emit such records anyway.`,
        { streamName: stream },
      );
    }
    let perPath = this.problems.get(stream);
    if (perPath === undefined) this.problems.set(stream, (perPath = new Map()));
    // A record with several problems at one path (e.g. two lines) counts once for that path.
    const seen = new Set<string>();
    for (const error of errors) {
      const path = fieldPath(error);
      if (seen.has(path)) continue;
      seen.add(path);
      const entry = perPath.get(path);
      if (entry) entry.count += 1;
      else perPath.set(path, { count: 1, message: error.message ?? 'invalid', example: recordId(record) });
    }
  }

  /** Log one WARN per field path of `stream` that had problems, then forget them. */
  finish(stream: string): void {
    const perPath = this.problems.get(stream);
    if (perPath === undefined) return;
    this.problems.delete(stream);
    for (const [path, { count, message, example }] of perPath) {
      this.logger.warn(
        `Stream "${stream}": ${count} record${count === 1 ? '' : 's'} did not match the schema at ${path} (${message}` +
          `${example === undefined ? '' : `; first: Id ${example}`}); emitted as they are.`,
      );
    }
  }
}

/** `stream` with every record checked by `validator` before it is yielded. */
export function validatingStream(stream: Stream, validator: RecordValidator): Stream {
  const schema = (): JsonObject => stream.describe().json_schema;
  return observedStream(stream, () => ({
    records: (records) => {
      // A record read as bytes is parsed for the check only (raw-record.ts); it is still written as its bytes.
      for (const record of records) validator.check(stream.name, schema, recordValue(record));
    },
    end: () => validator.finish(stream.name),
  }));
}
