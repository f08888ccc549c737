import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/cdk/core/errors.js';
import { JsonLinesOutput } from '../../src/cdk/io/json-lines-output.js';
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { SecretRegistry } from '../../src/cdk/core/secrets.js';
import { SingerWriter, type SingerStreamInfo, type SingerWriterOptions } from '../../src/cdk/singer/writer.js';
import { CaptureStream } from './helpers.js';
import { checkSingerOutput } from './singer-conformance.js';

const SECRET = 'super-secret-token-value';
const NOW = Date.parse('2024-05-06T07:08:09.010Z');

const invoices: SingerStreamInfo = {
  schema: {
    type: 'object',
    required: ['Id', 'Memo'],
    properties: {
      Id: { type: 'string' },
      Memo: { type: ['null', 'string'] },
      airbyte_cursor: { type: 'string' },
      _ab_cdc_deleted_at: { type: ['null', 'string'], format: 'date-time' },
    },
  },
  keyProperties: ['Id'],
  bookmarkProperties: ['airbyte_cursor'],
};
const plain: SingerStreamInfo = { schema: { type: 'object', properties: { Id: { type: 'string' } } }, keyProperties: ['Id'] };

function setup(overrides: Partial<SingerWriterOptions> = {}) {
  const stdout = new CaptureStream();
  const stderr = new CaptureStream();
  const secrets = new SecretRegistry();
  secrets.add(SECRET);
  const writer = new SingerWriter({
    output: new JsonLinesOutput(stdout),
    logOutput: new JsonLinesOutput(stderr),
    secrets,
    streams: new Map([
      ['invoices', invoices],
      ['plain', plain],
    ]),
    now: () => NOW,
    ...overrides,
  });
  return { writer, stdout, stderr };
}

