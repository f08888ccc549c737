// argv -> command: Airbyte verbs (spec/check/discover/read) or Singer flags (--about, --discover, --config ...),
// plus what a person at a terminal asks for (--help, --version, auth) and says wrong (no or unknown command).
import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { runAuth } from './auth/auth-command.js';
import { packageRoot, runAirbyte, runReplay, runSinger } from './cdk/index.js';
import { commandWords, helpText, usageText, versionText, type Binary } from './cli-help.js';
import { SETTING_ALIASES } from './config-aliases.js';
import { QuickBooksSource } from './source.js';
import { runWebhooks } from './webhooks/webhooks-command.js';

const AIRBYTE_VERBS = new Set(['spec', 'check', 'discover', 'read']);
export const TOKEN_STORE_ENV = 'TAP_QUICKBOOKS_TOKEN_STORE_PATH';
/** Exit code of a command line a person got wrong at a terminal (as getopt-style tools do). */
const USAGE_EXIT = 2;

export interface CliIo {
  stdout?: Writable & { isTTY?: boolean };
  stderr?: Writable;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** Which executable this is: the name it was started under (tap-* speaks Singer). */
export function binaryOf(executable: string): Binary {
  return basename(executable).startsWith('tap-') ? 'tap-quickbooks' : 'source-quickbooks';
}

/** Which protocol an invocation speaks: the first word decides, then the executable's name. */
export function protocolOf(argv: string[], executable: string): 'airbyte' | 'singer' {
  const first = argv[0];
  if (first !== undefined && AIRBYTE_VERBS.has(first)) return 'airbyte';
  if (first !== undefined && first.startsWith('--')) return 'singer';
  return binaryOf(executable) === 'tap-quickbooks' ? 'singer' : 'airbyte';
}

/**
 * A command line meant for a person rather than a platform: the text to print and where, or undefined
 * to let the protocol runner handle it. Mistakes get the usage only when stdout is a terminal; a
 * platform gets the runner's own error (a TRACE or an ERROR line, without a stack trace).
 */
function forPerson(argv: string[], binary: Binary, atTerminal: boolean): { text: string; toStderr: boolean; code: number } | undefined {
  const version = packageVersion();
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { text: helpText(binary, version), toStderr: false, code: 0 };
  if (argv.includes('--version')) return { text: versionText(binary, version), toStderr: false, code: 0 };
  if (!atTerminal) return undefined;
  const first = argv[0];
  const more = `Run \`${binary} --help\` for flags and environment variables.\n`;
  if (first === undefined) return { text: `${binary}: no command given.\n\n${usageText(binary)}${more}`, toStderr: true, code: USAGE_EXIT };
  const known = commandWords('source-quickbooks'); // the Airbyte verbs work under either name
  if (!first.startsWith('-') && !known.includes(first)) {
    return { text: `${binary}: unknown command "${first}".\n\n${usageText(binary)}${more}`, toStderr: true, code: USAGE_EXIT };
  }
  return undefined;
}

export async function main(argv: string[], executable: string, io: CliIo = {}): Promise<number> {
  // `auth` talks to a person (plain text), not to a platform: it runs outside both protocols.
  if (argv[0] === 'auth') return runAuth(argv.slice(1));
  // `webhooks` is a long-running receiver that logs for a person or a supervisor; it has its own --help.
  if (argv[0] === 'webhooks') return runWebhooks(argv.slice(1));
  const stdout = io.stdout ?? process.stdout;
  const binary = binaryOf(executable);
  const answer = forPerson(argv, binary, stdout.isTTY === true);
  if (answer !== undefined) {
    const target = answer.toStderr ? (io.stderr ?? process.stderr) : stdout;
    await new Promise<void>((resolve) => target.write(answer.text, () => resolve()));
    return answer.code;
  }
  if (argv[0] === 'replay') {
    return runReplay(argv.slice(1), { protocol: binary === 'tap-quickbooks' ? 'singer' : 'airbyte', name: binary, stdout, ...(io.stderr ? { stderr: io.stderr } : {}) });
  }
  const source = new QuickBooksSource();
  if (protocolOf(argv, executable) === 'airbyte') return runAirbyte(source, argv, { stdout, ...(io.stderr ? { stderr: io.stderr } : {}) });
  return runSinger(source, argv, {
    name: 'tap-quickbooks',
    description: 'QuickBooks Online: every accounting entity, hard deletes through CDC, and financial reports.',
    version: packageVersion(),
    tokenStoreEnvVar: TOKEN_STORE_ENV,
    settingAliases: SETTING_ALIASES,
    io: { stdout, ...(io.stderr ? { stderr: io.stderr } : {}) },
  });
}
