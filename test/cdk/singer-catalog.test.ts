import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/cdk/core/errors.js';
import type { AirbyteStream, JsonObject } from '../../src/cdk/core/protocol.js';
import {
  keyProperties,
  selectAll,
  selectionFromSingerCatalog,
  toSingerCatalog,
  type SingerCatalog,
} from '../../src/cdk/singer/catalog.js';

const schema = (...fields: string[]): JsonObject => ({
  type: 'object',
  properties: Object.fromEntries(fields.map((f) => [f, { type: ['null', 'string'] }])),
});

const STREAMS: AirbyteStream[] = [
  {
    name: 'invoices',
    json_schema: schema('Id', 'Memo', 'TotalAmt', 'airbyte_cursor'),
    supported_sync_modes: ['full_refresh', 'incremental'],
    source_defined_cursor: true,
    default_cursor_field: ['airbyte_cursor'],
    source_defined_primary_key: [['Id']],
  },
  {
    name: 'report_trial_balance',
    json_schema: schema('row_id', 'amount'),
    supported_sync_modes: ['full_refresh'],
    source_defined_primary_key: [['row_id']],
  },
  {
    name: 'exchange_rates',
    json_schema: schema('SourceCurrencyCode', 'AsOfDate', 'Rate'),
    supported_sync_modes: ['full_refresh', 'incremental'],
    default_cursor_field: ['AsOfDate'],
    source_defined_primary_key: [['SourceCurrencyCode'], ['AsOfDate']],
  },
];

/** Deep copy of the discovered catalog, for the tests to edit as Meltano would. */
function discovered(): SingerCatalog {
  return JSON.parse(JSON.stringify(toSingerCatalog(STREAMS))) as SingerCatalog;
}

/** What Meltano's `select: ["*.*"]` writes: selected on every stream. */
function selectEvery(catalog: SingerCatalog): SingerCatalog {
  for (const stream of catalog.streams) meta(catalog, stream.tap_stream_id, []).selected = true;
  return catalog;
}

function entry(catalog: SingerCatalog, stream: string) {
  const found = catalog.streams.find((s) => s.tap_stream_id === stream);
  if (!found) throw new Error(stream);
  return found;
}

function meta(catalog: SingerCatalog, stream: string, breadcrumb: string[]): JsonObject {
  const found = entry(catalog, stream).metadata.find((m) => JSON.stringify(m.breadcrumb) === JSON.stringify(breadcrumb));
  if (!found) throw new Error(`${stream} ${breadcrumb.join('.')}`);
  return found.metadata;
}

describe('toSingerCatalog', () => {
  it('writes the standard discoverable metadata', () => {
    const catalog = toSingerCatalog(STREAMS);
    expect(entry(catalog, 'invoices')).toMatchObject({ tap_stream_id: 'invoices', stream: 'invoices', key_properties: ['Id'] });
    expect(meta(catalog, 'invoices', [])).toEqual({
      inclusion: 'available',
      'selected-by-default': true,
      'table-key-properties': ['Id'],
      'valid-replication-keys': ['airbyte_cursor'],
    });
    expect(meta(catalog, 'report_trial_balance', [])).toMatchObject({
      'forced-replication-method': 'FULL_TABLE',
      'valid-replication-keys': [],
    });
    expect(meta(catalog, 'invoices', ['properties', 'Id'])).toEqual({ inclusion: 'automatic' });
    expect(meta(catalog, 'invoices', ['properties', 'airbyte_cursor'])).toEqual({ inclusion: 'automatic' });
    expect(meta(catalog, 'invoices', ['properties', 'Memo'])).toEqual({ inclusion: 'available' });
    expect(entry(catalog, 'exchange_rates').key_properties).toEqual(['SourceCurrencyCode', 'AsOfDate']);
  });

  it('maps only top-level keys; a nested key path yields no key rather than a wrong one', () => {
    expect(keyProperties([['Id']])).toEqual(['Id']);
    expect(keyProperties([['a', 'b']])).toEqual([]);
    expect(keyProperties(undefined)).toEqual([]);
  });
});

