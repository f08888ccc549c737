import { describe, expect, it } from 'vitest';
import { ConfigError, TransientError } from '../../src/cdk/core/errors.js';
import { silentLogger } from '../../src/cdk/core/logger.js';
import type { ConfiguredAirbyteStream, JsonObject, SyncMode } from '../../src/cdk/core/protocol.js';
import { readStreams, SyncFailedError } from '../../src/cdk/run/read-driver.js';
import type { StreamEvent } from '../../src/cdk/core/stream.js';
import { describeStream, FakeStream, RecordingSink, sleep } from './helpers.js';

function configured(name: string, syncMode: SyncMode = 'full_refresh', cursorField?: string[]): ConfiguredAirbyteStream {
  const entry: ConfiguredAirbyteStream = { stream: describeStream(name), sync_mode: syncMode, destination_sync_mode: 'append' };
  if (cursorField) entry.cursor_field = cursorField;
  return entry;
}

function page(n: number, from = 0): StreamEvent {
  return { type: 'records', records: Array.from({ length: n }, (_, i) => ({ Id: String(from + i) })) };
}

function fixed(name: string, events: StreamEvent[]): FakeStream {
  return new FakeStream(name, async function* () {
    yield* events;
  });
}

type RunExtra = { state?: Map<string, JsonObject>; concurrency?: number; signal?: AbortSignal; rejected?: { stream: string; error: ConfigError }[] };

async function run(streams: FakeStream[], catalog: ConfiguredAirbyteStream[], extra: RunExtra = {}) {
  const sink = new RecordingSink();
  let error: unknown;
  try {
    await readStreams({
      streams,
      catalog,
      state: extra.state ?? new Map(),
      sink,
      logger: silentLogger,
      concurrency: extra.concurrency ?? 4,
      ...(extra.signal ? { signal: extra.signal } : {}),
      ...(extra.rejected ? { rejected: extra.rejected } : {}),
    });
  } catch (e) {
    error = e;
  }
  return { sink, error };
}

