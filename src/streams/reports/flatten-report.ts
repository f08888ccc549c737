// The one report flattener: a QBO report response -> one record per data row and per section
// summary. Pure: the same response and context always give the same records and keys.
//
// Layout choice: one record per row, every column a top-level typed field keyed by its stable
// column key (ColKey / ColType, never the localized ColTitle). Top-level typed fields load into
// typed warehouse columns, which a `columns` object would not. A response with period columns
// (summarize_column_by=Month: MetaData StartDate/EndDate) becomes one record per row per period
// column instead, the amount under `total` and the column's dates in period_start/period_end, so
// by-month and one-period-per-request responses share one schema; a dateless Total column of such a
// response becomes a record spanning the report's whole range. The streams request one period per
// call (summarize_column_by=Total), so fan-out is only a safety net.
import { createHash } from 'node:crypto';
import type { JsonObject } from '../../cdk/index.js';
import {
  ENTITY_COL_TYPES,
  EXTRA_AMOUNTS,
  EXTRA_COLUMNS,
  GENERIC_COL_TYPES,
  columnInfo,
  normalizeKey,
  type ColumnInfo,
  type EntityRole,
} from './report-columns.js';
import { isIsoDate, type DateRange } from './report-periods.js';
import { declaredColumns, type ReportDefinition } from './report-registry.js';

export type RowKind = 'data' | 'section_summary' | 'report_total';
export type AccountingMethod = 'Accrual' | 'Cash';

export interface FlattenContext {
  definition: ReportDefinition;
  /** The sync period the request belongs to (the state's unit). */
  period: DateRange;
  /** The basis requested; null for reports that take none. */
  accountingMethod: AccountingMethod | null;
  /** The query parameters actually sent (start_date/end_date of a split half, report_date, ...). */
  params: Readonly<Record<string, string>>;
}

/** Fields the flattener sets itself; a column key equal to one of them is stored as col_<key>. */
export const META_FIELDS = [
  '_row_key', 'report_name', 'accounting_method', 'summarize_column_by', 'start_date', 'end_date', 'report_date',
  'as_of_date', 'period_start', 'period_end', 'currency', 'report_generated_at', 'row_kind', 'row_number',
  'row_label', 'row_group', 'section_path', 'section_group',
  'account_id', 'account_name', 'customer_id', 'customer_name', 'vendor_id', 'vendor_name',
  'transaction_id', 'transaction_type',
] as const;
const META = new Set<string>(META_FIELDS);

/** Role-less columns whose cells carry an id worth keeping as <key>_id (GL split account, name...). */
export const ID_BEARING_COLUMNS: ReadonlySet<string> = new Set([
  'name', 'split_acc', 'other_account', 'dept_name', 'emp_name', 'item_name', 'klass_name',
]);

// ---- loose accessors over the untyped response ----

type Cell = { value?: unknown; id?: unknown };

function obj(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function cellsOf(container: unknown): Cell[] {
  return arr(obj(container)?.['ColData']).map((c) => obj(c) ?? {});
}

function cellText(cell: Cell | undefined): string | null {
  const v = cell?.value;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}

function cellId(cell: Cell | undefined): string | null {
  const id = cell?.id;
  if (typeof id === 'number') return String(id);
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : null;
}

function metaMap(column: JsonObject): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of arr(column['MetaData'])) {
    const name = str(obj(m)?.['Name']);
    const value = str(obj(m)?.['Value']);
    if (name !== undefined && value !== undefined) map.set(name, value);
  }
  return map;
}

/** Header.Option NoReportData=true: QBO's "nothing to show" (its skeleton rows are not data). */
export function hasNoReportData(report: JsonObject): boolean {
  return arr(obj(report['Header'])?.['Option']).some((o) => {
    const opt = obj(o);
    return str(opt?.['Name']) === 'NoReportData' && str(opt?.['Value'])?.toLowerCase() === 'true';
  });
}

/** QBO money/number text -> number: "1234.50", "-100.00", "1,234.50", "(100.00)"; "", "-" -> null. */
export function parseReportNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  let t = raw.trim().replace(/[,\s]/g, '').replace(/%$/, '');
  if (t === '' || t === '-' || t === '--' || t === '\u2014') return null;
  let sign = 1;
  if (/^\(.*\)$/.test(t)) {
    sign = -1;
    t = t.slice(1, -1);
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = sign * Number(t);
  return Number.isFinite(n) ? (Object.is(n, -0) ? 0 : n) : null;
}

function typedValue(cell: Cell | undefined, info: ColumnInfo): string | number | null {
  if (info.type === 'number') return parseReportNumber(cell?.value);
  const text = cellText(cell);
  if (info.type === 'date') return isIsoDate(text) ? text : null;
  return text;
}

// ---- columns ----

