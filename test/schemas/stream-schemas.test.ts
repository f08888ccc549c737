import { describe, expect, it } from 'vitest';
import { ENTITY_STREAMS, primaryKeyOf } from '../../scripts/schemas-streams.js';
import { NUMERIC_NAME } from '../../scripts/schemas-xsd.js';
import { ENTITY_REGISTRY } from '../../src/streams/entity-registry.js';
import { REPORTS } from '../../src/streams/reports/report-registry.js';
import { listSchemaStreams, loadStreamSchema } from '../../src/streams/schema-loader.js';
import { at, isObject, newAjv, schemaNodes, typesOf } from './helpers.js';

const STREAMS = Object.keys(ENTITY_STREAMS);
const FORBIDDEN = ['$ref', 'allOf', 'anyOf', 'oneOf', 'not', 'patternProperties', 'definitions', 'if', 'then', 'else'];

describe('entity stream schemas', () => {
  it('exist for every entity stream', () => {
    expect(STREAMS).toHaveLength(40);
    const listed = listSchemaStreams();
    for (const s of STREAMS) expect(listed).toContain(s);
  });

  it('one list: every schema file has a registry row (entity or report) and every row a schema file', () => {
    const rows = [...ENTITY_REGISTRY.map((d) => d.stream), ...REPORTS.map((r) => r.stream)].sort();
    expect(listSchemaStreams()).toEqual(rows);
  });

  describe.each(STREAMS)('%s', (stream) => {
    const schema = loadStreamSchema(stream);

    it('compiles under ajv draft-07 with formats', () => {
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(() => newAjv().compile(schema)).not.toThrow();
    });

    it('has no $ref, combinators or definitions left, $schema only at the top', () => {
      const bad: string[] = [];
      for (const [path, node] of schemaNodes(schema)) {
        for (const k of FORBIDDEN) if (k in node) bad.push(`${k} at ${path}`);
        if (path !== '$' && '$schema' in node) bad.push(`$schema at ${path}`);
      }
      expect(bad).toEqual([]);
    });

    it('keeps every object open (additionalProperties: true) with properties', () => {
      const bad: string[] = [];
      for (const [path, node] of schemaNodes(schema)) {
        if (!typesOf(node).includes('object')) continue;
        if (node.additionalProperties !== true) bad.push(`additionalProperties at ${path}`);
        if (!isObject(node.properties)) bad.push(`no properties at ${path}`);
      }
      expect(bad).toEqual([]);
    });

    it('uses nullable types, single-schema items and no enum constraint', () => {
      const bad: string[] = [];
      for (const [path, node] of schemaNodes(schema)) {
        if (path === '$' || path.endsWith('[]')) continue;
        if (typesOf(node)[0] !== 'null') bad.push(`not nullable: ${path}`);
        if ('items' in node && !isObject(node.items)) bad.push(`items not one schema: ${path}`);
        if ('enum' in node) bad.push(`enum at ${path}`);
      }
      expect(bad).toEqual([]);
    });

    it('has its primary key, scalar typed', () => {
      for (const [field] of primaryKeyOf(stream)) {
        const pk = at(schema, field ?? '');
        expect(pk, field).toBeDefined();
        expect(typesOf(pk)).not.toContain('object');
        expect(typesOf(pk)).not.toContain('array');
      }
    });

    it('has MetaData.LastUpdatedTime and _ab_cdc_deleted_at as date-times, airbyte_cursor a plain string as the official declares it', () => {
      for (const p of ['MetaData.LastUpdatedTime', '_ab_cdc_deleted_at']) {
        expect(typesOf(at(schema, p)), p).toEqual(['null', 'string']);
        expect(at(schema, p)?.format, p).toBe('date-time');
      }
      expect(typesOf(at(schema, 'airbyte_cursor'))).toEqual(['null', 'string']);
      expect(at(schema, 'airbyte_cursor')).not.toHaveProperty('format');
    });

    it('types no amount, quantity, rate or duration as integer', () => {
      const bad = [...schemaNodes(schema)]
        .filter(([path, node]) => typesOf(node).includes('integer') && NUMERIC_NAME.test(path.split('.').pop()?.replace('[]', '') ?? ''))
        .map(([path]) => path);
      expect(bad).toEqual([]);
    });
  });
});

