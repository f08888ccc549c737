// The contract a connector implements to be run by the kit: Source<Config> (spec, config parsing,
// check, discover, streams) and the RunContext it is given. Named apart from src/source.ts, the QBO source.
import type { Logger } from './logger.js';
import type { ProgressMetrics } from '../progress/display.js';
import type { AirbyteConnectionStatus, ConfiguredAirbyteStream, ConnectorSpecification, JsonObject } from './protocol.js';
import type { SecretRegistry } from './secrets.js';
import type { Stream } from './stream.js';

/** What the kit gives a source for one run. */
export interface RunContext {
  logger: Logger;
  /** Register every secret (config values, tokens issued during the run) so no output line shows it. */
  secrets: SecretRegistry;
  /** Persist a changed config (Airbyte CONTROL message / Singer config write-back); resolves once written. */
  emitConfig(config: JsonObject): Promise<void>;
}

/** A connector as the kit drives it. `Config` is the validated, normalised config. */
export interface Source<Config> {
  spec(): ConnectorSpecification;
  /** Validate and normalise a raw config; throws ConfigError naming every bad field; `logger` hears warnings. */
  parseConfig(raw: JsonObject, logger?: Logger): Config;
  /** The secret values of a raw config, registered before anything else runs. */
  secretsOf(raw: JsonObject): string[];
  check(config: Config, ctx: RunContext): Promise<AirbyteConnectionStatus>;
  /** Every stream this config can serve, for discover and read. Must not make network calls. */
  streams(config: Config, ctx: RunContext): Stream[];
  /**
   * Called once before a read with the configured streams and their input states, so a source can
   * plan work shared across streams (e.g. one change-feed call for many streams). No network calls.
   */
  prepareRead?(config: Config, ctx: RunContext, catalog: ConfiguredAirbyteStream[], state: Map<string, JsonObject>): void;
  /** Max number of streams read at once (the HTTP limiter still bounds requests). */
  streamConcurrency?(config: Config): number;
  /**
   * Source-wide counters (requests, rate-limit waits) for the progress a person sees at a terminal;
   * polled a few times a second during a read, so it must be cheap. Undefined before the first request.
   */
  progressMetrics?(): ProgressMetrics | undefined;
}
