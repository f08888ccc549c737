// Run `discover` against a fake company and return its one catalog.
import type { AirbyteCatalog } from '../../src/cdk/core/protocol.js';
import type { FakeEnv } from './fake-env.js';
import { ofType } from './messages.js';
import { runConnector, type RunResult } from './run-connector.js';

export async function discover(env: FakeEnv): Promise<{ run: RunResult; catalog: AirbyteCatalog }> {
  const run = await runConnector('discover', { config: env.config(), env: env.env });
  const catalogs = ofType(run.messages, 'CATALOG');
  if (run.exitCode !== 0 || catalogs.length !== 1) {
    throw new Error(`discover: exit ${String(run.exitCode)}, ${catalogs.length} CATALOG messages; stderr: ${run.stderr.slice(-1000)}`);
  }
  return { run, catalog: (catalogs[0] as (typeof catalogs)[number]).catalog };
}
