// Attacks from a hostile token endpoint and API on loopback: redirects are never followed (tokens
// only go to the configured hosts), and no secret, in any derived form, reaches any output even
// when the server echoes what it was sent and messages are cut or one-lined.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAirbyte } from '../../src/cdk/airbyte/runner.js';
import { runSinger } from '../../src/cdk/singer/runner.js';
import { SecretRegistry } from '../../src/cdk/core/secrets.js';
import { QboHttpClient } from '../../src/qbo/http-client.js';
import { RedirectRefusedError } from '../../src/qbo/redirects.js';
import { TokenEndpointDownError, TokenManager } from '../../src/qbo/token-manager.js';
import { createRequestLimiter } from '../../src/qbo/request-limiter.js';
import { QuickBooksSource } from '../../src/source.js';
import { CaptureStream } from '../cdk/helpers.js';
import { sendJson, startHostileServer, type HostileServer } from '../support/hostile-server.js';
import { tempDir } from '../support/temp-dir.js';
import { fakeTokens, HTTP_SETTINGS, recordingLogger, recordingSleep, apiRetry, tokenRetry } from './support.js';

const CLIENT_ID = 'ABclientIdAppKey0123456789';
const CLIENT_SECRET = 'sEcReT+/x=y&z 42-client-secret-value';
const REFRESH = 'RT1-171-H0-refresh-token-value-0987654321';
const REALM = '9130350000000000';
const BASIC = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');

const servers: HostileServer[] = [];
async function server(handler: Parameters<typeof startHostileServer>[0]): Promise<HostileServer> {
  const started = await startHostileServer(handler);
  servers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function tokenManager(tokenUrl: string, extra: Partial<ConstructorParameters<typeof TokenManager>[0]> = {}): TokenManager {
  return new TokenManager({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    refreshToken: REFRESH,
    tokenUrl,
    logger: recordingLogger(),
    onRefresh: async () => undefined,
    retry: tokenRetry({ sleep: recordingSleep() }),
    ...extra,
  });
}

/** Every form a secret of this file could leak in, and pieces of them a cut could leave. */
function leakForms(extra: string[] = []): string[] {
  const whole = [CLIENT_SECRET, REFRESH, BASIC, BASIC.replace(/=+$/, ''), encodeURIComponent(CLIENT_SECRET), encodeURIComponent(REFRESH), ...extra];
  // 12-char pieces of the secret-bearing tails: what a cut in the middle of a secret would leave.
  const pieces = whole.flatMap((form) => [form.slice(-12), form.slice(4, 16)]);
  return [...whole, ...pieces];
}

function expectNoLeak(text: string, extra: string[] = []): void {
  for (const form of leakForms(extra)) expect(text, `leaked ${JSON.stringify(form)}`).not.toContain(form);
}

describe('no redirect is ever followed', () => {
  for (const status of [307, 308, 302]) {
    it(`a token endpoint answering ${status} to another host: RedirectRefusedError naming it, nothing sent there, no retry`, async () => {
      const elsewhere = await server((_req, res) => sendJson(res, 200, { access_token: 'stolen-access', refresh_token: 'stolen-refresh', expires_in: 3600 }));
      const hostile = await server((_req, res) => {
        res.writeHead(status, { location: `${elsewhere.url}/oauth2/v1/tokens/bearer` });
        res.end();
      });
      const error = await tokenManager(`${hostile.url}/oauth2/v1/tokens/bearer`).getAccessToken().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectRefusedError);
      expect((error as Error).message).toContain(`HTTP ${status} redirecting to host ${elsewhere.host} (http)`);
      expect((error as RedirectRefusedError).failureType).toBe('config_error');
      expect(hostile.requests).toHaveLength(1);
      expect(elsewhere.requests).toHaveLength(0);
    });
  }

  it('a token endpoint redirecting to a plain-http non-loopback host names that host and goes nowhere', async () => {
    const hostile = await server((_req, res) => {
      res.writeHead(308, { location: 'http://collector.example/grab?x=1' });
      res.end();
    });
    const error = await tokenManager(`${hostile.url}/token`).getAccessToken().catch((e: unknown) => e);
    expect((error as Error).message).toContain('redirecting to host collector.example (http)');
    expect((error as Error).message).not.toContain('grab');
  });

  for (const [status, method] of [
    [302, 'GET'],
    [307, 'POST'],
    [301, 'GET'],
  ] as const) {
    it(`an API answering ${status} to a ${method}: refused on the first attempt, the bearer token goes nowhere else`, async () => {
      const elsewhere = await server((_req, res) => sendJson(res, 200, { QueryResponse: {} }));
      const hostile = await server((_req, res) => {
        res.writeHead(status, { location: `${elsewhere.url}/v3/company/${REALM}/query` });
        res.end('moved');
      });
      const http = new QboHttpClient({ ...HTTP_SETTINGS, retry: apiRetry({ sleep: recordingSleep() }), tokens: fakeTokens(), limiter: createRequestLimiter({ maxConcurrent: 2 }), logger: recordingLogger() });
      const request = method === 'GET' ? { url: `${hostile.url}/v3/company/${REALM}/query`, params: { query: 'select * from Invoice' } } : { method, url: `${hostile.url}/v3/company/${REALM}/batch`, body: '{}' };
      const error = await http.requestJson(request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectRefusedError);
      expect((error as Error).message).toContain(`QuickBooks (${hostile.host}) answered HTTP ${status} redirecting to host ${elsewhere.host}`);
      expect((error as Error).message).toContain('QBO_BASE_URL');
      expect(http.stats.requests).toBe(1);
      expect(http.stats.retries).toBe(0);
      expect(elsewhere.requests).toHaveLength(0);
    });
  }
});

