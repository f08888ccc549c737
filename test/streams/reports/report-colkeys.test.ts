// Report bodies with their real column keys (sources: test/fixtures/reports/SOURCES.md) come out
// with every field declared by the stream's schema and typed as declared; a column key the
// registry has never seen goes under extra_amounts / extra_columns, never to the top level.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import { flattenReport, type FlattenContext } from '../../../src/streams/reports/flatten-report.js';
import { reportByQboName, type ReportDefinition } from '../../../src/streams/reports/report-registry.js';
import { buildReportSchema } from '../../../src/streams/reports/report-schema.js';
import { fixture } from './helpers.js';

function flatten(name: string, body: JsonObject): { records: JsonObject[]; def: ReportDefinition } {
  const def = reportByQboName(name) as ReportDefinition;
  const ctx: FlattenContext = { definition: def, period: { start: '2024-03-01', end: '2024-03-31' }, accountingMethod: def.accountingMethod ? 'Accrual' : null, params: {} };
  return { records: flattenReport(body, ctx), def };
}

type Schema = { properties: Record<string, { type: string | string[] }> };

/** Top-level fields the schema does not declare, and declared fields whose value has another JSON type. */
function problems(def: ReportDefinition, records: JsonObject[]): string[] {
  const { properties } = buildReportSchema(def) as unknown as Schema;
  const out = new Set<string>();
  for (const record of records) {
    for (const [field, value] of Object.entries(record)) {
      const declared = properties[field];
      if (declared === undefined) {
        out.add(`undeclared ${field}`);
        continue;
      }
      const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) && [declared.type].flat().includes('integer') ? 'integer' : typeof value === 'number' ? 'number' : typeof value;
      if (![declared.type].flat().includes(kind)) out.add(`${field}: ${kind} is not ${JSON.stringify(declared.type)}`);
    }
  }
  return [...out];
}

const REAL_BODIES: Array<[string, string]> = [
  ['TransactionList', 'transaction_list_all_columns'],
  ['GeneralLedger', 'general_ledger_real'],
  ['AgedPayableDetail', 'aged_payable_detail_colkeys'],
  ['GeneralLedger', 'general_ledger'],
  ['TrialBalance', 'trial_balance'],
  ['AgedReceivables', 'aged_receivables'],
  ['ProfitAndLoss', 'profit_and_loss_nested'],
];

describe('report bodies with real column keys', () => {
  it.each(REAL_BODIES)('%s (%s): no undeclared top-level field, every value of its declared type', (name, file) => {
    const { records, def } = flatten(name, fixture(file));
    expect(records.length).toBeGreaterThan(0);
    expect(problems(def, records)).toEqual([]);
  });

  it('TransactionList with every column: amounts typed as numbers under their own keys', () => {
    const { records } = flatten('TransactionList', fixture('transaction_list_all_columns'));
    const [row] = records;
    expect(row).toMatchObject({
      tx_date: '2017-04-16', transaction_type: 'Credit Card Expense', transaction_id: '144', is_no_post: 'Yes',
      create_date: '2017-04-16T14:04:25-0700', create_by: 'kata choii', other_account: 'Automobile', other_account_id: '55',
      subt_nat_home_amount: 34, nat_home_open_bal: 0, exch_rate: 1, subt_nat_amount: 34, col_currency: 'USD',
      home_tax_amount: 0, home_net_amount: 0, foreign_tax_amount: null, nat_foreign_amount: 34,
      due_date: null, inv_date: null, // QBO writes "0-00-00" for no date
    });
    // The recording's second "term_name" column (a Money column titled Debit) is a key no schema declares.
    expect(row?.['extra_amounts']).toEqual([{ column: 'term_name_2', value: null }]);
  });

  it('AgedPayableDetail: subt_neg_amount and subt_neg_open_bal are declared numbers', () => {
    const { records } = flatten('AgedPayableDetail', fixture('aged_payable_detail_colkeys'));
    const bill = records.find((r) => r['transaction_id'] === '181');
    expect(bill).toMatchObject({ subt_neg_amount: 241.23, subt_neg_open_bal: 241.23, past_due: 25, vend_name: 'Brosnahan Insurance Agency', vendor_id: '31' });
    const schema = buildReportSchema(reportByQboName('AgedPayableDetail') as ReportDefinition) as unknown as Schema;
    expect(schema.properties['subt_neg_amount']?.type).toEqual(['null', 'number']);
    expect(schema.properties['subt_neg_open_bal']?.type).toEqual(['null', 'number']);
  });

  it.each(['subt_nat_amount', 'subt_neg_amount', 'subt_neg_open_bal', 'tax_amount'])('%s is declared as a number by every detail report', (key) => {
    for (const name of ['GeneralLedger', 'ProfitAndLossDetail', 'TransactionList', 'AgedPayableDetail', 'AgedReceivableDetail']) {
      const schema = buildReportSchema(reportByQboName(name) as ReportDefinition) as unknown as Schema;
      expect(schema.properties[key]?.type, `${name}.${key}`).toEqual(['null', 'number']);
    }
  });

  it('a column key never seen before comes out typed under extra_amounts / extra_columns', () => {
    const body = fixture('aged_payable_detail_colkeys');
    const columns = (body['Columns'] as { Column: JsonObject[] }).Column;
    columns.push(
      { ColTitle: 'Surcharge', ColType: 'Money', MetaData: [{ Name: 'ColKey', Value: 'surcharge_nat_amount' }] },
      { ColTitle: 'Region', ColType: 'String', MetaData: [{ Name: 'ColKey', Value: 'region_name' }] },
    );
    const section = (body['Rows'] as { Row: Array<{ Rows?: { Row: Array<{ ColData: JsonObject[] }> } }> }).Row[0];
    for (const row of section?.Rows?.Row ?? []) row.ColData.push({ value: '1,234.50' }, { value: 'West', id: '7' });
    const { records, def } = flatten('AgedPayableDetail', body);
    const bill = records.find((r) => r['transaction_id'] === '181');
    expect(bill?.['extra_amounts']).toEqual([{ column: 'surcharge_nat_amount', value: 1234.5 }]);
    expect(bill?.['extra_columns']).toEqual([{ column: 'region_name', value: 'West' }, { column: 'region_name_id', value: '7' }]);
    expect(bill?.['surcharge_nat_amount']).toBeUndefined();
    expect(problems(def, records)).toEqual([]);
  });
});
