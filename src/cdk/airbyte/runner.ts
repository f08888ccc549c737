// The Airbyte protocol front end: argv -> spec / check / discover / read on a Source, messages on
// stdout through AirbyteWriter, the process exit code as the result (the shared lifecycle is run/command-lifecycle.ts).
import type { Writable } from 'node:stream';
import { dirname, resolve } from 'node:path';
import { parseAirbyteArgs, type AirbyteCommand } from './args.js';
import { AirbyteWriter } from './writer.js';
import { validateConfiguredCatalog } from './configured-catalog.js';
import { ConfigError } from '../core/errors.js';
import { parseInputState } from './input-state.js';
import { readJsonFile } from '../io/json-file.js';
import { JsonLinesOutput } from '../io/json-lines-output.js';
import type { JsonObject } from '../core/protocol.js';
import { readStreams } from '../run/read-driver.js';
import { untilInterrupted } from '../run/interruptible.js';
import { runCommand, type CommandSession, type ProtocolFrontEnd } from '../run/command-lifecycle.js';
import { progressSession, type ProgressSession } from '../progress/session.js';
import { ConfigWriteBack } from '../singer/config-writeback.js';
import { overlayTokenStore, tokenStorePathOf } from '../singer/config.js';
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
  return runCommand((session) => airbyteFrontEnd(source, io, session), argv, io);
}

function airbyteFrontEnd<C>(source: Source<C>, io: AirbyteRunnerIo, session: CommandSession): ProtocolFrontEnd<AirbyteCommand> {
  const stderr = io.stderr ?? process.stderr;
  const { secrets } = session;
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
  let progress: ProgressSession | undefined;

  return {
    output,
    parse(args) {
      const command = parseAirbyteArgs(args);
      logOptions.debug ||= command.debug;
      return command;
    },
    interruptLogger: () => logger,
    run,
    report: (error) => writer.error(error),
    say(text) {
      progress?.display.clear();
      stderr.write(secrets.scrub(`source: ${text}`) + '\n');
    },
    close: () => output.close(),
  };

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
    if (command.archive !== undefined) session.openArchive(command.archive, 'airbyte', logger, 'source-quickbooks');

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
