// The Singer --about output (name, version, capabilities, settings) as JSON or Markdown, built
// from the connector's spec so Meltano Hub's settings and ours cannot drift apart.
import type { JsonObject } from '../core/protocol.js';
import { TOKEN_STORE_SETTING } from './config.js';

/** The Meltano SDK `--about --format json` shape, which MeltanoHub and Meltano read. */
export interface SingerAbout {
  name: string;
  description: string;
  version: string;
  sdk_version: string;
  capabilities: string[];
  settings: JsonObject;
}

export const SINGER_CAPABILITIES = ['catalog', 'properties', 'discover', 'state', 'about', 'activate-version'];

/**
 * The settings are the Airbyte connectionSpecification plus the Singer-only token store setting,
 * which the kit adds when the spec does not declare it (the kit implements it, not the source).
 */
export function singerAbout(
  connectionSpecification: JsonObject,
  info: { name: string; description: string; version: string; sdkVersion?: string; settingAliases?: Readonly<Record<string, string>> },
): SingerAbout {
  const properties = withAliases((connectionSpecification['properties'] ?? {}) as JsonObject, info.settingAliases ?? {});
  const settings: JsonObject =
    TOKEN_STORE_SETTING in properties
      ? { ...connectionSpecification, properties }
      : {
          ...connectionSpecification,
          properties: {
            ...properties,
            [TOKEN_STORE_SETTING]: {
              title: 'Token Store Path',
              description:
                'Singer mode: a JSON file (mode 0600) where rotated credentials are saved and read back at start; its values override the config. Needed under Meltano, whose config file is temporary.',
              type: 'string',
            },
          },
        };
  return {
    name: info.name,
    description: info.description,
    version: info.version,
    sdk_version: info.sdkVersion ?? info.version,
    capabilities: SINGER_CAPABILITIES,
    settings,
  };
}

/** Each setting that has other accepted names lists them (`aliases`, as Meltano setting definitions do). */
function withAliases(properties: JsonObject, aliases: Readonly<Record<string, string>>): JsonObject {
  const out: JsonObject = { ...properties };
  for (const [alias, setting] of Object.entries(aliases)) {
    const schema = out[setting];
    if (typeof schema !== 'object' || schema === null) continue;
    const listed = (schema as JsonObject)['aliases'];
    out[setting] = { ...schema, aliases: [...(Array.isArray(listed) ? listed : []), alias] };
  }
  return out;
}

function cell(value: unknown): string {
  const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** The Meltano SDK markdown layout: title, description, capabilities, a settings table. */
export function aboutMarkdown(about: SingerAbout): string {
  const properties = (about.settings['properties'] ?? {}) as JsonObject;
  const required = new Set(Array.isArray(about.settings['required']) ? (about.settings['required'] as string[]) : []);
  const lines = [
    `# \`${about.name}\``,
    '',
    about.description,
    '',
    `Version ${about.version}.`,
    '',
    '## Capabilities',
    '',
    ...about.capabilities.map((capability) => `* \`${capability}\``),
    '',
    '## Settings',
    '',
    '| Setting | Required | Default | Description |',
    '|:--------|:--------:|:-------:|:------------|',
  ];
  for (const [name, raw] of Object.entries(properties)) {
    const schema = (typeof raw === 'object' && raw !== null ? raw : {}) as JsonObject;
    const secret = schema['airbyte_secret'] === true ? ' (secret)' : '';
    const aliases = Array.isArray(schema['aliases']) ? ` Aliases: ${(schema['aliases'] as unknown[]).map((a) => `\`${String(a)}\``).join(', ')}.` : '';
    lines.push(
      `| ${name} | ${required.has(name) ? 'True' : 'False'} | ${cell(schema['default']) || 'None'} | ${cell(schema['description'] ?? schema['title'])}${aliases}${secret} |`,
    );
  }
  lines.push('', `A full list of supported settings and capabilities is available by running: \`${about.name} --about\``, '');
  return lines.join('\n');
}
