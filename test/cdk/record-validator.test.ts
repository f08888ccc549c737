import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/cdk/core/logger.js';
import type { ConfiguredAirbyteStream, JsonObject } from '../../src/cdk/core/protocol.js';
import { readStreams } from '../../src/cdk/run/read-driver.js';
import { hoistRepeats, RecordValidationError, RecordValidator, validatingStream } from '../../src/cdk/validation/record-validator.js';
import type { StreamEvent } from '../../src/cdk/core/stream.js';
import { loadStreamSchema } from '../../src/streams/schema-loader.js';
import { FakeStream, RecordingSink } from './helpers.js';

class CollectingLogger implements Logger {
  lines: string[] = [];
  debug(): void {}
  info(): void {}
  warn(message: string): void {
    this.lines.push(message);
  }
  error(message: string): void {
    this.lines.push(message);
  }
}

const SCHEMA: JsonObject = {
  type: 'object',
  properties: {
    Id: { type: 'string' },
    Amount: { type: ['null', 'number'] },
    Line: { type: 'array', items: { type: 'object', properties: { Qty: { type: 'number' } } } },
    Updated: { type: 'string', format: 'date-time' },
  },
};

function streamOf(name: string, events: StreamEvent[]): FakeStream {
  const stream = new FakeStream(name, async function* () {
    yield* events;
  });
  stream.describe = () => ({ ...FakeStream.prototype.describe.call(stream), json_schema: SCHEMA });
  return stream;
}

function configured(stream: FakeStream): ConfiguredAirbyteStream {
  return { stream: stream.describe(), sync_mode: 'full_refresh', destination_sync_mode: 'append' };
}

const records = (...rs: JsonObject[]): StreamEvent => ({ type: 'records', records: rs });

describe('RecordValidator', () => {
  it('warn: one WARN per stream and field path with a count, array indices folded, records still emitted', async () => {
    const logger = new CollectingLogger();
    const validator = new RecordValidator('warn', logger);
    const stream = streamOf('invoices', [
      records({ Id: '1', Amount: 'ten' }, { Id: '2', Amount: 3, Line: [{ Qty: 'x' }, { Qty: 'y' }] }),
      records({ Id: '3', Amount: 'eleven', Updated: 'yesterday' }, { Id: '4', Amount: null }),
    ]);
    const sink = new RecordingSink();
    await readStreams({ streams: [validatingStream(stream, validator)], catalog: [configured(stream)], state: new Map(), sink, logger, concurrency: 1 });
    const emitted = sink.calls.flatMap((c) => (c.kind === 'records' ? c.records.map((r) => r['Id']) : []));
    expect(emitted).toEqual(['1', '2', '3', '4']);
    expect(logger.lines).toEqual([
      'Stream "invoices": 2 records did not match the schema at Amount (must be null,number; first: Id 1); emitted as they are.',
      'Stream "invoices": 1 record did not match the schema at Line[].Qty (must be number; first: Id 2); emitted as they are.',
      'Stream "invoices": 1 record did not match the schema at Updated (must match format "date-time"; first: Id 3); emitted as they are.',
    ]);
    expect(sink.statuses('invoices')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
  });

  it('fail: the stream fails at the first offending record, naming the record and the field path', async () => {
    const logger = new CollectingLogger();
    const validator = new RecordValidator('fail', logger);
    const good = streamOf('bills', [records({ Id: '1', Amount: 1 })]);
    const bad = streamOf('invoices', [records({ Id: '7', Amount: 1 }), records({ Id: '8', Line: [{ Qty: true }] }, { Id: '9', Amount: 'x' })]);
    const sink = new RecordingSink();
    const run = readStreams({
      streams: [good, bad].map((s) => validatingStream(s, validator)),
      catalog: [configured(good), configured(bad)],
      state: new Map(),
      sink,
      logger,
      concurrency: 1,
    });
    await expect(run).rejects.toThrow('Stream "invoices" failed');
    const [error] = sink.errors();
    expect(error?.stream).toBe('invoices');
    expect(error?.error).toBeInstanceOf(RecordValidationError);
    expect((error?.error as Error).message).toBe(
      'Record Id 8 of stream "invoices" does not match the stream\'s schema at Line[].Qty (must be number). ' +
        'Set validate_records to warn or off to emit such records anyway.',
    );
    expect(sink.statuses('bills')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    expect(sink.statuses('invoices')).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
    // The page holding the bad record is not emitted.
    expect(sink.calls.flatMap((c) => (c.kind === 'records' && c.stream === 'invoices' ? c.records.map((r) => r['Id']) : []))).toEqual(['7']);
  });

  it('compiles one validator per stream, on its first record', () => {
    const validator = new RecordValidator('warn', new CollectingLogger());
    let loads = 0;
    const schema = (): JsonObject => {
      loads += 1;
      return SCHEMA;
    };
    for (let i = 0; i < 5; i += 1) validator.check('a', schema, { Id: String(i) });
    validator.check('b', schema, { Id: 'x' });
    expect(loads).toBe(2);
  });

  it('real QBO records (test/fixtures/records) pass their streams\' shipped schemas in fail mode', () => {
    const validator = new RecordValidator('fail', new CollectingLogger());
    for (const stream of ['bills', 'customers', 'invoices', 'items', 'journal_entries', 'payments', 'vendors']) {
      const rows = JSON.parse(readFileSync(new URL(`../fixtures/records/${stream}.json`, import.meta.url), 'utf8')) as JsonObject[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) validator.check(stream, () => loadStreamSchema(stream), row);
    }
  });
});

describe('hoistRepeats', () => {
  it('moves objects used more than once into definitions and validates the same', () => {
    const ref = { type: 'object', properties: { value: { type: 'string' } } };
    const schema: JsonObject = { type: 'object', properties: { A: ref, B: { type: 'array', items: ref }, C: { type: 'number' } } };
    const hoisted = hoistRepeats(schema);
    expect(hoisted).toEqual({
      type: 'object',
      properties: { A: { $ref: '#/definitions/shared0' }, B: { type: 'array', items: { $ref: '#/definitions/shared0' } }, C: { type: 'number' } },
      definitions: { shared0: ref },
    });
    const validator = new RecordValidator('fail', new CollectingLogger());
    expect(() => validator.check('s', () => schema, { A: { value: 'x' }, B: [{ value: 'y' }] })).not.toThrow();
    expect(() => validator.check('s', () => schema, { B: [{ value: 1 }] })).toThrow('at B[].value (must be string)');
  });
});
