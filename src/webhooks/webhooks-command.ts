// `source-quickbooks webhooks`: run the webhook receiver (receiver.ts) until SIGTERM/SIGINT, with an
// optional debounced --on-change command (change-trigger.ts). Output is log lines for a person or a
// process supervisor on stderr, never protocol messages and never a secret (the on-change command
// line may hold an API key, so it is not printed either).
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { ConfigError, SecretRegistry, readJsonFile, type JsonObject } from '../cdk/index.js';
import { parseConfig, secretsOf } from '../config.js';
import { ChangeTrigger } from './change-trigger.js';
import { parseDuration } from './duration.js';
import { JOURNAL_ENV } from './journal-coverage.js';
import { WebhookReceiver } from './receiver.js';

export const WEBHOOKS_USAGE = [
  'Usage: source-quickbooks webhooks --config <config.json> [--host 127.0.0.1] [--port 8080] [--path /webhooks]',
  '                                  [--journal qbo-webhooks.jsonl] [--on-change "<command>"] [--debounce 30s]',
  '',
  '  Receives QuickBooks webhooks (both payload formats), checks intuit-signature against the config\'s',
  '  webhook_verifier_token, keeps the events of the config\'s realm_id, drops redeliveries, appends each new',
  '  event to the journal (JSON lines, fsync before answering 200), and after --debounce of quiet runs',
  '  --on-change through the shell, one run at a time (the run sees QBO_WEBHOOK_JOURNAL=<journal>).',
  '  GET /healthz answers 200 with counters. SIGTERM/SIGINT: stop accepting, finish requests and the running',
  '  --on-change command, exit 0 (a second signal exits at once).',
].join('\n');

const MAX_BODY_BYTES = 1 << 20;

export interface WebhooksOptions {
  config: string;
  host: string;
  port: number;
  path: string;
  journal: string;
  onChange: string | undefined;
  debounceMs: number;
}

function usage(problem: string): ConfigError {
  return new ConfigError(`${problem}.\n${WEBHOOKS_USAGE}`);
}

export function parseWebhooksArgs(argv: readonly string[]): WebhooksOptions | 'help' {
  let values;
  try {
    const parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8080' },
        path: { type: 'string', default: '/webhooks' },
        journal: { type: 'string', default: 'qbo-webhooks.jsonl' },
        'on-change': { type: 'string' },
        debounce: { type: 'string', default: '30s' },
        help: { type: 'boolean' },
      },
    });
    values = parsed.values;
  } catch (error) {
    throw usage((error as Error).message.split(/\.( |$)/)[0] ?? 'Bad arguments');
  }
  if (values.help) return 'help';
  if (values.config === undefined || values.config === '') throw usage('webhooks needs --config <file>');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usage(`--port ${values.port} is not a port number (0-65535)`);
  const debounceMs = parseDuration(values.debounce);
  if (debounceMs === undefined) throw usage(`--debounce ${values.debounce} is not a duration (e.g. 30s, 500ms, 2m)`);
  if (!values.path.startsWith('/')) throw usage(`--path ${values.path} must start with /`);
  if (values.journal === '') throw usage('--journal needs a file path');
  if (values['on-change'] === '') throw usage('--on-change needs a command');
  return {
    config: values.config,
    host: values.host,
    port,
    path: values.path,
    journal: values.journal,
    onChange: values['on-change'],
    debounceMs,
  };
}

export interface WebhooksIo {
  stderr?: Writable;
  stdout?: Writable;
  /** Stops the receiver like SIGTERM (tests, embedding). */
  signal?: AbortSignal;
  /** Listen to SIGTERM/SIGINT; default true. */
  handleSignals?: boolean;
  cwd?: string;
}

/** Runs until stopped; returns the exit code. */
export async function runWebhooks(argv: string[], io: WebhooksIo = {}): Promise<number> {
  const stderr = io.stderr ?? process.stderr;
  const secrets = new SecretRegistry();
  const log = (line: string): void => void stderr.write(secrets.scrub(`${new Date().toISOString()} webhooks: ${line}`) + '\n');
  let receiver: WebhookReceiver | undefined;
  try {
    const options = parseWebhooksArgs(argv);
    if (options === 'help') {
      (io.stdout ?? process.stdout).write(WEBHOOKS_USAGE + '\n');
      return 0;
    }
    const raw = readJsonFile(options.config, 'config') as JsonObject;
    for (const secret of secretsOf(raw)) secrets.add(secret);
    const config = parseConfig(raw);
    const token = config.webhookVerifierToken;
    if (token === undefined || token === '') {
      throw new ConfigError(
        'webhooks needs "webhook_verifier_token" in the config: copy the verifier token from developer.intuit.com > your app > Webhooks.',
      );
    }
    secrets.add(options.onChange); // may carry an API key (a curl to Airbyte's API)
    const journal = resolve(io.cwd ?? process.cwd(), options.journal);
    const trigger =
      options.onChange === undefined
        ? undefined
        : new ChangeTrigger({ command: options.onChange, debounceMs: options.debounceMs, env: { [JOURNAL_ENV]: journal }, log });
    receiver = new WebhookReceiver({
      realmId: config.realmId,
      verifierToken: token,
      journalPath: journal,
      path: options.path,
      maxBodyBytes: MAX_BODY_BYTES,
      log,
      onNewEvents: () => trigger?.notify(),
    });
    let address;
    try {
      address = await receiver.listen(options.port, options.host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ConfigError(
        code === 'EADDRINUSE'
          ? `Port ${options.port} on ${options.host} is in use; pass another --port.`
          : `Cannot listen on ${options.host}:${options.port} (${(error as Error).message}); check --host and --port.`,
      );
    }
    log(
      `listening on http://${address.address}:${address.port}${options.path} for company ${config.realmId}; journal ${journal}; ` +
        (trigger ? `--on-change runs after ${options.debounceMs / 1000} s without new events` : 'no --on-change command'),
    );
    const stopSignal = await stopped(io);
    log(`${stopSignal}: draining (no new connections; finishing requests${trigger?.busy ? ' and the running --on-change command' : ''})`);
    await receiver.close();
    await trigger?.stop();
    const c = receiver.counts;
    log(`stopped: ${c.accepted} events journalled, ${c.duplicates} duplicates, ${c.otherRealm} for another company, ${c.rejectedSignature} bad signatures, ${c.tooLarge} too large; ${trigger?.runs ?? 0} --on-change runs`);
    return 0;
  } catch (error) {
    const known = error instanceof ConfigError;
    stderr.write(secrets.scrub(`error: ${known ? error.message : String(error)}`) + '\n');
    await receiver?.close().catch(() => undefined);
    return 1;
  }
}

/**
 * Resolves with the signal's name on the first SIGTERM/SIGINT (or io.signal). A second signal ends
 * the process at once (143/130): exit-on-signal.ts, imported first by the executables, does that.
 */
function stopped(io: WebhooksIo): Promise<string> {
  return new Promise((resolveStop) => {
    const onSignal = (name: NodeJS.Signals): void => resolveStop(name);
    if (io.handleSignals ?? true) {
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
    }
    if (io.signal?.aborted) resolveStop('stop requested');
    io.signal?.addEventListener('abort', () => resolveStop('stop requested'), { once: true });
  });
}