interface ColumnSpec {
  index: number;
  /** The record field: the stable key, prefixed col_ when it collides with a META field. */
  field: string;
  key: string;
  info: ColumnInfo;
  /** Set for value columns of a multi-period response. */
  period?: DateRange;
  /** Not declared by the report's schema: the value goes under extra_amounts / extra_columns. */
  extra?: typeof EXTRA_AMOUNTS | typeof EXTRA_COLUMNS;
}

interface ColumnLayout {
  fixed: ColumnSpec[];
  periods: ColumnSpec[];
}

function stableKey(column: JsonObject, meta: Map<string, string>, index: number, count: number, def: ReportDefinition): string {
  const colType = str(column['ColType']) ?? '';
  const colKey = meta.get('ColKey');
  if (colKey !== undefined && colKey.trim() !== '') return normalizeKey(def.colKeyAliases?.[colKey] ?? colKey);
  const entity = ENTITY_COL_TYPES[colType];
  if (entity !== undefined) return entity;
  if (colType !== '' && !GENERIC_COL_TYPES.has(colType)) return normalizeKey(colType);
  const positional = def.positionalKeys;
  if (positional !== undefined && positional.length === count && positional[index] !== undefined) return positional[index];
  return `${normalizeKey(colType || 'col')}_${index}`;
}

function resolveColumns(report: JsonObject, def: ReportDefinition): ColumnLayout {
  const columns = arr(obj(report['Columns'])?.['Column']).map((c) => obj(c) ?? {});
  const header = obj(report['Header']);
  const reportRange: DateRange | undefined =
    isIsoDate(header?.['StartPeriod']) && isIsoDate(header?.['EndPeriod'])
      ? { start: header['StartPeriod'], end: header['EndPeriod'] }
      : undefined;
  const specs: ColumnSpec[] = [];
  const declared = declaredColumns(def);
  const seen = new Map<string, number>();
  columns.forEach((column, index) => {
    const meta = metaMap(column);
    let key = stableKey(column, meta, index, columns.length, def);
    const dup = (seen.get(key) ?? 0) + 1;
    seen.set(key, dup);
    if (dup > 1) key = `${key}_${dup}`;
    const colType = str(column['ColType']);
    const start = meta.get('StartDate');
    const end = meta.get('EndDate');
    const info = columnInfo(key, colType);
    const spec: ColumnSpec = { index, key, field: META.has(key) ? `col_${key}` : key, info };
    if (!declared.has(key)) spec.extra = info.type === 'number' ? EXTRA_AMOUNTS : EXTRA_COLUMNS;
    if (isIsoDate(start) && isIsoDate(end)) spec.period = { start, end };
    specs.push(spec);
  });
  const dated = specs.filter((s) => s.period !== undefined);
  if (dated.length === 0 || !def.summarizeTotal) return { fixed: specs, periods: [] };
  // Multi-period response: the dateless money column (Total) spans the report's whole range.
  const periods = specs.filter((s) => s.period !== undefined || (s.info.type === 'number' && s.info.role === undefined));
  for (const s of periods) {
    s.period ??= reportRange;
    s.field = 'total';
  }
  return { fixed: specs.filter((s) => !periods.includes(s)), periods: periods.filter((s) => s.period !== undefined) };
}

// ---- rows ----

interface Frame {
  title: string | null;
  id: string | null;
  group: string | null;
  /** Language-independent where QBO allows: the header id, else the group, else the title. */
  keyPart: string;
}

interface RowOut {
  kind: RowKind;
  cells: Cell[];
  frames: Frame[];
  group: string | null;
}

function collectRows(rows: unknown, parents: Frame[], out: RowOut[]): void {
  arr(obj(rows)?.['Row']).forEach((raw, ordinal) => {
    const row = obj(raw);
    if (!row) return;
    const group = str(row['group']) ?? null;
    const isSection = row['type'] === 'Section' || (row['ColData'] === undefined && (row['Rows'] !== undefined || row['Summary'] !== undefined || row['Header'] !== undefined));
    if (!isSection) {
      if (Array.isArray(row['ColData'])) out.push({ kind: 'data', cells: cellsOf(row), frames: parents, group });
      return;
    }
    const first = cellsOf(row['Header'])[0];
    const title = cellText(first);
    const id = cellId(first);
    const keyPart = id !== null ? `id:${id}` : group !== null ? `g:${group}` : title !== null ? `t:${title}` : `n:${ordinal}`;
    const frames = [...parents, { title, id, group, keyPart }];
    collectRows(row['Rows'], frames, out);
    if (row['Summary'] !== undefined) {
      const computed = row['Header'] === undefined && arr(obj(row['Rows'])?.['Row']).length === 0;
      out.push({ kind: computed ? 'report_total' : 'section_summary', cells: cellsOf(row['Summary']), frames, group: null });
    }
  });
}

