// What each executable says to a person: its commands, flags, environment variables and where to read
// more. The one list of commands: a new command adds its entry to COMMANDS (its first word then counts as
// known to the dispatcher in cli.ts) and, if it has flags of its own, to FLAGS.

export type Binary = 'source-quickbooks' | 'tap-quickbooks';

export const README_URL = 'https://github.com/source-quickbooks/source-quickbooks#readme';

interface Entry {
  binary: Binary;
  /** After the executable's name, e.g. `check --config <config.json>`. */
  usage: string;
  summary: string;
}

/** Every command line of both executables, in the order --help shows them. */
export const COMMANDS: Entry[] = [
  { binary: 'source-quickbooks', usage: 'spec', summary: 'print the connector specification (Airbyte SPEC message)' },
  { binary: 'source-quickbooks', usage: 'check --config <config.json>', summary: 'test the credentials against the company' },
  { binary: 'source-quickbooks', usage: 'discover --config <config.json>', summary: 'list the streams (Airbyte CATALOG message)' },
  {
    binary: 'source-quickbooks',
    usage: 'read --config <config.json> --catalog <configured_catalog.json> [--state <state.json>] [--archive <dir>]',
    summary: 'read records; stdout carries Airbyte messages only',
  },
  { binary: 'source-quickbooks', usage: 'replay <archive dir>/<run>', summary: 'write the messages of an archived read to stdout again (no QuickBooks call)' },
  {
    binary: 'source-quickbooks',
    usage: 'webhooks --config <config.json> [--port 8080] [--journal FILE] [--on-change CMD] [--debounce 30s]',
    summary: 'receive QuickBooks webhooks; run CMD after changes (see webhooks --help)',
  },
  { binary: 'source-quickbooks', usage: 'auth --client-id <id> [options]', summary: 'connect a company and write a ready config (see auth --help)' },
  { binary: 'tap-quickbooks', usage: '--config <config.json> [--catalog <catalog.json>] [--state <state.json>] [--archive <dir>]', summary: 'sync; stdout carries Singer messages only' },
  { binary: 'tap-quickbooks', usage: 'replay <archive dir>/<run>', summary: 'write the messages of an archived sync to stdout again (no QuickBooks call)' },
  { binary: 'tap-quickbooks', usage: '--config <config.json> --discover', summary: 'print the Singer catalog' },
  { binary: 'tap-quickbooks', usage: '--about [--format json|markdown]', summary: 'settings, aliases and capabilities (Meltano SDK layout)' },
];

/** Flags, per executable. */
export const FLAGS: Array<{ binary: Binary; flag: string; summary: string }> = [
  { binary: 'source-quickbooks', flag: '--config FILE', summary: 'connector config (JSON); rotated tokens are written back to it when it is writable' },
  { binary: 'source-quickbooks', flag: '--catalog FILE', summary: 'configured catalog (JSON): the streams to read and their sync modes' },
  { binary: 'source-quickbooks', flag: '--state FILE', summary: 'the last state the read emitted; without it the read starts from start_date' },
  { binary: 'tap-quickbooks', flag: '--config FILE', summary: 'config (JSON); repeatable, later files win; --config=ENV reads TAP_QUICKBOOKS_<SETTING>' },
  { binary: 'tap-quickbooks', flag: '--catalog FILE', summary: 'Singer catalog with selections (legacy: --properties); without it every stream is synced' },
  { binary: 'tap-quickbooks', flag: '--state FILE', summary: 'the last STATE value emitted ({"bookmarks": ...})' },
  { binary: 'source-quickbooks', flag: '--archive DIR', summary: 'read also writes every message to DIR/<run>/ (gzip parts + manifest.json) for replay' },
  { binary: 'tap-quickbooks', flag: '--archive DIR', summary: 'the sync also writes every message to DIR/<run>/ (gzip parts + manifest.json) for replay' },
  { binary: 'source-quickbooks', flag: '--debug', summary: 'debug logs and stack traces' },
  { binary: 'tap-quickbooks', flag: '--debug', summary: 'debug logs and stack traces on stderr' },
];

