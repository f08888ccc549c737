// QBO timestamps carry the company's UTC offset and one-second precision ("2020-09-29T05:58:07-07:00").
// Strings from different offsets do not sort as text, so everything compares epoch milliseconds.

const OFFSET_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch ms of a QBO/RFC 3339 timestamp, or NaN when it is not one. A missing offset is read as UTC. */
export function instantOf(value: string): number {
  const m = OFFSET_RE.exec(value);
  if (!m) return Number.NaN;
  const zone = m[4] ?? 'Z';
  const normalized = zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  return Date.parse(`${m[1]}T${m[2]}${m[3] ?? ''}${normalized}`);
}

/** True when the value is a timestamp instantOf can read. */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(instantOf(value));
}

/**
 * The form a query literal takes: second precision with an explicit offset. Sub-seconds are dropped
 * (rounding down is safe for lower bounds; upper bounds are built from whole seconds anyway).
 */
export function queryLiteral(value: string): string {
  const m = OFFSET_RE.exec(value);
  if (m && m[4] !== undefined && m[4] !== 'Z') {
    const zone = m[4].length === 5 ? `${m[4].slice(0, 3)}:${m[4].slice(3)}` : m[4];
    return `${m[1]}T${m[2]}${zone}`;
  }
  return utcLiteral(instantOf(value));
}

/** Epoch ms -> "YYYY-MM-DDTHH:MM:SS+00:00" (floored to the second). */
export function utcLiteral(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** The later of two timestamps (by instant); undefined loses. */
export function laterOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return instantOf(b) > instantOf(a) ? b : a;
}

/** True when both are timestamps of the same instant, however each is printed (offsets differ around DST). */
export function sameInstant(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return a !== undefined;
  if (a === undefined || b === undefined) return false;
  const t = instantOf(a);
  return !Number.isNaN(t) && t === instantOf(b);
}