describe('secrets never leave, in any form', () => {
  /** A token endpoint that answers 400 echoing the request's headers and body, padded so a 500-char cut would split them. */
  async function echoingTokenEndpoint(): Promise<HostileServer> {
    return server((req, res) => {
      const echo = `authorization=${req.headers.authorization ?? ''}; body=${req.body}`;
      sendJson(res, 400, { error: 'invalid_request', error_description: `${'x'.repeat(280)} ${echo}`, debug: `${'y'.repeat(470)}${echo}` });
    });
  }

  function writeConfig(dir: string, extra: Record<string, unknown> = {}): string {
    const path = join(dir, 'config.json');
    writeFileSync(path, JSON.stringify({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, refresh_token: REFRESH, realm_id: REALM, start_date: '2024-01-01T00:00:00Z', ...extra }));
    return path;
  }

  function writeCatalog(dir: string): string {
    const path = join(dir, 'catalog.json');
    const stream = { name: 'customers', json_schema: {}, supported_sync_modes: ['full_refresh'] };
    writeFileSync(path, JSON.stringify({ streams: [{ stream, sync_mode: 'full_refresh', destination_sync_mode: 'overwrite' }] }));
    return path;
  }

  it('Airbyte check and read: a token endpoint echoing the Basic header and form body leaks nothing (message, internal_message, logs)', async () => {
    const tokenEndpoint = await echoingTokenEndpoint();
    const dir = tempDir('hostile-');
    const config = writeConfig(dir);
    const env = { QBO_TOKEN_URL: `${tokenEndpoint.url}/token`, QBO_BASE_URL: 'http://127.0.0.1:9' };
    for (const argv of [
      ['check', '--config', config],
      ['read', '--config', config, '--catalog', writeCatalog(dir)],
    ]) {
      const stdout = new CaptureStream();
      const stderr = new CaptureStream();
      await runAirbyte(new QuickBooksSource({ env }), argv, { stdout, stderr, env: { LOG_LEVEL: 'DEBUG' }, handleSignals: false });
      expect(stdout.text).toContain('invalid_request');
      expectNoLeak(stdout.text + stderr.text);
    }
    // The endpoint really was sent the secrets (so the echo carried them).
    expect(tokenEndpoint.requests[0]?.headers.authorization).toBe(`Basic ${BASIC}`);
  });

  it('Singer with DEBUG (internal message and stack on stderr) leaks nothing either', async () => {
    const tokenEndpoint = await echoingTokenEndpoint();
    const dir = tempDir('hostile-');
    const stdout = new CaptureStream();
    const stderr = new CaptureStream();
    const code = await runSinger(new QuickBooksSource({ env: { QBO_TOKEN_URL: `${tokenEndpoint.url}/token`, QBO_BASE_URL: 'http://127.0.0.1:9' } }), ['--config', writeConfig(dir)], {
      name: 'tap-quickbooks',
      description: 'test',
      version: '0.0.0',
      io: { stdout, stderr, env: { LOG_LEVEL: 'DEBUG' }, handleSignals: false },
    });
    expect(code).not.toBe(0);
    expect(stderr.text).toContain('invalid_request');
    expectNoLeak(stdout.text + stderr.text);
  });

  it('an access token with CR/LF from the token endpoint: refused, and no piece of it is printed', async () => {
    const bad = 'eyJhbGciOiJkaXIi.access-part-one\r\naccess-part-two-0123456789';
    const tokenEndpoint = await server((_req, res) => sendJson(res, 200, { access_token: bad, refresh_token: REFRESH, expires_in: 3600 }));
    const dir = tempDir('hostile-');
    const stdout = new CaptureStream();
    await runAirbyte(new QuickBooksSource({ env: { QBO_TOKEN_URL: `${tokenEndpoint.url}/token`, QBO_BASE_URL: 'http://127.0.0.1:9' } }), ['read', '--config', writeConfig(dir), '--catalog', writeCatalog(dir)], {
      stdout,
      stderr: new CaptureStream(),
      env: {},
      handleSignals: false,
    });
    expect(stdout.text).toContain('cannot be sent in an HTTP header');
    expectNoLeak(stdout.text, ['access-part-one', 'access-part-two', 'access-part-one access-part-two']);
  });

  it('an access_token with CR/LF in the config is a config_error naming the field, with no request and no retries', async () => {
    const tokenEndpoint = await server((_req, res) => sendJson(res, 500, {}));
    const dir = tempDir('hostile-');
    const stdout = new CaptureStream();
    const code = await runAirbyte(
      new QuickBooksSource({ env: { QBO_TOKEN_URL: `${tokenEndpoint.url}/token`, QBO_BASE_URL: 'http://127.0.0.1:9' } }),
      ['read', '--config', writeConfig(dir, { access_token: 'config-access-token\r\nsecond-line-9876', token_expiry_date: '2999-01-01T00:00:00Z' }), '--catalog', writeCatalog(dir)],
      { stdout, stderr: new CaptureStream(), env: {}, handleSignals: false },
    );
    expect(code).toBe(1);
    const trace = stdout.messages().find((m) => m['type'] === 'TRACE') as { trace: { error: Record<string, unknown> } } | undefined;
    expect(trace?.trace.error['failure_type']).toBe('config_error');
    expect(String(trace?.trace.error['message'])).toContain('access_token in the config contains line breaks');
    expect(trace?.trace.error).not.toHaveProperty('stack_trace');
    expect(tokenEndpoint.requests).toHaveLength(0);
    expectNoLeak(stdout.text, ['config-access-token', 'second-line-9876']);
  });
});

