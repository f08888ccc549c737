// JSON schemas of the report streams, built from the registry (the single source of truth);
// schemas/reports/<stream>.json are their committed copies, kept equal by a test.
import type { JsonObject } from '../../cdk/index.js';
import { columnInfo, EXTRA_AMOUNTS, EXTRA_COLUMNS, type ColumnValueType } from './report-columns.js';
import { ID_BEARING_COLUMNS, META_FIELDS } from './flatten-report.js';
import { declaredColumns, type ReportDefinition } from './report-registry.js';

const nullable = (type: string, extra: JsonObject = {}): JsonObject => ({ type: ['null', type], ...extra });
const date = (): JsonObject => nullable('string', { format: 'date' });

const META_PROPERTIES: Record<(typeof META_FIELDS)[number], JsonObject> = {
  _row_key: { type: 'string', description: 'Stable primary key: hash of report, basis, period, request range, section path, row identity and occurrence.' },
  report_name: { type: 'string', description: 'QBO report name, e.g. ProfitAndLoss.' },
  accounting_method: nullable('string', { description: 'Accrual or Cash as requested; null for reports without a basis.' }),
  summarize_column_by: nullable('string'),
  start_date: date(),
  end_date: date(),
  report_date: date(),
  as_of_date: { ...date(), description: 'Balances are as of this date (as-of and aging reports).' },
  period_start: { type: 'string', format: 'date', description: 'First day of the period the row belongs to.' },
  period_end: { type: 'string', format: 'date', description: 'Last day of the period the row belongs to.' },
  currency: nullable('string'),
  report_generated_at: nullable('string', { description: 'Header.Time: when QBO produced the report.' }),
  row_kind: { type: 'string', enum: ['data', 'section_summary', 'report_total'] },
  row_number: { type: 'integer', description: 'Position of the row in the report (1-based), for display order.' },
  row_label: nullable('string', { description: 'First cell as QBO shows it (localized).' }),
  row_group: nullable('string', { description: 'The row\'s own group attribute (e.g. NetIncome in CashFlow).' }),
  section_path: { type: 'array', items: { type: 'string' }, description: 'Titles of the enclosing sections, outermost first.' },
  section_group: nullable('string', { description: 'group attribute of the innermost enclosing section that has one (Income, NetIncome...).' }),
  account_id: nullable('string'),
  account_name: nullable('string'),
  customer_id: nullable('string'),
  customer_name: nullable('string'),
  vendor_id: nullable('string'),
  vendor_name: nullable('string'),
  transaction_id: nullable('string'),
  transaction_type: nullable('string'),
};

const COLUMN_SCHEMA: Record<ColumnValueType, () => JsonObject> = {
  number: () => nullable('number'),
  date,
  string: () => nullable('string'),
};

function extraList(type: 'number' | 'string', description: string): JsonObject {
  return nullable('array', {
    description,
    items: { type: 'object', additionalProperties: true, required: ['column'], properties: { column: { type: 'string' }, value: nullable(type) } },
  });
}

/** The record schema of a report stream: draft-07, no $ref, open everywhere. */
export function buildReportSchema(def: ReportDefinition): JsonObject {
  const meta = new Set<string>(META_FIELDS);
  const properties: Record<string, JsonObject> = { ...META_PROPERTIES };
  for (const key of declaredColumns(def)) {
    const field = meta.has(key) ? `col_${key}` : key;
    properties[field] = COLUMN_SCHEMA[columnInfo(key, undefined).type]();
    if (ID_BEARING_COLUMNS.has(key)) properties[`${field}_id`] = nullable('string');
  }
  // Arrays of {column, value} rather than open maps: typed, and `additionalProperties` stays true everywhere (CAT).
  properties[EXTRA_AMOUNTS] = extraList('number', 'Numeric columns this report schema does not declare (a column key new to the connector), in column order.');
  properties[EXTRA_COLUMNS] = extraList('string', 'Other columns this report schema does not declare (text, dates, <key>_id of referenced entities), in column order.');
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: def.stream,
    description: `QBO ${def.qboName} report, one record per row (and per section summary) per period.`,
    type: 'object',
    additionalProperties: true,
    required: ['_row_key', 'report_name', 'period_start', 'period_end', 'row_kind'],
    properties,
  };
}
