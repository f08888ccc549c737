import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/cdk/core/logger.js';
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import type { Stream, StreamEvent } from '../../src/cdk/core/stream.js';
import { Journal, type JournalEntry } from '../../src/webhooks/journal.js';
import { withJournalCoverage } from '../../src/webhooks/journal-coverage.js';
import { FakeStream } from '../cdk/helpers.js';
import { tempDir } from '../support/temp-dir.js';

const entry = (entity: string, id: string, operation: string, changedAt: string, realm = '7'): JournalEntry => ({
  received_at: changedAt,
  realm_id: realm,
  entity,
  id,
  operation,
  changed_at: changedAt,
  format: 'legacy',
});

async function drain(events: AsyncIterable<StreamEvent>): Promise<void> {
  for await (const event of events) void event;
}

describe('journal coverage in read', () => {
  it('per stream: changes at or after the input cursor, covered when a record with the Id was emitted; other realms and entities ignored', async () => {
    const path = join(tempDir('qbo-coverage-'), 'journal.jsonl');
    const journal = new Journal(path);
    journal.append([
      entry('Invoice', '1', 'Update', '2026-01-01T00:00:00Z'), // before the cursor: an earlier sync covered it
      entry('Invoice', '2', 'Update', '2026-01-02T00:00:00Z'),
      entry('Invoice', '3', 'Delete', '2026-01-02T00:00:00Z'),
      entry('Invoice', '4', 'Create', '2026-01-03T00:00:00Z'),
      entry('Invoice', '9', 'Update', '2026-01-03T00:00:00Z', '8'), // another company
      entry('Customer', '5', 'Update', '2026-01-03T00:00:00Z'),
    ]);
    journal.close();
    const lines: string[] = [];
    const logger: Logger = { debug() {}, info: (m) => lines.push(m), warn() {}, error() {} };
    const page = (...ids: string[]): StreamEvent => ({ type: 'records', records: ids.map((Id): JsonObject => ({ Id })) });
    const invoices = new FakeStream('invoices', async function* () {
      yield page('2', '3', '77');
    });
    const bills = new FakeStream('bills', async function* () {
      yield page('1');
    });
    const [wrappedInvoices, wrappedBills] = withJournalCoverage([invoices, bills], path, '7', logger);
    expect(wrappedBills).toBe(bills); // nothing journalled for it: not wrapped
    const request = { syncMode: 'incremental' as const, cursorField: undefined, state: { cursor: '2026-01-01T12:00:00-08:00' }, signal: new AbortController().signal };
    await drain((wrappedInvoices as Stream).read(request));
    expect(lines).toEqual(['Webhook journal: stream "invoices" covered 2 of 3 journalled change(s); not in this sync: Invoice 4 Create.']);
  });
});
