// CAT TestConnection: succeed, failed and exception outcomes of `check`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { ofType, traceErrors } from '../helpers/messages.js';
import { readRepoJson } from '../helpers/repo-paths.js';
import { runConnector } from '../helpers/run-connector.js';

describe('TestConnection', () => {
  let env: FakeEnv;
  beforeAll(async () => {
    env = await startFakeEnv({ seed: 61 });
  });
  afterAll(() => env.close());

  const statuses = async (config: unknown): Promise<{ status: string[]; exitCode: number | null }> => {
    const run = await runConnector('check', { config, env: env.env });
    return { status: ofType(run.messages, 'CONNECTION_STATUS').map((m) => m.connectionStatus.status), exitCode: run.exitCode };
  };

  it('status succeed: a valid config gives exactly one CONNECTION_STATUS SUCCEEDED', async () => {
    expect(await statuses(env.config())).toEqual({ status: ['SUCCEEDED'], exitCode: 0 });
  });

  it('status failed: integration_tests/invalid_config.json gives exactly one CONNECTION_STATUS FAILED', async () => {
    const invalid = readRepoJson<JsonObject>('integration_tests', 'invalid_config.json');
    expect((await statuses(invalid)).status).toEqual(['FAILED']);
  });

  it.each([
    ['a wrong client secret', { client_secret: 'wrong-secret' }],
    ['a refresh token never issued', { refresh_token: 'AB11never-issued' }],
    ['another company (realm) than the token is for', { realm_id: '1234567890' }],
    ['a config that violates the spec', { start_date: 'yesterday' }],
  ])('status failed: %s', async (_name, change) => {
    expect((await statuses(env.config(change))).status).toEqual(['FAILED']);
  });

  it('status exception: a config file that is not JSON gives exactly one TRACE ERROR and a non-zero exit', async () => {
    const run = await runConnector('check', { config: '{"client_id": "x",', env: env.env });
    expect(run.exitCode).not.toBe(0);
    expect(ofType(run.messages, 'TRACE')).toHaveLength(1);
    const errors = traceErrors(run.messages);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/config/i);
    expect(ofType(run.messages, 'CONNECTION_STATUS')).toEqual([]);
  });
});
