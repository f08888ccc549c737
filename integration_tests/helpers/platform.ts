// What the Airbyte platform does between syncs: keep the last STATE of each stream and hand them back as the
// next run's --state (a STREAM-type list), persist a config rotated through CONTROL, and load the records
// into a destination.
import type { ConfiguredAirbyteCatalog, JsonObject } from '../../src/cdk/core/protocol.js';
import { DedupDestination, type SyncTally } from './dedup-destination.js';
import { controlConfigs, type AirbyteMessage } from './messages.js';
import { runConnector, type RunOptions, type RunResult } from './run-connector.js';

export interface SyncOutcome extends RunResult {
  /** Exit 0 and no signal. */
  succeeded: boolean;
  tally: Map<string, SyncTally>;
}

/** The per-stream state list a platform passes to the next read (CAT's format). */
export type StateList = { type: 'STREAM'; stream: { stream_descriptor: { name: string }; stream_state: JsonObject } }[];

export class Platform {
  readonly destination = new DedupDestination();
  /** stream -> last stream_state seen. */
  readonly streamStates = new Map<string, JsonObject>();
  /** Every config persisted from CONTROL, oldest first. */
  readonly configHistory: JsonObject[] = [];

  constructor(
    public config: JsonObject,
    private readonly env: Record<string, string>,
  ) {}

  /** The state file of the next run, or undefined before any STATE was seen. */
  stateList(): StateList | undefined {
    if (this.streamStates.size === 0) return undefined;
    return [...this.streamStates].map(([name, stream_state]) => ({
      type: 'STREAM' as const,
      stream: { stream_descriptor: { name }, stream_state },
    }));
  }

  /** Apply what a (possibly interrupted) run printed: states, CONTROL configs, records. */
  absorb(catalog: ConfiguredAirbyteCatalog, messages: readonly AirbyteMessage[], complete: boolean): Map<string, SyncTally> {
    for (const m of messages) {
      if (m.type === 'STATE' && m.state.stream) {
        this.streamStates.set(m.state.stream.stream_descriptor.name, m.state.stream.stream_state ?? {});
      }
    }
    for (const config of controlConfigs(messages)) {
      this.config = config;
      this.configHistory.push(config);
    }
    return this.destination.apply(catalog, messages, complete).tally;
  }

  /** One `read` with the current config and state; its output is absorbed even when it failed. */
  async sync(catalog: ConfiguredAirbyteCatalog, options: Omit<RunOptions, 'config' | 'catalog' | 'state'> = {}): Promise<SyncOutcome> {
    const state = this.stateList();
    const result = await runConnector('read', {
      ...options,
      config: this.config,
      catalog,
      ...(state ? { state } : {}),
      env: { ...this.env, ...options.env },
    });
    const succeeded = result.exitCode === 0 && result.signal === null;
    const tally = this.absorb(catalog, result.messages, succeeded);
    return { ...result, succeeded, tally };
  }
}
