// Singer catalogs both ways: discover output (streams + metadata breadcrumbs, key and replication
// properties) from AirbyteStreams, and a Singer selection (selected streams and fields) from an input catalog.
import { ConfigError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { AirbyteStream, ConfiguredAirbyteStream, JsonObject, SyncMode } from '../core/protocol.js';
import { isObject } from '../core/json-object.js';

export interface SingerMetadataEntry {
  breadcrumb: string[];
  metadata: JsonObject;
}

export interface SingerCatalogStream {
  tap_stream_id: string;
  stream: string;
  schema: JsonObject;
  key_properties: string[];
  metadata: SingerMetadataEntry[];
}

export interface SingerCatalog {
  streams: SingerCatalogStream[];
}

/** What a `--catalog` asks for, in the kit's terms. */
export interface SingerSelection {
  configured: ConfiguredAirbyteStream[];
  /** Per stream, the top-level fields to prune from records (never key or replication-key fields). */
  deselectedFields: Map<string, Set<string>>;
}

/**
 * Singer key_properties must be top-level names. `[["Id"]]` -> `["Id"]`. A nested key path cannot be
 * expressed; rather than declare a partial (wrong, row-collapsing) key, the stream then declares none.
 */
export function keyProperties(primaryKey: string[][] | undefined): string[] {
  if (!primaryKey || primaryKey.some((path) => path.length !== 1)) return [];
  return primaryKey.map((path) => path[0] as string);
}

/** The top-level replication key, when the stream is incremental and its cursor is a top-level field. */
export function replicationKey(cursorField: string[] | undefined): string | undefined {
  return cursorField?.length === 1 ? cursorField[0] : undefined;
}

function supportsIncremental(stream: AirbyteStream): boolean {
  return stream.supported_sync_modes.includes('incremental');
}

function propertyNames(schema: JsonObject): string[] {
  const properties = schema['properties'];
  return isObject(properties) ? Object.keys(properties) : [];
}

/** Fields a user may not deselect: the key and the replication key. */
function automaticFields(stream: AirbyteStream): Set<string> {
  const fields = new Set(keyProperties(stream.source_defined_primary_key));
  const cursor = supportsIncremental(stream) ? replicationKey(stream.default_cursor_field) : undefined;
  if (cursor !== undefined) fields.add(cursor);
  return fields;
}

/** Discover output: Airbyte streams -> Singer catalog with standard discoverable metadata. */
export function toSingerCatalog(streams: AirbyteStream[]): SingerCatalog {
  return { streams: streams.map(toSingerStream) };
}

function toSingerStream(stream: AirbyteStream): SingerCatalogStream {
  const keys = keyProperties(stream.source_defined_primary_key);
  const cursor = supportsIncremental(stream) ? replicationKey(stream.default_cursor_field) : undefined;
  const root: JsonObject = {
    inclusion: 'available',
    'selected-by-default': true,
    'table-key-properties': keys,
    'valid-replication-keys': cursor === undefined ? [] : [cursor],
  };
  if (!supportsIncremental(stream)) root['forced-replication-method'] = 'FULL_TABLE';
  const automatic = automaticFields(stream);
  const metadata: SingerMetadataEntry[] = [{ breadcrumb: [], metadata: root }];
  for (const field of propertyNames(stream.json_schema)) {
    metadata.push({
      breadcrumb: ['properties', field],
      metadata: { inclusion: automatic.has(field) ? 'automatic' : 'available' },
    });
  }
  return { tap_stream_id: stream.name, stream: stream.name, schema: stream.json_schema, key_properties: keys, metadata };
}

/** No catalog given: every stream, incremental where supported, nothing pruned. */
export function selectAll(streams: AirbyteStream[]): SingerSelection {
  return {
    configured: streams.map((stream) => configure(stream, defaultSyncMode(stream))),
    deselectedFields: new Map(),
  };
}

/**
 * `--catalog` (or legacy `--properties`) -> the streams to read and the fields to prune, exactly as
 * singer-python decides: a stream is selected when its legacy `schema.selected` or its `[]` metadata
 * `selected` is true (`selected-by-default` does not select a stream; nothing selected selects nothing).
 * Fields follow singer-python's should_sync_field: `inclusion: automatic` always stays, `unsupported`
 * always goes, then `selected`, then `selected-by-default`, else the field stays.
 */
export function selectionFromSingerCatalog(input: unknown, available: AirbyteStream[], logger?: Logger): SingerSelection {
  if (!isObject(input) || !Array.isArray(input['streams'])) {
    throw new ConfigError('The catalog is not a Singer catalog: it needs a "streams" list. Pass the output of --discover (with your selections).');
  }
  const byName = new Map(available.map((stream) => [stream.name, stream]));
  const configured: ConfiguredAirbyteStream[] = [];
  const deselectedFields = new Map<string, Set<string>>();
  const seen = new Set<string>();

  for (const entry of input['streams']) {
    if (!isObject(entry)) throw new ConfigError('The catalog has a stream entry that is not an object.');
    const id = entry['tap_stream_id'] ?? entry['stream'];
    if (typeof id !== 'string') throw new ConfigError('A catalog stream has no "tap_stream_id".');
    const metadata = metadataOf(entry, id);
    const root = metadata.get('') ?? {};
    if (!isSelected(root, entry)) continue;

    const stream = byName.get(id);
    if (!stream) {
      throw new ConfigError(
        `The catalog selects stream "${id}", which this tap does not have. Run --discover again and re-apply your selection.`,
      );
    }
    if (seen.has(id)) throw new ConfigError(`The catalog lists stream "${id}" twice.`);
    seen.add(id);

    configured.push(configure(stream, syncModeOf(stream, root['replication-method'] ?? entry['replication_method'], logger)));
    const pruned = deselectedOf(stream, metadata, entry);
    if (pruned.size > 0) deselectedFields.set(id, pruned);
  }
  return { configured, deselectedFields };
}

function metadataOf(entry: JsonObject, id: string): Map<string, JsonObject> {
  const byCrumb = new Map<string, JsonObject>();
  const list = entry['metadata'] ?? [];
  if (!Array.isArray(list)) throw new ConfigError(`The catalog metadata of stream "${id}" is not a list.`);
  for (const item of list) {
    if (!isObject(item) || !Array.isArray(item['breadcrumb']) || !isObject(item['metadata'])) {
      throw new ConfigError(`The catalog metadata of stream "${id}" has an entry without breadcrumb/metadata.`);
    }
    const crumb = item['breadcrumb'] as unknown[];
    // Only the stream itself and top-level fields matter; deeper breadcrumbs are ignored.
    if (crumb.length === 0) byCrumb.set('', { ...byCrumb.get(''), ...item['metadata'] });
    else if (crumb.length === 2 && crumb[0] === 'properties' && typeof crumb[1] === 'string') {
      byCrumb.set(`properties/${crumb[1]}`, item['metadata']);
    }
  }
  return byCrumb;
}

/** singer-python's CatalogEntry.is_selected: `schema.selected or metadata[()].selected` (truthiness). */
function isSelected(root: JsonObject, entry: JsonObject): boolean {
  const schema = entry['schema'];
  return (isObject(schema) && schema['selected'] === true) || root['selected'] === true;
}

function syncModeOf(stream: AirbyteStream, method: unknown, logger: Logger | undefined): SyncMode {
  if (method === undefined || method === null) return defaultSyncMode(stream);
  const wanted: SyncMode | undefined =
    method === 'FULL_TABLE' ? 'full_refresh' : method === 'INCREMENTAL' || method === 'LOG_BASED' ? 'incremental' : undefined;
  if (wanted === undefined) {
    throw new ConfigError(
      `Stream "${stream.name}" has replication-method ${JSON.stringify(method)}; use INCREMENTAL or FULL_TABLE.`,
    );
  }
  if (stream.supported_sync_modes.includes(wanted)) return wanted;
  const fallback = defaultSyncMode(stream);
  logger?.warn(`Stream "${stream.name}" does not support ${String(method)}; reading it as ${fallback}.`);
  return fallback;
}

function defaultSyncMode(stream: AirbyteStream): SyncMode {
  return supportsIncremental(stream) ? 'incremental' : (stream.supported_sync_modes[0] ?? 'full_refresh');
}

function configure(stream: AirbyteStream, syncMode: SyncMode): ConfiguredAirbyteStream {
  const configured: ConfiguredAirbyteStream = {
    stream,
    sync_mode: syncMode,
    destination_sync_mode: syncMode === 'incremental' ? 'append' : 'overwrite',
  };
  if (syncMode === 'incremental' && stream.default_cursor_field) configured.cursor_field = stream.default_cursor_field;
  if (stream.source_defined_primary_key) configured.primary_key = stream.source_defined_primary_key;
  return configured;
}

/**
 * The top-level fields to prune. Our key and replication key stay whatever the catalog says (they are
 * automatic in discover); otherwise singer-python's should_sync_field(inclusion, selected, default)
 * with `selected` from the field's metadata or the legacy `schema.properties.<f>.selected`, and
 * `default` from the field's `selected-by-default` (true when absent, as singer-python's Transformer keeps
 * a field without selection metadata).
 */
function deselectedOf(stream: AirbyteStream, metadata: Map<string, JsonObject>, entry: JsonObject): Set<string> {
  const automatic = automaticFields(stream);
  const legacy = isObject(entry['schema']) && isObject(entry['schema']['properties']) ? entry['schema']['properties'] : {};
  const pruned = new Set<string>();
  for (const field of propertyNames(stream.json_schema)) {
    if (automatic.has(field)) continue;
    const fieldMeta = metadata.get(`properties/${field}`) ?? {};
    const legacyField = legacy[field];
    const selected =
      typeof fieldMeta['selected'] === 'boolean'
        ? fieldMeta['selected']
        : isObject(legacyField) && typeof legacyField['selected'] === 'boolean'
          ? legacyField['selected']
          : undefined;
    const byDefault = typeof fieldMeta['selected-by-default'] === 'boolean' ? fieldMeta['selected-by-default'] : true;
    if (!shouldSyncField(fieldMeta['inclusion'], selected, byDefault)) pruned.add(field);
  }
  return pruned;
}

/** singer-python's utils.should_sync_field. */
function shouldSyncField(inclusion: unknown, selected: boolean | undefined, byDefault: boolean): boolean {
  if (inclusion === 'automatic') return true;
  if (inclusion === 'unsupported') return false;
  return selected ?? byDefault;
}

