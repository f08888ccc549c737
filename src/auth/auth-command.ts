// `source-quickbooks auth`: consent URL -> redirect (received on loopback, or pasted back for an https
// redirect URI) -> code exchange -> a ready config file.
// Output is for a person (plain text), never Airbyte messages; secrets are scrubbed from every line.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { ConfigError, SecretRegistry } from '../cdk/index.js';
import { resolveEndpoints } from '../qbo/endpoints.js';
import { AUTH_USAGE, parseAuthArgs, type AuthOptions } from './auth-args.js';
import { AuthError } from './auth-error.js';
import { listenForCallback, type AuthorizationGrant } from './callback-server.js';
import { resolveClientSecret } from './client-secret.js';
import { buildConfig, readExistingConfig, writeConfigFile } from './config-file.js';
import { authorizationUrl, consentUrl } from './consent-url.js';
import { exchangeCode } from './exchange-code.js';
import { readPastedRedirect } from './paste-back.js';
import { isPasteBackRedirect, redirectTarget } from './redirect-uri.js';

export interface AuthIo {
  stdout?: Writable;
  stderr?: Writable;
  /** The secret prompt and a pasted redirect address are read from here (default: process.stdin). */
  stdin?: Readable & { isTTY?: boolean };
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
    const clientSecret = await resolveClientSecret({ flag: options.clientSecret, env: io.env ?? process.env, stdin: io.stdin ?? process.stdin, stderr });
    secrets.add(clientSecret);
    await authorize({ ...options, clientSecret }, io, secrets, print);
    return 0;
  } catch (error) {
    const known = error instanceof AuthError || error instanceof ConfigError;
    stderr.write(secrets.scrub(`error: ${known ? error.message : String(error)}`) + '\n');
    return 1;
  }
}

async function authorize(
  options: AuthOptions & { clientSecret: string },
  io: AuthIo,
  secrets: SecretRegistry,
  print: (text: string) => void,
): Promise<void> {
  const env = io.env ?? process.env;
  const now = io.now ?? Date.now;
  const outputPath = resolve(io.cwd ?? process.cwd(), options.output);
  const existing = readExistingConfig(outputPath); // fail before the person spends time in the browser
  const authUrl = authorizationUrl(env);
  const { tokenUrl } = resolveEndpoints({ sandbox: options.sandbox }, env);
  const state = randomBytes(24).toString('base64url');
  const pasteBack = options.redirectUri !== undefined && isPasteBackRedirect(options.redirectUri);
  const { grant, redirectUri } = pasteBack
    ? await pastedGrant(options, options.redirectUri as string, { authUrl, state, input: io.stdin ?? process.stdin, print })
    : await listenedGrant(options, { authUrl, state, print });
  print(`Received the authorization for company ${grant.realmId}; exchanging it for tokens...`);
  const tokens = await exchangeCode({
    tokenUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    code: grant.code,
    redirectUri,
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
  await writeConfigFile(outputPath, JSON.stringify(config, null, 2) + '\n');
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

interface GrantContext {
  authUrl: string;
  state: string;
  print: (text: string) => void;
}

function registerStep(options: AuthOptions, redirectUri: string): string[] {
  return [
    'Connect source-quickbooks to a QuickBooks Online company.',
    '',
    `1. The Intuit app must list this redirect URI exactly (developer.intuit.com > your app > Settings > Redirect URIs,`,
    `   in the ${options.sandbox ? 'Development' : 'Production'} section for ${options.sandbox ? 'development (sandbox)' : 'production'} keys):`,
    `     ${redirectUri}`,
  ];
}

/** Loopback http redirect URI: a one-shot listener receives the browser. */
async function listenedGrant(options: AuthOptions, ctx: GrantContext): Promise<{ grant: AuthorizationGrant; redirectUri: string }> {
  const target = redirectTarget({ redirectUri: options.redirectUri, port: options.port });
  const listener = await listenForCallback({ target, state: ctx.state, timeoutMs: options.timeoutSeconds * 1000 });
  try {
    const url = consentUrl({ authorizationUrl: ctx.authUrl, clientId: options.clientId, redirectUri: listener.redirectUri, state: ctx.state });
    const minutes = Math.round((options.timeoutSeconds / 60) * 10) / 10;
    ctx.print(
      [
        ...registerStep(options, listener.redirectUri),
        '2. Open this URL in a browser on this machine, sign in, and choose the company to connect:',
        '',
        `     ${url}`,
        '',
        `Waiting for the redirect on ${listener.redirectUri} (up to ${minutes} minute(s); Ctrl+C to stop)...`,
      ].join('\n'),
    );
    return { grant: await listener.grant, redirectUri: listener.redirectUri };
  } finally {
    await listener.close();
  }
}

/** https redirect URI (production keys): the browser lands elsewhere; the person pastes that address here. */
async function pastedGrant(
  options: AuthOptions,
  redirectUri: string,
  ctx: GrantContext & { input: Readable },
): Promise<{ grant: AuthorizationGrant; redirectUri: string }> {
  if (options.port !== undefined) throw new AuthError('--port goes with a loopback http:// redirect URI; an https:// one is pasted back, not received.');
  const url = consentUrl({ authorizationUrl: ctx.authUrl, clientId: options.clientId, redirectUri, state: ctx.state });
  ctx.print(
    [
      ...registerStep(options, redirectUri),
      '2. Open this URL in a browser, sign in, and choose the company to connect:',
      '',
      `     ${url}`,
      '',
      `3. The browser then goes to ${redirectUri}?code=... (the page itself may not load; that is fine).`,
      '   Copy the whole address from the address bar and paste it here, then press Enter:',
    ].join('\n'),
  );
  const grant = await readPastedRedirect({ input: ctx.input, redirectUri, state: ctx.state, timeoutMs: options.timeoutSeconds * 1000 });
  return { grant, redirectUri };
}

function quoteForShell(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
