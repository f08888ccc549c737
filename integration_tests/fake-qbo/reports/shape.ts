// Builders of QBO's report JSON shape (Report.xsd): Header, Columns with ColKey metadata, nested
// Rows with Section / Data rows, ColData cells {value, id?} with money as "1234.50" strings.
import type { JsonObject } from '../../../src/cdk/core/protocol.js';

export type Cell = { value: string; id?: string };
export type Row = JsonObject;

export const money = (n: number): string => (Math.round(n * 100) / 100).toFixed(2).replace(/^-0\.00$/, '0.00');
/** QBO leaves a zero line blank in most reports. */
export const moneyOrBlank = (n: number): string => (Math.abs(n) < 0.005 ? '' : money(n));

export function cell(value: string, id?: string): Cell {
  return id === undefined ? { value } : { value, id };
}

export function dataRow(cells: Cell[], group?: string): Row {
  return group === undefined ? { ColData: cells, type: 'Data' } : { ColData: cells, type: 'Data', group };
}

export interface SectionSpec {
  header?: Cell[];
  rows?: Row[];
  summary?: Cell[];
  group?: string;
}

export function section(spec: SectionSpec): Row {
  const row: Row = {};
  if (spec.header) row['Header'] = { ColData: spec.header };
  if (spec.rows && spec.rows.length > 0) row['Rows'] = { Row: spec.rows };
  if (spec.summary) row['Summary'] = { ColData: spec.summary };
  row['type'] = 'Section';
  if (spec.group !== undefined) row['group'] = spec.group;
  return row;
}

export interface ColumnSpec {
  title: string;
  type: string;
  key?: string;
  start?: string;
  end?: string;
}

export function columns(specs: ColumnSpec[]): JsonObject {
  return {
    Column: specs.map((c) => {
      const meta: { Name: string; Value: string }[] = [];
      if (c.start !== undefined && c.end !== undefined) meta.push({ Name: 'StartDate', Value: c.start }, { Name: 'EndDate', Value: c.end });
      if (c.key !== undefined) meta.push({ Name: 'ColKey', Value: c.key });
      return meta.length > 0 ? { ColTitle: c.title, ColType: c.type, MetaData: meta } : { ColTitle: c.title, ColType: c.type };
    }),
  };
}

export interface HeaderSpec {
  name: string;
  start?: string;
  end?: string;
  basis?: string;
  summarize?: string;
  reportDate?: string;
  noData: boolean;
}

export function header(h: HeaderSpec): JsonObject {
  const out: JsonObject = { Time: new Date().toISOString(), ReportName: h.name };
  if (h.basis !== undefined) out['ReportBasis'] = h.basis;
  if (h.start !== undefined) out['StartPeriod'] = h.start;
  if (h.end !== undefined) out['EndPeriod'] = h.end;
  if (h.summarize !== undefined) out['SummarizeColumnsBy'] = h.summarize;
  out['Currency'] = 'USD';
  const options = [];
  if (h.reportDate !== undefined) options.push({ Name: 'report_date', Value: h.reportDate });
  options.push({ Name: 'AccountingStandard', Value: 'GAAP' }, { Name: 'NoReportData', Value: h.noData ? 'true' : 'false' });
  out['Option'] = options;
  return out;
}
