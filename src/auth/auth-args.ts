// argv of `source-quickbooks auth` -> options (node:util parseArgs; errors name the fix).
import { parseArgs } from 'node:util';
import { midnightUtcIfDateOnly } from '../config-aliases.js';
import { AuthError } from './auth-error.js';

export interface AuthOptions {
  clientId: string;
  /** Only when given as a flag (discouraged); otherwise QBO_CLIENT_SECRET or a hidden prompt. */
  clientSecret: string | undefined;
  sandbox: boolean | undefined;
  port: number | undefined;
  redirectUri: string | undefined;
  output: string;
  startDate: string | undefined;
  timeoutSeconds: number;
  help: boolean;
}

export const DEFAULT_OUTPUT = 'config.json';
export const DEFAULT_TIMEOUT_SECONDS = 300;

export const AUTH_USAGE = `Usage: source-quickbooks auth --client-id ID [options]

Connects your Intuit app to a QuickBooks Online company and writes a ready connector config.
The client secret comes from QBO_CLIENT_SECRET, or the command asks for it (not shown as you type).

Options:
  --client-id ID         your Intuit app's client ID (developer.intuit.com > your app > Keys & credentials)
  --sandbox              the keys are development keys for a sandbox company (sets "sandbox": true)
  --port N               port of the local redirect listener (default 8080)
  --redirect-uri URI     the redirect URI registered in the app. http://localhost:<port>/... (the default,
                         http://localhost:<port>/callback) is received here; an https:// URI (required for
                         production keys) is not: paste the address the browser lands on when asked
  --output FILE          config file to write (default ${DEFAULT_OUTPUT}; an existing one keeps its other settings)
  --start-date DATE      start_date, RFC 3339 or a date (default: two years ago)
  --timeout-seconds N    give up after N seconds without a redirect (default ${DEFAULT_TIMEOUT_SECONDS})
  --client-secret SECRET discouraged (shell history, process list): use QBO_CLIENT_SECRET or the prompt

Environment:
  QBO_CLIENT_SECRET      the app's client secret
  QBO_AUTH_URL, QBO_TOKEN_URL  another consent page / token endpoint (loopback http:// only): emulators, tests
`;

function integer(raw: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new AuthError(`${flag} must be a whole number from ${min} to ${max}, got "${raw}".`);
  return value;
}

/** RFC 3339 date-time, or a plain date taken as midnight UTC. */
export function normalizeStartDate(raw: string): string {
  const text = midnightUtcIfDateOnly(raw);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(text) || Number.isNaN(Date.parse(text))) {
    throw new AuthError(`--start-date must be an RFC 3339 date-time such as 2024-01-01T00:00:00Z (or a date such as 2024-01-01), got "${raw}".`);
  }
  return text;
}

export function parseAuthArgs(argv: string[]): AuthOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        sandbox: { type: 'boolean' },
        port: { type: 'string' },
        'redirect-uri': { type: 'string' },
        output: { type: 'string' },
        'start-date': { type: 'string' },
        'timeout-seconds': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new AuthError(`${error instanceof Error ? error.message : String(error)}\n\n${AUTH_USAGE}`);
  }
  const help = values.help ?? false;
  const clientId = values['client-id'] ?? '';
  const clientSecret = values['client-secret'];
  if (!help && clientId === '') throw new AuthError(`--client-id is required.\n\n${AUTH_USAGE}`);
  if (!help && clientSecret === '') throw new AuthError(`--client-secret is empty; set QBO_CLIENT_SECRET instead.\n\n${AUTH_USAGE}`);
  return {
    clientId,
    clientSecret,
    sandbox: values.sandbox,
    port: integer(values.port, '--port', 0, 65535),
    redirectUri: values['redirect-uri'],
    output: values.output ?? DEFAULT_OUTPUT,
    startDate: values['start-date'] === undefined ? undefined : normalizeStartDate(values['start-date']),
    timeoutSeconds: integer(values['timeout-seconds'], '--timeout-seconds', 1, 86_400) ?? DEFAULT_TIMEOUT_SECONDS,
    help,
  };
}
