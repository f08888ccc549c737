import { describe, expect, it } from 'vitest';
import { validateConfiguredCatalog } from '../../src/cdk/airbyte/configured-catalog.js';
import { ConfigError } from '../../src/cdk/core/errors.js';
import { describeStream } from './helpers.js';

const available = [describeStream('invoices'), describeStream('accounts', ['full_refresh']), describeStream('bills')];

function entry(name: string, extra: Record<string, unknown> = {}) {
  return { stream: { name, json_schema: {}, supported_sync_modes: ['full_refresh'] }, sync_mode: 'full_refresh', destination_sync_mode: 'append', ...extra };
}

function messageOf(raw: unknown, streams = available): string {
  try {
    validateConfiguredCatalog(raw, streams);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('validateConfiguredCatalog', () => {
  it('returns the configured streams in catalog order', () => {
    const { streams: result, rejected } = validateConfiguredCatalog(
      { streams: [entry('bills', { sync_mode: 'incremental', cursor_field: ['updated'] }), entry('accounts')] },
      available,
    );
    expect(rejected).toEqual([]);
    expect(result.map((s) => [s.stream.name, s.sync_mode, s.cursor_field])).toEqual([
      ['bills', 'incremental', ['updated']],
      ['accounts', 'full_refresh', undefined],
    ]);
  });

  it('defaults a missing destination_sync_mode and drops null cursor/primary key', () => {
    const {
      streams: [only],
    } = validateConfiguredCatalog(
      { streams: [{ stream: { name: 'invoices' }, sync_mode: 'full_refresh', cursor_field: null, primary_key: null }] },
      available,
    );
    expect(only!.destination_sync_mode).toBe('append');
    expect(only).not.toHaveProperty('cursor_field');
    expect(only).not.toHaveProperty('primary_key');
  });

  it('sets aside an unknown stream, naming it and some available ones, and keeps the rest', () => {
    const { streams, rejected } = validateConfiguredCatalog({ streams: [entry('__AIRBYTE__stream_that_does_not_exist'), entry('bills')] }, available);
    expect(streams.map((s) => s.stream.name)).toEqual(['bills']);
    expect(rejected.map((r) => r.stream)).toEqual(['__AIRBYTE__stream_that_does_not_exist']);
    const error = rejected[0]!.error;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.streamName).toBe('__AIRBYTE__stream_that_does_not_exist');
    expect(error.message).toContain('stream "__AIRBYTE__stream_that_does_not_exist" is not offered by this source');
    expect(error.message).toContain('available: invoices, accounts, bills');
    expect(error.message).toContain('Run discover');
  });

  it('shortens a long list of available streams', () => {
    const many = Array.from({ length: 30 }, (_, i) => describeStream(`s${i}`));
    expect(validateConfiguredCatalog({ streams: [entry('zzz')] }, many).rejected[0]?.error.message).toContain('s9, ... (30 in all)');
  });

  it('rejects an invalid sync_mode value', () => {
    expect(messageOf({ streams: [entry('invoices', { sync_mode: 'INVALID' })] })).toContain(
      'stream "invoices" has sync_mode "INVALID"; use one of full_refresh, incremental',
    );
  });

  it('sets aside a stream asking a sync_mode it does not support', () => {
    const { streams, rejected } = validateConfiguredCatalog({ streams: [entry('accounts', { sync_mode: 'incremental' }), entry('invoices')] }, available);
    expect(streams.map((s) => s.stream.name)).toEqual(['invoices']);
    expect(rejected.map((r) => [r.stream, r.error.message])).toEqual([
      ['accounts', expect.stringContaining('stream "accounts" does not support sync_mode incremental; it supports full_refresh') as unknown],
    ]);
  });

  it('rejects duplicate streams', () => {
    expect(messageOf({ streams: [entry('bills'), entry('bills')] })).toContain('stream "bills" is listed more than once');
  });

  it.each([
    [null, /must be a JSON object/],
    [[], /must be a JSON object/],
    [{}, /"streams" must be an array/],
    [{ streams: {} }, /"streams" must be an array/],
    [{ streams: [] }, /"streams" is empty/],
    [{ streams: [3] }, /streams\[0\] must be an object/],
    [{ streams: [{ sync_mode: 'full_refresh' }] }, /streams\[0\]\.stream must be an object with a "name"/],
    [{ streams: [{ stream: { name: 7 } }] }, /streams\[0\]\.stream must be an object with a "name"/],
    [{ streams: [entry('bills', { sync_mode: undefined })] }, /sync_mode undefined/],
    [{ streams: [entry('bills', { destination_sync_mode: 'merge' })] }, /destination_sync_mode "merge"/],
    [{ streams: [entry('bills', { cursor_field: 'updated' })] }, /cursor_field that is not an array of strings/],
    [{ streams: [entry('bills', { primary_key: ['Id'] })] }, /primary_key that is not an array of string arrays/],
  ])('rejects the malformed catalog %j', (raw, pattern) => {
    const message = messageOf(raw);
    expect(message).toMatch(pattern);
    expect(message).toMatch(/^Invalid configured catalog: /);
  });
});
