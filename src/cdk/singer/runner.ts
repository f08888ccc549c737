// The Singer protocol front end: argv -> --about / --discover / sync on a Source, SCHEMA/RECORD/STATE
// on stdout through SingerWriter, logs on stderr, rotated tokens written back (config-writeback.ts).
import type { Writable } from 'node:stream';
import { readJsonFile } from '../io/json-file.js';
import { silentLogger } from '../core/logger.js';
import { JsonLinesOutput } from '../io/json-lines-output.js';
import type { JsonObject } from '../core/protocol.js';
import { readStreams } from '../run/read-driver.js';
import { untilInterrupted } from '../run/interruptible.js';
import { runCommand, type CommandSession, type ProtocolFrontEnd } from '../run/command-lifecycle.js';
import { SinkLogger } from '../core/sink-logger.js';
import type { RunContext, Source } from '../core/source-interface.js';
import { aboutMarkdown, singerAbout } from './about.js';
import { parseSingerArgs, singerUsage, type SingerCommand } from './args.js';
import { keyProperties, replicationKey, selectAll, selectionFromSingerCatalog, toSingerCatalog } from './catalog.js';
import { envPrefixOf, loadSingerConfig } from './config.js';
import { ConfigWriteBack } from './config-writeback.js';
import { readSingerStateFile } from './state.js';
import { singerErrorText, SingerWriter, type DeletedAtMapping, type SingerStreamInfo } from './writer.js';

export interface SingerRunnerIo {
  stdout?: Writable;
  stderr?: Writable;
  env?: NodeJS.ProcessEnv;
  /** Aborts a running command, as SIGTERM/SIGINT do (tests, embedding). */
  signal?: AbortSignal;
  /** Listen to SIGTERM/SIGINT while a command runs; default true. */
  handleSignals?: boolean;
}

export interface SingerRunOptions {
  /** The executable name, e.g. `tap-foo`: shown in --about/--help, and the `--config=ENV` prefix (`TAP_FOO_`). */
  name: string;
  description: string;
  version: string;
  /** Version of the kit for --about; defaults to `version` (the kit ships inside the connector). */
  sdkVersion?: string;
  /** Other accepted names of settings (alias -> setting), listed by --about. */
  settingAliases?: Readonly<Record<string, string>>;
  /** Environment variable that may name the token store file (the `token_store_path` setting wins). */
  tokenStoreEnvVar?: string;
  /** Deletion marker rename; default `_ab_cdc_deleted_at` -> `_sdc_deleted_at`, null to keep records as they are. */
  deletedAt?: DeletedAtMapping | null;
  io?: SingerRunnerIo;
}

function isDebug(env: NodeJS.ProcessEnv): boolean {
  const debug = env['DEBUG'];
  return env['LOG_LEVEL']?.toUpperCase() === 'DEBUG' || (debug !== undefined && debug !== '' && debug !== '0' && debug !== 'false');
}

/**
 * Run one Singer invocation (argv without node and script) and return the exit code: 0 only on
 * success. stdout carries JSON messages only (or the discover catalog / about output); logs and
 * errors go to stderr, scrubbed of secrets; a failure is one ERROR line, with a stack only when debugging.
 */
export async function runSinger<C>(source: Source<C>, argv: string[], options: SingerRunOptions): Promise<number> {
  const io = options.io ?? {};
  return runCommand((session) => singerFrontEnd(source, options, session), argv, io);
}

