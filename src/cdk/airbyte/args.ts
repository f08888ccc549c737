// The Airbyte command line (spec | check --config | discover --config | read --config --catalog [--state])
// parsed into an AirbyteCommand; anything else is a ConfigError carrying the usage line.
import { parseArgs } from 'node:util';
import { ConfigError } from '../core/errors.js';

/** An Airbyte command line, parsed. `debug` comes from the optional global `--debug` flag. */
export type AirbyteCommand =
  | { command: 'spec'; debug: boolean }
  | { command: 'check'; config: string; debug: boolean }
  | { command: 'discover'; config: string; debug: boolean }
  | { command: 'read'; config: string; catalog: string; state: string | undefined; archive: string | undefined; debug: boolean };

export const AIRBYTE_USAGE =
  'Usage: spec | check --config <config.json> | discover --config <config.json> | ' +
  'read --config <config.json> --catalog <configured_catalog.json> [--state <state.json>] [--archive <dir>]';

const FLAGS = {
  config: ['check', 'discover', 'read'],
  catalog: ['read'],
  state: ['read'],
  archive: ['read'],
} as const;

function usageError(problem: string): ConfigError {
  return new ConfigError(`${problem}. ${AIRBYTE_USAGE}`);
}

/** Parse the arguments after the executable (process.argv.slice(2)). Anything unexpected is a ConfigError with the usage line. */
export function parseAirbyteArgs(argv: readonly string[]): AirbyteCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // node's messages run on with advice about '--'; the first sentence is the useful part.
    throw usageError((error instanceof Error ? error.message : String(error)).split(/\.( |$)/)[0] ?? 'Bad arguments');
  }
  const [command, ...extra] = parsed.positionals;
  if (command === undefined) throw usageError('No command given');
  if (extra.length > 0) throw usageError(`Unexpected argument "${extra[0]}"`);
  const { config, catalog, state, archive, debug = false } = parsed.values;

  if (command !== 'spec' && command !== 'check' && command !== 'discover' && command !== 'read') {
    throw usageError(`Unknown command "${command}"`);
  }
  for (const [flag, allowed] of Object.entries(FLAGS)) {
    const value = parsed.values[flag as keyof typeof FLAGS];
    if (value === undefined) continue;
    if (!(allowed as readonly string[]).includes(command)) throw usageError(`"${command}" takes no --${flag}`);
    if (value === '') throw usageError(`--${flag} needs a ${flag === 'archive' ? 'directory' : 'file path'}`);
  }

  switch (command) {
    case 'spec':
      return { command, debug };
    case 'check':
    case 'discover':
      if (config === undefined) throw usageError(`"${command}" needs --config <file>`);
      return { command, config, debug };
    case 'read':
      if (config === undefined) throw usageError('"read" needs --config <file>');
      if (catalog === undefined) throw usageError('"read" needs --catalog <file>');
      return { command, config, catalog, state, archive, debug };
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: 'string' },
      catalog: { type: 'string' },
      state: { type: 'string' },
      archive: { type: 'string' },
      debug: { type: 'boolean' },
    },
  });
}
