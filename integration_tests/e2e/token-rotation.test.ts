// OAuth: a rotated refresh token is persisted through a CONTROL message before any data request, the
// config from CONTROL keeps working under strict rotation, and a dead refresh token fails as a config
// error that names the fix without printing any token.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { expectMatchesTruth, expectSucceeded } from '../helpers/assertions.js';
import { committedCatalog, onlyStreams } from '../helpers/catalogs.js';
import { envFor, startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { controlConfigs, traceErrors } from '../helpers/messages.js';
import { Platform } from '../helpers/platform.js';
import { startRecordingProxy, type RecordingProxy } from '../helpers/recording-proxy.js';
import { runConnector, type RunResult } from '../helpers/run-connector.js';

const catalog = onlyStreams(committedCatalog('incremental'), ['customers', 'invoices', 'company_info']);

/** Every secret-looking value of the configs, to search the output for. */
function secretValues(...configs: JsonObject[]): string[] {
  return configs.flatMap((c) => ['client_secret', 'refresh_token', 'access_token'].map((k) => c[k])).filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/** stdout minus CONTROL lines (the one message allowed to carry the rotated config), plus stderr. */
function publicOutput(run: RunResult): string {
  return run.stdout.split('\n').filter((line) => !line.startsWith('{"type":"CONTROL"')).join('\n') + run.stderr;
}

describe('token rotation', () => {
  let env: FakeEnv;
  let proxy: RecordingProxy;
  beforeAll(async () => {
    env = await startFakeEnv({ seed: 51, knobs: { strictRotation: true } });
    proxy = await startRecordingProxy(env.fake.url);
  });
  afterAll(async () => {
    await proxy.close();
    await env.close();
  });

  it('persists the rotated config through CONTROL before the first data request, and the next run uses it', async () => {
    const original = env.config();
    const platform = new Platform(original, envFor({ url: proxy.url, tokenUrl: `${proxy.url}/oauth2/v1/tokens/bearer` }));
    // Data requests wait at the proxy until CONTROL has been read from stdout (or 30 s pass: a
    // generous bound, as a loaded machine can take seconds to start the process and refresh).
    let controlSeen!: () => void;
    const seen = new Promise<'control'>((resolve) => (controlSeen = () => resolve('control')));
    const gate = Promise.race([seen, sleep(30_000).then(() => 'timeout' as const)]);
    proxy.holdDataUntil(gate);
    const first = await platform.sync(catalog, {
      onMessage: (m) => {
        if (m.type === 'CONTROL') controlSeen();
      },
    });
    proxy.holdDataUntil(undefined);
    expectSucceeded(first);
    expect(await gate, 'CONTROL was emitted while every data request was still unanswered').toBe('control');

    const controls = controlConfigs(first.messages);
    expect(controls).toHaveLength(1);
    const rotated = controls[0] as JsonObject;
    expect(rotated['refresh_token']).toBe(env.fake.refreshToken);
    expect(rotated['refresh_token']).not.toBe(original['refresh_token']);
    expect(typeof rotated['access_token']).toBe('string');
    expect(Number.isNaN(Date.parse(String(rotated['token_expiry_date'])))).toBe(false);
    // The whole config comes back, not just the tokens.
    for (const [key, value] of Object.entries(original)) if (key !== 'refresh_token') expect(rotated[key], key).toEqual(value);
    // In stdout, CONTROL precedes every record; at the server, the token call precedes every data call.
    const firstRecord = first.messages.findIndex((m) => m.type === 'RECORD');
    expect(first.messages.findIndex((m) => m.type === 'CONTROL')).toBeLessThan(firstRecord);
    expect(proxy.log[0]?.kind).toBe('token');
    expect(proxy.log.filter((r) => r.kind === 'token')).toHaveLength(1);

    // Second run: access token expired, so it must refresh with the rotated token (the old one is dead).
    env.fake.expireAccessTokens();
    const second = await platform.sync(catalog);
    expectSucceeded(second);
    expect(controlConfigs(second.messages)).toHaveLength(1);
    expect(platform.config['refresh_token']).toBe(env.fake.refreshToken);
    expectMatchesTruth(platform, env.fake.company, catalog);
    for (const secret of secretValues(original, rotated, platform.config)) {
      expect(publicOutput(first).includes(secret) || publicOutput(second).includes(secret), 'a token leaked').toBe(false);
    }
  });

  it('a still-valid access token from the config is reused: no refresh, no CONTROL', async () => {
    const config = env.config({ access_token: env.fake.issueAccessToken(3600), token_expiry_date: new Date(Date.now() + 3600_000).toISOString() });
    const run = await runConnector('read', { config, catalog, env: env.env });
    expectSucceeded(run);
    expect(controlConfigs(run.messages)).toEqual([]);
  });

  it.each([
    [
      'a refresh token superseded under strict rotation',
      async (e: FakeEnv): Promise<JsonObject> => {
        const stale = e.config();
        // Rotate once behind this config's back: its refresh token is now dead.
        expectSucceeded(await runConnector('check', { config: stale, env: e.env }));
        return stale;
      },
    ],
    ['a refresh token that was never issued', async (e: FakeEnv): Promise<JsonObject> => e.config({ refresh_token: 'AB11never-issued-refresh-token-value-000000' })],
  ])('%s: one config_error TRACE (for the whole catalog) that says how to get a new token, exit 1, no token printed', async (_name, make) => {
    const config = await make(env);
    const everything = committedCatalog('incremental');
    const run = await runConnector('read', { config, catalog: everything, env: env.env });
    expect(run.exitCode).toBe(1);
    const errors = traceErrors(run.messages);
    expect(errors).toHaveLength(1);
    const error = errors[0] as (typeof errors)[number];
    expect(error.failure_type).toBe('config_error');
    expect(error.message).toMatch(/refresh token/i);
    expect(error.message).toMatch(/re-?authori[sz]e|reconnect|new refresh token|source-quickbooks auth|OAuth/i);
    expect(run.messages.filter((m) => m.type === 'RECORD')).toEqual([]);
    for (const secret of secretValues(config)) expect(run.stdout + run.stderr, 'a secret leaked').not.toContain(secret);
  });
});
