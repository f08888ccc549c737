// The committed protocol schema and the type/payload rule accept good messages and reject broken ones.
import { describe, expect, it } from 'vitest';
import { parseMessages } from './messages.js';
import { messageProblems } from './protocol-validator.js';

const good = [
  { type: 'RECORD', record: { stream: 'invoices', data: { Id: '1' }, emitted_at: 1700000000000 } },
  { type: 'STATE', state: { type: 'STREAM', stream: { stream_descriptor: { name: 'invoices' }, stream_state: { v: 1 } }, sourceStats: { recordCount: 1 } } },
  { type: 'LOG', log: { level: 'INFO', message: 'hi' } },
  { type: 'TRACE', trace: { type: 'ERROR', emitted_at: 1, error: { message: 'x', failure_type: 'config_error' } } },
  { type: 'TRACE', trace: { type: 'STREAM_STATUS', emitted_at: 1, stream_status: { stream_descriptor: { name: 'a' }, status: 'RUNNING' } } },
  { type: 'CONTROL', control: { type: 'CONNECTOR_CONFIG', emitted_at: 1, connectorConfig: { config: { a: 1 } } } },
  { type: 'CONNECTION_STATUS', connectionStatus: { status: 'SUCCEEDED' } },
];

const bad: [string, unknown][] = [
  ['RECORD without its payload', { type: 'RECORD' }],
  ['STATE without its payload', { type: 'STATE' }],
  ['unknown type', { type: 'HELLO' }],
  ['record without emitted_at', { type: 'RECORD', record: { stream: 's', data: {} } }],
  ['fractional emitted_at', { type: 'RECORD', record: { stream: 's', data: {}, emitted_at: 1.5 } }],
  ['bad log level', { type: 'LOG', log: { level: 'LOUD', message: 'x' } }],
  ['TRACE ERROR without error', { type: 'TRACE', trace: { type: 'ERROR', emitted_at: 1 } }],
  ['bad failure_type', { type: 'TRACE', trace: { type: 'ERROR', emitted_at: 1, error: { message: 'x', failure_type: 'oops' } } }],
  ['stream status without descriptor', { type: 'TRACE', trace: { type: 'STREAM_STATUS', emitted_at: 1, stream_status: { status: 'RUNNING' } } }],
  ['CONTROL without config', { type: 'CONTROL', control: { type: 'CONNECTOR_CONFIG', emitted_at: 1, connectorConfig: {} } }],
  ['state stream without descriptor', { type: 'STATE', state: { type: 'STREAM', stream: { stream_state: {} } } }],
  ['not an object', 'hello'],
];

describe('protocol validator', () => {
  it.each(good.map((m) => [m.type, m]))('accepts a valid %s', (_type, message) => {
    expect(messageProblems(message)).toEqual([]);
  });

  it.each(bad)('rejects %s', (_why, message) => {
    expect(messageProblems(message).length).toBeGreaterThan(0);
  });

  it('parseMessages rejects a non-JSON stdout line', () => {
    expect(() => parseMessages('{"type":"LOG","log":{"level":"INFO","message":"a"}}\nhello\n')).toThrow(/line 2 is not JSON/);
  });
});
