// Settings under other names: Meltano Hub's tap-quickbooks (the hotglue variant, what existing Meltano
// projects use) calls them `realmId` and `is_sandbox` and takes a date-only `start_date`. Also the WARN
// for a top-level setting nobody reads (a misspelling), naming the closest known one.
import { ConfigError, type JsonObject, type Logger } from './cdk/index.js';

/** alias -> the setting it stands for. */
export const SETTING_ALIASES: Readonly<Record<string, string>> = {
  realmId: 'realm_id',
  is_sandbox: 'sandbox',
};

/** Top-level keys that are read although the spec does not list them (the pre-4.0 nested form). */
const ALSO_READ = ['credentials'];

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `2021-01-01` -> `2021-01-01T00:00:00Z` (midnight UTC); anything else unchanged. */
export function midnightUtcIfDateOnly(value: string): string {
  return DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value;
}

/**
 * The config with each alias moved to its setting (the setting itself wins when both are given and
 * agree; disagreeing values are a config error) and a date-only start_date made a date-time.
 */
export function resolveAliases(config: JsonObject): JsonObject {
  const out: JsonObject = { ...config };
  for (const [alias, setting] of Object.entries(SETTING_ALIASES)) {
    if (!(alias in out)) continue;
    const value = out[alias];
    delete out[alias];
    if (out[setting] === undefined) out[setting] = value;
    else if (JSON.stringify(out[setting]) !== JSON.stringify(value)) {
      throw new ConfigError(`"${alias}" is another name for "${setting}", and the config gives both with different values; keep one.`);
    }
  }
  if (typeof out['start_date'] === 'string') out['start_date'] = midnightUtcIfDateOnly(out['start_date']);
  return out;
}

/** One WARN per top-level key that is neither a setting nor an alias, naming the closest known name. */
export function warnUnknownSettings(config: JsonObject, settings: readonly string[], logger: Logger | undefined): void {
  if (logger === undefined) return;
  const known = [...settings, ...Object.keys(SETTING_ALIASES)];
  for (const key of Object.keys(config)) {
    if (known.includes(key) || ALSO_READ.includes(key)) continue;
    logger.warn(`The config has "${key}", which is not a setting of this connector and is ignored. Did you mean "${closest(key, known)}"?`);
  }
}

/** The candidate with the smallest edit distance (case-insensitive); ties go to the earlier one. */
export function closest(word: string, candidates: readonly string[]): string {
  let best = candidates[0] ?? '';
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length] as number;
}
