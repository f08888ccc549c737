// 5. Start-up: wall time of `spec` and `discover` (spawn to exit). discover must not touch the
// network: QBO_BASE_URL and QBO_TOKEN_URL point at a port nobody listens on.
import { createServer } from 'node:net';
import { CONNECTOR, START_DATE, readArgs } from './lib/connector.js';
import { measure } from './lib/measure.js';
import { failure, log, median } from './lib/util.js';

export interface StartupResult {
  runs: number;
  specMs: number[];
  discoverMs: number[];
  /** discover succeeded with no reachable API or token host. */
  discoverOffline: boolean;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startupBench(runs: number): Promise<StartupResult> {
  const port = await closedPort();
  const env = { QBO_BASE_URL: `http://127.0.0.1:${port}`, QBO_TOKEN_URL: `http://127.0.0.1:${port}/oauth2/v1/tokens/bearer` };
  const config = { client_id: 'id', client_secret: 'secret', refresh_token: 'refresh', realm_id: '123', start_date: START_DATE };
  const files = readArgs(config, {});
  const discoverArgs = ['discover', ...files.args.slice(1, 3)];
  const specMs: number[] = [];
  const discoverMs: number[] = [];
  let discoverOffline = true;
  try {
    // One unmeasured run of each warms the OS file cache.
    await measure(CONNECTOR, ['spec'], { env, report: false, stdout: 'capture' });
    await measure(CONNECTOR, discoverArgs, { env, report: false, stdout: 'capture' });
    for (let i = 0; i < runs; i++) {
      const spec = await measure(CONNECTOR, ['spec'], { env, report: false, stdout: 'capture' });
      if (spec.exitCode !== 0 || !spec.stdout.includes('"SPEC"')) throw failure('spec', spec);
      specMs.push(spec.wallMs);
      const discover = await measure(CONNECTOR, discoverArgs, { env, report: false, stdout: 'capture' });
      if (discover.exitCode !== 0 || !discover.stdout.includes('"CATALOG"')) discoverOffline = false;
      discoverMs.push(discover.wallMs);
    }
  } finally {
    files.cleanup();
  }
  log(`startup: spec ${median(specMs).toFixed(0)} ms, discover ${median(discoverMs).toFixed(0)} ms (offline ok: ${discoverOffline})`);
  return { runs, specMs, discoverMs, discoverOffline };
}
