import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/cdk/core/errors.js';
import type { AirbyteConnectionStatus, AirbyteStream, JsonObject } from '../../src/cdk/core/protocol.js';
import type { RunContext, Source } from '../../src/cdk/core/source-interface.js';
import type { Stream, StreamEvent, StreamReadRequest } from '../../src/cdk/core/stream.js';
import { runSinger, type SingerRunnerIo } from '../../src/cdk/singer/runner.js';
import type { SingerCatalog } from '../../src/cdk/singer/catalog.js';
import { CaptureStream } from './helpers.js';
import { checkSingerOutput } from './singer-conformance.js';
import { tempDir } from '../support/temp-dir.js';

const SECRET = 'client-secret-abcdef';
const OLD_TOKEN = 'refresh-old-111111';
const NEW_TOKEN = 'refresh-new-222222';

interface Config {
  raw: JsonObject;
  mode: string;
}

class TestStream implements Stream {
  requests: StreamReadRequest[] = [];
  constructor(
    readonly name: string,
    private readonly body: (request: StreamReadRequest) => AsyncIterable<StreamEvent>,
    private readonly incremental = true,
  ) {}
  describe(): AirbyteStream {
    return {
      name: this.name,
      json_schema: {
        type: 'object',
        properties: { Id: { type: 'string' }, Memo: { type: ['null', 'string'] }, airbyte_cursor: { type: 'string' } },
      },
      supported_sync_modes: this.incremental ? ['full_refresh', 'incremental'] : ['full_refresh'],
      ...(this.incremental ? { source_defined_cursor: true, default_cursor_field: ['airbyte_cursor'] } : {}),
      source_defined_primary_key: [['Id']],
    };
  }
  read(request: StreamReadRequest): AsyncIterable<StreamEvent> {
    this.requests.push(request);
    return this.body(request);
  }
}

class TestSource implements Source<Config> {
  streamsMade: TestStream[] = [];
  spec() {
    return {
      connectionSpecification: {
        type: 'object',
        required: ['client_secret', 'refresh_token'],
        properties: {
          client_secret: { type: 'string', airbyte_secret: true, description: 'The | secret' },
          refresh_token: { type: 'string', airbyte_secret: true },
          page_size: { type: 'integer', default: 1000 },
        },
      },
    };
  }
  parseConfig(raw: JsonObject): Config {
    if (typeof raw['client_secret'] !== 'string') throw new ConfigError('client_secret is required: copy it from the app page.');
    return { raw, mode: typeof raw['mode'] === 'string' ? raw['mode'] : 'ok' };
  }
  secretsOf(raw: JsonObject): string[] {
    return [raw['client_secret'], raw['refresh_token']].filter((v): v is string => typeof v === 'string');
  }
  async check(): Promise<AirbyteConnectionStatus> {
    return { status: 'SUCCEEDED' };
  }
  streams(config: Config, ctx: RunContext): Stream[] {
    this.streamsMade = [
      new TestStream('invoices', async function* (request) {
        if (config.mode === 'rotate') {
          await ctx.emitConfig({ ...config.raw, refresh_token: NEW_TOKEN });
          ctx.logger.info(`rotated to ${NEW_TOKEN} using ${SECRET}`);
        }
        if (config.mode === 'crash') throw new Error(`exploded with ${SECRET}`);
        if (config.mode === 'hang') await new Promise((resolve) => setTimeout(resolve, 5000)); // a QBO that never answers
        yield { type: 'records', records: [{ Id: '1', Memo: 'm', airbyte_cursor: 'c1', seen: request.state ?? null }] };
        yield { type: 'records', records: [{ Id: '2', Memo: SECRET, airbyte_cursor: 'c2', _ab_cdc_deleted_at: '2024-01-01T00:00:00Z' }] };
        yield { type: 'state', state: { cursor: 'c2' } };
      }),
      new TestStream(
        'report',
        async function* () {
          yield { type: 'records', records: [{ Id: 'r' }] };
        },
        false,
      ),
    ];
    return this.streamsMade;
  }
}

