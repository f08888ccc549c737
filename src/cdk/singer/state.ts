// The Singer --state file in every form a user or Meltano hands over (bookmarks, a saved STATE message,
// singer_state, tap-airbyte-wrapper's airbyte_state) reduced to one map: stream name -> bookmark.
import { ConfigError } from '../core/errors.js';
import { parseInputState } from '../airbyte/input-state.js';
import { readJsonFile } from '../io/json-file.js';
import type { JsonObject } from '../core/protocol.js';
import { isObject } from '../core/json-object.js';

/**
 * Singer input state -> per-stream state. Accepted shapes:
 *  - `{"bookmarks": {<stream>: {...}}}` (what this tap emits as STATE value; Singer convention);
 *  - a saved STATE message or its wrapper: `{"value": {...}}`, `{"type": "STATE", "value": {...}}`;
 *  - Meltano's stored form `{"singer_state": {...}}`;
 *  - MeltanoLabs tap-airbyte-wrapper's `{"airbyte_state": [...]}` (also inside `value`), and a bare
 *    list of Airbyte STREAM/GLOBAL state messages, so users can switch between the wrapper and this tap.
 * Anything else is a ConfigError: guessing would silently restart every stream from scratch.
 */
export function parseSingerState(input: unknown, where = 'state'): Map<string, JsonObject> {
  const states = new Map<string, JsonObject>();
  if (input === undefined || input === null) return states;
  if (Array.isArray(input)) {
    addAirbyteStates(input, states, where);
    return states;
  }
  if (!isObject(input)) throw bad(where, `it holds ${typeof input}`);

  let value: JsonObject = input;
  // Unwrap the envelopes in any nesting order they are found in the wild.
  for (let depth = 0; depth < 4; depth++) {
    const inner = value['singer_state'] ?? (value['bookmarks'] === undefined && value['airbyte_state'] === undefined ? value['value'] : undefined);
    if (!isObject(inner)) break;
    value = inner;
  }

  // The wrapper also copies the last unpacked state beside airbyte_state; the list is the real thing.
  if (value['airbyte_state'] !== undefined) {
    const list = value['airbyte_state'];
    if (!Array.isArray(list)) throw bad(where, '"airbyte_state" is not a list of Airbyte state messages');
    addAirbyteStates(list, states, where);
    return states;
  }
  if (value['bookmarks'] !== undefined) {
    addBookmarks(value['bookmarks'], states, where);
    return states;
  }
  if (Object.keys(value).length === 0) return states;
  throw bad(where, `it has none of "bookmarks", "value", "airbyte_state" (found: ${Object.keys(value).slice(0, 5).join(', ')})`);
}

/** Read a `--state` file; an empty file means no state (orchestrators create one before the first run). */
export function readSingerStateFile(path: string): Map<string, JsonObject> {
  return parseSingerState(readJsonFile(path, 'state', { expect: 'object or array', allowEmpty: true }), `state file ${path}`);
}

function addBookmarks(bookmarks: unknown, states: Map<string, JsonObject>, where: string): void {
  if (!isObject(bookmarks)) throw bad(where, '"bookmarks" is not an object of stream name -> state');
  for (const [stream, state] of Object.entries(bookmarks)) {
    if (state === null || state === undefined) continue;
    if (!isObject(state)) throw bad(where, `the bookmark of stream "${stream}" is not an object`);
    states.set(stream, state);
  }
}

/** Airbyte state messages (STREAM, GLOBAL, LEGACY): the Airbyte side's parser, errors reworded for Singer. */
function addAirbyteStates(list: unknown[], states: Map<string, JsonObject>, where: string): void {
  let parsed: Map<string, JsonObject>;
  try {
    parsed = parseInputState(list);
  } catch (error) {
    throw bad(where, `its Airbyte state list is invalid (${error instanceof Error ? error.message : String(error)})`);
  }
  for (const [stream, state] of parsed) states.set(stream, state);
}


function bad(where: string, problem: string): ConfigError {
  return new ConfigError(
    `The ${where} is not a Singer state: ${problem}. Pass the last STATE value this tap emitted ({"bookmarks": {...}}), or remove --state to sync from the start.`,
  );
}
