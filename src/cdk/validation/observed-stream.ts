/**
 * A stream wrapped so that something can watch its records on their way out: run-time validation
 * (record-validator.ts) and the webhook journal's coverage report (webhooks/journal-coverage.ts).
 * The observer sees each page before it is emitted (throwing fails the stream) and is told when the
 * read ends, however it ends.
 */
import type { JsonObject } from '../core/protocol.js';
import type { Stream, StreamEvent, StreamReadRequest } from '../core/stream.js';

export interface StreamObserver {
  records?(records: readonly JsonObject[]): void;
  /** `completed`: the stream read to its end (false: it failed or was stopped). */
  end?(completed: boolean): void;
}

export function observedStream(stream: Stream, observe: (request: StreamReadRequest) => StreamObserver): Stream {
  return {
    name: stream.name,
    describe: () => stream.describe(),
    async *read(request: StreamReadRequest): AsyncIterable<StreamEvent> {
      const observer = observe(request);
      let completed = false;
      try {
        for await (const event of stream.read(request)) {
          if (event.type === 'records') observer.records?.(event.records);
          yield event;
        }
        completed = true;
      } finally {
        observer.end?.(completed);
      }
    },
  };
}
