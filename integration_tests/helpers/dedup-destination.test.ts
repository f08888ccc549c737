// The in-memory destination applies Airbyte's commit and dedup rules.
import { describe, expect, it } from 'vitest';
import type { ConfiguredAirbyteCatalog, JsonObject } from '../../src/cdk/core/protocol.js';
import { DedupDestination } from './dedup-destination.js';
import type { AirbyteMessage } from './messages.js';

const catalog: ConfiguredAirbyteCatalog = {
  streams: [
    { stream: { name: 'inv', json_schema: {}, supported_sync_modes: ['incremental'] }, sync_mode: 'incremental', destination_sync_mode: 'append_dedup', primary_key: [['Id']] },
    { stream: { name: 'info', json_schema: {}, supported_sync_modes: ['full_refresh'] }, sync_mode: 'full_refresh', destination_sync_mode: 'overwrite', primary_key: [['Id']] },
  ],
};
const rec = (stream: string, data: JsonObject): AirbyteMessage => ({ type: 'RECORD', record: { stream, data, emitted_at: 1 } });
const state = (stream: string): AirbyteMessage => ({
  type: 'STATE',
  state: { type: 'STREAM', stream: { stream_descriptor: { name: stream }, stream_state: {} } },
});

describe('DedupDestination', () => {
  it('upserts by key, the later record winning, and deletes on _ab_cdc_deleted_at', () => {
    const d = new DedupDestination();
    d.apply(catalog, [rec('inv', { Id: '1', v: 1 }), rec('inv', { Id: '2', v: 1 }), rec('inv', { Id: '1', v: 2 })], true);
    d.apply(catalog, [rec('inv', { Id: '2', _ab_cdc_deleted_at: '2024-01-01T00:00:00Z' })], true);
    expect([...d.table('inv').values()]).toEqual([{ Id: '1', v: 2 }]);
  });

  it('drops records after the last STATE of their stream when the sync died', () => {
    const d = new DedupDestination();
    d.apply(catalog, [rec('inv', { Id: '1' }), state('inv'), rec('inv', { Id: '2' }), rec('info', { Id: 'x' })], false);
    expect([...d.table('inv').keys()]).toEqual(['["1"]']);
    expect(d.table('info').size).toBe(0);
  });

  it('replaces an overwrite table only after a successful sync', () => {
    const d = new DedupDestination();
    d.apply(catalog, [rec('info', { Id: 'a' })], true);
    d.apply(catalog, [rec('info', { Id: 'b' })], false);
    expect([...d.table('info').keys()]).toEqual(['["a"]']);
    d.apply(catalog, [rec('info', { Id: 'c' })], true);
    expect([...d.table('info').keys()]).toEqual(['["c"]']);
  });
});
