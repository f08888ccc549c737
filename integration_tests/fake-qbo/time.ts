// Company-local timestamps. QBO writes MetaData times with second precision and the company's UTC offset
// (e.g. 2020-09-29T05:58:07-07:00) and the envelope `time` with milliseconds; queries compare instants.

/** Minutes east of UTC in force at an instant. */
export type OffsetRule = (epochMs: number) => number;

/** US Pacific time (the default QBO sandbox company): -08:00, or -07:00 from the 2nd Sunday of March
 *  02:00 to the 1st Sunday of November 02:00 local (rules since 2007). */
export const pacific: OffsetRule = (epochMs) => {
  const [start, end] = dstBounds(new Date(epochMs).getUTCFullYear());
  return epochMs >= start && epochMs < end ? -420 : -480;
};

/** [start, end) of Pacific daylight time in a year, cached: generators format millions of stamps. */
const dstCache = new Map<number, [number, number]>();
function dstBounds(year: number): [number, number] {
  let b = dstCache.get(year);
  if (!b) {
    b = [nthSundayUtc(year, 2, 2) + 10 * 3600_000, nthSundayUtc(year, 10, 1) + 9 * 3600_000]; // 02:00 PST, 02:00 PDT
    dstCache.set(year, b);
  }
  return b;
}

function nthSundayUtc(year: number, month: number, n: number): number {
  const first = Date.UTC(year, month, 1);
  const dow = new Date(first).getUTCDay();
  return first + (((7 - dow) % 7) + (n - 1) * 7) * 86400_000;
}

/** "America/Los_Angeles" (default), "Z", "+01:00", "-0500" or minutes east of UTC. */
export function offsetRule(spec: string | number | undefined): OffsetRule {
  if (spec === undefined || spec === 'America/Los_Angeles' || spec === 'US/Pacific') return pacific;
  if (typeof spec === 'number') return () => spec;
  if (spec === 'Z' || spec === 'UTC') return () => 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(spec);
  if (!m) throw new Error(`fake-qbo: bad utcOffset ${spec}`);
  const mins = (Number(m[2]) * 60 + Number(m[3])) * (m[1] === '-' ? -1 : 1);
  return () => mins;
}

function offsetText(mins: number): string {
  const sign = mins < 0 ? '-' : '+';
  const a = Math.abs(mins);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** 2020-09-29T05:58:07-07:00 (MetaData precision). */
export function formatSeconds(epochSec: number, rule: OffsetRule): string {
  const ms = epochSec * 1000;
  const off = rule(ms);
  return new Date(ms + off * 60_000).toISOString().slice(0, 19) + offsetText(off);
}

/** 2020-09-29T06:04:23.783-07:00 (envelope `time`). */
export function formatMillis(epochMs: number, rule: OffsetRule): string {
  const off = rule(epochMs);
  return new Date(epochMs + off * 60_000).toISOString().slice(0, 23) + offsetText(off);
}

/** YYYY-MM-DD of an instant in company time. */
export function localDate(epochMs: number, rule: OffsetRule): string {
  return new Date(epochMs + rule(epochMs) * 60_000).toISOString().slice(0, 10);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Parse a date or date-time to epoch ms; values without an offset are company-local. undefined if not a date. */
export function parseInstant(text: string, rule: OffsetRule): number | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) + frac;
  if (Number.isNaN(wall)) return undefined;
  const z = m[8];
  if (z === undefined) return wall - rule(wall - rule(wall) * 60_000) * 60_000;
  if (z.toUpperCase() === 'Z') return wall;
  const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (!zm) return undefined;
  const mins = (Number(zm[2]) * 60 + Number(zm[3])) * (zm[1] === '-' ? -1 : 1);
  return wall - mins * 60_000;
}

/** True for values QBO compares as instants (date-times, not plain dates). */
export function looksLikeDateTime(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text);
}
