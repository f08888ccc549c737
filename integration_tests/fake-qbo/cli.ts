// node dist/integration_tests/fake-qbo/cli.js [options] (npm run fake-qbo -- --help)
// Prints one JSON line on stdout (url, tokenUrl, realmId, clientId, clientSecret, refreshToken, configPath),
// and for a person on stderr: a ready config file and the environment to export. Serves until SIGINT/SIGTERM.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeQbo, type FakeQboOptions } from './index.js';

const USAGE = `Usage: npm run fake-qbo -- [options]   (or node dist/integration_tests/fake-qbo/cli.js [options])

A QuickBooks Online emulator on 127.0.0.1 for trying the connector without a real company.

Options:
  --port N            port to listen on (default: any free port)
  --scale N           multiply the generated company's record counts
  --invoices N        number of invoices (instead of --scale)
  --seed N            company, tokens and faults are functions of the seed (default 1)
  --realm-id ID       the company's realm id
  --latency-ms N      added to every data request
  --strict-rotation   a refresh token dies as soon as it is rotated (real Intuit keeps it 24 h)
  --max-in-flight N   concurrent data requests before HTTP 429 (default 10; 0 = off)
  --per-minute N      data requests per minute before HTTP 429 (default 500; 0 = off)
  -h, --help          this text

At start it prints one JSON line on stdout and, on stderr, the path of a ready config file and the
environment variables that point source-quickbooks / tap-quickbooks at the emulator.
`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      scale: { type: 'string' },
      invoices: { type: 'string' },
      'latency-ms': { type: 'string' },
      'strict-rotation': { type: 'boolean', default: false },
      seed: { type: 'string' },
      'max-in-flight': { type: 'string' },
      'per-minute': { type: 'string' },
      'realm-id': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (error) {
  process.stderr.write(`fake-qbo: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) {
    process.stderr.write(`fake-qbo: --${name} must be a non-negative number\n`);
    process.exit(2);
  }
  return n;
}

const scale = num('scale', values.scale);
const invoices = num('invoices', values.invoices);
const options: FakeQboOptions = {
  port: num('port', values.port) ?? 0,
  ...(invoices !== undefined ? { scale: { Invoice: invoices } } : scale !== undefined ? { scale } : {}),
  ...(values.seed !== undefined ? { seed: num('seed', values.seed) ?? 1 } : {}),
  ...(values['realm-id'] !== undefined ? { realmId: values['realm-id'] } : {}),
  knobs: {
    strictRotation: values['strict-rotation'],
    ...(values['latency-ms'] !== undefined ? { latencyMs: num('latency-ms', values['latency-ms']) ?? 0 } : {}),
    ...(values['max-in-flight'] !== undefined ? { maxInFlight: num('max-in-flight', values['max-in-flight']) ?? 10 } : {}),
    ...(values['per-minute'] !== undefined ? { perMinute: num('per-minute', values['per-minute']) ?? 500 } : {}),
  },
};

const fake = await startFakeQbo(options);
// A config the connector can use as is (it writes rotated tokens back into it); removed when the fake stops.
const dir = mkdtempSync(join(tmpdir(), 'fake-qbo-'));
const configPath = join(dir, 'config.json');
const config = {
  client_id: fake.clientId,
  client_secret: fake.clientSecret,
  refresh_token: fake.refreshToken,
  realm_id: fake.realmId,
  start_date: '2000-01-01T00:00:00Z',
};
writeFileSync(configPath, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
const stop = (): void => {
  void fake.close().then(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
process.stdout.write(
  `${JSON.stringify({
    url: fake.url,
    tokenUrl: fake.tokenUrl,
    realmId: fake.realmId,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    refreshToken: fake.refreshToken,
    configPath,
  })}\n`,
);
process.stderr.write(
  [
    `fake-qbo is serving ${fake.url} (Ctrl+C to stop).`,
    '',
    `A ready config file: ${configPath}`,
    'In another shell:',
    '',
    `  export QBO_BASE_URL=${fake.url} QBO_TOKEN_URL=${fake.tokenUrl} QBO_AUTH_URL=${fake.url}/connect/oauth2`,
    `  source-quickbooks check --config ${configPath}`,
    `  tap-quickbooks --config ${configPath} --discover`,
    '',
  ].join('\n'),
);
