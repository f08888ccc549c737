// The entry points' last line of defence. A command ends in exactly one of two ways: its promise
// settles and the executable exits with the code it returned, or it cannot finish and the guard
// says so. When the event loop drains while the command is still pending (every promise it waits on
// depends on something that will never happen: Node would exit 13 "unsettled top-level await" with
// no message), when something calls process.exit behind its back, or when an exception escapes
// everything, the guard writes one protocol-correct error (Airbyte: a TRACE ERROR on stdout, Singer:
// a CRITICAL line on stderr) and makes the exit code non-zero. A read can never end silently.
import { writeSync } from 'node:fs';
import { oneLine } from '../core/error-report.js';
import { SIGNAL_EXIT_CODES } from './interruptible.js';

/** How the guard reports: on stdout as Airbyte, on stderr as Singer, or plain text (the `auth` command). */
export type GuardProtocol = 'airbyte' | 'singer' | 'plain';

export interface ExitGuardOptions {
  protocol: GuardProtocol;
  /** What was running, for the message ("read", "discover", ...). */
  command: string;
  /** Where lines go; default fd 1 and 2 (tests pass their own). */
  stdoutFd?: number;
  stderrFd?: number;
  /** Clock for emitted_at. */
  now?: () => number;
}

export interface ExitGuard {
  /** The command finished with this code: stop guarding and exit with it. */
  exit(code: number): never;
  /** The command threw instead of returning a code (the runners never do): report it and exit non-zero. */
  crash(error: unknown): never;
}

/** Exit code of a command the guard had to end (the runners' code for a failure). */
export const GUARD_EXIT_CODE = 1;

const SIGNAL_CODES = new Set(Object.values(SIGNAL_EXIT_CODES));

let scrubber: (text: string) => string = (text) => text;

/** The runners register their secret scrubber, so a guard report never carries a secret. */
export function setExitGuardScrubber(scrub: (text: string) => string): void {
  scrubber = scrub;
}

/** The one line a person reads: what happened, that it is a defect, what to do. */
export function stoppedMessage(command: string): string {
  const what = command === 'read' ? 'The read' : `The ${command} command`;
  return (
    `${what} stopped before it finished: the connector was left waiting for work that could never complete, or ended unexpectedly. ` +
    'This is a connector defect, not a problem with your data or settings: please report it with this message. Running the sync again may succeed.'
  );
}

/** Installs the guard for the rest of the process; call it first thing in an executable. */
export function installExitGuard(options: ExitGuardOptions): ExitGuard {
  const stdoutFd = options.stdoutFd ?? 1;
  const stderrFd = options.stderrFd ?? 2;
  const now = options.now ?? Date.now;
  let finished = false;
  let reported = false;

  const report = (cause: string, error?: unknown): void => {
    if (reported) return;
    reported = true;
    const message = stoppedMessage(options.command);
    const detail = scrubber(error === undefined ? cause : `${cause}: ${describe(error)}`);
    if (options.protocol === 'airbyte') {
      const trace: Record<string, unknown> = { message, internal_message: detail, failure_type: 'system_error' };
      if (error instanceof Error && error.stack !== undefined) trace['stack_trace'] = scrubber(error.stack);
      const line = JSON.stringify({ type: 'TRACE', trace: { type: 'ERROR', emitted_at: now(), error: trace } });
      writeAll(stdoutFd, line + '\n');
    } else {
      const prefix = options.protocol === 'singer' ? 'CRITICAL ' : '';
      writeAll(stderrFd, `${prefix}${message} (${oneLine(detail)})\n`);
    }
  };

  // The loop is empty: nothing can ever settle the command's promise.
  process.on('beforeExit', () => {
    if (finished) return;
    report('the event loop drained while the command was still pending (nothing left that could finish it)');
    finish(GUARD_EXIT_CODE);
  });
  // Someone called process.exit (or Node is exiting) before the command returned its code. A
  // signal's exit (exit-on-signal.ts: the platform stopping us) is not a defect and says nothing.
  process.on('exit', (code) => {
    if (finished || SIGNAL_CODES.has(code)) return;
    report(`the process exited (code ${process.exitCode ?? code}) before the command finished`);
    if (!process.exitCode) process.exitCode = GUARD_EXIT_CODE;
  });
  // An exception (or an unhandled rejection, which Node raises as one) that escaped every handler.
  process.on('uncaughtException', (error) => {
    report('an exception escaped every handler', error);
    finish(GUARD_EXIT_CODE);
  });

  function finish(code: number): never {
    finished = true;
    process.exit(code);
  }

  return {
    exit: (code) => finish(code),
    crash: (error) => {
      report('the command threw instead of reporting its failure', error);
      return finish(GUARD_EXIT_CODE);
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return String(error);
  } catch {
    return 'a value that cannot be printed';
  }
}

/** Synchronous, complete write (retrying a full non-blocking pipe); a closed output is given up on. */
function writeAll(fd: number, text: string): void {
  let bytes = Buffer.from(text, 'utf8');
  for (let attempts = 0; bytes.length > 0 && attempts < 10_000; attempts++) {
    try {
      const written = writeSync(fd, bytes);
      bytes = bytes.subarray(written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return;
    }
  }
}
