// How a stream reads QBO faults. One whose entity the company lacks (QBO's 5030 / 5020 / 4001 "invalid
// context declaration" / a resource path QBO does not serve) ends with 0 records and one WARN; every
// other fault still fails it; a custom query QBO refuses is a config_error naming the query.
import { describe, expect, it } from 'vitest';
import { failureTypeOf, StreamConfigError } from '../../src/cdk/core/errors.js';
import type { Logger } from '../../src/cdk/core/logger.js';
import type { JsonObject, SyncMode } from '../../src/cdk/core/protocol.js';
import { errorFromResponse } from '../../src/qbo/faults.js';
import { unavailableFeatureReason } from '../../src/qbo/unavailable-feature.js';
import { entityDef, type EntityDef } from '../../src/streams/entity-registry.js';
import { EntityStream } from '../../src/streams/entity-stream.js';
import { PageBudget } from '../../src/streams/page-budget.js';
import { QueryPrefetch } from '../../src/streams/query-prefetch.js';
import { MemoryQbo, rowsAt } from './memory-qbo.js';

/** A 400 answer as QBO sends it, through the same classifier the client uses. */
function fault(code: string, message: string, detail: string, status = 400): Error {
  return errorFromResponse({ status, headers: new Headers(), bodyText: JSON.stringify({ Fault: { Error: [{ Message: message, Detail: detail, code }], type: 'ValidationFault' } }) });
}
// Intuit's IPP error-code table; reference/qbo-samples/fault_400_invalid_query_4001_real.json; fault_400_unsupported_operation_500_real.json.
const FEATURE_5030 = (): Error => fault('5030', 'Feature Not Supported', 'Requested feature is not supported.');
const NOT_ENTITLED_5020 = (): Error => fault('5020', 'You do not have permission to access this feature.', 'You have issued a request against a feature for which your product is not entitled.');
const UNKNOWN_ENTITY_4001 = (entity: string): Error => fault('4001', 'Invalid query', `QueryValidationError: invalid context declaration: ${entity}`);
const NOT_QUERYABLE_4001 = (): Error => fault('4001', 'Invalid query', "QueryValidationError: property 'PrivateNote' is not queryable");
const UNSUPPORTED_500 = (path: string): Error =>
  fault('500', 'Unsupported Operation', `Operation Could not find resource for relative : ${path} of full path: https://qbo.test${path} is not supported.`);

function logger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: () => {}, info: (m) => lines.push(`INFO ${m}`), warn: (m) => lines.push(`WARN ${m}`), error: (m) => lines.push(`ERROR ${m}`) };
}

function make(api: MemoryQbo, stream: string, log: Logger, prefetch?: QueryPrefetch, pageSize = 10, where?: string): EntityStream {
  const def = entityDef(stream) as EntityDef;
  return new EntityStream(where === undefined ? def : { ...def, stream: 'open_invoices', cdc: false }, {
    ...(where === undefined ? {} : { where }),
    api, realmId: '123', logger: log, budget: new PageBudget(4 * 64 * 1024), feed: undefined, prefetch, pageSize, maxPrefetch: 2,
    startDate: '2020-01-01T00:00:00Z', lookbackSeconds: 0, emitEstimates: false, schema: () => ({ type: 'object' }),
  });
}

async function read(stream: EntityStream, syncMode: SyncMode = 'full_refresh', state?: JsonObject) {
  const records: JsonObject[] = [];
  const states: JsonObject[] = [];
  for await (const e of stream.read({ syncMode, cursorField: undefined, state, signal: new AbortController().signal })) {
    if (e.type === 'records') records.push(...e.records);
    if (e.type === 'state') states.push(e.state);
  }
  return { records, states };
}

const warns = (log: { lines: string[] }): string[] => log.lines.filter((l) => l.startsWith('WARN'));

