// CAT test_airbyte_trace_message_on_failure: a catalog naming a stream that does not exist, with an invalid
// sync mode, makes `read` fail with a TRACE ERROR.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { traceErrors } from '../helpers/messages.js';
import { runConnector } from '../helpers/run-connector.js';

describe('trace on failure', () => {
  let env: FakeEnv;
  beforeAll(async () => {
    env = await startFakeEnv({ seed: 63 });
  });
  afterAll(() => env.close());

  it('an unknown stream with sync_mode INVALID gives at least one TRACE ERROR and a non-zero exit', async () => {
    const catalog = {
      streams: [
        {
          stream: { name: '__AIRBYTE__stream_that_does_not_exist', json_schema: { type: 'object', properties: { f1: { type: 'string' } } }, supported_sync_modes: ['full_refresh'] },
          sync_mode: 'INVALID',
          destination_sync_mode: 'overwrite',
        },
      ],
    };
    const run = await runConnector('read', { config: env.config(), catalog, env: env.env });
    expect(run.exitCode).not.toBe(0);
    const errors = traceErrors(run.messages);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors.every((e) => e.message.length > 0)).toBe(true);
    expect(run.messages.filter((m) => m.type === 'RECORD')).toEqual([]);
  });

  it('a catalog file that is not JSON fails the same way', async () => {
    const run = await runConnector('read', { config: env.config(), catalog: '{"streams": [', env: env.env });
    expect(run.exitCode).not.toBe(0);
    expect(traceErrors(run.messages)).toHaveLength(1);
  });
});
