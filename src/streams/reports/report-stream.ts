// A report as a stream: one request per (period, accounting method), records in period order,
// a STATE after each period so an interrupted sync resumes at the next one.
//
// Reports have no hard deletes and no LastUpdatedTime: re-reading a period is the only way to see
// late postings. Each sync therefore re-reads the last period read, the `refreshPeriods` periods
// before it (books are closed late) and every period since, up to the current, still-open one.
// Keys are stable for a given period, so in append_dedup a re-read row replaces its previous copy;
// a row that vanished from QBO (an account with no activity any more) is not deleted: dedup keeps
// its last copy, compare report_generated_at with the newest copy of its period to spot it.
import {
  ConfigError,
  type AirbyteStream,
  type JsonObject,
  type Logger,
  type Stream,
  type StreamEvent,
  type StreamReadRequest,
} from '../../cdk/index.js';
import type { QboApi } from '../../qbo/types.js';
import { fetchReportRange, reportParams } from './fetch-report-range.js';
import { flattenReport, type AccountingMethod } from './flatten-report.js';
import { isIsoDate, planPeriods, utcDate, type DateRange, type PeriodGranularity } from './report-periods.js';
import type { ReportDefinition } from './report-registry.js';
import { buildReportSchema } from './report-schema.js';

export interface ReportSettings {
  /** QBO report names (registry qboName). */
  reports: string[];
  accountingMethod: AccountingMethod | 'Both';
  period: PeriodGranularity;
  /** First day of report history, YYYY-MM-DD. */
  startDate: string;
  refreshPeriods: number;
  /** Clock for the current period (tests); defaults to now. */
  today?: () => Date;
  /** Requests in flight per stream (the client's limiter still gates the realm); default 4. */
  prefetch?: number;
}

export interface ReportStreamState {
  last_period_end: string;
  v: 1;
}

export const REPORT_STATE_VERSION = 1;

interface Task {
  period: DateRange;
  method: AccountingMethod | null;
}

export class ReportStream implements Stream {
  readonly name: string;

  constructor(
    readonly definition: ReportDefinition,
    private readonly settings: ReportSettings,
    private readonly api: QboApi,
    private readonly logger: Logger,
  ) {
    this.name = definition.stream;
    if (!isIsoDate(settings.startDate)) {
      throw new ConfigError(`report_start_date must be a YYYY-MM-DD date, got ${JSON.stringify(settings.startDate)}.`);
    }
  }

  describe(): AirbyteStream {
    return {
      name: this.name,
      json_schema: buildReportSchema(this.definition),
      supported_sync_modes: ['full_refresh', 'incremental'],
      // The stream keeps its own cursor (the last period read); period_end is what it advances on.
      source_defined_cursor: true,
      default_cursor_field: ['period_end'],
      source_defined_primary_key: [['_row_key']],
      is_resumable: true,
    };
  }

  /** Accounting methods fetched per period: both bases for Both, none for reports without one. */
  methods(): (AccountingMethod | null)[] {
    if (!this.definition.accountingMethod) return [null];
    return this.settings.accountingMethod === 'Both' ? ['Accrual', 'Cash'] : [this.settings.accountingMethod];
  }

  /** The periods this read covers, oldest first. */
  plan(request: Pick<StreamReadRequest, 'syncMode' | 'state'>): DateRange[] {
    const today = utcDate(this.settings.today?.() ?? new Date());
    return planPeriods({
      granularity: this.settings.period,
      historyStart: this.settings.startDate,
      today,
      lastPeriodEnd: request.syncMode === 'incremental' ? this.lastPeriodEnd(request.state) : undefined,
      refreshPeriods: Math.max(0, Math.floor(this.settings.refreshPeriods)),
    });
  }

  private lastPeriodEnd(state: JsonObject | undefined): string | undefined {
    if (state === undefined || Object.keys(state).length === 0) return undefined;
    const end = state['last_period_end'];
    if (isIsoDate(end)) return end;
    this.logger.warn(`${this.name}: ignoring unreadable state ${JSON.stringify(state)}; reading all report history again.`);
    return undefined;
  }

  async *read(request: StreamReadRequest): AsyncIterable<StreamEvent> {
    const periods = this.plan(request);
    const tasks: Task[] = periods.flatMap((period) => this.methods().map((method) => ({ period, method })));
    const window = Math.max(1, this.settings.prefetch ?? 4);
    const pending: Promise<JsonObject[]>[] = [];
    let next = 0;
    const launch = (): void => {
      while (pending.length < window && next < tasks.length && !request.signal.aborted) {
        const task = tasks[next++];
        if (task === undefined) break;
        const p = this.fetchTask(task, request.signal);
        p.catch(() => undefined); // awaited in order below; this only keeps an early failure from being "unhandled"
        pending.push(p);
      }
    };

    const methodsPerPeriod = this.methods().length;
    let doneInPeriod = 0;
    for (let i = 0; i < tasks.length; i++) {
      launch();
      const head = pending.shift();
      const task = tasks[i];
      if (head === undefined || task === undefined) break;
      const records = await head;
      if (records.length > 0) yield { type: 'records', records };
      if (++doneInPeriod === methodsPerPeriod) {
        doneInPeriod = 0;
        const state: ReportStreamState = { last_period_end: task.period.end, v: REPORT_STATE_VERSION };
        yield { type: 'state', state: { ...state } };
      }
    }
    request.signal.throwIfAborted();
  }

  private async fetchTask(task: Task, signal: AbortSignal): Promise<JsonObject[]> {
    const params = reportParams(this.definition, task.period, task.method);
    const chunks = await fetchReportRange(this.api, this.definition, params, { stream: this.name, logger: this.logger, signal });
    return chunks.flatMap((chunk) =>
      flattenReport(chunk.report, {
        definition: this.definition,
        period: task.period,
        accountingMethod: task.method,
        params: chunk.params,
      }),
    );
  }
}