describe('SecretRegistry: the one secret set', () => {
  it('knows the derived forms: URL- and form-encoded, JSON-escaped, the Basic header and its base64', () => {
    const secrets = new SecretRegistry();
    secrets.addClientCredentials(CLIENT_ID, CLIENT_SECRET);
    const text = [
      `Authorization: Basic ${BASIC}`,
      `b64=${BASIC.replace(/=+$/, '')}`,
      `q=${encodeURIComponent(CLIENT_SECRET)}`,
      `f=${new URLSearchParams({ s: CLIENT_SECRET }).toString()}`,
      `j=${JSON.stringify(JSON.stringify({ s: CLIENT_SECRET }))}`,
      `client_id=${CLIENT_ID}`,
    ].join('\n');
    const clean = secrets.scrub(text);
    expectNoLeak(clean);
    expect(clean).toContain(`client_id=${CLIENT_ID}`); // not a secret
    expect(secrets.forms()).toContain(`Basic ${BASIC}`);
  });

  it('masks a multi-line token before and after one-lining, and cuts only after masking', () => {
    const secrets = new SecretRegistry();
    secrets.add('line-one-of-token\r\nline-two-of-token');
    expect(secrets.scrub('a line-one-of-token line-two-of-token b')).toBe('a **** b');
    expect(secrets.scrub('x line-two-of-token')).toBe('x ****');
    const cut = secrets.cut(`${'p'.repeat(10)}line-one-of-token`, 20);
    expect(cut).toBe(`${'p'.repeat(10)}****`);
  });
});

