// JSON nested 200,000 levels deep from a hostile server on loopback, at each network entry point
// (query page, CDC, report, token endpoint): a clear error naming the limit, never "Maximum call
// stack size exceeded", and no retry (asking again would get the same answer).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAirbyte } from '../../src/cdk/airbyte/runner.js';
import { JsonTooDeepError } from '../../src/cdk/io/json-depth.js';
import { QboHttpClient } from '../../src/qbo/http-client.js';
import { parseQueryBody } from '../../src/qbo/query-body-parser.js';
import { createRequestLimiter } from '../../src/qbo/request-limiter.js';
import { TokenManager } from '../../src/qbo/token-manager.js';
import { QuickBooksSource } from '../../src/source.js';
import { CaptureStream } from '../cdk/helpers.js';
import { startHostileServer, type HostileServer } from '../support/hostile-server.js';
import { tempDir } from '../support/temp-dir.js';
import { fakeTokens, HTTP_SETTINGS, recordingLogger, recordingSleep, apiRetry, tokenRetry } from './support.js';

const REALM = '9130350000000000';
const N = 200_000;
const DEEP = '['.repeat(N) + ']'.repeat(N);
/** A query page whose one invoice carries the 200,000 nested arrays. */
const DEEP_PAGE = `{"QueryResponse":{"Invoice":[{"Id":"1","Deep":${DEEP}}],"startPosition":1,"maxResults":1},"time":"2024-05-01T10:00:00.000-07:00"}`;

const servers: HostileServer[] = [];
async function server(body: (url: string) => string | undefined): Promise<HostileServer> {
  const started = await startHostileServer((req, res) => {
    const text = body(req.url) ?? JSON.stringify({ access_token: 'access-ok', refresh_token: 'refresh-ok', expires_in: 3600 });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  });
  servers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function client(): QboHttpClient {
  return new QboHttpClient({ ...HTTP_SETTINGS, retry: apiRetry({ sleep: recordingSleep() }), tokens: fakeTokens(), limiter: createRequestLimiter({ maxConcurrent: 2 }), logger: recordingLogger() });
}

describe('JSON nested 200,000 deep from the network', () => {
  it('an Airbyte read whose query page holds such a record: one system_error naming the stream and the limit, exit 1', async () => {
    const api = await server((url) => (url.includes('/query') ? (/COUNT/i.test(decodeURIComponent(url)) ? '{"QueryResponse":{"totalCount":1}}' : DEEP_PAGE) : undefined));
    const dir = tempDir('deep-json-');
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ client_id: 'id', client_secret: 'secret', refresh_token: 'refresh', realm_id: REALM, start_date: '2024-01-01T00:00:00Z', use_batch: false }));
    const catalog = join(dir, 'catalog.json');
    const stream = { name: 'invoices', json_schema: {}, supported_sync_modes: ['full_refresh'] };
    writeFileSync(catalog, JSON.stringify({ streams: [{ stream, sync_mode: 'full_refresh', destination_sync_mode: 'overwrite' }] }));
    const stdout = new CaptureStream();
    const env = { QBO_TOKEN_URL: `${api.url}/token`, QBO_BASE_URL: api.url };
    const code = await runAirbyte(new QuickBooksSource({ env }), ['read', '--config', config, '--catalog', catalog], { stdout, stderr: new CaptureStream(), env: {}, handleSignals: false });
    expect(code).toBe(1);
    const traces = stdout.messages().filter((m) => m['type'] === 'TRACE' && (m['trace'] as { type: string }).type === 'ERROR') as Array<{ trace: { error: Record<string, unknown> } }>;
    expect(traces.length).toBeGreaterThan(0);
    const error = traces[0]!.trace.error;
    expect(error['failure_type']).toBe('system_error');
    expect(String(error['message'])).toMatch(/^Stream "invoices": A record in QuickBooks' answer to a query exceeds a nesting depth of 256 /);
    expect(stdout.text).not.toMatch(/call stack/i);
    // Asked once: the answer is not retried.
    expect(api.requests.filter((r) => r.url.includes('/query') && !/COUNT/i.test(decodeURIComponent(r.url)))).toHaveLength(1);
  });

  it('a query page read as bytes (the pooled path) is refused before any record is built', () => {
    expect(() => parseQueryBody(Buffer.from(DEEP_PAGE))).toThrow(JsonTooDeepError);
    expect(() => parseQueryBody(Buffer.from(DEEP_PAGE))).toThrow("A record in QuickBooks' answer to a query exceeds a nesting depth of 256");
  });

  for (const [name, path] of [
    ['a CDC answer', `/v3/company/${REALM}/cdc`],
    ['a report', `/v3/company/${REALM}/reports/ProfitAndLoss`],
  ] as const) {
    it(`${name}: JsonTooDeepError naming the request, asked once`, async () => {
      const api = await server(() => `{"CDCResponse":[{"QueryResponse":[{"Invoice":[{"Id":"1","x":${DEEP}}]}]}],"Rows":${DEEP}}`);
      const error = await client()
        .requestJson({ url: `${api.url}${path}` })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JsonTooDeepError);
      expect((error as Error).message).toContain(`QuickBooks' answer to GET ${path} exceeds a nesting depth of 256`);
      expect(api.requests).toHaveLength(1);
    });
  }

  it("the token endpoint's answer: JsonTooDeepError, not retried and not called unreachable", async () => {
    const tokens = await server(() => `{"access_token":"a","refresh_token":"r","expires_in":3600,"x":${DEEP}}`);
    const manager = new TokenManager({
      clientId: 'id',
      clientSecret: 'secret',
      refreshToken: 'refresh',
      tokenUrl: `${tokens.url}/token`,
      logger: recordingLogger(),
      onRefresh: async () => undefined,
      retry: tokenRetry({ sleep: recordingSleep() }),
    });
    const error = await manager.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JsonTooDeepError);
    expect((error as Error).message).toContain("Intuit's token endpoint's answer exceeds a nesting depth of 256");
    expect(tokens.requests).toHaveLength(1);
  });
});
