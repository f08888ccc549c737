import type { Logger } from './logger.js';

export interface InterruptOptions {
  /** An outer abort (tests, embedding) stops the work like a signal does. */
  signal?: AbortSignal | undefined;
  /** Listen to SIGTERM/SIGINT while the work runs; default true. */
  handleSignals?: boolean | undefined;
  logger: Logger;
  /** Told which signal stopped the work (the runner picks the exit code from it). */
  onSignal(name: NodeJS.Signals): void;
}

/**
 * Runs `work` with an AbortSignal that SIGTERM/SIGINT (or the outer signal) abort, and removes
 * the listeners afterwards, so a platform stopping the container ends the sync cleanly.
 */
export async function runInterruptible<T>(options: InterruptOptions, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    options.onSignal(name);
    options.logger.warn(`Received ${name}: stopping the sync`);
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
