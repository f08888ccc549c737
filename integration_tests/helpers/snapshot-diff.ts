// A readable difference between two destination snapshots (deep-equal output of big objects says nothing).
import { isDeepStrictEqual } from 'node:util';
import type { JsonObject } from '../../src/cdk/core/protocol.js';

type Snapshot = Record<string, Record<string, JsonObject>>;

/** Top-level fields whose values differ between two rows. */
function changedFields(a: JsonObject, b: JsonObject, ignore: ReadonlySet<string>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !ignore.has(k) && !isDeepStrictEqual(a[k], b[k]));
}

/** Fields that legitimately differ between two reads of the same data (when a report was fetched). */
export const VOLATILE_FIELDS: readonly string[] = ['report_generated_at'];

/** Up to `limit` lines like "invoices ["12"]: only in left" or "... differs in Line, TotalAmt". */
export function diffSnapshots(left: Snapshot, right: Snapshot, limit = 20, ignoreFields: readonly string[] = VOLATILE_FIELDS): string[] {
  const ignore = new Set(ignoreFields);
  const out: string[] = [];
  const streams = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const stream of [...streams].sort()) {
    const l = left[stream] ?? {};
    const r = right[stream] ?? {};
    for (const key of new Set([...Object.keys(l), ...Object.keys(r)])) {
      const a = l[key];
      const b = r[key];
      if (a === undefined) out.push(`${stream} ${key}: only in right`);
      else if (b === undefined) out.push(`${stream} ${key}: only in left`);
      else {
        const fields = changedFields(a, b, ignore);
        if (fields.length > 0) out.push(`${stream} ${key}: differs in ${fields.join(', ')}`);
      }
      if (out.length >= limit) return out;
    }
  }
  return out;
}
