import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAirbyte, type AirbyteRunnerIo } from '../../src/cdk/airbyte/runner.js';
import { ConfigError } from '../../src/cdk/core/errors.js';
import type { AirbyteConnectionStatus, JsonObject } from '../../src/cdk/core/protocol.js';
import type { RunContext, Source } from '../../src/cdk/core/source-interface.js';
import type { Stream } from '../../src/cdk/core/stream.js';
import { CaptureStream, FakeStream, sleep } from './helpers.js';
import { tempDir } from '../support/temp-dir.js';

interface FakeConfig {
  apiKey: string;
  mode: string;
  raw: JsonObject;
}

const KEY = 'key-1234-very-secret';
const ROTATED = 'rotated-5678-secret';

/** A small source whose behaviour the config's "mode" picks. */
class FakeSource implements Source<FakeConfig> {
  peak = 0;
  private active = 0;
  /** Only defined when given, so the runner's default is exercised otherwise. */
  streamConcurrency?: (config: FakeConfig) => number;
  constructor(concurrency?: number) {
    if (concurrency !== undefined) this.streamConcurrency = () => concurrency;
  }
  spec() {
    return { connectionSpecification: { type: 'object', required: ['api_key'], properties: { api_key: { type: 'string', airbyte_secret: true } } } };
  }
  parseConfig(raw: JsonObject): FakeConfig {
    if (typeof raw['api_key'] !== 'string') throw new ConfigError('api_key is required: set it to your API key.');
    return { apiKey: raw['api_key'], mode: typeof raw['mode'] === 'string' ? raw['mode'] : 'ok', raw };
  }
  secretsOf(raw: JsonObject): string[] {
    return typeof raw['api_key'] === 'string' ? [raw['api_key']] : [];
  }
  async check(config: FakeConfig, ctx: RunContext): Promise<AirbyteConnectionStatus> {
    ctx.logger.info(`checking with ${config.apiKey}`);
    if (config.mode === 'check-config-error') throw new ConfigError(`The key ${config.apiKey} was rejected. Create a new key.`);
    if (config.mode === 'check-crash') throw new TypeError(`cannot read x of ${config.apiKey}`);
    if (config.mode === 'check-hangs') await sleep(5000); // a QBO that never answers
    return { status: 'SUCCEEDED' };
  }
  streams(config: FakeConfig, ctx: RunContext): Stream[] {
    const track = async <T>(body: () => Promise<T>): Promise<T> => {
      this.active++;
      this.peak = Math.max(this.peak, this.active);
      try {
        return await body();
      } finally {
        this.active--;
      }
    };
    return [
      new FakeStream('alpha', async function* (request) {
        if (config.mode === 'rotate') {
          ctx.secrets.add(ROTATED);
          await ctx.emitConfig({ ...config.raw, api_key: ROTATED });
          ctx.logger.info(`now using ${ROTATED}`);
        }
        await track(() => sleep(5));
        yield { type: 'records', records: [{ Id: '1', state: request.state ?? null }, { Id: '2' }] };
        yield { type: 'state', state: { cursor: '2024-01-02' } };
      }),
      new FakeStream('beta', async function* (request) {
        await track(() => sleep(5));
        if (config.mode === 'beta-fails') throw new Error(`beta broke using ${config.apiKey}`);
        if (config.mode === 'slow') await sleep(5000);
        yield { type: 'records', records: [{ Id: 'b1', sync: request.syncMode }] };
      }),
    ];
  }
}