describe('token acquisition has one deadline and one retry budget', () => {
  it('a token endpoint that accepts and never answers is given up on at the deadline, not retried per request', async () => {
    const silent = await server(() => undefined); // reads the request, never answers
    const tokens = tokenManager(`${silent.url}/token`, { retry: tokenRetry({ sleep: recordingSleep() }, { deadlineMs: 1500 }) });
    const http = new QboHttpClient({ ...HTTP_SETTINGS, retry: apiRetry({ sleep: recordingSleep() }), tokens, limiter: createRequestLimiter({ maxConcurrent: 2 }), logger: recordingLogger() });
    const error = await http.requestJson({ url: `http://127.0.0.1:9/v3/company/${REALM}/companyinfo/${REALM}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenEndpointDownError);
    expect((error as Error).message).toMatch(/^Could not reach Intuit's token endpoint \(timed out\); gave up after 1 attempt\(s\) in \d+ s/);
    // One clause, no advice about requests_per_minute, and no data request was retried around it.
    expect((error as Error).message.match(/gave up/g)).toHaveLength(1);
    expect((error as Error).message).not.toContain('requests_per_minute');
    expect(http.stats.requests).toBe(0);
    expect(http.stats.retries).toBe(0);
    expect(silent.requests).toHaveLength(1);
  });

  it('a 503 storm: the token endpoint is tried maxRetries + 1 times in all, however many request retries remain', async () => {
    const down = await server((_req, res) => sendJson(res, 503, {}));
    const tokens = tokenManager(`${down.url}/token`, { retry: tokenRetry({ sleep: recordingSleep() }, { retries: 3 }) });
    const http = new QboHttpClient({ ...HTTP_SETTINGS, retry: apiRetry({ sleep: recordingSleep() }), tokens, limiter: createRequestLimiter({ maxConcurrent: 2 }), logger: recordingLogger() });
    const error = await http.requestJson({ url: `http://127.0.0.1:9/v3/company/${REALM}/query` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenEndpointDownError);
    expect(down.requests).toHaveLength(4);
    expect(http.stats.retries).toBe(0);
  });
});

describe('decompressed size limits', () => {
  // 6 MiB of zeros gzip to a few KB: more than an error or token answer may unpack to.
  const bomb = gzipSync(Buffer.alloc(6 * 1024 * 1024));

  it('a gzip bomb as an error answer or as the token answer is cut at its ceiling, never read whole', async () => {
    const api = await server((_req, res) => {
      res.writeHead(503, { 'content-encoding': 'gzip', 'content-type': 'text/plain' });
      res.end(bomb);
    });
    const http = new QboHttpClient({ ...HTTP_SETTINGS, retry: apiRetry({ sleep: recordingSleep() }, { retries: 1 }), tokens: fakeTokens(), limiter: createRequestLimiter({ maxConcurrent: 2 }), logger: recordingLogger() });
    const error = await http.requestJson({ url: `${api.url}/v3/company/${REALM}/query` }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('exceeds 4 MiB once decompressed');
    expect(bomb.length).toBeLessThan(64 * 1024);

    const tokenEndpoint = await server((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      res.end(bomb);
    });
    const tokenError = await tokenManager(`${tokenEndpoint.url}/token`).getAccessToken().catch((e: unknown) => e);
    expect(tokenError).toBeInstanceOf(TokenEndpointDownError);
    expect((tokenError as Error).message).toContain('exceeds 4 MiB once decompressed');
  });
});

