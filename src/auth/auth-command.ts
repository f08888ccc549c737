// `source-quickbooks auth`: consent URL -> loopback redirect -> code exchange -> a ready config file.
// Output is for a person (plain text), never Airbyte messages; secrets are scrubbed from every line.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { ConfigError } from '../cdk/errors.js';
import { SecretRegistry } from '../cdk/secrets.js';
import { resolveEndpoints } from '../qbo/endpoints.js';
import { AUTH_USAGE, parseAuthArgs, type AuthOptions } from './auth-args.js';
import { AuthError } from './auth-error.js';
import { listenForCallback } from './callback-server.js';
import { buildConfig, readExistingConfig, writeFileAtomic0600 } from './config-file.js';
import { authorizationUrl, consentUrl } from './consent-url.js';
import { exchangeCode } from './exchange-code.js';
import { redirectTarget } from './redirect-uri.js';

export interface AuthIo {
  stdout?: Writable;
  stderr?: Writable;
  env?: Readonly<Record<string, string | undefined>>;
  /** Directory a relative --output is resolved against (default: process.cwd()). */
  cwd?: string;
  now?: () => number;
}

/** Midnight UTC two years before `now`, RFC 3339. */
export function defaultStartDate(now: number): string {
  const date = new Date(now);
  return new Date(Date.UTC(date.getUTCFullYear() - 2, date.getUTCMonth(), date.getUTCDate())).toISOString().replace('.000Z', 'Z');
}

/** Runs the command; returns the exit code (0 only when the config was written). */
export async function runAuth(argv: string[], io: AuthIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const secrets = new SecretRegistry();
  const print = (text: string): void => void stdout.write(secrets.scrub(text) + '\n');
  try {
    const options = parseAuthArgs(argv);
    if (options.help) {
      stdout.write(AUTH_USAGE);
      return 0;
    }
    secrets.add(options.clientSecret);
    await authorize(options, io, secrets, print);
    return 0;
  } catch (error) {
    const known = error instanceof AuthError || error instanceof ConfigError;
    stderr.write(secrets.scrub(`error: ${known ? error.message : String(error)}`) + '\n');
    return 1;
  }
}

async function authorize(options: AuthOptions, io: AuthIo, secrets: SecretRegistry, print: (text: string) => void): Promise<void> {
  const env = io.env ?? process.env;
  const now = io.now ?? Date.now;
  const outputPath = resolve(io.cwd ?? process.cwd(), options.output);
  const existing = readExistingConfig(outputPath); // fail before the person spends time in the browser
  const authUrl = authorizationUrl(env);
  const { tokenUrl } = resolveEndpoints({ sandbox: options.sandbox }, env);
  const target = redirectTarget({ redirectUri: options.redirectUri, port: options.port });
  const state = randomBytes(24).toString('base64url');

  const listener = await listenForCallback({ target, state, timeoutMs: options.timeoutSeconds * 1000 });
  let grant;
  try {
    const url = consentUrl({ authorizationUrl: authUrl, clientId: options.clientId, redirectUri: listener.redirectUri, state });
    const minutes = Math.round((options.timeoutSeconds / 60) * 10) / 10;
    print(
      [
        'Connect source-quickbooks to a QuickBooks Online company.',
        '',
        `1. The Intuit app must list this redirect URI exactly (developer.intuit.com > your app > Settings > Redirect URIs,`,
        `   in the ${options.sandbox ? 'Development' : 'Production'} section for ${options.sandbox ? 'development (sandbox)' : 'production'} keys):`,
        `     ${listener.redirectUri}`,
        '2. Open this URL in a browser on this machine, sign in, and choose the company to connect:',
        '',
        `     ${url}`,
        '',
        `Waiting for the redirect on ${listener.redirectUri} (up to ${minutes} minute(s); Ctrl+C to stop)...`,
      ].join('\n'),
    );
    grant = await listener.grant;
  } finally {
    await listener.close();
  }

  print(`Received the authorization for company ${grant.realmId}; exchanging it for tokens...`);
  const tokens = await exchangeCode({
    tokenUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    code: grant.code,
    redirectUri: listener.redirectUri,
    now,
  });
  secrets.add(tokens.accessToken);
  secrets.add(tokens.refreshToken);

  const config = buildConfig(
    {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      realmId: grant.realmId,
      tokens,
      startDate: options.startDate,
      sandbox: options.sandbox,
      defaultStartDate: defaultStartDate(now()),
    },
    existing,
  );
  writeFileAtomic0600(outputPath, JSON.stringify(config, null, 2) + '\n');
  print(
    [
      '',
      `${existing ? 'Updated' : 'Wrote'} ${outputPath} (mode 0600: it holds the client secret and tokens; keep it private).`,
      `  realm_id ${grant.realmId}, start_date ${String(config['start_date'])}, sandbox ${String(config['sandbox'])}`,
      '  The connector rotates the refresh token as it runs and saves it back (Airbyte CONTROL message, and into this config file).',
      '',
      'Next:',
      `  source-quickbooks check --config ${quoteForShell(outputPath)}`,
    ].join('\n'),
  );
}

function quoteForShell(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
