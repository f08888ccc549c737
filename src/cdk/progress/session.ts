// Whether a read shows progress, and the pieces that do it: only when stderr is a terminal, so a
// platform (pipes) never sees an extra byte; live redraws only when stdout is not that terminal too.
import type { Writable } from 'node:stream';
import { ProgressDisplay, type ProgressMetrics } from './display.js';
import { ProgressTracker, trackingSink } from './tracker.js';
import type { MessageSink } from '../core/stream.js';

type Terminalish = Writable & { isTTY?: boolean; columns?: number };

export interface ProgressSession {
  /** Counts what passes through, then forwards to the real sink. */
  sink: MessageSink;
  display: ProgressDisplay;
}

export function progressSession(options: {
  stderr: Writable;
  stdout: Writable;
  sink: MessageSink;
  metrics?: () => ProgressMetrics | undefined;
  now?: () => number;
}): ProgressSession | undefined {
  const stderr = options.stderr as Terminalish;
  if (stderr.isTTY !== true) return undefined;
  const tracker = new ProgressTracker(options.now);
  const display = new ProgressDisplay({
    output: stderr,
    tracker,
    live: (options.stdout as Terminalish).isTTY !== true,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  return { sink: trackingSink(options.sink, tracker), display };
}
