// Calendar periods of report syncs. Dates are YYYY-MM-DD strings, ranges inclusive at both ends,
// computed in UTC so no local timezone can shift a day.

export type PeriodGranularity = 'Month' | 'Quarter' | 'Year';

export interface DateRange {
  start: string;
  end: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function toUtc(date: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Days in an inclusive range (a single day is 1). */
export function rangeDays(range: DateRange): number {
  return Math.round((toUtc(range.end).getTime() - toUtc(range.start).getTime()) / 86_400_000) + 1;
}

/** The UTC calendar date of an instant (QBO's company timezone is unknown to the connector). */
export function utcDate(instant: Date): string {
  return fromUtc(instant);
}

const MONTHS_PER: Record<PeriodGranularity, number> = { Month: 1, Quarter: 3, Year: 12 };

/** The calendar month/quarter/year holding `date` (fiscal years are assumed to be calendar years). */
export function periodContaining(date: string, granularity: PeriodGranularity): DateRange {
  const d = toUtc(date);
  const months = MONTHS_PER[granularity];
  const firstMonth = d.getUTCMonth() - (d.getUTCMonth() % months);
  const start = new Date(Date.UTC(d.getUTCFullYear(), firstMonth, 1));
  const end = new Date(Date.UTC(d.getUTCFullYear(), firstMonth + months, 0));
  return { start: fromUtc(start), end: fromUtc(end) };
}

export function nextPeriod(period: DateRange, granularity: PeriodGranularity): DateRange {
  return periodContaining(addDays(period.end, 1), granularity);
}

export function previousPeriod(period: DateRange, granularity: PeriodGranularity): DateRange {
  return periodContaining(addDays(period.start, -1), granularity);
}

export interface PeriodPlanOptions {
  granularity: PeriodGranularity;
  /** First day of history; the period holding it is read whole so keys and totals mean "that month". */
  historyStart: string;
  /** Today's date: the period holding it is the current, still-open one and is always read. */
  today: string;
  /** From state: the end of the last period fully read; undefined on a first sync / full refresh. */
  lastPeriodEnd?: string | undefined;
  /** Closed periods before the last one read that are read again (books are closed late). */
  refreshPeriods: number;
}

/**
 * The periods a sync reads, oldest first. First sync: every period from the one holding
 * historyStart to the current one. Incremental: the period holding lastPeriodEnd, the
 * `refreshPeriods` periods before it, and every period after it up to the current one.
 */
export function planPeriods(options: PeriodPlanOptions): DateRange[] {
  const { granularity } = options;
  const first = periodContaining(options.historyStart, granularity);
  const current = periodContaining(options.today, granularity);
  if (first.start > current.start) return [];

  let start = first;
  if (options.lastPeriodEnd !== undefined) {
    // A saved end past the current period says everything up to then was read: nothing is due
    // (Airbyte's abnormal-state check expects no records from a far-future state).
    if (options.lastPeriodEnd > current.end) return [];
    let last = periodContaining(options.lastPeriodEnd, granularity);
    for (let i = 0; i < options.refreshPeriods && last.start > first.start; i++) last = previousPeriod(last, granularity);
    if (last.start > start.start) start = last;
  }

  const periods: DateRange[] = [];
  for (let p = start; p.start <= current.start; p = nextPeriod(p, granularity)) periods.push(p);
  return periods;
}

/** Halves of a range for a retry with less data; null for a single day. */
export function splitRange(range: DateRange): [DateRange, DateRange] | null {
  const days = rangeDays(range);
  if (days <= 1) return null;
  const leftEnd = addDays(range.start, Math.floor(days / 2) - 1);
  return [
    { start: range.start, end: leftEnd },
    { start: addDays(leftEnd, 1), end: range.end },
  ];
}
