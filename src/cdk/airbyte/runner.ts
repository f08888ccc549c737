import type { Writable } from 'node:stream';
import { dirname, resolve } from 'node:path';
import { parseAirbyteArgs, type AirbyteCommand } from './args.js';
import { AirbyteWriter } from './writer.js';
import { validateConfiguredCatalog } from './configured-catalog.js';
import { ConfigError } from '../core/errors.js';
import { parseInputState } from './input-state.js';
import { readJsonFile } from '../io/json-file.js';
import { JsonLinesOutput, OutputClosedError } from '../io/json-lines-output.js';
import type { JsonObject } from '../core/protocol.js';
import { readStreams, SyncFailedError } from '../run/read-driver.js';
import { runInterruptible, SIGNAL_EXIT_CODES, untilInterrupted } from '../run/interruptible.js';
import { RunArchive } from '../archive/run-archive.js';
import { progressSession, type ProgressSession } from '../progress/session.js';
import { SecretRegistry } from '../core/secrets.js';
import { ConfigWriteBack } from '../singer/config-writeback.js';
import { overlayTokenStore, tokenStorePathOf } from '../singer/config.js';
import { setExitGuardScrubber } from '../run/exit-guard.js';
import { SinkLogger } from '../core/sink-logger.js';
import type { RunContext, Source } from '../core/source-interface.js';

export interface AirbyteRunnerIo {
  stdout?: Writable;
  stderr?: Writable;
  env?: NodeJS.ProcessEnv;
  /** Aborts a running command, as SIGTERM/SIGINT do (tests, embedding). */
  signal?: AbortSignal;
  /** Listen to SIGTERM/SIGINT while a command runs; default true. */
  handleSignals?: boolean;
}

/**
 * Run one Airbyte command (argv without node and script) and return the exit code: 0 only on
 * success. stdout carries AirbyteMessages only; every failure becomes exactly one TRACE ERROR
 * (unless the read already reported each stream's), never a bare stack dump.
 */