describe('SingerWriter', () => {
  it('sends each SCHEMA once, before the first RECORD, and RECORDs with one time_extracted per page', async () => {
    const { writer, stdout } = setup();
    await writer.records('invoices', [{ Id: '1', airbyte_cursor: 'a' }, { Id: '2', airbyte_cursor: 'b' }]);
    await writer.records('plain', [{ Id: 'p' }]);
    await writer.records('invoices', [{ Id: '3', airbyte_cursor: 'c' }]);
    const out = checkSingerOutput(stdout.text);
    expect(out.messages.map((m) => `${m.type}:${String(m['stream'])}`)).toEqual([
      'SCHEMA:invoices',
      'RECORD:invoices',
      'RECORD:invoices',
      'SCHEMA:plain',
      'RECORD:plain',
      'RECORD:invoices',
    ]);
    expect(out.messages[0]).toMatchObject({ key_properties: ['Id'], bookmark_properties: ['airbyte_cursor'] });
    expect(out.messages[3]).not.toHaveProperty('bookmark_properties');
    expect(out.messages[1]).toEqual({
      type: 'RECORD',
      stream: 'invoices',
      time_extracted: '2024-05-06T07:08:09.010Z',
      record: { Id: '1', airbyte_cursor: 'a' },
    });
  });

  it('sends the SCHEMA when a stream starts, so a stream without records still gets its table', async () => {
    const { writer, stdout } = setup();
    await writer.streamStatus('plain', 'STARTED');
    await writer.records('plain', [{ Id: 'p' }]);
    expect(checkSingerOutput(stdout.text).messages.map((m) => m.type)).toEqual(['SCHEMA', 'RECORD']);
  });

  it('renames the Airbyte deletion marker to _sdc_deleted_at in the SCHEMA and in tombstones', async () => {
    const { writer, stdout } = setup();
    await writer.records('invoices', [{ Id: '9', airbyte_cursor: 'x', _ab_cdc_deleted_at: '2024-05-01T00:00:00Z' }]);
    const [schema, record] = checkSingerOutput(stdout.text).messages;
    const properties = (schema?.['schema'] as JsonObject)['properties'] as JsonObject;
    expect(properties).toHaveProperty('_sdc_deleted_at');
    expect(properties).not.toHaveProperty('_ab_cdc_deleted_at');
    expect(record?.['record']).toEqual({ Id: '9', airbyte_cursor: 'x', _sdc_deleted_at: '2024-05-01T00:00:00Z' });
  });

  it('re-sends the SCHEMA with _sdc_deleted_at when a tombstone arrives on a stream that did not declare it', async () => {
    const { writer, stdout } = setup();
    await writer.records('plain', [{ Id: '1' }]);
    await writer.records('plain', [{ Id: '2', _ab_cdc_deleted_at: '2024-05-01T00:00:00Z' }]);
    const messages = checkSingerOutput(stdout.text).messages;
    expect(messages.map((m) => m.type)).toEqual(['SCHEMA', 'RECORD', 'SCHEMA', 'RECORD']);
    expect(((messages[2]?.['schema'] as JsonObject)['properties'] as JsonObject)['_sdc_deleted_at']).toBeDefined();
    expect(messages[3]?.['record']).toEqual({ Id: '2', _sdc_deleted_at: '2024-05-01T00:00:00Z' });
  });

  it('leaves the marker alone when the rename is turned off', async () => {
    const { writer, stdout } = setup({ deletedAt: null });
    await writer.records('invoices', [{ Id: '9', _ab_cdc_deleted_at: 't' }]);
    expect(checkSingerOutput(stdout.text).records.get('invoices')).toEqual([{ Id: '9', _ab_cdc_deleted_at: 't' }]);
  });

  it('prunes deselected fields from the SCHEMA (properties and required) and from records', async () => {
    const { writer, stdout } = setup({ streams: new Map([['invoices', { ...invoices, deselectedFields: new Set(['Memo']) }]]) });
    await writer.records('invoices', [{ Id: '1', Memo: 'hello', airbyte_cursor: 'a' }]);
    const out = checkSingerOutput(stdout.text);
    const schema = out.schemas.get('invoices')?.['schema'] as JsonObject;
    expect(Object.keys(schema['properties'] as JsonObject)).not.toContain('Memo');
    expect(schema['required']).toEqual(['Id']);
    expect(out.records.get('invoices')).toEqual([{ Id: '1', airbyte_cursor: 'a' }]);
  });

  it('emits STATE as {value: {bookmarks}} holding every stream seen so far and from the input state', async () => {
    const { writer, stdout } = setup({ bookmarks: new Map([['old', { cursor: 'o' }]]) });
    await writer.state('invoices', { cursor: '1' }, 5);
    await writer.state('plain', { cursor: 'p' }, 1);
    await writer.state('invoices', { cursor: '2' }, 3);
    const states = checkSingerOutput(stdout.text).states;
    expect(states).toEqual([
      { bookmarks: { old: { cursor: 'o' }, invoices: { cursor: '1' } } },
      { bookmarks: { old: { cursor: 'o' }, invoices: { cursor: '1' }, plain: { cursor: 'p' } } },
      { bookmarks: { old: { cursor: 'o' }, invoices: { cursor: '2' }, plain: { cursor: 'p' } } },
    ]);
  });

  it('writes logs, metrics, stream status and errors to stderr only, scrubbed of secrets', async () => {
    const { writer, stdout, stderr } = setup();
    await writer.log('INFO', `token is ${SECRET}`);
    await writer.state('plain', { cursor: 'p' }, 7);
    await writer.estimate('plain', 1234);
    await writer.streamStatus('plain', 'STARTED');
    await writer.streamStatus('plain', 'COMPLETE');
    await writer.error(new ConfigError(`bad key ${SECRET}. Fix it.`), 'plain');
    await writer.records('plain', [{ Id: SECRET }]);
    await writer.flush();
    expect(stdout.text).not.toContain(SECRET);
    expect(stderr.text).not.toContain(SECRET);
    checkSingerOutput(stdout.text); // still nothing but Singer messages
    const lines = stderr.lines();
    expect(lines).toContain('INFO token is ****');
    expect(lines).toContain('INFO METRIC: {"type":"counter","metric":"record_count","value":7,"tags":{"stream":"plain"}}');
    expect(lines).toContain('INFO METRIC: {"type":"gauge","metric":"row_estimate","value":1234,"tags":{"stream":"plain"}}');
    expect(lines.some((l) => l.startsWith('INFO METRIC: {"type":"timer","metric":"sync_duration"') && l.includes('"succeeded"'))).toBe(true);
    expect(lines).toContain('ERROR Stream "plain" failed: bad key ****. Fix it.');
    expect(lines.every((line) => !line.includes('    at '))).toBe(true); // no stack without debug
  });

  it('prints the stack with errors in debug mode', async () => {
    const { writer, stderr } = setup({ debug: true });
    await writer.error(new Error('boom'));
    await writer.flush();
    expect(stderr.text).toContain('    at ');
  });

  it('hands a changed config to the write-back, and only warns when there is none', async () => {
    const saved: JsonObject[] = [];
    const withSave = setup({ onConfigUpdate: async (config) => void saved.push(config) });
    await withSave.writer.configUpdate({ refresh_token: SECRET });
    expect(saved).toEqual([{ refresh_token: SECRET }]);
    expect(withSave.stdout.text).toBe('');

    const without = setup();
    await without.writer.configUpdate({ refresh_token: SECRET });
    await without.writer.flush();
    expect(without.stderr.text).toMatch(/^WARN .*nowhere to save/);
    expect(without.stderr.text + without.stdout.text).not.toContain(SECRET);
  });
});
