// What a generator provides for one entity: a count and two pure functions of the index.
import type { JsonObject } from '../../../src/cdk/core/protocol.js';

export interface BaseSource {
  /** Number of generated records (Ids 1..count in generation order). */
  readonly count: number;
  /** Epoch seconds of record i's MetaData.LastUpdatedTime; non-decreasing in i. Cheap. */
  lut(i: number): number;
  /** Record i, a fresh object each call. */
  record(i: number): JsonObject;
}