const dir = tempDir('singer-runner-');
let counter = 0;
function file(content: unknown, mode = 0o644): string {
  const path = join(dir, `f${counter++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content), { mode });
  return path;
}

const baseConfig = { client_secret: SECRET, refresh_token: OLD_TOKEN };

async function tap(argv: string[], options: { source?: TestSource; io?: SingerRunnerIo; tokenStoreEnvVar?: string } = {}) {
  const stdout = new CaptureStream();
  const stderr = new CaptureStream();
  const source = options.source ?? new TestSource();
  const code = await runSinger(source, argv, {
    name: 'tap-test',
    description: 'A test tap.',
    version: '1.2.3',
    ...(options.tokenStoreEnvVar ? { tokenStoreEnvVar: options.tokenStoreEnvVar } : {}),
    io: { stdout, stderr, env: {}, handleSignals: false, ...options.io },
  });
  return { code, stdout: stdout.text, stderr: stderr.text, source };
}

describe('runSinger', () => {
  it('--about prints the Meltano about JSON with the spec as settings (plus token_store_path); markdown renders a table', async () => {
    const json = await tap(['--about', '--format', 'json']);
    expect(json.code).toBe(0);
    const about = JSON.parse(json.stdout) as JsonObject;
    expect(about).toMatchObject({ name: 'tap-test', description: 'A test tap.', version: '1.2.3', capabilities: ['catalog', 'properties', 'discover', 'state', 'about', 'activate-version'] });
    expect(Object.keys((about['settings'] as JsonObject)['properties'] as JsonObject)).toEqual([
      'client_secret',
      'refresh_token',
      'page_size',
      'token_store_path',
    ]);
    expect((await tap(['--about'])).stdout).toBe(json.stdout);

    const markdown = await tap(['--about', '--format=markdown']);
    expect(markdown.stdout).toContain('| client_secret | True | None | The \\| secret (secret) |');
    expect(markdown.stdout).toContain('| page_size | False | 1000 |');
  });

  it('--version and --help print to stdout and exit 0', async () => {
    expect(await tap(['--version'])).toMatchObject({ code: 0, stdout: 'tap-test v1.2.3\n' });
    const help = await tap(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--catalog');
  });

  it('--discover prints the Singer catalog', async () => {
    const result = await tap(['--config', file(baseConfig), '--discover']);
    expect(result.code).toBe(0);
    const catalog = JSON.parse(result.stdout) as SingerCatalog;
    expect(catalog.streams.map((s) => s.tap_stream_id)).toEqual(['invoices', 'report']);
    expect(catalog.streams[1]?.metadata[0]?.metadata['forced-replication-method']).toBe('FULL_TABLE');
  });

  it('syncs every stream without a catalog, emitting valid Singer output, tombstones renamed, no secret anywhere', async () => {
    const result = await tap(['--config', file(baseConfig)]);
    expect(result.stderr).not.toMatch(/^ERROR/m);
    expect(result.code).toBe(0);
    const out = checkSingerOutput(result.stdout);
    expect([...out.records.keys()]).toEqual(['invoices', 'report']);
    expect(out.records.get('invoices')?.[1]).toMatchObject({ Id: '2', Memo: '****', _sdc_deleted_at: '2024-01-01T00:00:00Z' });
    expect(out.schemas.get('invoices')).toMatchObject({ key_properties: ['Id'], bookmark_properties: ['airbyte_cursor'] });
    expect(out.states.at(-1)).toEqual({ bookmarks: { invoices: { cursor: 'c2' } } });
    for (const secret of [SECRET, OLD_TOKEN]) expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it('FULL_TABLE streams: SCHEMA, then ACTIVATE_VERSION, then RECORDs carrying that version; INCREMENTAL streams have none', async () => {
    const before = Date.now();
    const result = await tap(['--config', file(baseConfig)]);
    expect(result.code).toBe(0);
    const out = checkSingerOutput(result.stdout);
    const report = out.messages.filter((m) => m['stream'] === 'report').map((m) => m.type);
    expect(report).toEqual(['SCHEMA', 'ACTIVATE_VERSION', 'RECORD']);
    const version = out.versions.get('report') as number;
    expect(version).toBeGreaterThanOrEqual(before);
    expect(out.messages.find((m) => m.type === 'RECORD' && m['stream'] === 'report')?.['version']).toBe(version);
    expect(out.versions.has('invoices')).toBe(false);
    expect(out.messages.filter((m) => m['stream'] === 'invoices' && 'version' in m)).toEqual([]);

    // The same stream read INCREMENTAL by choice gets no version; FULL_TABLE by choice does.
    const discovered = JSON.parse((await tap(['--config', file(baseConfig), '--discover'])).stdout) as SingerCatalog;
    for (const stream of discovered.streams) {
      const root = stream.metadata.find((m) => m.breadcrumb.length === 0);
      if (root) Object.assign(root.metadata, { selected: true, 'replication-method': 'FULL_TABLE' });
    }
    const chosen = checkSingerOutput((await tap(['--config', file(baseConfig), '--catalog', file(discovered)])).stdout);
    expect([...chosen.versions.keys()].sort()).toEqual(['invoices', 'report']);
  });

  it('honours a --catalog selection (stream, fields, replication method) and a tap-airbyte-wrapper --state', async () => {
    const discovered = JSON.parse((await tap(['--config', file(baseConfig), '--discover'])).stdout) as SingerCatalog;
    for (const stream of discovered.streams) {
      const root = stream.metadata.find((m) => m.breadcrumb.length === 0);
      if (root) root.metadata['selected'] = stream.tap_stream_id === 'invoices';
      for (const m of stream.metadata) if (m.breadcrumb[1] === 'Memo') m.metadata['selected'] = false;
    }
    const state = { value: { airbyte_state: [{ type: 'STREAM', stream: { stream_descriptor: { name: 'invoices' }, stream_state: { cursor: 'c0' } } }] } };
    const result = await tap(['--config', file(baseConfig), '--catalog', file(discovered), '--state', file(state)]);
    expect(result.code).toBe(0);
    const out = checkSingerOutput(result.stdout);
    expect([...out.records.keys()]).toEqual(['invoices']);
    expect(out.records.get('invoices')?.[0]).toEqual({ Id: '1', airbyte_cursor: 'c1', seen: { cursor: 'c0' } });
    expect(result.source.streamsMade[0]?.requests[0]?.syncMode).toBe('incremental');
    expect(result.source.streamsMade[1]?.requests).toEqual([]);

    // Legacy --properties works the same way.
    const legacy = await tap(['--config', file(baseConfig), '--properties', file(discovered)]);
    expect([...checkSingerOutput(legacy.stdout).records.keys()]).toEqual(['invoices']);
  });

  it('selects as singer-python: legacy schema.selected picks streams; a catalog that selects nothing syncs nothing, with a WARN', async () => {
    const discovered = JSON.parse((await tap(['--config', file(baseConfig), '--discover'])).stdout) as SingerCatalog;
    const nothing = await tap(['--config', file(baseConfig), '--catalog', file(discovered)]);
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toBe('');
    expect(nothing.stderr).toMatch(/^WARN The catalog selects no stream: nothing to sync\./m);
    expect(nothing.source.streamsMade.every((s) => s.requests.length === 0)).toBe(true);

    const legacy = { streams: discovered.streams.map((s) => ({ ...s, schema: { ...s.schema, selected: s.tap_stream_id === 'report' } })) };
    const picked = await tap(['--config', file(baseConfig), '--properties', file(legacy)]);
    expect(picked.code).toBe(0);
    expect([...checkSingerOutput(picked.stdout).records.keys()]).toEqual(['report']);
  });

  it('persists a rotated token to the last --config file and the token store, and reads the store back next run', async () => {
    const first = file({ client_secret: SECRET, mode: 'rotate' });
    const last = file({ refresh_token: OLD_TOKEN }, 0o640);
    const store = join(dir, `store-${counter++}.json`);
    const result = await tap(['--config', first, '--config', last], { io: { env: { TEST_STORE: store } }, tokenStoreEnvVar: 'TEST_STORE' });
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(last, 'utf8'))).toEqual({ refresh_token: NEW_TOKEN });
    expect(statSync(last).mode & 0o777).toBe(0o640);
    expect(JSON.parse(readFileSync(first, 'utf8'))).toEqual({ client_secret: SECRET, mode: 'rotate' });
    expect(JSON.parse(readFileSync(store, 'utf8'))).toEqual({ refresh_token: NEW_TOKEN });
    expect(statSync(store).mode & 0o777).toBe(0o600);
    for (const secret of [SECRET, OLD_TOKEN, NEW_TOKEN]) expect(result.stdout + result.stderr).not.toContain(secret);
    expect(result.stderr).toContain('Saved the changed config keys (refresh_token)');

    // Meltano passes a fresh temporary config with the old token: the store wins.
    const source = new TestSource();
    let seen: unknown;
    source.parseConfig = (raw) => ((seen = raw['refresh_token']), { raw, mode: 'ok' });
    const next = await tap(['--config', file({ ...baseConfig, token_store_path: store }), '--discover'], { source });
    expect(next.code).toBe(0);
    expect(seen).toBe(NEW_TOKEN);
  });

  it('fails with one scrubbed stderr line and exit 1: bad args, missing config, invalid config, crashing stream', async () => {
    const badArgs = await tap(['--nope']);
    expect(badArgs.code).toBe(1);
    expect(badArgs.stdout).toBe('');
    expect(badArgs.stderr).toMatch(/^ERROR .*--nope/);

    const missing = await tap(['--config', join(dir, 'missing.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);

    const invalid = await tap(['--config', file({ refresh_token: OLD_TOKEN })]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toBe('ERROR client_secret is required: copy it from the app page.\n');

    const crash = await tap(['--config', file({ ...baseConfig, mode: 'crash' })]);
    expect(crash.code).toBe(1);
    checkSingerOutput(crash.stdout);
    const errors = crash.stderr.split('\n').filter((line) => line.startsWith('ERROR'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Stream "invoices" failed');
    expect(crash.stderr).not.toContain(SECRET);
    expect(crash.stderr).not.toContain('    at ');

    const debug = await tap(['--config', file({ ...baseConfig, mode: 'crash' }), '--debug']);
    expect(debug.stderr).toContain('    at ');
  });
});

describe('runSinger under signals', () => {
  it('SIGINT during a sync that hangs exits 130, reports the interruption on stderr, removes its handlers', async () => {
    const before = [process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')];
    setTimeout(() => process.emit('SIGINT', 'SIGINT'), 30);
    const run = await tap(['--config', file({ ...baseConfig, mode: 'hang' })], { io: { handleSignals: true } });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('WARN Received SIGINT: stopping');
    expect(run.stderr).toMatch(/^ERROR .*interrupted \(SIGINT\)/m);
    expect([process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')]).toEqual(before);
  });

  it.each([['--discover'], ['--about', '--format', 'json']])('an abort before %s finishes stops it with one ERROR line', async (...flags) => {
    const controller = new AbortController();
    controller.abort('SIGTERM');
    const run = await tap(['--config', file(baseConfig), ...flags], { io: { signal: controller.signal } });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^ERROR .* was interrupted \(SIGTERM\) before it finished\. Run it again\.\n$/);
  });
});
