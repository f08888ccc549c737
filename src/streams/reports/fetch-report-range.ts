// One report request per range, split in halves when QBO cannot answer for the whole range.
//
// QBO caps a report at about 400,000 cells and then answers 200 with a row (or a header option, or
// a fault) reading "Unable to display more data. Please reduce the date range."; dense ranges can
// also end in a 504 gateway timeout, which the client retries and then raises as a TransientError.
// Both are answered by halving the date range, down to one day. Only flow (period) reports can be
// split: an as-of balance covers all history whatever the range says.
//
// Columns: Intuit documents no hard limit on `columns=`; practitioners report 504s from about 25
// requested columns (400,000 cells / columns bounds the rows too). The registry asks GeneralLedger
// for 15, so one request carries every column and no batching (with its row-matching hazards) is
// needed; a registry test keeps every list under MAX_REPORT_COLUMNS.
import { ConfigError, TransientError, type JsonObject, type Logger } from '../../cdk/index.js';
import type { QboApi } from '../../qbo/types.js';
import { rangeDays, splitRange, type DateRange } from './report-periods.js';
import type { ReportDefinition } from './report-registry.js';

export const MAX_REPORT_COLUMNS = 20;
export const TRUNCATION_MESSAGE = 'unable to display more data';

export interface ReportChunk {
  /** The range this response covers (the whole period unless it had to be split). */
  range: DateRange;
  /** The parameters sent for it. */
  params: Record<string, string>;
  report: JsonObject;
}

/** True when QBO cut the report short: the notice may sit in a row, a header option or a fault. */
export function isTruncated(report: JsonObject): boolean {
  return JSON.stringify(report).toLowerCase().includes(TRUNCATION_MESSAGE);
}

/** A failure that a smaller range may avoid: a 5xx/504 after retries, but not a throttle. */
export function isSplittableFailure(error: unknown): boolean {
  if (!(error instanceof TransientError)) return false;
  const status = (error as { status?: unknown; httpStatus?: unknown }).status ?? (error as { httpStatus?: unknown }).httpStatus;
  if (status === 429) return false;
  return !/throttl|rate.?limit|\b429\b/i.test(`${error.name} ${error.message}`);
}

/** The query parameters of one request (dates excluded for range reports: added per range). */
export function reportParams(def: ReportDefinition, period: DateRange, accountingMethod: string | null): Record<string, string> {
  const params: Record<string, string> = {};
  if (def.dateParams === 'range') {
    params['start_date'] = period.start;
    params['end_date'] = period.end;
  } else {
    params['report_date'] = period.end;
  }
  if (def.accountingMethod && accountingMethod !== null) params['accounting_method'] = accountingMethod;
  if (def.summarizeTotal) params['summarize_column_by'] = 'Total';
  if (def.requestColumns !== undefined) params['columns'] = def.requestColumns.join(',');
  return params;
}

export interface FetchOptions {
  stream: string;
  logger: Logger;
  signal?: AbortSignal;
}

/**
 * Fetch `def` for `params` (built by reportParams for the whole range), splitting period reports
 * into halves as long as QBO refuses. Chunks come back in date order.
 */
export async function fetchReportRange(
  api: QboApi,
  def: ReportDefinition,
  params: Record<string, string>,
  options: FetchOptions,
): Promise<ReportChunk[]> {
  const path = `reports/${def.qboName}`;
  const splittable = def.kind === 'period' && def.dateParams === 'range';
  const start = params['start_date'];
  const end = params['end_date'];
  const whole: DateRange = { start: start ?? params['report_date'] ?? '', end: end ?? params['report_date'] ?? '' };

  const fetchRange = async (range: DateRange): Promise<ReportChunk[]> => {
    options.signal?.throwIfAborted();
    const sent = splittable ? { ...params, start_date: range.start, end_date: range.end } : params;
    let report: JsonObject;
    try {
      report = await api.get(path, sent);
    } catch (error) {
      if (!splittable || !isSplittableFailure(error)) throw error;
      return retrySmaller(range, error, 'failed');
    }
    if (!isTruncated(report)) return [{ range, params: sent, report }];
    if (!splittable) {
      throw new ConfigError(
        `${options.stream}: QuickBooks says "Unable to display more data" for ${def.qboName} as of ${range.end}; ` +
          `the report is too large to replicate, remove ${def.qboName} from the "reports" setting.`,
        { streamName: options.stream },
      );
    }
    return retrySmaller(range, undefined, 'was cut short ("Unable to display more data")');
  };

  const retrySmaller = async (range: DateRange, cause: unknown, what: string): Promise<ReportChunk[]> => {
    const halves = splitRange(range);
    const label = `${def.qboName} ${range.start}..${range.end}`;
    if (halves === null) {
      const message =
        `${options.stream}: ${label} ${what} even for a single day; QuickBooks cannot produce this report ` +
        `for that day. Retry later, or remove ${def.qboName} from the "reports" setting.`;
      if (cause instanceof TransientError) throw new TransientError(message, { cause, streamName: options.stream });
      throw new ConfigError(message, { streamName: options.stream });
    }
    options.logger.warn(`${label} ${what} (${rangeDays(range)} days): splitting into ${halves[0].start}..${halves[0].end} and ${halves[1].start}..${halves[1].end}`);
    const left = await fetchRange(halves[0]);
    const right = await fetchRange(halves[1]);
    return [...left, ...right];
  };

  return fetchRange(whole);
}
