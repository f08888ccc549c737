// Running a read's streams: a concurrency limit, STREAM_STATUS STARTED/RUNNING/COMPLETE/INCOMPLETE,
// per-stream failures reported once each, interrupt handling, and the per-stream summary line.
import { ConfigError, ConnectorError, failureTypeOf } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { describeReason, untilAborted } from './interruptible.js';
import { countDeletes } from '../progress/tracker.js';
import type { ConfiguredAirbyteStream, FailureType, JsonObject } from '../core/protocol.js';
import type { MessageSink, Stream, StreamEvent } from '../core/stream.js';

export interface ReadOptions {
  streams: Stream[]; // every stream the source offers
  catalog: ConfiguredAirbyteStream[]; // validated configured streams (subset, in catalog order)
  /** Catalog entries the source cannot serve: each is reported as failed, the others still sync. */
  rejected?: readonly { stream: string; error: ConfigError }[];
  state: Map<string, JsonObject>; // input state per stream name
  sink: MessageSink;
  logger: Logger;
  concurrency: number; // max streams read at once
  signal?: AbortSignal;
}

/**
 * The sync did not finish. `reported` is true when every failure already went out as an error
 * message (the runner must not add another); false when the sync was interrupted from outside.
 */
export class SyncFailedError extends ConnectorError {
  readonly failureType: FailureType;
  constructor(
    message: string,
    failureType: FailureType,
    readonly failedStreams: string[],
    readonly reported: boolean,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.failureType = failureType;
  }
}

function ignore(): void {}

/**
 * Read the configured streams, up to `concurrency` at once, forwarding each stream's events to the
 * sink in order between STREAM_STATUS STARTED, RUNNING and COMPLETE (or INCOMPLETE plus an error).
 * A ConfigError in one stream aborts the rest (the same bad credentials would fail them all); a
 * rejected catalog entry does not (it is about that stream only).
 * Throws SyncFailedError when any stream did not complete; rethrows a sink failure as is.
 */
export async function readStreams(options: ReadOptions): Promise<void> {
  const { sink, logger, state } = options;
  const offered = new Map(options.streams.map((stream) => [stream.name, stream]));
  const controller = new AbortController();
  const signal = controller.signal;
  const onOuterAbort = (): void => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) onOuterAbort();
  else options.signal?.addEventListener('abort', onOuterAbort, { once: true });

  const failed: { stream: string; error: unknown }[] = [];
  const unfinished: string[] = [];
  let sinkFailure: { error: unknown } | undefined;

  /** Sink calls go through here: a failing sink (closed stdout) stops the whole sync. */
  async function emit(written: Promise<void>): Promise<void> {
    try {
      await written;
    } catch (error) {
      sinkFailure ??= { error };
      controller.abort(error);
      throw error;
    }
  }

  async function readOne(configured: ConfiguredAirbyteStream): Promise<void> {
    const name = configured.stream.name;
    if (signal.aborted) {
      unfinished.push(name);
      if (!sinkFailure) await emit(sink.streamStatus(name, 'INCOMPLETE')).catch(ignore);
      return;
    }
    const started = Date.now();
    let running = false;
    let total = 0;
    let deletes = 0;
    let checkpoints = 0;
    let sinceState = 0;
    try {
      const stream = offered.get(name);
      if (stream === undefined) {
        throw new ConfigError(`Stream "${name}" is in the catalog but this source does not offer it. Run discover and rebuild the catalog.`);
      }
      await emit(sink.streamStatus(name, 'STARTED'));
      const incremental = configured.sync_mode === 'incremental';
      const events = stream.read({
        syncMode: configured.sync_mode,
        cursorField: configured.cursor_field,
        state: incremental ? state.get(name) : undefined,
        signal,
      });
      const iterator = events[Symbol.asyncIterator]();
      let done = false;
      try {
        for (;;) {
          const next: IteratorResult<StreamEvent> = await untilAborted(iterator.next(), signal);
          if (next.done) break;
          if (!running) {
            running = true;
            await emit(sink.streamStatus(name, 'RUNNING'));
          }
          const event = next.value;
          if (event.type === 'records') {
            sinceState += event.records.length;
            total += event.records.length;
            deletes += countDeletes(event.records);
            await emit(sink.records(name, event.records));
          } else if (event.type === 'state') {
            await emit(sink.state(name, event.state, sinceState));
            sinceState = 0;
            checkpoints += 1;
          } else {
            await emit(sink.estimate(name, event.rowEstimate));
          }
        }
        done = true;
      } finally {
        // Stopped early (abort, sink failure): let the generator run its cleanup, without waiting on it.
        if (!done) {
          try {
            void Promise.resolve(iterator.return?.()).catch(ignore);
          } catch {
            // a broken return() has nothing left to clean up
          }
        }
      }
      if (!running) await emit(sink.streamStatus(name, 'RUNNING'));
      await emit(sink.streamStatus(name, 'COMPLETE'));
      // The per-stream summary a platform log shows (a terminal also gets a table: progress/display.ts).
      logger.info(
        `Stream "${name}" complete: ${total} records (${deletes} deletes), ${checkpoints} state checkpoints, ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } catch (error) {
      unfinished.push(name);
      if (sinkFailure) return; // the output is gone: nothing more can be said
      if (signal.aborted) {
        // Cut short by another stream's fatal error or by the caller: not a failure of its own.
        logger.warn(`Stream "${name}" stopped after ${total} records: ${describeReason(signal.reason)}`);
        await emit(sink.streamStatus(name, 'INCOMPLETE')).catch(ignore);
        return;
      }
      failed.push({ stream: name, error });
      if (error instanceof ConfigError) controller.abort(error);
      await emit(sink.streamStatus(name, 'INCOMPLETE'))
        .then(() => emit(sink.error(error, name)))
        .catch(ignore);
    }
  }

  // As Airbyte's Python CDK does with a stream it does not know: that stream fails, the sync goes on.
  for (const { stream, error } of options.rejected ?? []) {
    failed.push({ stream, error });
    unfinished.push(stream);
    await emit(sink.streamStatus(stream, 'INCOMPLETE'))
      .then(() => emit(sink.error(error, stream)))
      .catch(ignore);
  }

  const queue = options.catalog;
  let nextIndex = 0;
  async function worker(): Promise<void> {
    for (let configured = queue[nextIndex++]; configured !== undefined; configured = queue[nextIndex++]) {
      await readOne(configured);
    }
  }
  const width = Math.max(1, Math.min(queue.length, Math.floor(options.concurrency) || 1));
  try {
    await Promise.all(Array.from({ length: width }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
  }

  if (sinkFailure) throw sinkFailure.error;
  const first = failed[0];
  if (first !== undefined) {
    const names = failed.map((f) => f.stream);
    const others = unfinished.filter((name) => !names.includes(name));
    const message =
      `${failed.length === 1 ? 'Stream' : 'Streams'} ${names.map((n) => `"${n}"`).join(', ')} failed` +
      (others.length > 0 ? `; not finished: ${others.join(', ')}` : '') +
      '. See the error reported for each stream.';
    throw new SyncFailedError(message, failureTypeOf(first.error), [...names, ...others], true, { cause: first.error });
  }
  if (unfinished.length > 0) {
    throw new SyncFailedError(
      `The sync was interrupted (${describeReason(signal.reason)}) before ${unfinished.join(', ')} finished. ` +
        'Run it again: it resumes from the last state.',
      'transient_error',
      unfinished,
      false,
    );
  }
}