describe('readStreams', () => {
  it('forwards events in order between STARTED, RUNNING and COMPLETE, counting records per state', async () => {
    const stream = fixed('invoices', [
      { type: 'estimate', rowEstimate: 9 },
      page(2),
      page(3, 2),
      { type: 'state', state: { cursor: 'a' } },
      page(4, 5),
      { type: 'state', state: { cursor: 'b' } },
      { type: 'state', state: { cursor: 'c' } },
    ]);
    const { sink, error } = await run([stream], [configured('invoices')]);
    expect(error).toBeUndefined();
    expect(sink.calls.map((c) => (c.kind === 'records' ? `records:${c.records.length}` : c.kind === 'state' ? `state:${c.recordCount}` : c.kind === 'status' ? c.status : c.kind))).toEqual([
      'STARTED', 'RUNNING', 'estimate', 'records:2', 'records:3', 'state:5', 'records:4', 'state:4', 'state:0', 'COMPLETE',
    ]);
  });

  it('emits RUNNING even for a stream that yields nothing', async () => {
    const { sink } = await run([fixed('empty', [])], [configured('empty')]);
    expect(sink.statuses('empty')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
  });

  it('passes state only to incremental streams, with the configured cursor field and a signal', async () => {
    const inc = fixed('inc', []);
    const full = fixed('full', []);
    const state = new Map<string, JsonObject>([['inc', { cursor: 'x' }], ['full', { cursor: 'y' }]]);
    await run([inc, full], [configured('inc', 'incremental', ['updated']), configured('full')], { state });
    expect(inc.requests[0]).toMatchObject({ syncMode: 'incremental', cursorField: ['updated'], state: { cursor: 'x' } });
    expect(inc.requests[0]!.signal).toBeInstanceOf(AbortSignal);
    expect(full.requests[0]).toMatchObject({ syncMode: 'full_refresh', cursorField: undefined, state: undefined });
  });

  it('reads only the configured streams, in catalog order when sequential', async () => {
    const a = fixed('a', [page(1)]);
    const b = fixed('b', [page(1)]);
    const c = fixed('c', [page(1)]);
    const { sink } = await run([a, b, c], [configured('c'), configured('a')], { concurrency: 1 });
    expect(b.requests).toHaveLength(0);
    expect(sink.calls.filter((x) => x.kind === 'status' && x.status === 'STARTED').map((x) => (x as { stream: string }).stream)).toEqual(['c', 'a']);
  });

  it('never reads more streams at once than the concurrency limit', async () => {
    let active = 0;
    let peak = 0;
    const make = (name: string) =>
      new FakeStream(name, async function* () {
        active++;
        peak = Math.max(peak, active);
        await sleep(15);
        yield page(1);
        active--;
      });
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const { sink, error } = await run(names.map(make), names.map((n) => configured(n)), { concurrency: 2 });
    expect(error).toBeUndefined();
    expect(peak).toBe(2);
    for (const name of names) expect(sink.statuses(name)).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
  });

  it('keeps each stream\'s events in order while streams interleave', async () => {
    const make = (name: string, delay: number) =>
      new FakeStream(name, async function* () {
        for (let i = 0; i < 5; i++) {
          await sleep(delay);
          yield page(1, i);
          yield { type: 'state', state: { n: i } };
        }
      });
    const { sink } = await run([make('a', 3), make('b', 5)], [configured('a'), configured('b')]);
    for (const name of ['a', 'b']) {
      const states = sink.calls.flatMap((c) => (c.kind === 'state' && c.stream === name ? [c.state['n']] : []));
      expect(states).toEqual([0, 1, 2, 3, 4]);
    }
    const order = sink.calls.flatMap((c) => (c.kind === 'records' ? [c.stream] : []));
    expect(new Set(order.slice(0, 4)).size).toBe(2); // they really ran side by side
  });

  it('a rejected catalog entry fails alone: INCOMPLETE and its error, every other stream COMPLETE, then SyncFailedError', async () => {
    const rejection = new ConfigError('Configured catalog: stream "gone" is not offered by this source.', { streamName: 'gone' });
    const { sink, error } = await run([fixed('a', [page(2)]), fixed('b', [page(3)])], [configured('a'), configured('b')], {
      rejected: [{ stream: 'gone', error: rejection }],
    });
    expect(sink.statuses('gone')).toEqual(['INCOMPLETE']);
    expect(sink.errors()).toEqual([{ kind: 'error', error: rejection, stream: 'gone' }]);
    expect(sink.statuses('a')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    expect(sink.statuses('b')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    expect(sink.calls.filter((c) => c.kind === 'records').map((c) => c.stream)).toEqual(['a', 'b']);
    expect(error).toBeInstanceOf(SyncFailedError);
    expect((error as SyncFailedError).failedStreams).toEqual(['gone']);
    expect((error as SyncFailedError).failureType).toBe('config_error');
    expect((error as SyncFailedError).reported).toBe(true);
  });

  it('a ConfigError aborts the other streams: one error trace, the rest INCOMPLETE', async () => {
    let sawAbort = false;
    const failing = new FakeStream('bad', async function* () {
      await sleep(5);
      throw new ConfigError('The refresh token is invalid. Reconnect the source.');
    });
    const slow = new FakeStream('slow', async function* (request) {
      yield page(1);
      await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
      sawAbort = true;
      throw new Error('aborted');
    });
    const later = fixed('later', [page(1)]);
    const { sink, error } = await run([failing, slow, later], [configured('bad'), configured('slow'), configured('later')], { concurrency: 2 });
    expect(sawAbort).toBe(true);
    expect(sink.errors()).toHaveLength(1);
    expect(sink.errors()[0]!.stream).toBe('bad');
    expect(sink.statuses('bad')).toEqual(['STARTED', 'INCOMPLETE']);
    expect(sink.statuses('slow')).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
    expect(sink.statuses('later')).toEqual(['INCOMPLETE']);
    expect(later.requests).toHaveLength(0);
    expect(error).toBeInstanceOf(SyncFailedError);
    const failure = error as SyncFailedError;
    expect(failure.failureType).toBe('config_error');
    expect(failure.reported).toBe(true);
    expect(failure.message).toBe('Stream "bad" failed; not finished: slow, later. See the error reported for each stream.');
  });

  it('other errors let the remaining streams finish', async () => {
    const failing = new FakeStream('bad', async function* () {
      yield page(2);
      throw new TransientError('QBO is down. Retry later.');
    });
    const good = new FakeStream('good', async function* () {
      await sleep(20);
      yield page(3);
      yield { type: 'state', state: { c: 1 } };
    });
    const alsoBad = new FakeStream('worse', async function* () {
      await sleep(10); // fails second: the first failure decides failure_type
      throw new TypeError('bug');
    });
    const { sink, error } = await run([failing, good, alsoBad], [configured('bad'), configured('good'), configured('worse')]);
    expect(sink.statuses('good')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    expect(sink.statuses('bad')).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
    expect(sink.errors().map((e) => e.stream).sort()).toEqual(['bad', 'worse']);
    const failure = error as SyncFailedError;
    expect(failure).toBeInstanceOf(SyncFailedError);
    expect(failure.failureType).toBe('transient_error');
    expect(failure.failedStreams.sort()).toEqual(['bad', 'worse']);
    expect(failure.message).toMatch(/^Streams "(bad|worse)", "(bad|worse)" failed\./);
  });

  it('the error goes out after INCOMPLETE, with the stream name', async () => {
    const failing = new FakeStream('bad', async function* () {
      throw new TransientError('nope');
    });
    const { sink } = await run([failing], [configured('bad')]);
    const kinds = sink.calls.map((c) => (c.kind === 'status' ? c.status : c.kind));
    expect(kinds).toEqual(['STARTED', 'INCOMPLETE', 'error']);
  });

  it('an outside abort stops even a stream that ignores its signal, and is not reported per stream', async () => {
    const controller = new AbortController();
    let cleanedUp = false;
    const stuck = new FakeStream('stuck', async function* () {
      try {
        yield page(1);
        await sleep(300);
        yield page(1);
      } finally {
        cleanedUp = true;
      }
    });
    setTimeout(() => controller.abort('SIGTERM'), 10);
    const started = Date.now();
    const { sink, error } = await run([stuck], [configured('stuck')], { signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(200);
    expect(sink.statuses('stuck')).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
    expect(sink.errors()).toHaveLength(0);
    const failure = error as SyncFailedError;
    expect(failure).toBeInstanceOf(SyncFailedError);
    expect(failure.reported).toBe(false);
    expect(failure.failureType).toBe('transient_error');
    expect(failure.message).toContain('interrupted (SIGTERM) before stuck finished');
    await sleep(350);
    expect(cleanedUp).toBe(true);
  });

  it('a failing sink stops the sync and is rethrown as is, closing the stream generator', async () => {
    let closed = false;
    const stream = new FakeStream('s', async function* () {
      try {
        for (let i = 0; ; i++) yield page(1, i);
      } finally {
        closed = true;
      }
    });
    const other = fixed('t', [page(1)]);
    const broken = new Error('stdout closed');
    const sink = new RecordingSink();
    sink.records = async () => {
      throw broken;
    };
    const error = await readStreams({
      streams: [stream, other],
      catalog: [configured('s'), configured('t')],
      state: new Map(),
      sink,
      logger: silentLogger,
      concurrency: 1,
    }).catch((e: unknown) => e);
    expect(error).toBe(broken);
    expect(sink.errors()).toHaveLength(0);
    await sleep(0);
    expect(closed).toBe(true);
    expect(other.requests).toHaveLength(0);
  });

  it('a catalog stream the source does not offer fails as a config error', async () => {
    const { sink, error } = await run([], [configured('ghost')]);
    expect(sink.errors()).toHaveLength(1);
    expect(String((sink.errors()[0]!.error as Error).message)).toContain('Stream "ghost" is in the catalog but this source does not offer it');
    expect((error as SyncFailedError).failureType).toBe('config_error');
  });
});
