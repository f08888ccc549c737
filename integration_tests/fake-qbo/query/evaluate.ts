// Evaluation of WHERE conditions and ORDERBY keys against a record. Property names are case-insensitive,
// references compare by their `value`, date-times compare as instants across UTC offsets, strings
// compare case-insensitively (QBO documents values as case-insensitive).
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import { looksLikeDateTime, parseInstant, type OffsetRule } from '../time.js';
import type { Condition, Literal } from './ast.js';

/** Follow a dotted path with case-insensitive keys; a reference object yields its `value`. */
export function resolvePath(record: JsonObject, path: readonly string[]): unknown {
  let cur: unknown = record;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    const obj = cur as Record<string, unknown>;
    if (seg in obj) cur = obj[seg];
    else {
      const lower = seg.toLowerCase();
      const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
      cur = key === undefined ? undefined : obj[key];
    }
  }
  if (cur !== null && typeof cur === 'object' && !Array.isArray(cur) && 'value' in cur) {
    return (cur as Record<string, unknown>).value;
  }
  return cur;
}

/** A comparable key: numbers and instants as numbers, text lower-cased, booleans as 0/1. */
export type SortKey = number | string | undefined;

export function sortKey(value: unknown, rule: OffsetRule): SortKey {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    if (looksLikeDateTime(value)) return parseInstant(value, rule) ?? value.toLowerCase();
    return value.toLowerCase();
  }
  return undefined;
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Coerce a literal to the stored value's type: numbers may be quoted, date-times compare as instants. */
function literalKey(stored: unknown, lit: Literal, rule: OffsetRule): SortKey {
  if (lit.kind === 'bool') return lit.value ? 1 : 0;
  if (typeof stored === 'number') return lit.kind === 'number' ? lit.value : Number(lit.value);
  if (typeof stored === 'boolean') return String(lit.value).toLowerCase() === 'true' ? 1 : 0;
  if (lit.kind === 'number') {
    const n = Number(stored);
    return Number.isNaN(n) ? lit.text.toLowerCase() : lit.value;
  }
  if (typeof stored === 'string' && looksLikeDateTime(stored)) {
    return parseInstant(lit.value, rule) ?? lit.value.toLowerCase();
  }
  return lit.value.toLowerCase();
}

function storedKey(stored: unknown, lit: Literal, rule: OffsetRule): SortKey {
  if (typeof stored === 'string' && lit.kind === 'number') {
    const n = Number(stored);
    return Number.isNaN(n) ? stored.toLowerCase() : n;
  }
  return sortKey(stored, rule);
}

function likeRegex(pattern: string): RegExp {
  const body = pattern
    .split('%')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'is');
}

export function matches(record: JsonObject, cond: Condition, rule: OffsetRule): boolean {
  const stored = resolvePath(record, cond.path);
  if (stored === undefined || stored === null) return false;
  if (cond.op === 'LIKE') {
    const lit = cond.values[0];
    return lit !== undefined && typeof stored === 'string' && likeRegex(String(lit.value)).test(stored);
  }
  if (cond.op === 'IN') {
    return cond.values.some((lit) => compareKeys(storedKey(stored, lit, rule), literalKey(stored, lit, rule)) === 0);
  }
  const lit = cond.values[0];
  if (lit === undefined) return false;
  const c = compareKeys(storedKey(stored, lit, rule), literalKey(stored, lit, rule));
  switch (cond.op) {
    case '=':
      return c === 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '>=':
      return c >= 0;
  }
}
