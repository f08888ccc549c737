// How stored records leave the server: at most three custom fields unless the request asked for
// include=enhancedAllCustomFields (QBO's behaviour for sales forms with more than three).
import type { JsonObject } from '../../src/cdk/core/protocol.js';

export function presentRows(rows: readonly JsonObject[], enhanced: boolean): JsonObject[] {
  if (enhanced) return rows as JsonObject[];
  return rows.map((r) => (Array.isArray(r.CustomField) && r.CustomField.length > 3 ? { ...r, CustomField: r.CustomField.slice(0, 3) } : r));
}