describe('stream availability learnt at run time', () => {
  it.each([
    ['tax_payments', 'TaxPayment', FEATURE_5030, /fault 5030 Feature Not Supported: Requested feature is not supported/],
    ['journal_codes', 'JournalCode', () => UNKNOWN_ENTITY_4001('JournalCode'), /fault 4001 Invalid query: QueryValidationError: invalid context declaration: JournalCode/],
    ['purchase_orders', 'PurchaseOrder', NOT_ENTITLED_5020, /fault 5020/],
  ])('%s: a first-request fault saying the company lacks %s ends it with 0 records and one WARN', async (stream, entity, make5030, detail) => {
    const api = new MemoryQbo();
    api.faults.set(entity, make5030());
    const log = logger();
    const { records, states } = await read(make(api, stream, log));
    expect(records).toEqual([]);
    expect(states).toEqual([{ v: 1 }]);
    expect(warns(log)).toHaveLength(1);
    expect(warns(log)[0]).toContain(`Stream ${stream} is not available in this QuickBooks company`);
    expect(warns(log)[0]).toMatch(detail);
  });

  it('an incremental read keeps the state it came with', async () => {
    const api = new MemoryQbo();
    api.faults.set('TaxPayment', FEATURE_5030());
    const saved = { v: 1, cursor: '2026-01-01T00:00:00.000Z' };
    const { states } = await read(make(api, 'tax_payments', logger()), 'incremental', saved);
    expect(states).toEqual([saved]);
  });

  it('the fault inside a /batch item: the stream asks alone, gets it again, and ends the same way', async () => {
    const api = new MemoryQbo();
    api.faults.set('JournalCode', UNKNOWN_ENTITY_4001('JournalCode'));
    const log = logger();
    const prefetch = new QueryPrefetch(api, log);
    const stream = make(api, 'journal_codes', log, prefetch);
    stream.plan({ syncMode: 'full_refresh', state: undefined });
    const { records } = await read(stream);
    expect(api.batches.length).toBe(1);
    expect(records).toEqual([]);
    expect(warns(log)).toHaveLength(1);
    expect(warns(log)[0]).toContain('journal_codes');
  });

  it('an endpoint stream whose resource QBO does not serve (400 fault 500 Unsupported Operation)', async () => {
    const api = new MemoryQbo();
    api.faults.set('taxclassification', UNSUPPORTED_500('/v3/company/123/taxclassification'));
    const log = logger();
    const { records, states } = await read(make(api, 'tax_classifications', log));
    expect(records).toEqual([]);
    expect(states).toEqual([{ v: 1 }]);
    expect(warns(log)[0]).toMatch(/tax_classifications is not available .*fault 500 Unsupported Operation/);
  });

  it('other 400s still fail the stream', async () => {
    const api = new MemoryQbo();
    api.faults.set('Invoice', NOT_QUERYABLE_4001());
    await expect(read(make(api, 'invoices', logger()))).rejects.toThrow(/4001.*PrivateNote/);
  });

  it('"Unsupported Operation" on a query is a failure, not a missing feature', async () => {
    const api = new MemoryQbo();
    api.faults.set('Invoice', UNSUPPORTED_500('/v3/company/123/query'));
    await expect(read(make(api, 'invoices', logger()))).rejects.toThrow(/Unsupported Operation/);
  });

  it('the same fault after records came fails the stream (it is not about the company)', async () => {
    const api = new MemoryQbo();
    api.table('Invoice').push(...rowsAt(25));
    api.faults.set('Invoice', FEATURE_5030());
    api.faultAfterQueries = 1;
    await expect(read(make(api, 'invoices', logger(), undefined, 10))).rejects.toThrow(/5030/);
  });

  it('401, 403 and 5xx faults are never read as a missing feature', () => {
    expect(unavailableFeatureReason(fault('5030', 'Feature Not Supported', 'x', 403), 'query')).toBeUndefined();
    expect(unavailableFeatureReason(fault('3200', 'AuthenticationFailed', 'Token expired', 401), 'endpoint')).toBeUndefined();
    expect(unavailableFeatureReason(new Error('plain'), 'query')).toBeUndefined();
  });
});

describe('custom query faults', () => {
  it('QBO refusing a custom query clause is a config_error naming the query, its clause and QBO\'s words', async () => {
    const api = new MemoryQbo();
    api.faults.set('Invoice', NOT_QUERYABLE_4001());
    const error = await read(make(api, 'invoices', logger(), undefined, 10, "PrivateNote = 'x'")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamConfigError);
    expect(failureTypeOf(error)).toBe('config_error');
    const message = (error as Error).message;
    expect(message).toContain('custom_queries');
    expect(message).toContain('"open_invoices"');
    expect(message).toContain("Invoice WHERE PrivateNote = 'x'");
    expect(message).toContain("fault 4001 Invalid query: QueryValidationError: property 'PrivateNote' is not queryable");
  });

  it('a built-in stream\'s refused query stays a system_error (a connector defect)', async () => {
    const api = new MemoryQbo();
    api.faults.set('Invoice', NOT_QUERYABLE_4001());
    const error = await read(make(api, 'invoices', logger())).catch((e: unknown) => e);
    expect(failureTypeOf(error)).toBe('system_error');
  });
});
