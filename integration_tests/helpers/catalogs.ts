// Configured catalogs: the committed ones (catalog/*.json) and the one CAT builds from discover.
import type { AirbyteCatalog, ConfiguredAirbyteCatalog, ConfiguredAirbyteStream } from '../../src/cdk/core/protocol.js';
import { readRepoJson } from './repo-paths.js';

export function committedCatalog(kind: 'full_refresh' | 'incremental'): ConfiguredAirbyteCatalog {
  return readRepoJson<ConfiguredAirbyteCatalog>('catalog', `${kind}.json`);
}

/** Keep only some streams (by name or predicate). */
export function onlyStreams(
  catalog: ConfiguredAirbyteCatalog,
  keep: readonly string[] | ((s: ConfiguredAirbyteStream) => boolean),
): ConfiguredAirbyteCatalog {
  const pick = typeof keep === 'function' ? keep : (s: ConfiguredAirbyteStream) => keep.includes(s.stream.name);
  return { streams: catalog.streams.filter(pick) };
}

/** CAT's TestBasicRead catalog: first supported mode, append, default cursor, source primary key. */
export function catalogFromDiscover(catalog: AirbyteCatalog): ConfiguredAirbyteCatalog {
  return {
    streams: catalog.streams.map((stream) => ({
      stream,
      sync_mode: stream.supported_sync_modes[0] ?? 'full_refresh',
      destination_sync_mode: 'append',
      ...(stream.default_cursor_field ? { cursor_field: stream.default_cursor_field } : {}),
      ...(stream.source_defined_primary_key ? { primary_key: stream.source_defined_primary_key } : {}),
    })),
  };
}

/** CAT's TestIncremental / TestFullRefresh catalogs: every stream forced to one mode where supported. */
export function catalogInMode(catalog: AirbyteCatalog, mode: 'incremental' | 'full_refresh'): ConfiguredAirbyteCatalog {
  return {
    streams: catalog.streams
      .filter((s) => s.supported_sync_modes.includes(mode))
      .map((stream) => ({
        stream,
        sync_mode: mode,
        destination_sync_mode: 'append',
        ...(mode === 'incremental' && stream.default_cursor_field ? { cursor_field: stream.default_cursor_field } : {}),
        ...(stream.source_defined_primary_key ? { primary_key: stream.source_defined_primary_key } : {}),
      })),
  };
}