describe('field types that broke peers', () => {
  it.each([
    ['invoices', 'Line[].SalesItemLineDetail.Qty'],
    ['invoices', 'Line[].SalesItemLineDetail.UnitPrice'],
    ['invoices', 'Line[].GroupLineDetail.Line[].SalesItemLineDetail.Qty'],
    ['invoices', 'TxnTaxDetail.TotalTax'],
    ['invoices', 'TxnTaxDetail.TaxLine[].TaxLineDetail.TaxPercent'],
    ['invoices', 'TotalAmt'],
    ['bills', 'Line[].ItemBasedExpenseLineDetail.Qty'],
    ['time_activities', 'Hours'],
    ['time_activities', 'Minutes'],
    ['time_activities', 'BreakHours'],
    ['time_activities', 'HourlyRate'],
    ['employees', 'BillRate'],
    ['items', 'QtyOnHand'],
    ['exchange_rates', 'Rate'],
  ])('%s %s is number', (stream, path) => {
    expect(typesOf(at(loadStreamSchema(stream), path))).toEqual(['null', 'number']);
  });

  it('keeps counters integer and dates formatted', () => {
    expect(typesOf(at(loadStreamSchema('invoices'), 'Line[].LineNum'))).toEqual(['null', 'integer']);
    expect(at(loadStreamSchema('invoices'), 'TxnDate')?.format).toBe('date');
    expect(at(loadStreamSchema('time_activities'), 'StartTime')?.format).toBe('date-time');
  });

  it('models every line detail type on Line', () => {
    const line = at(loadStreamSchema('invoices'), 'Line[]');
    for (const d of [
      'SalesItemLineDetail', 'GroupLineDetail', 'DescriptionLineDetail', 'DiscountLineDetail', 'SubTotalLineDetail',
      'TaxLineDetail', 'DepositLineDetail', 'JournalEntryLineDetail', 'ItemBasedExpenseLineDetail',
      'AccountBasedExpenseLineDetail', 'PaymentLineDetail', 'TDSLineDetail', 'ReimburseLineDetail',
    ]) {
      expect(typesOf(at(line ?? {}, d)), d).toEqual(['null', 'object']);
    }
  });

  it('gives CustomField every value type', () => {
    const cf = at(loadStreamSchema('customers'), 'CustomField[]') ?? {};
    expect(Object.keys(cf.properties as object)).toEqual(
      expect.arrayContaining(['DefinitionId', 'Name', 'Type', 'StringValue', 'NumberValue', 'DateValue', 'BooleanValue']),
    );
    expect(typesOf(at(cf, 'NumberValue'))).toEqual(['null', 'number']);
  });

  it('cuts the group line recursion: lines inside a group have no GroupLineDetail', () => {
    const inner = at(loadStreamSchema('invoices'), 'Line[].GroupLineDetail.Line[]');
    expect(inner?.properties).toHaveProperty('SalesItemLineDetail');
    expect(inner?.properties).toHaveProperty('Amount');
    expect(inner?.properties).not.toHaveProperty('GroupLineDetail');
  });

  it('gives recurring_transactions the union of recurring-capable types', () => {
    const s = loadStreamSchema('recurring_transactions');
    for (const p of ['RecurringTxnType', 'RecurringInfo.ScheduleInfo.NextDate', 'RecurDataRef.value', 'VendorRef', 'CustomerRef', 'APAccountRef', 'FromAccountRef', 'DepositToAccountRef', 'Line[].JournalEntryLineDetail.PostingType']) {
      expect(at(s, p), p).toBeDefined();
    }
  });

  it('keys exchange_rates by SourceCurrencyCode, TargetCurrencyCode and AsOfDate', () => {
    expect(primaryKeyOf('exchange_rates')).toEqual([['SourceCurrencyCode'], ['TargetCurrencyCode'], ['AsOfDate']]);
    const s = loadStreamSchema('exchange_rates');
    expect(typesOf(at(s, 'SourceCurrencyCode'))).toEqual(['null', 'string']);
    expect(typesOf(at(s, 'TargetCurrencyCode'))).toEqual(['null', 'string']);
    expect(at(s, 'AsOfDate')?.format).toBe('date');
  });
});
