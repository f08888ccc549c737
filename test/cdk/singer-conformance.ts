import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { isObject } from '../../src/cdk/core/json-object.js';

/** Singer spec 0.3.0 output rules, as an executable check for tests. */
export interface SingerOutput {
  messages: (JsonObject & { type: string })[];
  schemas: Map<string, JsonObject>;
  records: Map<string, JsonObject[]>;
  states: JsonObject[];
  /** stream -> the version its ACTIVATE_VERSION announced (FULL_TABLE streams). */
  versions: Map<string, number>;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;


/**
 * Parse stdout and throw on the first violation: a non-JSON line, an unknown type, a RECORD without
 * a preceding SCHEMA, key/bookmark properties that are not top-level schema properties, a record
 * missing its key, a STATE that is not `{value: {bookmarks: {...}}}`, an ACTIVATE_VERSION before its
 * SCHEMA or after a RECORD of its stream, a RECORD whose version differs from its stream's ACTIVATE_VERSION.
 */
export function checkSingerOutput(stdout: string): SingerOutput {
  const out: SingerOutput = { messages: [], schemas: new Map(), records: new Map(), states: [], versions: new Map() };
  const lines = stdout.split('\n');
  if (lines.pop() !== '') throw new Error('stdout does not end with a newline');
  lines.forEach((line, i) => {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      throw new Error(`stdout line ${i + 1} is not JSON: ${line.slice(0, 80)}`);
    }
    if (!isObject(message) || typeof message['type'] !== 'string') throw new Error(`line ${i + 1} has no type`);
    const typed = message as JsonObject & { type: string };
    out.messages.push(typed);
    const stream = message['stream'];
    switch (typed.type.toUpperCase()) {
      case 'SCHEMA': {
        const schema = message['schema'];
        const keys = message['key_properties'];
        if (typeof stream !== 'string' || !isObject(schema)) throw new Error(`line ${i + 1}: SCHEMA needs stream and schema`);
        const properties = isObject(schema['properties']) ? schema['properties'] : {};
        if (!Array.isArray(keys)) throw new Error(`line ${i + 1}: SCHEMA needs key_properties`);
        for (const key of [...keys, ...((message['bookmark_properties'] as unknown[] | undefined) ?? [])]) {
          if (typeof key !== 'string' || !(key in properties)) {
            throw new Error(`line ${i + 1}: ${JSON.stringify(key)} is not a top-level property of ${stream}`);
          }
        }
        out.schemas.set(stream, message);
        break;
      }
      case 'RECORD': {
        if (typeof stream !== 'string' || !isObject(message['record'])) throw new Error(`line ${i + 1}: RECORD needs stream and record`);
        const schema = out.schemas.get(stream);
        if (!schema) throw new Error(`line ${i + 1}: RECORD of "${stream}" before its SCHEMA`);
        const extracted = message['time_extracted'];
        if (extracted !== undefined && (typeof extracted !== 'string' || !RFC3339.test(extracted))) {
          throw new Error(`line ${i + 1}: time_extracted ${String(extracted)} is not RFC 3339`);
        }
        for (const key of schema['key_properties'] as string[]) {
          if (!(key in message['record'])) throw new Error(`line ${i + 1}: record lacks key property ${key}`);
        }
        if (message['version'] !== out.versions.get(stream)) {
          throw new Error(`line ${i + 1}: RECORD version ${String(message['version'])} of "${stream}" is not its ACTIVATE_VERSION's`);
        }
        const list = out.records.get(stream) ?? [];
        list.push(message['record']);
        out.records.set(stream, list);
        break;
      }
      case 'ACTIVATE_VERSION': {
        const version = message['version'];
        if (typeof stream !== 'string' || !Number.isInteger(version)) throw new Error(`line ${i + 1}: ACTIVATE_VERSION needs stream and an integer version`);
        if (!out.schemas.has(stream)) throw new Error(`line ${i + 1}: ACTIVATE_VERSION of "${stream}" before its SCHEMA`);
        if (out.records.has(stream)) throw new Error(`line ${i + 1}: ACTIVATE_VERSION of "${stream}" after its records`);
        out.versions.set(stream, version as number);
        break;
      }
      case 'STATE': {
        const value = message['value'];
        if (!isObject(value) || !isObject(value['bookmarks'])) throw new Error(`line ${i + 1}: STATE is not {value: {bookmarks}}`);
        out.states.push(value);
        break;
      }
      default:
        throw new Error(`line ${i + 1}: unexpected message type ${typed.type}`);
    }
  });
  return out;
}
