// discover against airbyte/source-quickbooks' own tables (official_top_level_types.json, transcribed
// from its manifest.yaml; see test/fixtures/airbyte-official/README.md): same streams, keys, cursors
// and sync modes, and every official top-level column with the official type and format. The one
// allowed difference is integer -> number (decimals in real data; the official connector's known bug).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAirbyte } from '../../src/cdk/airbyte/runner.js';
import type { AirbyteStream, JsonObject } from '../../src/cdk/core/protocol.js';
import { QuickBooksSource } from '../../src/source.js';
import { CaptureStream } from '../cdk/helpers.js';
import { tempDir } from '../support/temp-dir.js';

interface OfficialTables {
  streams: Record<string, Record<string, string>>;
  primary_keys: Record<string, string[][]>;
  cursor_fields: Record<string, string[]>;
  sync_modes: Record<string, string[]>;
}

const official = JSON.parse(readFileSync(new URL('../fixtures/airbyte-official/official_top_level_types.json', import.meta.url), 'utf8')) as OfficialTables;

async function discover(): Promise<Map<string, AirbyteStream>> {
  const config = join(tempDir('official-columns-'), 'config.json');
  writeFileSync(config, JSON.stringify({ client_id: 'id', client_secret: 'secret', refresh_token: 'rt', realm_id: '123', start_date: '2020-01-01T00:00:00Z' }));
  const stdout = new CaptureStream();
  expect(await runAirbyte(new QuickBooksSource(), ['discover', '--config', config], { stdout, stderr: new CaptureStream() })).toBe(0);
  const message = stdout.messages().find((m) => m['type'] === 'CATALOG') as { catalog: { streams: AirbyteStream[] } } | undefined;
  return new Map((message?.catalog.streams ?? []).map((s) => [s.name, s]));
}

/** The official notation: "string", "string(date)", "anyOf(object,array)"; the JSON types as a set, null aside. */
function officialTypes(notation: string): { types: string[]; format: string | undefined } {
  const any = /^anyOf\((.*)\)$/.exec(notation);
  if (any) return { types: (any[1] ?? '').split(',').sort(), format: undefined };
  const m = /^(\w+)(?:\((.+)\))?$/.exec(notation);
  return { types: [m?.[1] ?? notation], format: m?.[2] };
}

function ourTypes(column: JsonObject | undefined): { types: string[]; format: string | undefined } {
  const type = column?.['type'];
  const types = (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string' && t !== 'null').sort();
  return { types, format: typeof column?.['format'] === 'string' ? column['format'] : undefined };
}

describe('discover against airbyte/source-quickbooks 4.x', async () => {
  const catalog = await discover();
  const streams = Object.keys(official.streams);

  it('offers every official stream', () => {
    expect(streams).toHaveLength(34);
    expect(streams.filter((s) => !catalog.has(s))).toEqual([]);
  });

  it.each(streams)('%s: same primary key, cursor and sync modes', (name) => {
    const stream = catalog.get(name);
    expect(stream?.source_defined_primary_key).toEqual(official.primary_keys[name]);
    expect(stream?.default_cursor_field).toEqual(official.cursor_fields[name]);
    expect(stream?.source_defined_cursor).toBe(true);
    expect([...(stream?.supported_sync_modes ?? [])].sort()).toEqual([...(official.sync_modes[name] ?? [])].sort());
  });

  it.each(streams)('%s: every official column, same type and format (integer may widen to number)', (name) => {
    const properties = (catalog.get(name)?.json_schema['properties'] ?? {}) as Record<string, JsonObject>;
    const differences: string[] = [];
    for (const [column, notation] of Object.entries(official.streams[name] ?? {})) {
      const want = officialTypes(notation);
      const have = ourTypes(properties[column]);
      const widened = want.types.join() === 'integer' && have.types.join() === 'number' && have.format === undefined;
      if (!widened && (have.types.join() !== want.types.join() || have.format !== want.format)) {
        differences.push(`${column}: official ${notation}, ours ${properties[column] === undefined ? 'missing' : JSON.stringify(properties[column]?.['type'])}${have.format ? `(${have.format})` : ''}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('counts: 633 official columns, all present', () => {
    const all = Object.entries(official.streams).flatMap(([s, cols]) => Object.keys(cols).map((c) => [s, c] as const));
    expect(all).toHaveLength(633);
    const missing = all.filter(([s, c]) => !((catalog.get(s)?.json_schema['properties'] ?? {}) as JsonObject)[c]);
    expect(missing).toEqual([]);
  });
});