export async function runAirbyte<C>(source: Source<C>, argv: string[], io: AirbyteRunnerIo = {}): Promise<number> {
  const stderr = io.stderr ?? process.stderr;
  const secrets = new SecretRegistry();
  setExitGuardScrubber((text) => secrets.scrub(text)); // a guard report names no secret either
  const output = new JsonLinesOutput(io.stdout ?? process.stdout);
  const writer = new AirbyteWriter({ output, secrets });
  const logOptions = { debug: (io.env ?? process.env)['LOG_LEVEL']?.toUpperCase() === 'DEBUG' };
  const logger = new SinkLogger(writer, logOptions);
  // Set once the config is read: rotated tokens also go back to the --config file and the token store.
  let writeBack: ConfigWriteBack | undefined;
  const emitConfig = async (config: JsonObject): Promise<void> => {
    await writer.configUpdate(config); // the platform's copy first: it is the one Airbyte relies on
    await writeBack?.save(config);
  };
  const ctx: RunContext = { logger, secrets, emitConfig };
  let interruptedBy: string | undefined;
  // Every command listens: node as a container's PID 1 has no default action for SIGTERM/SIGINT.
  const interrupt = { signal: io.signal, handleSignals: io.handleSignals, logger, onSignal: (name: NodeJS.Signals) => void (interruptedBy ??= name) };
  let progress: ProgressSession | undefined;
  let archive: RunArchive | undefined;

  const say = (text: string): void => {
    progress?.display.clear();
    stderr.write(secrets.scrub(text) + '\n');
  };

  try {
    const command = parseAirbyteArgs(argv);
    logOptions.debug ||= command.debug;
    await runInterruptible(interrupt, (signal) => run(command, signal));
    await output.close();
    return closeArchive(0);
  } catch (error) {
    return closeArchive(await fail(error));
  }

  /** The archive records how the run ended (after the last message, the error included). */
  function closeArchive(code: number): number {
    try {
      archive?.close(code === 0 ? 'succeeded' : 'failed', code);
    } catch (error) {
      say(`source: the run archive ${archive?.dir ?? ''} could not be completed: ${(error as Error).message}`);
      return code === 0 ? 1 : code;
    }
    return code;
  }

  async function fail(error: unknown): Promise<number> {
    const code = interruptedBy === undefined ? 1 : (SIGNAL_EXIT_CODES[interruptedBy] ?? 1);
    if (error instanceof OutputClosedError || output.error !== undefined) {
      say(`source: ${(output.error ?? (error as Error)).message}`);
      return code;
    }
    if (!(error instanceof SyncFailedError && error.reported)) {
      try {
        await writer.error(error);
      } catch (writeError) {
        say(`source: could not report an error (${String(writeError)}): ${String(error)}`);
      }
    }
    try {
      await output.close();
    } catch (closeError) {
      say(`source: ${String(closeError)}`);
    }
    return code;
  }

  /** The config file with the token store on top; rotated tokens are written back to both (shell runs). */
  function loadConfig(path: string): JsonObject {
    const file = readJsonFile(path, 'config') as JsonObject;
    for (const secret of source.secretsOf(file)) secrets.add(secret);
    const tokenStorePath = tokenStorePathOf(file, { env: {}, baseDir: dirname(resolve(path)) });
    const { config: raw, tokenStoreKeys } = overlayTokenStore(file, tokenStorePath);
    for (const secret of source.secretsOf(raw)) secrets.add(secret);
    if (tokenStoreKeys.length > 0) logger.info(`Using ${tokenStoreKeys.join(', ')} from the token store ${tokenStorePath ?? ''}.`);
    writeBack = new ConfigWriteBack({ configPath: path, tokenStorePath, initial: raw, logger, bestEffort: true });
    return raw;
  }

  async function run(command: AirbyteCommand, signal: AbortSignal): Promise<void> {
    switch (command.command) {
      case 'spec':
        return untilInterrupted('spec', signal, () => writer.spec(source.spec()));
      case 'check':
        return untilInterrupted('check', signal, () => check(command.config));
      case 'discover':
        return untilInterrupted('discover', signal, async () => {
          const config = source.parseConfig(loadConfig(command.config), logger);
          return writer.catalog({ streams: source.streams(config, ctx).map((stream) => stream.describe()) });
        });
      case 'read':
        return read(command, signal);
    }
  }

  async function check(configPath: string): Promise<void> {
    const raw = loadConfig(configPath);
    let config: C;
    try {
      config = source.parseConfig(raw, logger);
      const status = await source.check(config, ctx);
      return writer.connectionStatus(status);
    } catch (error) {
      // As Airbyte's CDK does: a config the user must fix is a FAILED check, not a crash.
      if (!(error instanceof ConfigError)) throw error;
      return writer.connectionStatus({ status: 'FAILED', message: error.message });
    }
  }

  async function read(command: Extract<AirbyteCommand, { command: 'read' }>, signal: AbortSignal): Promise<void> {
    const config = source.parseConfig(loadConfig(command.config), logger);
    const streams = source.streams(config, ctx);
    const { streams: catalog, rejected } = validateConfiguredCatalog(
      readJsonFile(command.catalog, 'catalog'),
      streams.map((stream) => stream.describe()),
    );
    const state =
      command.state === undefined
        ? new Map<string, JsonObject>()
        : parseInputState(readJsonFile(command.state, 'state', { expect: 'object or array', allowEmpty: true }));

    source.prepareRead?.(config, ctx, catalog, state);
    if (command.archive !== undefined) {
      archive = RunArchive.open(command.archive, { protocol: 'airbyte' });
      output.setTap(archive.tap);
      logger.info(`Archiving this run's messages to ${archive.dir} (replay: source-quickbooks replay ${archive.dir}).`);
    }

    // A person at a terminal sees progress on stderr; a platform (stderr not a TTY) gets nothing extra.
    progress = progressSession({ stderr, stdout: io.stdout ?? process.stdout, sink: writer, metrics: () => source.progressMetrics?.() });
    const sink = progress?.sink ?? writer;
    progress?.display.start();
    try {
      await readStreams({ streams, catalog, rejected, state, sink, logger, concurrency: source.streamConcurrency?.(config) ?? 4, signal });
    } finally {
      progress?.display.stop();
    }
  }
}
