// node dist/integration_tests/fake-qbo/cli.js [--port N] [--scale N] [--invoices N] [--latency-ms N]
//   [--strict-rotation] [--seed N] [--max-in-flight N] [--per-minute N] [--realm-id ID]
// Prints one JSON line (url, tokenUrl, realmId, clientId, clientSecret, refreshToken) and serves until
// SIGINT or SIGTERM.
import { parseArgs } from 'node:util';
import { startFakeQbo, type FakeQboOptions } from './index.js';

const { values } = parseArgs({
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
  },
  strict: true,
});

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
process.stdout.write(
  `${JSON.stringify({
    url: fake.url,
    tokenUrl: fake.tokenUrl,
    realmId: fake.realmId,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    refreshToken: fake.refreshToken,
  })}\n`,
);
const stop = (): void => {
  void fake.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
