import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { loadStreamSchema } from '../../src/streams/schema-loader.js';
import { fixtureRecords, newAjv } from './helpers.js';

const ajv = newAjv();
const validators = new Map<string, ValidateFunction>();
function validator(stream: string): ValidateFunction {
  let v = validators.get(stream);
  if (!v) validators.set(stream, (v = ajv.compile(loadStreamSchema(stream))));
  return v;
}

function errorsOf(stream: string, record: unknown): string[] {
  const v = validator(stream);
  return v(record) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('sample records validate against their stream schema', () => {
  const streams = ['invoices', 'bills', 'payments', 'items', 'journal_entries', 'customers', 'vendors', 'recurring_transactions'];
  describe.each(streams)('%s', (stream) => {
    const records = fixtureRecords(stream);
    it('has samples', () => expect(records.length).toBeGreaterThan(0));
    it.each(records.map((r, i) => [i, r] as const))('record %i is valid', (_i, record) => {
      expect(errorsOf(stream, record)).toEqual([]);
    });
  });

  it('accepts a CDC tombstone of a hard-deleted invoice', () => {
    const tombstone = {
      Id: '979',
      MetaData: { LastUpdatedTime: '2023-12-23T12:55:50-08:00' },
      airbyte_cursor: '2023-12-23T12:55:50-08:00',
      _ab_cdc_deleted_at: '2023-12-23T12:55:50-08:00',
    };
    expect(errorsOf('invoices', tombstone)).toEqual([]);
    expect(errorsOf('invoices', { ...tombstone, status: 'Deleted', domain: 'QBO' })).toEqual([]);
  });

  it('accepts fields QBO adds later (additionalProperties everywhere)', () => {
    const [inv] = fixtureRecords('invoices');
    const record = structuredClone(inv) as JsonObject & { Line: JsonObject[]; TxnTaxDetail: JsonObject };
    record.TxnFutureField = { any: 1 };
    (record.Line[0] as JsonObject).NewLineField = 'x';
    record.TxnTaxDetail.NewTaxField = [1, 2];
    expect(errorsOf('invoices', record)).toEqual([]);
  });

  it('rejects wrongly typed values (the validation is real)', () => {
    const [inv] = fixtureRecords('invoices');
    const bad = structuredClone(inv) as JsonObject & { Line: { SalesItemLineDetail?: JsonObject }[] };
    const first = bad.Line[0]?.SalesItemLineDetail;
    if (!first) throw new Error('fixture invoices[0].Line[0] needs a SalesItemLineDetail');
    first.Qty = '2.5';
    bad.TxnDate = '14/03/2023';
    bad.MetaData = { LastUpdatedTime: 'yesterday' };
    bad.airbyte_cursor = 7 as unknown as string;
    const errors = errorsOf('invoices', bad);
    expect(errors).toContain('/Line/0/SalesItemLineDetail/Qty must be null,number');
    expect(errors).toContain('/TxnDate must match format "date"');
    expect(errors).toContain('/MetaData/LastUpdatedTime must match format "date-time"');
    // A plain string, as airbyte/source-quickbooks declares it.
    expect(errors).toContain('/airbyte_cursor must be null,string');
  });

  it('accepts fractional quantities and hours', () => {
    expect(errorsOf('time_activities', { Id: '1', Hours: 1.5, Minutes: 7.5, HourlyRate: 42.25 })).toEqual([]);
    expect(errorsOf('time_activities', { Id: '1', Hours: '1' })).not.toEqual([]);
  });
});