function singerFrontEnd<C>(source: Source<C>, options: SingerRunOptions, session: CommandSession): ProtocolFrontEnd<SingerCommand> {
  const io = options.io ?? {};
  const env = io.env ?? process.env;
  const { secrets } = session;
  const output = new JsonLinesOutput(io.stdout ?? process.stdout);
  const stderr = io.stderr ?? process.stderr;
  const logOutput = new JsonLinesOutput(stderr);
  let debug = isDebug(env);
  let closed = false;

  return {
    output,
    parse(args) {
      const command = parseSingerArgs(args, options.name);
      if ('debug' in command) debug ||= command.debug;
      return command;
    },
    interruptLogger: () => ({ ...silentLogger, warn: (message: string) => void say(`WARN ${message}`) }),
    run,
    report: (error) => say(`ERROR ${singerErrorText(error, undefined, debug, (text) => secrets.scrub(text))}`),
    // After closeAll (a run archive that cannot be finished) only the raw stream is left.
    say: (text) => (closed ? void stderr.write(secrets.scrub(`ERROR ${text}`) + '\n') : say(`ERROR ${text}`)),
    close: closeAll,
  };

  async function say(line: string): Promise<void> {
    await logOutput.write(secrets.scrub(line) + '\n').catch(() => undefined);
  }

  async function closeAll(): Promise<void> {
    closed = true;
    try {
      await output.close();
    } finally {
      await logOutput.close();
    }
  }

  async function printJson(value: unknown): Promise<void> {
    await output.write(secrets.scrub(JSON.stringify(value, null, 2)) + '\n');
  }

  async function run(command: SingerCommand, signal: AbortSignal): Promise<void> {
    // A sync stops through its signal (its bookmarks so far kept); any other command is just no longer waited for.
    if (command.command === 'sync') return runWithConfig(command, signal);
    return untilInterrupted(command.command, signal, () => runOnce(command, signal));
  }

  async function runOnce(command: Exclude<SingerCommand, { command: 'sync' }>, signal: AbortSignal): Promise<void> {
    switch (command.command) {
      case 'help':
        return output.write(singerUsage(options.name) + '\n');
      case 'version':
        return output.write(`${options.name} v${options.version}\n`);
      case 'about': {
        const about = singerAbout(source.spec().connectionSpecification, options);
        return command.format === 'json' ? printJson(about) : output.write(aboutMarkdown(about));
      }
      case 'discover':
        return runWithConfig(command, signal);
    }
  }

  async function runWithConfig(command: Extract<SingerCommand, { command: 'discover' | 'sync' }>, signal: AbortSignal): Promise<void> {
    const loaded = loadSingerConfig({
      paths: command.configs,
      env,
      envPrefix: envPrefixOf(options.name),
      settings: source.spec().connectionSpecification,
      ...(options.tokenStoreEnvVar === undefined ? {} : { tokenStoreEnvVar: options.tokenStoreEnvVar }),
    });
    for (const secret of source.secretsOf(loaded.config)) secrets.add(secret);
    const state = command.command === 'sync' && command.state !== undefined ? readSingerStateFile(command.state) : new Map<string, JsonObject>();

    const infos = new Map<string, SingerStreamInfo>(); // filled once the catalog is read
    const sink: SingerWriter = new SingerWriter({
      output,
      logOutput,
      secrets,
      streams: infos,
      bookmarks: state,
      ...(options.deletedAt === undefined ? {} : { deletedAt: options.deletedAt }),
      onConfigUpdate: async (config) => {
        for (const secret of source.secretsOf(config)) secrets.add(secret);
        await writeBack.save(config);
      },
      debug,
    });
    const log = new SinkLogger(sink, { debug });
    const writeBack = new ConfigWriteBack({
      configPath: loaded.writeBackPath,
      tokenStorePath: loaded.tokenStorePath,
      initial: loaded.config,
      logger: log,
    });
    if (loaded.tokenStoreKeys.length > 0) {
      log.info(`Using ${loaded.tokenStoreKeys.join(', ')} from the token store ${loaded.tokenStorePath ?? ''}.`);
    }
    const ctx: RunContext = { logger: log, secrets, emitConfig: (config) => sink.configUpdate(config) };
    const config = source.parseConfig(loaded.config, log);
    const streams = source.streams(config, ctx);
    const described = streams.map((stream) => stream.describe());
    if (command.command === 'discover') return printJson(toSingerCatalog(described));

    const selection =
      command.catalog === undefined
        ? selectAll(described)
        : selectionFromSingerCatalog(readJsonFile(command.catalog, 'catalog'), described, log);
    const tableVersion = Date.now(); // FULL_TABLE streams: one table version for this run (ms, as Singer taps use)
    for (const configured of selection.configured) {
      const cursor = configured.sync_mode === 'incremental' ? replicationKey(configured.cursor_field) : undefined;
      const info: SingerStreamInfo = {
        schema: configured.stream.json_schema,
        keyProperties: keyProperties(configured.primary_key ?? configured.stream.source_defined_primary_key),
      };
      if (cursor !== undefined) info.bookmarkProperties = [cursor];
      if (configured.sync_mode === 'full_refresh') info.version = tableVersion;
      const deselected = selection.deselectedFields.get(configured.stream.name);
      if (deselected) info.deselectedFields = deselected;
      infos.set(configured.stream.name, info);
    }
    if (selection.configured.length === 0) {
      log.warn('The catalog selects no stream: nothing to sync. Select streams with "selected": true in their [] breadcrumb metadata (Meltano: `select` in meltano.yml) or, in a legacy properties file, "schema": {"selected": true}.');
      return;
    }
    source.prepareRead?.(config, ctx, selection.configured, state);
    if (command.archive !== undefined) session.openArchive(command.archive, 'singer', log, options.name);
    await readStreams({ streams, catalog: selection.configured, state, sink, logger: log, concurrency: source.streamConcurrency?.(config) ?? 4, signal });
    await sink.flush();
  }
}
