// The README configuration table, from spec.json: what `check`/`read` accept is what the table says.
import type { JsonObject } from '../src/cdk/core/protocol.js';
import { table } from './docs-markers.js';
import { isObject } from '../src/cdk/core/json-object.js';


function typeOf(property: JsonObject): string {
  const types = Array.isArray(property['type']) ? property['type'].filter((t) => t !== 'null') : [property['type']];
  let text = types.map(String).join(' or ');
  const items = isObject(property['items']) ? property['items'] : undefined;
  if (text === 'array' && items) text = `array of ${typeOf(items)}`;
  const choices = Array.isArray(property['enum']) ? property['enum'] : undefined;
  if (choices) text += `: ${choices.map((c) => `\`${String(c)}\``).join(', ')}`;
  if (property['const'] !== undefined) text += ` = \`${JSON.stringify(property['const'])}\``;
  if (property['format'] === 'date-time' || property['format'] === 'date') text += ` (${property['format']})`;
  return text;
}

function describe(property: JsonObject): string {
  const parts = [typeof property['description'] === 'string' ? property['description'] : String(property['title'] ?? '')];
  const bounds = [
    typeof property['minimum'] === 'number' ? `min ${property['minimum']}` : '',
    typeof property['maximum'] === 'number' ? `max ${property['maximum']}` : '',
  ].filter(Boolean);
  if (bounds.length > 0) parts.push(`(${bounds.join(', ')})`);
  return parts.join(' ');
}

/** One row per top-level property, in the spec's `order`. */
export function configTable(spec: JsonObject): string {
  const connection = spec['connectionSpecification'];
  if (!isObject(connection) || !isObject(connection['properties'])) throw new Error('spec.json has no connectionSpecification.properties');
  const required = new Set(Array.isArray(connection['required']) ? connection['required'].map(String) : []);
  const entries = Object.entries(connection['properties']).filter((entry): entry is [string, JsonObject] => isObject(entry[1]));
  const order = (p: JsonObject): number => (typeof p['order'] === 'number' ? p['order'] : Number.MAX_SAFE_INTEGER);
  entries.sort((a, b) => order(a[1]) - order(b[1]));
  const rows = entries.map(([name, property]) => [
    `\`${name}\``,
    typeOf(property),
    required.has(name) ? 'yes' : 'no',
    property['default'] === undefined ? '' : `\`${JSON.stringify(property['default'])}\``,
    property['airbyte_secret'] === true ? 'yes' : '',
    describe(property),
  ]);
  return table(['field', 'type', 'required', 'default', 'secret', 'description'], rows);
}
