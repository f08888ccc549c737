// The one stdout of a run: lines written in order, with backpressure, as one write per chunk;
// a closed pipe (EPIPE) becomes OutputClosedError so a read stops instead of writing into the void.
import { writeSync } from 'node:fs';
import type { Writable } from 'node:stream';

/** Where protocol writers put their text: whole lines, in call order, with backpressure. */
export interface TextOutput {
  /**
   * Queue `chunk` (one or more complete lines, as text or UTF-8 bytes); resolves once the
   * destination has accepted it. Bytes are consumed (written or copied) before write returns: the
   * caller reuses its buffer right away, so an output that keeps a chunk keeps a copy.
   */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Resolves when everything queued so far is written; rejects if the destination failed. */
  flush(): Promise<void>;
}

/** The destination went away (EPIPE: the reading end of stdout closed). Nothing more can be written. */
export class OutputClosedError extends Error {
  constructor(message = 'The output was closed by its reader (EPIPE); stopping.', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OutputClosedError';
  }
}

const RESOLVED: Promise<void> = Promise.resolve();
const CLOSED_CODES = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END', 'ECONNRESET']);

function noop(): void {}

/**
 * An ordered, backpressure-aware writer of text lines. Writes go straight to the stream while it
 * accepts them; once write() returns false every later write waits behind 'drain', so order holds
 * even when callers don't await. After the destination fails, every write and flush rejects with
 * the same error (an OutputClosedError for EPIPE).
 */
export class JsonLinesOutput implements TextOutput {
  private tail: Promise<void> | undefined;
  private failure: Error | undefined;
  private drainWaiter: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private ending = false;
  private readonly onError = (error: Error): void => {
    this.fail(error);
  };
  private readonly onClose = (): void => {
    if (!this.ending) this.fail(new OutputClosedError('The output stream closed before the connector finished writing.'));
  };
  private readonly onDrain = (): void => {
    const waiter = this.drainWaiter;
    this.drainWaiter = undefined;
    waiter?.resolve();
  };

  /**
   * Sees every chunk just before it is written: the run archive (run-archive.ts). It takes bytes too,
   * so output written as Buffers passes through the same tap.
   */
  private tap: ((chunk: string | Uint8Array) => void) | undefined;

  /** Set when the stream is Node's synchronous file writer (stdout to a file or /dev/null). */
  private readonly fileFd: number | undefined;

  constructor(private readonly stream: Writable = process.stdout) {
    this.fileFd = syncFileDescriptor(stream);
    stream.on('error', this.onError);
    stream.on('close', this.onClose);
    stream.on('drain', this.onDrain);
  }

  /** Give every later chunk, as it is written, to `tap` too; a throwing tap fails the output. */
  setTap(tap: ((chunk: string | Uint8Array) => void) | undefined): void {
    this.tap = tap;
  }

  /** The error that stopped the output, if any. */
  get error(): Error | undefined {
    return this.failure;
  }

  write(chunk: string | Uint8Array): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.tail === undefined && this.fileFd !== undefined) return this.writeNow(chunk); // written before it returns
    // A stream keeps what it is given until it is flushed, a queued write until its turn: both get a copy.
    const data = typeof chunk === 'string' ? chunk : Buffer.from(chunk);
    const written = this.tail === undefined ? this.writeNow(data) : this.tail.then(() => this.writeNow(data));
    if (written !== RESOLVED) this.track(written);
    return written;
  }

  async flush(): Promise<void> {
    if (this.tail) await this.tail;
    if (this.failure) throw this.failure;
    if (this.stream.writableLength > 0) {
      // A zero-length write's callback runs once everything before it has reached the OS.
      await new Promise<void>((resolve, reject) => {
        this.stream.write('', (error) => (error ? reject(this.fail(error)) : resolve()));
      });
    }
    if (this.failure) throw this.failure;
  }

  /** Flush, stop listening, and end the stream unless it is the process's stdout/stderr (those stay open). */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      this.ending = true;
      this.stream.off('drain', this.onDrain);
      this.stream.off('close', this.onClose);
    }
    if (this.stream !== process.stdout && this.stream !== process.stderr && !this.stream.writableEnded) {
      await new Promise<void>((resolve) => this.stream.end(resolve));
    }
    // Keep a no-op error listener: a late EPIPE after close must not crash the process.
    this.stream.off('error', this.onError);
    this.stream.on('error', noop);
  }

  private writeNow(text: string | Uint8Array): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.fileFd !== undefined) {
      // What the stream would do, minus converting every chunk to a Buffer first.
      try {
        this.tap?.(text);
        if (typeof text === 'string') writeSync(this.fileFd, text);
        else writeSync(this.fileFd, text);
      } catch (error) {
        return Promise.reject(this.fail(error));
      }
      return RESOLVED;
    }
    let accepted: boolean;
    try {
      this.tap?.(text);
      accepted = this.stream.write(text);
    } catch (error) {
      return Promise.reject(this.fail(error));
    }
    if (accepted) return RESOLVED;
    return new Promise<void>((resolve, reject) => {
      this.drainWaiter = { resolve, reject };
    });
  }

  /** Keep later writes behind `written`; the tail itself never rejects (writeNow re-checks failure). */
  private track(written: Promise<void>): void {
    const settled = written.then(noop, noop);
    this.tail = settled;
    void settled.then(() => {
      if (this.tail === settled) this.tail = undefined;
    });
  }

  private fail(error: unknown): Error {
    if (!this.failure) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      this.failure =
        code !== undefined && CLOSED_CODES.has(code)
          ? new OutputClosedError(undefined, { cause: error })
          : error instanceof Error
            ? error
            : new Error(String(error));
    }
    const waiter = this.drainWaiter;
    this.drainWaiter = undefined;
    waiter?.reject(this.failure);
    return this.failure;
  }
}

/**
 * stdout/stderr redirected to a file (or /dev/null) is Node's internal SyncWriteStream, which
 * writes synchronously with fs.writeSync after turning each string into a Buffer. Writing the string
 * to its fd directly does the same without that copy (and the external memory it churns).
 */
function syncFileDescriptor(stream: Writable): number | undefined {
  const fd = (stream as { fd?: unknown }).fd;
  return typeof fd === 'number' && stream.constructor.name === 'SyncWriteStream' ? fd : undefined;
}
