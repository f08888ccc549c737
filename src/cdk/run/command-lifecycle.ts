// The skeleton every protocol front end shares (Airbyte, Singer, a third one): parse argv, run the
// command while listening for SIGTERM/SIGINT, report a failure exactly once in the protocol's own way,
// close the outputs, finish the run archive, and turn all of that into the process exit code.
// A protocol supplies an args parser, a writer and the body of its commands (ProtocolFrontEnd).
import type { Logger } from '../core/logger.js';
import { SyncFailedError } from './read-driver.js';
import { runInterruptible, SIGNAL_EXIT_CODES } from './interruptible.js';
import { RunArchive } from '../archive/run-archive.js';
import { SecretRegistry } from '../core/secrets.js';
import { setExitGuardScrubber } from './exit-guard.js';
import { OutputClosedError, type JsonLinesOutput } from '../io/json-lines-output.js';

export interface CommandIo {
  /** Aborts a running command, as SIGTERM/SIGINT do (tests, embedding). */
  signal?: AbortSignal;
  /** Listen to SIGTERM/SIGINT while a command runs; default true. */
  handleSignals?: boolean;
}

/** What one run of a front end has from the skeleton. */
export interface CommandSession {
  /** The run's one secret set: every text leaving the process is scrubbed with it. */
  readonly secrets: SecretRegistry;
  /** Starts `read --archive DIR`: every later stdout write is also archived. */
  openArchive(dir: string, protocol: 'airbyte' | 'singer', logger: Logger, replayCommand: string): void;
}

export interface ProtocolFrontEnd<Command> {
  /** stdout: the protocol's messages. Checked for a closed pipe when a run fails. */
  readonly output: JsonLinesOutput;
  /** argv -> command; a ConfigError carrying the usage otherwise. */
  parse(argv: readonly string[]): Command;
  /** Where "Received SIGTERM: stopping" goes. */
  interruptLogger(): Logger;
  /** The command's work: a read stops through `signal`; other commands are abandoned on it. */
  run(command: Command, signal: AbortSignal): Promise<void>;
  /** Reports a failure in the protocol (TRACE ERROR, ERROR line). Not called for an already reported sync. */
  report(error: unknown): Promise<void>;
  /** One line outside the protocol, to stderr (scrubbed), when the protocol itself cannot carry it. */
  say(text: string): Promise<void> | void;
  /** Flushes and closes every output. */
  close(): Promise<void>;
}

/**
 * Runs a front end to completion and returns the exit code: 0 only on success, 130/143 after
 * SIGINT/SIGTERM, 1 otherwise. Never throws: a failure is reported once, by the front end.
 */
export async function runCommand<Command>(
  frontEnd: (session: CommandSession) => ProtocolFrontEnd<Command>,
  argv: readonly string[],
  io: CommandIo = {},
): Promise<number> {
  const secrets = new SecretRegistry();
  setExitGuardScrubber((text) => secrets.scrub(text)); // a guard report names no secret either
  let archive: RunArchive | undefined;
  let interruptedBy: string | undefined;
  const session: CommandSession = {
    secrets,
    openArchive(dir, protocol, logger, replayCommand) {
      archive = RunArchive.open(dir, { protocol });
      end.output.setTap(archive.tap);
      logger.info(`Archiving this run's messages to ${archive.dir} (replay: ${replayCommand} replay ${archive.dir}).`);
    },
  };
  const end = frontEnd(session);

  try {
    const command = end.parse(argv);
    // Every command listens: node as a container's PID 1 has no default action for SIGTERM/SIGINT.
    const onSignal = (name: NodeJS.Signals): void => void (interruptedBy ??= name);
    await runInterruptible({ signal: io.signal, handleSignals: io.handleSignals, logger: end.interruptLogger(), onSignal }, (signal) =>
      end.run(command, signal),
    );
    await end.close();
    return await closeArchive(0);
  } catch (error) {
    return closeArchive(await fail(error));
  }

  async function fail(error: unknown): Promise<number> {
    const code = interruptedBy === undefined ? 1 : (SIGNAL_EXIT_CODES[interruptedBy] ?? 1);
    const closed = end.output.error ?? (error instanceof OutputClosedError ? error : undefined);
    if (closed !== undefined) {
      await end.say(closed.message); // stdout is gone: stderr is all that is left
      await end.close().catch(() => undefined);
      return code;
    }
    if (!(error instanceof SyncFailedError && error.reported)) {
      try {
        await end.report(error);
      } catch (reportError) {
        await end.say(`could not report an error (${String(reportError)}): ${String(error)}`);
      }
    }
    try {
      await end.close();
    } catch (closeError) {
      await end.say(String(closeError));
    }
    return code;
  }

  /** The archive records how the run ended (after the last message, the error included). */
  async function closeArchive(code: number): Promise<number> {
    try {
      archive?.close(code === 0 ? 'succeeded' : 'failed', code);
    } catch (error) {
      await end.say(`the run archive ${archive?.dir ?? ''} could not be completed: ${(error as Error).message}`);
      return code === 0 ? 1 : code;
    }
    return code;
  }
}
