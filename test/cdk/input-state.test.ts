import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/cdk/core/errors.js';
import { parseInputState } from '../../src/cdk/airbyte/input-state.js';

const A = { cursor: '2024-01-01T00:00:00Z', v: 1 };
const B = { cursor: '2024-02-01T00:00:00Z', v: 1 };

function asObject(map: Map<string, unknown>) {
  return Object.fromEntries(map);
}

function messageOf(raw: unknown): string {
  try {
    parseInputState(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseInputState', () => {
  it('reads a list of per-stream states', () => {
    const raw = [
      { type: 'STREAM', stream: { stream_descriptor: { name: 'invoices' }, stream_state: A }, sourceStats: { recordCount: 3 } },
      { type: 'STREAM', stream: { stream_descriptor: { name: 'bills', namespace: 'x' }, stream_state: B } },
    ];
    expect(asObject(parseInputState(raw))).toEqual({ invoices: A, bills: B });
  });

  it('reads untyped entries that have a stream key, and whole STATE AirbyteMessages', () => {
    const raw = [
      { stream: { stream_descriptor: { name: 'invoices' }, stream_state: A } },
      { type: 'STATE', state: { type: 'STREAM', stream: { stream_descriptor: { name: 'bills' }, stream_state: B } } },
    ];
    expect(asObject(parseInputState(raw))).toEqual({ invoices: A, bills: B });
  });

  it('reads a single untyped stream state object', () => {
    expect(asObject(parseInputState({ stream: { stream_descriptor: { name: 'bills' }, stream_state: B } }))).toEqual({ bills: B });
  });

  it('reads GLOBAL state, as an object or inside a list', () => {
    const global = {
      type: 'GLOBAL',
      global: { shared_state: {}, stream_states: [{ stream_descriptor: { name: 'invoices' }, stream_state: A }] },
    };
    expect(asObject(parseInputState(global))).toEqual({ invoices: A });
    expect(asObject(parseInputState([global]))).toEqual({ invoices: A });
  });

  it('reads legacy state: typed, untyped data, and a bare object', () => {
    expect(asObject(parseInputState({ type: 'LEGACY', data: { invoices: A } }))).toEqual({ invoices: A });
    expect(asObject(parseInputState({ data: { invoices: A } }))).toEqual({ invoices: A });
    expect(asObject(parseInputState({ invoices: A, bills: B }))).toEqual({ invoices: A, bills: B });
    expect(asObject(parseInputState([{ data: { bills: B } }]))).toEqual({ bills: B });
  });

  it('accepts the airbyte/source-quickbooks style cursor object as an opaque state', () => {
    expect(asObject(parseInputState({ invoices: { airbyte_cursor: '2024-01-01T00:00:00+00:00' } }))).toEqual({
      invoices: { airbyte_cursor: '2024-01-01T00:00:00+00:00' },
    });
  });

  it('treats empty input as no state', () => {
    expect(parseInputState(undefined).size).toBe(0);
    expect(parseInputState([]).size).toBe(0);
    expect(parseInputState({}).size).toBe(0);
  });

  it('treats a null stream_state as a reset', () => {
    const raw = [
      { type: 'STREAM', stream: { stream_descriptor: { name: 'invoices' }, stream_state: A } },
      { type: 'STREAM', stream: { stream_descriptor: { name: 'invoices' }, stream_state: null } },
      { type: 'STREAM', stream: { stream_descriptor: { name: 'bills' } } },
    ];
    expect(parseInputState(raw).size).toBe(0);
    expect(parseInputState({ invoices: null }).size).toBe(0);
  });

  it.each([
    [[3], /entry \[0\] must be an object/],
    [[{ type: 'STREAM' }], /\[0\]\.stream must be an object/],
    [[{ type: 'STREAM', stream: { stream_state: A } }], /\[0\]\.stream has no stream_descriptor/],
    [[{ type: 'STREAM', stream: { stream_descriptor: {}, stream_state: A } }], /\[0\]\.stream has no stream_descriptor\.name/],
    [[{ type: 'STREAM', stream: { stream_descriptor: { name: 'bills' }, stream_state: 'x' } }], /stream "bills"\) has a stream_state that is not an object/],
    [[{ type: 'GLOBAL', global: {} }], /GLOBAL state without global\.stream_states/],
    [[{ type: 'PER_STREAM' }], /unknown type "PER_STREAM"/],
    [[{ foo: 1 }], /unknown type undefined/],
    [{ type: 'LEGACY', data: [1] }, /state\.data must be an object/],
    [{ invoices: [1, 2] }, /state\["invoices"\] \(stream "invoices"\) has a stream_state that is not an object/],
    ['text', /must be a JSON array of state messages or an object/],
  ])('rejects %j naming the entry', (raw, pattern) => {
    const message = messageOf(raw);
    expect(message).toMatch(pattern);
    expect(message).toMatch(/^Invalid input state: /);
  });
});