const BOTH: Binary[] = ['source-quickbooks', 'tap-quickbooks'];

/** Environment variables a person may set. */
export const ENVIRONMENT: Array<{ binaries: Binary[]; name: string; summary: string }> = [
  { binaries: BOTH, name: 'LOG_LEVEL=DEBUG', summary: 'same as --debug' },
  { binaries: ['tap-quickbooks'], name: 'TAP_QUICKBOOKS_<SETTING>', summary: 'a setting, read with --config=ENV (Meltano)' },
  { binaries: ['tap-quickbooks'], name: 'TAP_QUICKBOOKS_TOKEN_STORE_PATH', summary: 'token store file when the config has no token_store_path' },
  { binaries: BOTH, name: 'QBO_BASE_URL, QBO_TOKEN_URL', summary: 'another API / token host (plain http:// only for loopback): emulators, tests' },
  { binaries: ['source-quickbooks'], name: 'QBO_AUTH_URL', summary: "another consent page for auth (plain http:// only for loopback)" },
  { binaries: BOTH, name: 'QBO_WEBHOOK_JOURNAL', summary: 'a webhooks journal: read logs which journalled changes it covered (set by webhooks --on-change)' },
  { binaries: BOTH, name: 'QBO_THROTTLE_WAIT_SECONDS', summary: 'wait after a throttle without Retry-After (default 60)' },
];

/** Where the README explains each executable. */
const MORE: Record<Binary, string> = {
  'source-quickbooks': `${README_URL} (section "From a shell")`,
  'tap-quickbooks': 'docs/meltano.md in the package, or the README section "Meltano": ' + README_URL,
};

/** The first words of every command of `binary` (what the dispatcher accepts as a command). */
export function commandWords(binary: Binary): string[] {
  return COMMANDS.filter((c) => c.binary === binary && !c.usage.startsWith('-')).map((c) => c.usage.split(' ')[0] as string);
}

function table(rows: Array<[string, string]>, indent = '  '): string[] {
  const width = Math.min(Math.max(...rows.map(([left]) => left.length)), 40);
  return rows.map(([left, right]) =>
    left.length > width ? `${indent}${left}\n${indent}${' '.repeat(width)}  ${right}` : `${indent}${left.padEnd(width)}  ${right}`,
  );
}

/** The full --help text of one executable. */
export function helpText(binary: Binary, version: string): string {
  const description =
    binary === 'source-quickbooks'
      ? 'QuickBooks Online source for Airbyte: every accounting entity, hard deletes, financial reports.'
      : 'QuickBooks Online tap for Singer and Meltano: every accounting entity, hard deletes, financial reports.';
  const commands = COMMANDS.filter((c) => c.binary === binary);
  return [
    `${binary} ${version}: ${description}`,
    '',
    'Usage:',
    ...commands.flatMap((c) => [`  ${binary} ${c.usage}`, `      ${c.summary}`]),
    `  ${binary} --help | -h | --version`,
    '',
    'Flags:',
    ...table(FLAGS.filter((f) => f.binary === binary).map((f) => [f.flag, f.summary])),
    '',
    'Environment:',
    ...table(ENVIRONMENT.filter((e) => e.binaries.includes(binary)).map((e) => [e.name, e.summary])),
    '',
    `More: ${MORE[binary]}`,
    '',
  ].join('\n');
}

/** The short form for a mistake at a terminal: the command lines only. */
export function usageText(binary: Binary): string {
  const lines = COMMANDS.filter((c) => c.binary === binary).map((c) => `  ${binary} ${c.usage}`);
  return ['Usage:', ...lines, `  ${binary} --help | -h | --version`, ''].join('\n');
}

export function versionText(binary: Binary, version: string): string {
  return `${binary} v${version}\n`;
}
