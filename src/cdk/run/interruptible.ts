// SIGTERM/SIGINT while a command runs: an AbortSignal for the work, and helpers to stop waiting on it.
import { TransientError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';

export interface InterruptOptions {
  /** An outer abort (tests, embedding) stops the work like a signal does. */
  signal?: AbortSignal | undefined;
  /** Listen to SIGTERM/SIGINT while the work runs; default true. */
  handleSignals?: boolean | undefined;
  logger: Logger;
  /** Told which signal stopped the work (the runner picks the exit code from it). */
  onSignal(name: NodeJS.Signals): void;
}

/** Exit codes of a command stopped by a signal: 128 + the signal's number, as a shell reports it. */
export const SIGNAL_EXIT_CODES: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 };

function ignore(): void {}

/** An abort reason in words: the signal's name, an error's message. */
export function describeReason(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  return typeof reason === 'string' ? reason : 'aborted';
}

/** `promise`, or a rejection with the abort reason as soon as `signal` aborts: work that ignores its signal can't stall an exit. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(ignore);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * A one-shot command (spec, check, discover) that a signal cuts short: the caller stops waiting at
 * once and reports a transient error; what the work still had in flight dies with the process.
 */
export async function untilInterrupted<T>(what: string, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  const interrupted = (): TransientError =>
    new TransientError(`${what} was interrupted (${describeReason(signal.reason)}) before it finished. Run it again.`);
  if (signal.aborted) throw interrupted();
  try {
    return await untilAborted(work(), signal);
  } catch (error) {
    if (signal.aborted && error === signal.reason) throw interrupted();
    throw error;
  }
}

/**
 * Runs `work` with an AbortSignal that SIGTERM/SIGINT (or the outer signal) abort, and removes
 * the listeners afterwards, so a platform stopping the container ends the command cleanly.
 */
export async function runInterruptible<T>(options: InterruptOptions, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    options.onSignal(name);
    options.logger.warn(`Received ${name}: stopping`);
    controller.abort(name);
  };
  const outer = options.signal;
  const onOuterAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) onOuterAbort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const listen = options.handleSignals ?? true;
  if (listen) {
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }
  try {
    return await work(controller.signal);
  } finally {
    outer?.removeEventListener('abort', onOuterAbort);
    if (listen) {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    }
  }
}
