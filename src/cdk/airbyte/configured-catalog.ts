// The ConfiguredAirbyteCatalog a read is given, checked against the discovered streams. Lenient by
// design: an unknown stream or unsupported sync mode rejects that stream only, the rest still sync.
import { ConfigError } from '../core/errors.js';
import type { AirbyteStream, ConfiguredAirbyteStream, DestinationSyncMode, SyncMode } from '../core/protocol.js';
import { isObject } from '../core/json-object.js';

const SYNC_MODES: readonly SyncMode[] = ['full_refresh', 'incremental'];
const DESTINATION_SYNC_MODES: readonly DestinationSyncMode[] = ['append', 'overwrite', 'append_dedup', 'update', 'soft_delete'];
const FIX = 'Run discover and rebuild the configured catalog from its output.';


function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function fail(problem: string): never {
  throw new ConfigError(`Invalid configured catalog: ${problem}. ${FIX}`);
}

function listSome(names: string[]): string {
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown}, ... (${names.length} in all)` : shown;
}

/** A catalog entry the source cannot serve; reported as that stream's failure while the others sync. */
export interface RejectedStream {
  stream: string;
  error: ConfigError;
}

export interface CheckedCatalog {
  /** The entries to read, in catalog order. */
  streams: ConfiguredAirbyteStream[];
  /** Entries naming a stream this source does not offer, or a sync mode the stream cannot do. */
  rejected: RejectedStream[];
}

/**
 * Check a ConfiguredAirbyteCatalog against the streams the source offers. Streams are matched by
 * name. A malformed catalog throws; like Airbyte's Python CDK, a well-formed entry the source cannot
 * serve (a stale selection after a schema change) is set aside in `rejected` so the rest still
 * syncs. A missing destination_sync_mode defaults to 'append' (a source never uses it).
 */
export function validateConfiguredCatalog(raw: unknown, available: readonly AirbyteStream[]): CheckedCatalog {
  if (!isObject(raw)) fail('it must be a JSON object with a "streams" array');
  const entries = raw['streams'];
  if (!Array.isArray(entries)) fail('"streams" must be an array of configured streams');
  if (entries.length === 0) fail('"streams" is empty, so there is nothing to read; select at least one stream');

  const offered = new Map(available.map((stream) => [stream.name, stream]));
  const seen = new Set<string>();
  const result: ConfiguredAirbyteStream[] = [];
  const rejected: RejectedStream[] = [];
  const reject = (name: string, problem: string): void => {
    rejected.push({ stream: name, error: new ConfigError(`Configured catalog: ${problem}. ${FIX}`, { streamName: name }) });
  };

  entries.forEach((entry: unknown, index) => {
    const at = `streams[${index}]`;
    if (!isObject(entry)) fail(`${at} must be an object`);
    const stream = entry['stream'];
    if (!isObject(stream) || typeof stream['name'] !== 'string' || stream['name'] === '') {
      fail(`${at}.stream must be an object with a "name"`);
    }
    const name = stream['name'];
    if (seen.has(name)) fail(`stream "${name}" is listed more than once; list each stream once`);
    seen.add(name);
    const syncMode = entry['sync_mode'];
    if (typeof syncMode !== 'string' || !(SYNC_MODES as readonly string[]).includes(syncMode)) {
      fail(`stream "${name}" has sync_mode ${JSON.stringify(syncMode)}; use one of ${SYNC_MODES.join(', ')}`);
    }
    const source = offered.get(name);
    if (source === undefined) {
      return reject(name, `stream "${name}" is not offered by this source (available: ${listSome([...offered.keys()])})`);
    }
    if (!source.supported_sync_modes.includes(syncMode as SyncMode)) {
      return reject(name, `stream "${name}" does not support sync_mode ${syncMode}; it supports ${source.supported_sync_modes.join(', ')}`);
    }
    const destinationSyncMode = entry['destination_sync_mode'] ?? 'append';
    if (typeof destinationSyncMode !== 'string' || !(DESTINATION_SYNC_MODES as readonly string[]).includes(destinationSyncMode)) {
      fail(`stream "${name}" has destination_sync_mode ${JSON.stringify(destinationSyncMode)}; use one of ${DESTINATION_SYNC_MODES.join(', ')}`);
    }
    const cursorField = entry['cursor_field'];
    if (cursorField !== undefined && cursorField !== null && !isStringArray(cursorField)) {
      fail(`stream "${name}" has a cursor_field that is not an array of strings`);
    }
    const primaryKey = entry['primary_key'];
    if (primaryKey !== undefined && primaryKey !== null && !(Array.isArray(primaryKey) && primaryKey.every(isStringArray))) {
      fail(`stream "${name}" has a primary_key that is not an array of string arrays`);
    }

    const configured = {
      ...entry,
      stream: stream as unknown as AirbyteStream,
      sync_mode: syncMode as SyncMode,
      destination_sync_mode: destinationSyncMode as DestinationSyncMode,
    } as ConfiguredAirbyteStream;
    if (cursorField === null) delete configured.cursor_field;
    if (primaryKey === null) delete configured.primary_key;
    result.push(configured);
  });
  return { streams: result, rejected };
}
