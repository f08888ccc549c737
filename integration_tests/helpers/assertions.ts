// Assertions shared by the end-to-end tests.
import { expect } from 'vitest';
import type { ConfiguredAirbyteCatalog } from '../../src/cdk/core/protocol.js';
import type { Company } from '../fake-qbo/store/company.js';
import { compareWithTruth, problems } from './ground-truth.js';
import { recordCounts, traceErrors } from './messages.js';
import type { Platform, SyncOutcome } from './platform.js';

/** Exit 0, no TRACE ERROR; otherwise fail with stderr and the errors. */
export function expectSucceeded(run: SyncOutcome | { exitCode: number | null; messages: SyncOutcome['messages']; stderr: string }): void {
  const errors = traceErrors(run.messages);
  expect({ exitCode: run.exitCode, errors, stderr: run.exitCode === 0 ? '' : run.stderr.slice(-3000) }).toEqual({ exitCode: 0, errors: [], stderr: '' });
}

/** Zero missing, stale and ghost rows in every entity stream of the catalog, and the truth is not empty. */
export function expectMatchesTruth(platform: Platform, company: Company, catalog: ConfiguredAirbyteCatalog): void {
  const diffs = compareWithTruth(platform.destination, company, catalog);
  expect(diffs.length).toBeGreaterThan(0);
  expect(problems(diffs)).toEqual({});
  expect(diffs.reduce((n, d) => n + d.truth, 0)).toBeGreaterThan(0);
}

/** Every configured stream emitted at least one record. */
export function expectEveryStreamHasRecords(run: { messages: SyncOutcome['messages'] }, catalog: ConfiguredAirbyteCatalog): void {
  const counts = recordCounts(run.messages);
  const empty = catalog.streams.map((s) => s.stream.name).filter((name) => !counts.has(name));
  expect(empty, 'streams without records (a fake-server gap or a connector bug)').toEqual([]);
}
