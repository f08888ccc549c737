// The Singer command line (--config [--catalog|--properties] [--state] [--discover] [--about]
// [--format]) parsed into a SingerCommand; anything else is a ConfigError with the usage.
import { parseArgs } from 'node:util';
import { ConfigError } from '../core/errors.js';

/** A Singer command line (Singer spec 0.3.0 plus the Meltano SDK's --about/--version/--help). */
export type SingerCommand =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'about'; format: 'json' | 'markdown' }
  | { command: 'discover'; configs: string[]; debug: boolean }
  | { command: 'sync'; configs: string[]; catalog: string | undefined; state: string | undefined; archive: string | undefined; debug: boolean };

export function singerUsage(name: string): string {
  return [
    `Usage: ${name} --config <config.json> [--config <more.json> ...] [--catalog <catalog.json>] [--state <state.json>] [--archive <dir>]`,
    `       ${name} --config <config.json> --discover`,
    `       ${name} --about [--format json|markdown] | --version | --help`,
    '',
    '  --config     JSON config; repeatable, later files win. --config=ENV reads <NAME>_<SETTING> variables.',
    '  --catalog    Singer catalog with selections (legacy: --properties). Without it every stream is synced.',
    '  --state      The last STATE value emitted ({"bookmarks": ...}); tap-airbyte-wrapper state is accepted.',
    '  --archive    Also write every message to a compressed run archive under this directory (see `replay`).',
    '  --discover   Print the Singer catalog.',
    '  --debug      Debug logs and stack traces on stderr (also LOG_LEVEL=DEBUG).',
  ].join('\n');
}

/** Parse argv (without node and script). Mistakes are ConfigErrors carrying the usage. */
export function parseSingerArgs(argv: readonly string[], name: string): SingerCommand {
  let values: ReturnType<typeof parse>['values'];
  try {
    const parsed = parse(argv);
    if (parsed.positionals.length > 0) throw new Error(`Unexpected argument "${parsed.positionals[0]}"`);
    values = parsed.values;
  } catch (error) {
    throw new ConfigError(`${(error as Error).message.replace(/\.$/, '')}. ${singerUsage(name)}`);
  }
  const usage = (problem: string): ConfigError => new ConfigError(`${problem}. ${singerUsage(name)}`);

  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  if (values.format !== undefined && !values.about) throw usage('--format goes with --about');
  if (values.about) {
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'markdown') throw usage(`Unknown --format "${format}"; use json or markdown`);
    return { command: 'about', format };
  }
  const configs = values.config ?? [];
  if (configs.length === 0) throw usage('Missing --config <file>');
  if (configs.some((path) => path === '')) throw usage('--config needs a file path');
  const debug = values.debug ?? false;
  if (values.discover) {
    if (values.catalog !== undefined || values.properties !== undefined || values.state !== undefined || values.archive !== undefined) {
      throw usage('--discover takes no --catalog, --properties, --state or --archive');
    }
    return { command: 'discover', configs, debug };
  }
  if (values.catalog !== undefined && values.properties !== undefined) throw usage('Pass --catalog or --properties, not both');
  if (values.archive === '') throw usage('--archive needs a directory');
  return { command: 'sync', configs, catalog: values.catalog ?? values.properties, state: values.state, archive: values.archive, debug };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: 'string', multiple: true },
      catalog: { type: 'string' },
      properties: { type: 'string' },
      state: { type: 'string' },
      archive: { type: 'string' },
      discover: { type: 'boolean' },
      about: { type: 'boolean' },
      format: { type: 'string' },
      version: { type: 'boolean' },
      help: { type: 'boolean' },
      debug: { type: 'boolean' },
    },
  });
}
