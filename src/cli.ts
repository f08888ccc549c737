// argv -> command: Airbyte verbs (spec/check/discover/read) or Singer flags (--about, --discover, --config ...).
import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAuth } from './auth/auth-command.js';
import { runAirbyte } from './cdk/airbyte-runner.js';
import { packageRoot } from './cdk/package-root.js';
import { runSinger } from './cdk/singer-runner.js';
import { QuickBooksSource } from './source.js';

const AIRBYTE_VERBS = new Set(['spec', 'check', 'discover', 'read']);
export const TOKEN_STORE_ENV = 'TAP_QUICKBOOKS_TOKEN_STORE_PATH';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** Which protocol an invocation speaks: the first word decides, then the executable's name. */
export function protocolOf(argv: string[], executable: string): 'airbyte' | 'singer' {
  const first = argv[0];
  if (first !== undefined && AIRBYTE_VERBS.has(first)) return 'airbyte';
  if (first !== undefined && first.startsWith('--')) return 'singer';
  return basename(executable).startsWith('tap-') ? 'singer' : 'airbyte';
}

export async function main(argv: string[], executable: string): Promise<number> {
  // `auth` talks to a person (plain text), not to a platform: it runs outside both protocols.
  if (argv[0] === 'auth') return runAuth(argv.slice(1));
  const source = new QuickBooksSource();
  if (protocolOf(argv, executable) === 'airbyte') return runAirbyte(source, argv);
  return runSinger(source, argv, {
    name: 'tap-quickbooks',
    description: 'QuickBooks Online: every accounting entity, hard deletes through CDC, and financial reports.',
    version: packageVersion(),
    tokenStoreEnvVar: TOKEN_STORE_ENV,
  });
}
