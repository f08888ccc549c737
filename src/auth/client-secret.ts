// Where `auth` gets the Intuit app's client secret: the QBO_CLIENT_SECRET environment variable or a
// prompt that does not echo. The --client-secret flag still works but warns: argv lands in shell history
// and in every process listing.
import { createInterface } from 'node:readline/promises';
import { Writable, type Readable } from 'node:stream';
import { AuthError } from './auth-error.js';

export const CLIENT_SECRET_ENV = 'QBO_CLIENT_SECRET';

export interface SecretSources {
  flag: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  stdin: Readable & { isTTY?: boolean };
  /** Where the prompt and the warning go (stderr: stdout may be captured). */
  stderr: Writable;
}

export async function resolveClientSecret(sources: SecretSources): Promise<string> {
  if (sources.flag !== undefined) {
    sources.stderr.write(
      `warning: --client-secret leaves the secret in your shell history and process list; set ${CLIENT_SECRET_ENV} or leave it out to be asked for it.\n`,
    );
    return sources.flag;
  }
  const fromEnv = sources.env[CLIENT_SECRET_ENV]?.trim();
  if (fromEnv) return fromEnv;
  if (sources.stdin.isTTY !== true) {
    throw new AuthError(`No client secret: set ${CLIENT_SECRET_ENV}, or run the command at a terminal to be asked for it.`);
  }
  const secret = (await promptHidden("Your Intuit app's client secret (not shown): ", sources.stdin, sources.stderr)).trim();
  if (secret === '') throw new AuthError('No client secret was entered.');
  return secret;
}

/** Ask for a line without echoing it: readline writes its echo to a stream that drops everything. */
async function promptHidden(question: string, input: Readable, output: Writable): Promise<string> {
  output.write(question);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input, output: silent, terminal: true });
  try {
    return await rl.question('');
  } finally {
    rl.close();
    output.write('\n');
  }
}
