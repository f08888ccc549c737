import { describe, expect, it } from 'vitest';
import { AirbyteWriter } from '../../src/cdk/airbyte/writer.js';
import { ConfigError, SystemError, TransientError } from '../../src/cdk/core/errors.js';
import { JsonLinesOutput } from '../../src/cdk/io/json-lines-output.js';
import { SecretRegistry } from '../../src/cdk/core/secrets.js';
import { SinkLogger } from '../../src/cdk/core/sink-logger.js';
import { CaptureStream } from './helpers.js';

const NOW = 1_700_000_000_123;
const SECRET = 'sk_live/abc+def?123';

function setup() {
  const stream = new CaptureStream();
  const output = new JsonLinesOutput(stream);
  const secrets = new SecretRegistry();
  secrets.add(SECRET);
  const writer = new AirbyteWriter({ output, secrets, now: () => NOW });
  return { stream, writer, secrets };
}

describe('AirbyteWriter message shapes', () => {
  it('writes RECORD lines for a page, one line each, with one emitted_at', async () => {
    const { stream, writer } = setup();
    await writer.records('invoices', [{ Id: '1' }, { Id: '2', Line: [{ Amount: 1.5 }] }]);
    await writer.flush();
    expect(stream.messages()).toEqual([
      { type: 'RECORD', record: { stream: 'invoices', emitted_at: NOW, data: { Id: '1' } } },
      { type: 'RECORD', record: { stream: 'invoices', emitted_at: NOW, data: { Id: '2', Line: [{ Amount: 1.5 }] } } },
    ]);
  });

  it('writes a page in a few chunks of whole lines (no multi-MB string), nothing for an empty page', async () => {
    const writes: string[] = [];
    const writer = new AirbyteWriter({
      output: { write: async (chunk) => void writes.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), flush: async () => {} },
      secrets: new SecretRegistry(),
      now: () => NOW,
    });
    await writer.records('s', Array.from({ length: 500 }, (_, i) => ({ Id: String(i) })));
    expect(writes).toHaveLength(1); // 500 short records fit one chunk
    await writer.records('s', Array.from({ length: 1000 }, (_, i) => ({ Id: String(i), Memo: 'm'.repeat(500) })));
    expect(writes.length).toBeGreaterThan(5);
    for (const chunk of writes) expect(chunk.endsWith('\n')).toBe(true);
    expect(writes.join('').split('\n')).toHaveLength(1501);
    await writer.records('s', []);
    expect(writes.join('').split('\n')).toHaveLength(1501);
  });

  it('writes STATE per stream with sourceStats.recordCount', async () => {
    const { stream, writer } = setup();
    await writer.state('bills', { cursor: '2024-01-01T00:00:00Z', v: 1 }, 42);
    expect(stream.messages()).toEqual([
      {
        type: 'STATE',
        state: {
          type: 'STREAM',
          stream: { stream_descriptor: { name: 'bills' }, stream_state: { cursor: '2024-01-01T00:00:00Z', v: 1 } },
          sourceStats: { recordCount: 42 },
        },
      },
    ]);
  });

  it('writes STREAM_STATUS and ESTIMATE traces', async () => {
    const { stream, writer } = setup();
    await writer.streamStatus('bills', 'STARTED');
    await writer.estimate('bills', 1234);
    expect(stream.messages()).toEqual([
      { type: 'TRACE', trace: { type: 'STREAM_STATUS', emitted_at: NOW, stream_status: { stream_descriptor: { name: 'bills' }, status: 'STARTED' } } },
      { type: 'TRACE', trace: { type: 'ESTIMATE', emitted_at: NOW, estimate: { name: 'bills', type: 'STREAM', row_estimate: 1234 } } },
    ]);
  });

  it('writes SPEC, CATALOG, CONNECTION_STATUS and LOG', async () => {
    const { stream, writer } = setup();
    await writer.spec({ connectionSpecification: { type: 'object' } });
    await writer.catalog({ streams: [{ name: 'a', json_schema: {}, supported_sync_modes: ['full_refresh'] }] });
    await writer.connectionStatus({ status: 'FAILED', message: 'nope' });
    await writer.log('WARN', 'careful');
    expect(stream.messages()).toEqual([
      { type: 'SPEC', spec: { connectionSpecification: { type: 'object' } } },
      { type: 'CATALOG', catalog: { streams: [{ name: 'a', json_schema: {}, supported_sync_modes: ['full_refresh'] }] } },
      { type: 'CONNECTION_STATUS', connectionStatus: { status: 'FAILED', message: 'nope' } },
      { type: 'LOG', log: { level: 'WARN', message: 'careful' } },
    ]);
  });

  it('writes TRACE ERROR with failure_type from the class and the stream descriptor', async () => {
    const { stream, writer } = setup();
    await writer.error(new ConfigError('Bad token. Reconnect.', { internalMessage: 'tid=abc' }), 'invoices');
    await writer.error(new TransientError('Throttled. Retry later.'));
    const [first, second] = stream.messages() as { trace: { type: string; emitted_at: number; error: Record<string, unknown> } }[];
    expect(first!.trace.type).toBe('ERROR');
    expect(first!.trace.emitted_at).toBe(NOW);
    expect(first!.trace.error).toMatchObject({
      message: 'Bad token. Reconnect.',
      internal_message: 'tid=abc',
      failure_type: 'config_error',
      stream_descriptor: { name: 'invoices' },
    });
    // A config error is the user's to fix; its message says how, a stack would only be noise.
    expect(first!.trace.error).not.toHaveProperty('stack_trace');
    expect(String(second!.trace.error['stack_trace'])).toContain('TransientError: Throttled');
    expect(second!.trace.error['failure_type']).toBe('transient_error');
    expect(second!.trace.error).not.toHaveProperty('stream_descriptor');
  });

  it('gives an unexpected error a readable one-line message and system_error', async () => {
    const { stream, writer } = setup();
    await writer.error(new TypeError('x is not\na function'));
    await writer.error('plain string failure');
    const [first, second] = stream.messages() as { trace: { error: Record<string, unknown> } }[];
    expect(first!.trace.error['message']).toBe('Unexpected error: TypeError: x is not a function');
    expect(first!.trace.error['failure_type']).toBe('system_error');
    expect(String(first!.trace.error['stack_trace'])).toContain('TypeError');
    expect(second!.trace.error['message']).toBe('Unexpected error: plain string failure');
  });

  it('data nested too deeply to serialise: a message saying so, not a bare stack overflow', async () => {
    const { stream, writer } = setup();
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const overflow = (() => {
      try {
        JSON.stringify(deep);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    await writer.error(overflow, 'invoices');
    const [message] = stream.messages() as { trace: { error: Record<string, unknown> } }[];
    expect(message!.trace.error['message']).toMatch(/^Unexpected data while reading stream "invoices": a record or answer is nested too deeply to process/);
  });

  it('includes the cause chain in stack_trace', async () => {
    const { stream, writer } = setup();
    await writer.error(new SystemError('outer', { cause: new Error('inner reason') }));
    const [message] = stream.messages() as { trace: { error: Record<string, unknown> } }[];
    expect(String(message!.trace.error['stack_trace'])).toMatch(/Caused by: Error: inner reason/);
  });

  it('writes CONTROL with the whole config', async () => {
    const { stream, writer } = setup();
    await writer.configUpdate({ refresh_token: 'new', other: 1 });
    expect(stream.messages()).toEqual([
      { type: 'CONTROL', control: { type: 'CONNECTOR_CONFIG', emitted_at: NOW, connectorConfig: { config: { refresh_token: 'new', other: 1 } } } },
    ]);
  });
});

describe('AirbyteWriter secret scrubbing', () => {
  it('scrubs a secret inside an error message, its stack and internal message', async () => {
    const { stream, writer } = setup();
    await writer.error(new ConfigError(`token ${SECRET} rejected`, { internalMessage: `raw ${SECRET}` }));
    expect(stream.text).not.toContain(SECRET);
    expect(stream.messages()[0]).toMatchObject({ trace: { error: { message: 'token **** rejected', internal_message: 'raw ****' } } });
  });

  it('scrubs the URL-encoded form of a secret', async () => {
    const { stream, writer } = setup();
    await writer.error(new Error(`GET https://example.test/x?token=${encodeURIComponent(SECRET)} failed`));
    expect(stream.text).not.toContain(encodeURIComponent(SECRET));
    expect(stream.text).toContain('token=****');
  });

  it('scrubs a log line and a record', async () => {
    const { stream, writer } = setup();
    await writer.log('INFO', `using ${SECRET}`);
    await writer.records('s', [{ note: `echo ${SECRET}` }]);
    await writer.state('s', { token: SECRET }, 1);
    expect(stream.text).not.toContain(SECRET);
    expect(stream.text.match(/\*\*\*\*/g)).toHaveLength(3);
  });

  it('scrubs a secret that JSON escapes differently', async () => {
    const { stream, writer, secrets } = setup();
    secrets.add('pa"ss\\word');
    await writer.log('INFO', 'x pa"ss\\word y');
    expect(stream.messages()[0]).toMatchObject({ log: { message: 'x **** y' } });
  });

  it('does not scrub CONTROL: it must carry the real config', async () => {
    const { stream, writer } = setup();
    await writer.configUpdate({ refresh_token: SECRET });
    expect(stream.messages()[0]).toMatchObject({ control: { connectorConfig: { config: { refresh_token: SECRET } } } });
  });
});

describe('SinkLogger', () => {
  it('writes LOG messages in call order without awaiting, and drops debug unless asked', async () => {
    const { stream, writer } = setup();
    const logger = new SinkLogger(writer);
    logger.info('one');
    logger.debug('hidden');
    logger.warn('two');
    logger.error(`three ${SECRET}`);
    await writer.flush();
    expect(stream.messages()).toEqual([
      { type: 'LOG', log: { level: 'INFO', message: 'one' } },
      { type: 'LOG', log: { level: 'WARN', message: 'two' } },
      { type: 'LOG', log: { level: 'ERROR', message: 'three ****' } },
    ]);
  });

  it('writes DEBUG when enabled and never throws when the sink fails', async () => {
    const { stream, writer } = setup();
    new SinkLogger(writer, { debug: true }).debug('shown');
    await writer.flush();
    expect(stream.messages()).toEqual([{ type: 'LOG', log: { level: 'DEBUG', message: 'shown' } }]);
    const broken = new SinkLogger({ ...writer, log: () => Promise.reject(new Error('closed')) } as unknown as AirbyteWriter);
    expect(() => broken.info('x')).not.toThrow();
  });
});
