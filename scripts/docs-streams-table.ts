// The README streams table: what `discover` offers (sync modes, cursor, key) plus the registry's delete semantics.
import type { AirbyteStream } from '../src/cdk/core/protocol.js';
import type { EntityDef } from '../src/streams/entity-registry.js';
import { table } from './docs-markers.js';

export function deletesOf(def: EntityDef | undefined): string {
  if (def === undefined) return 'n/a (periods re-read)';
  if (def.deletes === 'hard') return def.cdc ? 'hard: CDC tombstones' : 'hard: not seen (no CDC)';
  if (def.deletes === 'soft') return 'soft: `Active` false';
  return 'none';
}

const path = (key: string[][] | undefined): string => (key ?? []).map((p) => `\`${p.join('.')}\``).join(' + ');

export function streamsTable(streams: AirbyteStream[], registry: readonly EntityDef[]): string {
  const byStream = new Map(registry.map((def) => [def.stream, def]));
  const rows = streams.map((stream) => {
    const def = byStream.get(stream.name);
    return [
      `\`${stream.name}\``,
      stream.supported_sync_modes.join(', '),
      stream.default_cursor_field ? path([stream.default_cursor_field]) : '',
      path(stream.source_defined_primary_key),
      deletesOf(def),
      def?.availability ?? 'all companies',
    ];
  });
  return table(['stream', 'sync modes', 'cursor', 'primary key', 'deletes', 'availability'], rows);
}
