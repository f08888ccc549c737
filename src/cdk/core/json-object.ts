// The one "is this a plain JSON object" guard (not null, not an array), shared by every layer.
import type { JsonObject } from './protocol.js';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
