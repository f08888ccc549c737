// CAT TestIncremental.test_read_sequential_slices, the state bookkeeping: collapse repeated states (summing
// their record counts), drop those that followed no record, and sample the checkpoints to resume from.
import type { AirbyteStateMessage, JsonObject } from '../../src/cdk/core/protocol.js';

export interface Checkpoint {
  state: AirbyteStateMessage;
  /** Records emitted after this checkpoint in the first read: a read resumed from it must return at least these. */
  remaining: number;
}

/** Consecutive equal stream states merged (record counts added); states after zero records dropped. */
export function uniqueStates(states: readonly AirbyteStateMessage[]): { state: AirbyteStateMessage; count: number }[] {
  const out: { state: AirbyteStateMessage; count: number }[] = [];
  for (const s of states) {
    const count = s.sourceStats?.recordCount ?? 0;
    const last = out[out.length - 1];
    if (last && JSON.stringify(last.state.stream.stream_state) === JSON.stringify(s.stream.stream_state)) last.count += count;
    else out.push({ state: s, count });
  }
  return out.filter((s) => s.count > 0);
}

/** Fewer than 3 unique states: only the last; otherwise about 5 spread between the second and the second-last. */
export function sampleCheckpoints(states: readonly AirbyteStateMessage[], samples = 5): Checkpoint[] {
  const unique = uniqueStates(states);
  const remainingAfter = (i: number): number => unique.slice(i + 1).reduce((n, s) => n + s.count, 0);
  if (unique.length < 3) return unique.length === 0 ? [] : [{ state: (unique[unique.length - 1] as (typeof unique)[number]).state, remaining: 0 }];
  const inner = unique.length - 2;
  const step = Math.max(1, Math.floor(inner / samples));
  const picked: Checkpoint[] = [];
  for (let i = 1; i <= inner && picked.length < samples; i += step) picked.push({ state: (unique[i] as (typeof unique)[number]).state, remaining: remainingAfter(i) });
  return picked;
}

/** The --state file CAT writes for one checkpoint. */
export function stateInput(state: AirbyteStateMessage): JsonObject[] {
  return [{ type: 'STREAM', stream: { stream_descriptor: state.stream.stream_descriptor, stream_state: state.stream.stream_state ?? {} } }];
}
