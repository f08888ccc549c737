// The --state file in any form Airbyte writes (STREAM messages, GLOBAL, the legacy bare object)
// reduced to one map: stream name -> stream_state.
import { ConfigError } from '../core/errors.js';
import type { JsonObject } from '../core/protocol.js';
import { isObject } from '../core/json-object.js';

const FIX = 'Pass the STATE messages of a previous run (per-stream), or no --state for a first sync.';


function fail(problem: string): never {
  throw new ConfigError(`Invalid input state: ${problem}. ${FIX}`);
}

/** Record one stream's state; null/undefined means reset (no state). */
function put(states: Map<string, JsonObject>, name: unknown, streamState: unknown, at: string): void {
  if (typeof name !== 'string' || name === '') fail(`${at} has no stream_descriptor.name`);
  if (streamState === undefined || streamState === null) {
    states.delete(name);
    return;
  }
  if (!isObject(streamState)) fail(`${at} (stream "${name}") has a stream_state that is not an object`);
  states.set(name, streamState);
}

/** `{stream_descriptor:{name}, stream_state}` as found in STREAM and GLOBAL states. */
function putStreamState(states: Map<string, JsonObject>, value: unknown, at: string): void {
  if (!isObject(value)) fail(`${at} must be an object with stream_descriptor and stream_state`);
  const descriptor = value['stream_descriptor'];
  if (!isObject(descriptor)) fail(`${at} has no stream_descriptor`);
  put(states, descriptor['name'], value['stream_state'], at);
}

function putLegacy(states: Map<string, JsonObject>, data: unknown, at: string): void {
  if (!isObject(data)) fail(`${at} must be an object mapping stream names to states`);
  for (const [name, streamState] of Object.entries(data)) put(states, name, streamState, `${at}["${name}"]`);
}

/** One state message (or AirbyteMessage wrapping one) from an array or a single-object file. */
function putMessage(states: Map<string, JsonObject>, message: JsonObject, at: string): void {
  if (message['type'] === 'STATE' && isObject(message['state'])) return putMessage(states, message['state'], at);
  const type = message['type'];
  if (type === 'STREAM' || (type === undefined && 'stream' in message)) {
    return putStreamState(states, message['stream'], `${at}.stream`);
  }
  if (type === 'GLOBAL') {
    const global = message['global'];
    const streamStates = isObject(global) ? global['stream_states'] : undefined;
    if (!Array.isArray(streamStates)) fail(`${at} is a GLOBAL state without global.stream_states`);
    streamStates.forEach((value: unknown, i) => putStreamState(states, value, `${at}.global.stream_states[${i}]`));
    return;
  }
  if (type === 'LEGACY' || (type === undefined && 'data' in message)) return putLegacy(states, message['data'], `${at}.data`);
  fail(`${at} has unknown type ${JSON.stringify(type)}; expected STREAM, GLOBAL or LEGACY`);
}

/**
 * Input state -> stream name -> stream_state. Accepts a list of per-stream (or GLOBAL) state
 * messages, one GLOBAL/LEGACY message, or a bare legacy object `{<stream>: state}`. An empty
 * file/array/object means no state. A null stream_state means the stream was reset.
 * Namespaces are ignored: stream names are unique within a source.
 */
export function parseInputState(raw: unknown): Map<string, JsonObject> {
  const states = new Map<string, JsonObject>();
  if (raw === undefined || raw === null) return states;
  if (Array.isArray(raw)) {
    raw.forEach((entry: unknown, i) => {
      if (!isObject(entry)) fail(`entry [${i}] must be an object`);
      putMessage(states, entry, `[${i}]`);
    });
    return states;
  }
  if (!isObject(raw)) fail('it must be a JSON array of state messages or an object');
  const type = raw['type'];
  const stream = raw['stream'];
  if (typeof type === 'string' || (isObject(stream) && 'stream_descriptor' in stream)) putMessage(states, raw, 'state');
  // `{"data": {...}}` is an untyped legacy message (a stream named "data" would be read as one too).
  else if (Object.keys(raw).length === 1 && isObject(raw['data'])) putLegacy(states, raw['data'], 'data');
  else putLegacy(states, raw, 'state');
  return states;
}