const dir = tempDir('runner-');
let counter = 0;
function file(content: unknown): string {
  const path = join(dir, `f${counter++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function catalogOf(...streams: [string, string][]) {
  return {
    streams: streams.map(([name, syncMode]) => ({
      stream: { name, json_schema: {}, supported_sync_modes: ['full_refresh', 'incremental'] },
      sync_mode: syncMode,
      destination_sync_mode: 'append',
    })),
  };
}

async function cli(argv: string[], options: { source?: FakeSource; io?: AirbyteRunnerIo } = {}) {
  const stdout = new CaptureStream();
  const stderr = new CaptureStream();
  const code = await runAirbyte(options.source ?? new FakeSource(), argv, { stdout, stderr, handleSignals: false, env: {}, ...options.io });
  const lines = stdout.lines();
  const messages = lines.map((line) => JSON.parse(line) as JsonObject & { type: string }); // every line must be JSON
  const of = (type: string) => messages.filter((m) => m.type === type);
  const errorTraces = messages.filter((m) => m.type === 'TRACE' && (m['trace'] as JsonObject)['type'] === 'ERROR');
  return { code, stdout: stdout.text, stderr: stderr.text, messages, of, errorTraces };
}

function errorOf(trace: JsonObject): JsonObject {
  return (trace['trace'] as JsonObject)['error'] as JsonObject;
}

const goodConfig = () => file({ api_key: KEY });

describe('runAirbyte spec', () => {
  it('prints the SPEC and exits 0', async () => {
    const run = await cli(['spec']);
    expect(run.code).toBe(0);
    expect(run.messages).toEqual([{ type: 'SPEC', spec: new FakeSource().spec() }]);
  });

  it('turns bad arguments into one TRACE ERROR config_error and exit 1', async () => {
    const run = await cli(['sync', '--config', 'x']);
    expect(run.code).toBe(1);
    expect(run.messages).toHaveLength(1);
    expect(errorOf(run.errorTraces[0]!)).toMatchObject({ failure_type: 'config_error', message: expect.stringContaining('Unknown command "sync"') });
  });
});

describe('runAirbyte check', () => {
  it('reports SUCCEEDED and scrubs the key from logs', async () => {
    const run = await cli(['check', '--config', goodConfig()]);
    expect(run.code).toBe(0);
    expect(run.of('CONNECTION_STATUS')).toEqual([{ type: 'CONNECTION_STATUS', connectionStatus: { status: 'SUCCEEDED' } }]);
    expect(run.of('LOG')).toEqual([{ type: 'LOG', log: { level: 'INFO', message: 'checking with ****' } }]);
    expect(run.stdout).not.toContain(KEY);
  });

  it('reports FAILED naming the problem when the config does not parse, exit 0', async () => {
    const run = await cli(['check', '--config', file({ other: 1 })]);
    expect(run.code).toBe(0);
    expect(run.messages).toEqual([
      { type: 'CONNECTION_STATUS', connectionStatus: { status: 'FAILED', message: 'api_key is required: set it to your API key.' } },
    ]);
  });

  it('reports FAILED when the check raises a ConfigError, scrubbed', async () => {
    const run = await cli(['check', '--config', file({ api_key: KEY, mode: 'check-config-error' })]);
    expect(run.code).toBe(0);
    expect(run.of('CONNECTION_STATUS')).toEqual([
      { type: 'CONNECTION_STATUS', connectionStatus: { status: 'FAILED', message: 'The key **** was rejected. Create a new key.' } },
    ]);
  });

  it('turns an unexpected check failure into one TRACE ERROR system_error, exit 1, scrubbed', async () => {
    const run = await cli(['check', '--config', file({ api_key: KEY, mode: 'check-crash' })]);
    expect(run.code).toBe(1);
    expect(run.errorTraces).toHaveLength(1);
    expect(run.of('CONNECTION_STATUS')).toHaveLength(0);
    expect(errorOf(run.errorTraces[0]!)).toMatchObject({ failure_type: 'system_error', message: 'Unexpected error: TypeError: cannot read x of ****' });
    expect(run.stdout).not.toContain(KEY);
  });

  it.each([
    ['missing', () => join(dir, 'missing.json'), /does not exist/],
    ['not JSON', () => file('{"api_key": '), /is not valid JSON/],
    ['an array', () => file([1]), /holds an array/],
    ['empty', () => file(''), /is empty/],
  ])('a config file that is %s gives one TRACE ERROR config_error and exit 1', async (_label, path, pattern) => {
    const run = await cli(['check', '--config', path()]);
    expect(run.code).toBe(1);
    expect(run.messages).toHaveLength(1);
    expect(errorOf(run.errorTraces[0]!)).toMatchObject({ failure_type: 'config_error', message: expect.stringMatching(pattern) });
  });
});

describe('runAirbyte discover', () => {
  it('prints the CATALOG of every stream', async () => {
    const run = await cli(['discover', '--config', goodConfig()]);
    expect(run.code).toBe(0);
    const catalogs = run.of('CATALOG') as unknown as { catalog: { streams: { name: string }[] } }[];
    expect(catalogs).toHaveLength(1);
    expect(catalogs[0]!.catalog.streams.map((s) => s.name)).toEqual(['alpha', 'beta']);
  });

  it('a config that does not parse gives one TRACE ERROR config_error and exit 1', async () => {
    const run = await cli(['discover', '--config', file({})]);
    expect(run.code).toBe(1);
    expect(run.messages).toHaveLength(1);
    expect(errorOf(run.errorTraces[0]!)).toMatchObject({ failure_type: 'config_error', message: 'api_key is required: set it to your API key.' });
  });
});

describe('runAirbyte read', () => {
  it('reads the configured streams with statuses, states and counts, exit 0', async () => {
    const state = file([{ type: 'STREAM', stream: { stream_descriptor: { name: 'alpha' }, stream_state: { cursor: '2024-01-01' } } }]);
    const run = await cli(['read', '--config', goodConfig(), '--catalog', file(catalogOf(['alpha', 'incremental'], ['beta', 'full_refresh'])), '--state', state]);
    expect(run.code).toBe(0);
    expect(run.errorTraces).toHaveLength(0);
    const records = run.of('RECORD') as unknown as { record: { stream: string; data: JsonObject } }[];
    expect(records.map((r) => r.record.data)).toEqual(expect.arrayContaining([{ Id: '1', state: { cursor: '2024-01-01' } }, { Id: '2' }, { Id: 'b1', sync: 'full_refresh' }]));
    expect(run.of('STATE')).toEqual([
      { type: 'STATE', state: { type: 'STREAM', stream: { stream_descriptor: { name: 'alpha' }, stream_state: { cursor: '2024-01-02' } }, sourceStats: { recordCount: 2 } } },
    ]);
    for (const name of ['alpha', 'beta']) {
      const statuses = run.messages.flatMap((m) => {
        const trace = m['trace'] as { type: string; stream_status?: { stream_descriptor: { name: string }; status: string } } | undefined;
        return trace?.type === 'STREAM_STATUS' && trace.stream_status!.stream_descriptor.name === name ? [trace.stream_status!.status] : [];
      });
      expect(statuses).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    }
  });

  it('accepts an empty state file', async () => {
    const run = await cli(['read', '--config', goodConfig(), '--catalog', file(catalogOf(['alpha', 'incremental'])), '--state', file('')]);
    expect(run.code).toBe(0);
    expect(run.of('RECORD')).toHaveLength(2);
  });

  it('writes CONTROL with the rotated config unscrubbed, and scrubs the new secret elsewhere', async () => {
    const run = await cli(['read', '--config', file({ api_key: KEY, mode: 'rotate' }), '--catalog', file(catalogOf(['alpha', 'full_refresh']))]);
    expect(run.code).toBe(0);
    const control = run.of('CONTROL');
    expect(control).toHaveLength(1);
    expect(control[0]).toMatchObject({ control: { type: 'CONNECTOR_CONFIG', connectorConfig: { config: { api_key: ROTATED, mode: 'rotate' } } } });
    expect(run.of('LOG')).toContainEqual({ type: 'LOG', log: { level: 'INFO', message: 'now using ****' } });
    const outsideControl = run.messages.filter((m) => m.type !== 'CONTROL').map((m) => JSON.stringify(m)).join('\n');
    expect(outsideControl).not.toContain(ROTATED);
  });

  it('calls prepareRead with the configured streams and input state before reading', async () => {
    const source = new FakeSource();
    const seen: string[] = [];
    Object.assign(source, {
      prepareRead: (_config: FakeConfig, _ctx: RunContext, catalog: { stream: { name: string } }[], state: Map<string, JsonObject>) =>
        seen.push(`${catalog.map((c) => c.stream.name).join(',')}|${JSON.stringify([...state])}`),
    });
    const state = file({ alpha: { cursor: 'x' } });
    const run = await cli(['read', '--config', goodConfig(), '--catalog', file(catalogOf(['alpha', 'incremental'])), '--state', state], { source });
    expect(run.code).toBe(0);
    expect(seen).toEqual(['alpha|[["alpha",{"cursor":"x"}]]']);
  });

  it('uses the source\'s stream concurrency', async () => {
    const source = new FakeSource(1);
    await cli(['read', '--config', goodConfig(), '--catalog', file(catalogOf(['alpha', 'full_refresh'], ['beta', 'full_refresh']))], { source });
    expect(source.peak).toBe(1);
    const parallel = new FakeSource();
    await cli(['read', '--config', goodConfig(), '--catalog', file(catalogOf(['alpha', 'full_refresh'], ['beta', 'full_refresh']))], { source: parallel });
    expect(parallel.peak).toBe(2);
  });

  it('a failing stream gives exactly one TRACE ERROR (its own) and exit 1', async () => {
    const run = await cli(['read', '--config', file({ api_key: KEY, mode: 'beta-fails' }), '--catalog', file(catalogOf(['alpha', 'full_refresh'], ['beta', 'full_refresh']))]);
    expect(run.code).toBe(1);
    expect(run.errorTraces).toHaveLength(1);
    expect(errorOf(run.errorTraces[0]!)).toMatchObject({
      failure_type: 'system_error',
      stream_descriptor: { name: 'beta' },
      message: 'Unexpected error while reading stream "beta": Error: beta broke using ****',
    });
    expect(run.of('RECORD')).toHaveLength(2); // alpha still finished
    expect(run.stdout).not.toContain(KEY);
  });

  const good = () => file(catalogOf(['alpha', 'full_refresh']));
  it.each([
    ['a missing catalog', () => ['--catalog', join(dir, 'nope.json')], /Cannot read the catalog file/],
    ['a catalog that is not JSON', () => ['--catalog', file('{streams')], /catalog file .* is not valid JSON/],
    ['a catalog with the wrong types', () => ['--catalog', file({ streams: 'alpha' })], /"streams" must be an array/],
    ['an invalid sync mode', () => ['--catalog', file(catalogOf(['alpha', 'INVALID']))], /sync_mode "INVALID"/],
    ['a missing state file', () => ['--catalog', good(), '--state', join(dir, 'nostate.json')], /Cannot read the state file/],
    ['a state file that is not JSON', () => ['--catalog', good(), '--state', file('[{')], /state file .* is not valid JSON/],
    ['a malformed state', () => ['--catalog', good(), '--state', file([{ type: 'STREAM', stream: { stream_descriptor: { name: 'alpha' }, stream_state: 5 } }])], /stream "alpha"\) has a stream_state that is not an object/],
    ['a state that is a string', () => ['--catalog', good(), '--state', file('"x"')], /holds a string/],
  ])('%s gives exactly one TRACE ERROR config_error, no records, exit 1', async (_label, args, pattern) => {
    const run = await cli(['read', '--config', goodConfig(), ...args()]);
    expect(run.code).toBe(1);
    expect(run.messages).toHaveLength(1);
    expect(run.errorTraces).toHaveLength(1);
    expect(errorOf(run.errorTraces[0]!)).toMatchObject({ failure_type: 'config_error', message: expect.stringMatching(pattern) });
  });

  it('an unknown stream fails alone, as in the Python CDK: INCOMPLETE and its TRACE ERROR, the others sync, exit 1', async () => {
    const ghost = '__AIRBYTE__stream_that_does_not_exist';
    const run = await cli(['read', '--config', goodConfig(), '--catalog', file(catalogOf([ghost, 'full_refresh'], ['alpha', 'full_refresh']))]);
    expect(run.code).toBe(1);
    expect(run.errorTraces).toHaveLength(1);
    expect(errorOf(run.errorTraces[0]!)).toMatchObject({
      failure_type: 'config_error',
      stream_descriptor: { name: ghost },
      message: expect.stringMatching(/not offered by this source \(available: alpha, beta\)/),
    });
    const statuses = run.of('TRACE').flatMap((m) => {
      const status = (m['trace'] as JsonObject)['stream_status'] as JsonObject | undefined;
      return status ? [`${String((status['stream_descriptor'] as JsonObject)['name'])}:${String(status['status'])}`] : [];
    });
    expect(statuses).toEqual(expect.arrayContaining([`${ghost}:INCOMPLETE`, 'alpha:COMPLETE']));
    expect(statuses).not.toContain(`${ghost}:STARTED`);
    expect(run.of('RECORD').length).toBeGreaterThan(0);
  });

  it('a missing config file gives one TRACE ERROR and exit 1', async () => {
    const run = await cli(['read', '--config', join(dir, 'none.json'), '--catalog', good()]);
    expect(run.code).toBe(1);
    expect(run.messages).toHaveLength(1);
    expect(errorOf(run.errorTraces[0]!)['failure_type']).toBe('config_error');
  });

  it('an abort stops the read: streams INCOMPLETE, one transient TRACE ERROR, non-zero exit', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort('SIGTERM'), 30);
    const started = Date.now();
    const run = await cli(['read', '--config', file({ api_key: KEY, mode: 'slow' }), '--catalog', file(catalogOf(['beta', 'full_refresh']))], {
      io: { signal: controller.signal },
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(run.code).not.toBe(0);
    expect(run.errorTraces).toHaveLength(1);
    expect(errorOf(run.errorTraces[0]!)).toMatchObject({ failure_type: 'transient_error', message: expect.stringContaining('interrupted') });
    const last = run.messages.filter((m) => (m['trace'] as JsonObject | undefined)?.['type'] === 'STREAM_STATUS').at(-1);
    expect(last).toMatchObject({ trace: { stream_status: { status: 'INCOMPLETE' } } });
  });

  it('SIGTERM aborts the read and exits 143, then removes its handlers', async () => {
    const before = process.listenerCount('SIGTERM');
    setTimeout(() => process.emit('SIGTERM', 'SIGTERM'), 30);
    const run = await cli(['read', '--config', file({ api_key: KEY, mode: 'slow' }), '--catalog', file(catalogOf(['beta', 'full_refresh']))], {
      io: { handleSignals: true },
    });
    expect(run.code).toBe(143);
    expect(run.errorTraces).toHaveLength(1);
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});

describe('runAirbyte spec, check and discover under signals', () => {
  it('SIGTERM during a check that hangs exits 143 at once: one transient TRACE ERROR, handlers removed', async () => {
    const before = [process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')];
    setTimeout(() => process.emit('SIGTERM', 'SIGTERM'), 30);
    const run = await cli(['check', '--config', file({ api_key: KEY, mode: 'check-hangs' })], { io: { handleSignals: true } });
    expect(run.code).toBe(143);
    expect(run.of('CONNECTION_STATUS')).toHaveLength(0);
    expect(run.errorTraces).toHaveLength(1);
    expect(errorOf(run.errorTraces[0]!)).toMatchObject({ failure_type: 'transient_error', message: 'check was interrupted (SIGTERM) before it finished. Run it again.' });
    expect([process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')]).toEqual(before);
  });

  it('SIGINT exits 130', async () => {
    setTimeout(() => process.emit('SIGINT', 'SIGINT'), 30);
    const run = await cli(['check', '--config', file({ api_key: KEY, mode: 'check-hangs' })], { io: { handleSignals: true } });
    expect(run.code).toBe(130);
    expect(errorOf(run.errorTraces[0]!)['message']).toContain('(SIGINT)');
  });

  it.each(['spec', 'discover'])('an abort before %s finishes stops it with one TRACE ERROR', async (command) => {
    const controller = new AbortController();
    controller.abort('SIGTERM');
    const argv = command === 'spec' ? ['spec'] : ['discover', '--config', goodConfig()];
    const run = await cli(argv, { io: { signal: controller.signal } });
    expect(run.code).toBe(1); // an outer abort is not a signal the process received
    expect(run.messages.map((m) => m.type)).toEqual(['TRACE']);
    expect(errorOf(run.errorTraces[0]!)['message']).toBe(`${command} was interrupted (SIGTERM) before it finished. Run it again.`);
  });
});

describe('runAirbyte output failures', () => {
  it('ends quietly with exit 1 when stdout is closed (EPIPE)', async () => {
    const stdout = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const stderr = new CaptureStream();
    const code = await runAirbyte(new FakeSource(), ['read', '--config', goodConfig(), '--catalog', file(catalogOf(['alpha', 'full_refresh']))], {
      stdout,
      stderr,
      handleSignals: false,
    });
    expect(code).toBe(1);
    expect(stderr.lines()).toHaveLength(1);
    expect(stderr.text).toContain('EPIPE');
  });
});