function rowKey(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

function setEntity(record: JsonObject, role: EntityRole, id: string, name: string | null): void {
  if (role === 'transaction') {
    if (record['transaction_id'] !== null) return;
    record['transaction_id'] = id;
    record['transaction_type'] = name;
    return;
  }
  if (record[`${role}_id`] !== null) return;
  record[`${role}_id`] = id;
  record[`${role}_name`] = name;
}

/** Records of one report response; [] for NoReportData. */
export function flattenReport(report: JsonObject, ctx: FlattenContext): JsonObject[] {
  if (hasNoReportData(report)) return [];
  const def = ctx.definition;
  const header = obj(report['Header']);
  const layout = resolveColumns(report, def);
  const rows: RowOut[] = [];
  collectRows(report['Rows'], [], rows);

  const p = ctx.params;
  const asOf = def.kind === 'period' ? null : (p['report_date'] ?? p['end_date'] ?? ctx.period.end);
  const base = {
    report_name: def.qboName,
    accounting_method: ctx.accountingMethod,
    summarize_column_by: p['summarize_column_by'] ?? null,
    start_date: p['start_date'] ?? null,
    end_date: p['end_date'] ?? null,
    report_date: p['report_date'] ?? null,
    as_of_date: asOf,
    currency: str(header?.['Currency']) ?? null,
    report_generated_at: str(header?.['Time']) ?? null,
  };
  const keyBase = [def.qboName, ctx.accountingMethod ?? '', ctx.period.start, ctx.period.end, base.start_date ?? '', base.end_date ?? '', base.report_date ?? ''];

  const occurrences = new Map<string, number>();
  const records: JsonObject[] = [];
  rows.forEach((row, index) => {
    const record: JsonObject = {
      _row_key: '',
      ...base,
      period_start: ctx.period.start,
      period_end: ctx.period.end,
      row_kind: row.kind,
      row_number: index + 1,
      row_label: cellText(row.cells[0]),
      row_group: row.group,
      section_path: row.frames.map((f) => f.title).filter((t): t is string => t !== null),
      section_group: [...row.frames].reverse().find((f) => f.group !== null)?.group ?? null,
      account_id: null, account_name: null, customer_id: null, customer_name: null,
      vendor_id: null, vendor_name: null, transaction_id: null, transaction_type: null,
    };
    for (const col of layout.fixed) {
      const cell = row.cells[col.index];
      const id = cellId(cell);
      if (col.extra !== undefined) {
        addExtra(record, col.extra, col.key, typedValue(cell, col.info));
        if (id !== null) addExtra(record, EXTRA_COLUMNS, `${col.key}_id`, id);
        continue;
      }
      record[col.field] = typedValue(cell, col.info);
      if (id === null) continue;
      // A summary row's first cell is its caption ("Total for X"): never an entity.
      if (col.info.role !== undefined && row.kind === 'data') setEntity(record, col.info.role, id, cellText(cell));
      else if (col.info.role === undefined && ID_BEARING_COLUMNS.has(col.key)) record[`${col.field}_id`] = id;
    }
    if (def.sectionEntity !== null) {
      const owner = [...row.frames].reverse().find((f) => f.id !== null);
      if (owner?.id) setEntity(record, def.sectionEntity, owner.id, owner.title);
    }

    const own =
      row.kind !== 'data'
        ? 'summary'
        : record['transaction_id'] !== null
          ? `txn:${String(record['transaction_type'])}:${String(record['transaction_id'])}`
          : firstEntityKey(record, row) ?? `l:${record['row_label'] ?? ''}|g:${row.group ?? ''}`;
    const identity = [...row.frames.map((f) => f.keyPart), own];
    const idKey = JSON.stringify(identity);
    const occurrence = (occurrences.get(idKey) ?? 0) + 1;
    occurrences.set(idKey, occurrence);

    if (layout.periods.length === 0) {
      record['_row_key'] = rowKey([...keyBase, ...identity, occurrence]);
      records.push(record);
      return;
    }
    for (const col of layout.periods) {
      const period = col.period ?? ctx.period;
      records.push({
        ...record,
        _row_key: rowKey([...keyBase, period.start, period.end, ...identity, occurrence]),
        period_start: period.start,
        period_end: period.end,
        total: typedValue(row.cells[col.index], col.info),
      });
    }
  });
  return records;
}

/** Appends {column, value} to the record's extra_amounts / extra_columns list. */
function addExtra(record: JsonObject, list: typeof EXTRA_AMOUNTS | typeof EXTRA_COLUMNS, column: string, value: string | number | null): void {
  const items = (record[list] ??= []) as JsonObject[];
  items.push({ column, value });
}

/** A data row's own entity (its label cell's id): stable across renames, unlike the label. */
function firstEntityKey(record: JsonObject, row: RowOut): string | null {
  const id = cellId(row.cells[0]);
  if (id === null) return null;
  for (const role of ['account', 'customer', 'vendor'] as const) {
    if (record[`${role}_id`] === id) return `${role}:${id}`;
  }
  return `id:${id}`;
}