describe('selectionFromSingerCatalog', () => {
  it('round-trips: discover, select some streams, deselect a field, read the selection back', () => {
    const catalog = discovered();
    meta(catalog, 'invoices', []).selected = true;
    meta(catalog, 'invoices', [])['replication-method'] = 'INCREMENTAL';
    meta(catalog, 'invoices', ['properties', 'Memo']).selected = false;
    meta(catalog, 'invoices', ['properties', 'Id']).selected = false; // automatic: cannot be pruned
    meta(catalog, 'report_trial_balance', []).selected = false;
    meta(catalog, 'exchange_rates', []).selected = true;
    meta(catalog, 'exchange_rates', [])['replication-method'] = 'FULL_TABLE';

    const selection = selectionFromSingerCatalog(catalog, STREAMS);
    expect(selection.configured.map((c) => [c.stream.name, c.sync_mode, c.cursor_field])).toEqual([
      ['invoices', 'incremental', ['airbyte_cursor']],
      ['exchange_rates', 'full_refresh', undefined],
    ]);
    expect(selection.configured[0]?.primary_key).toEqual([['Id']]);
    expect(selection.deselectedFields).toEqual(new Map([['invoices', new Set(['Memo'])]]));
  });

  it('selects streams as singer-python does: schema.selected or [] metadata selected; selected-by-default selects nothing', () => {
    // The discovered catalog as is: every stream is selected-by-default, none selected -> nothing.
    expect(selectionFromSingerCatalog(discovered(), STREAMS).configured).toEqual([]);

    // A legacy --properties file with schema.selected on two of three streams selects those two.
    const legacy = discovered();
    (entry(legacy, 'invoices').schema as JsonObject)['selected'] = true;
    (entry(legacy, 'exchange_rates').schema as JsonObject)['selected'] = true;
    expect(selectionFromSingerCatalog(legacy, STREAMS).configured.map((c) => c.stream.name)).toEqual(['invoices', 'exchange_rates']);

    // singer-python ORs the two: schema.selected true wins over metadata selected false, and either alone selects.
    const mixed = discovered();
    (entry(mixed, 'invoices').schema as JsonObject)['selected'] = true;
    meta(mixed, 'invoices', []).selected = false;
    meta(mixed, 'report_trial_balance', []).selected = true;
    (entry(mixed, 'exchange_rates').schema as JsonObject)['selected'] = false;
    expect(selectionFromSingerCatalog(mixed, STREAMS).configured.map((c) => c.stream.name)).toEqual(['invoices', 'report_trial_balance']);

    const bare = { streams: [{ tap_stream_id: 'report_trial_balance', schema: { ...schema('row_id'), selected: true } }] };
    expect(selectionFromSingerCatalog(bare, STREAMS).configured.map((c) => c.stream.name)).toEqual(['report_trial_balance']);
  });

  it('fields follow should_sync_field: automatic stays, unsupported goes, then selected, then selected-by-default', () => {
    const catalog = discovered();
    meta(catalog, 'invoices', []).selected = true;
    meta(catalog, 'invoices', ['properties', 'Memo'])['selected-by-default'] = false; // no selected: the default decides
    meta(catalog, 'invoices', ['properties', 'TotalAmt']).inclusion = 'unsupported';
    meta(catalog, 'invoices', ['properties', 'TotalAmt']).selected = true; // unsupported beats selected
    meta(catalog, 'exchange_rates', []).selected = true;
    meta(catalog, 'exchange_rates', ['properties', 'Rate']).inclusion = 'automatic';
    meta(catalog, 'exchange_rates', ['properties', 'Rate']).selected = false; // automatic beats deselection
    const selection = selectionFromSingerCatalog(catalog, STREAMS);
    expect(selection.deselectedFields).toEqual(new Map([['invoices', new Set(['Memo', 'TotalAmt'])]]));
  });

  it('prunes fields deselected in the legacy schema form', () => {
    const legacy = {
      streams: [
        {
          tap_stream_id: 'invoices',
          schema: { selected: true, properties: { Memo: { selected: false }, TotalAmt: { selected: true } } },
        },
      ],
    };
    expect(selectionFromSingerCatalog(legacy, STREAMS).deselectedFields.get('invoices')).toEqual(new Set(['Memo']));
  });

  it('respects what a stream supports: INCREMENTAL on a full-refresh-only stream becomes full_refresh, with a warning', () => {
    const catalog = selectEvery(discovered());
    meta(catalog, 'report_trial_balance', [])['replication-method'] = 'INCREMENTAL';
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (m: string) => void warnings.push(m) };
    const selection = selectionFromSingerCatalog(catalog, STREAMS, logger);
    expect(selection.configured.find((c) => c.stream.name === 'report_trial_balance')?.sync_mode).toBe('full_refresh');
    expect(warnings.join()).toContain('report_trial_balance');
    // Unset replication-method: incremental where supported.
    expect(selection.configured.find((c) => c.stream.name === 'invoices')?.sync_mode).toBe('incremental');
  });

  it('rejects what cannot be honoured', () => {
    expect(() => selectionFromSingerCatalog({ nope: 1 }, STREAMS)).toThrow(ConfigError);
    const unknown = { streams: [{ tap_stream_id: 'gone', schema: {}, metadata: [{ breadcrumb: [], metadata: { selected: true } }] }] };
    expect(() => selectionFromSingerCatalog(unknown, STREAMS)).toThrow(/"gone"/);
    const unselectedUnknown = { streams: [{ tap_stream_id: 'gone', schema: {}, metadata: [{ breadcrumb: [], metadata: { selected: false } }] }] };
    expect(selectionFromSingerCatalog(unselectedUnknown, STREAMS).configured).toEqual([]);
    const catalog = selectEvery(discovered());
    meta(catalog, 'invoices', [])['replication-method'] = 'SOMETIMES';
    expect(() => selectionFromSingerCatalog(catalog, STREAMS)).toThrow(/SOMETIMES/);
  });

  it('selectAll: every stream, incremental where supported, nothing pruned', () => {
    const selection = selectAll(STREAMS);
    expect(selection.configured.map((c) => c.sync_mode)).toEqual(['incremental', 'full_refresh', 'incremental']);
    expect(selection.deselectedFields.size).toBe(0);
  });
});
