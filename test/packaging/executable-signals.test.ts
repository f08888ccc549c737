// The built executables under SIGTERM/SIGINT, as `docker stop` / Ctrl-C deliver them: a command waiting
// on a QBO that never answers exits at once with 143/130, and so does a process no command listens in yet.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, repoPath } from '../../integration_tests/helpers/repo-paths.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('executable-signals-');
const CONFIG = join(dir, 'config.json');
writeFileSync(CONFIG, JSON.stringify({ client_id: 'id', client_secret: 'secret', refresh_token: 'token', realm_id: '1', start_date: '2024-01-01T00:00:00Z' }));

/** A QBO (token endpoint and API) that accepts requests and never answers them. */
let server: Server;
let url: string;
let onRequest: () => void = () => {};

beforeAll(async () => {
  assertBuilt();
  server = createServer(() => onRequest());
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
}

/** Runs an executable with the config, sends `signal` once it asks QBO for something, waits for the exit. */
async function interrupted(bin: string, args: string[], signal: NodeJS.Signals): Promise<Exit> {
  const requested = new Promise<void>((resolve) => (onRequest = resolve));
  const child = spawn(process.execPath, [repoPath('dist', 'bin', bin), ...args, CONFIG], {
    env: { PATH: process.env['PATH'] ?? '', QBO_BASE_URL: url, QBO_TOKEN_URL: `${url}/token` },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  await Promise.race([requested, exited]); // an early exit shows up as a wrong code, not as a timeout
  child.kill(signal);
  const [code, by] = await exited;
  return { code, signal: by, stdout };
}

describe('executables under signals', () => {
  it('source-quickbooks check: SIGTERM while QBO does not answer -> exit 143 and one transient TRACE ERROR', async () => {
    const exit = await interrupted('source-quickbooks.js', ['check', '--config'], 'SIGTERM');
    expect(exit).toMatchObject({ code: 143, signal: null });
    const last = JSON.parse(exit.stdout.trim().split('\n').at(-1) ?? '{}') as { trace?: { error?: { failure_type?: string; message?: string } } };
    expect(last.trace?.error).toMatchObject({ failure_type: 'transient_error', message: expect.stringContaining('check was interrupted (SIGTERM)') });
  });

  it('tap-quickbooks sync: SIGINT while QBO does not answer -> exit 130', async () => {
    const exit = await interrupted('tap-quickbooks.js', ['--config'], 'SIGINT');
    expect(exit).toMatchObject({ code: 130, signal: null });
  });

  it('before any command listens, SIGTERM still ends the process with 143 (node as PID 1 has no default action)', async () => {
    const module = repoPath('dist', 'src', 'cdk', 'run', 'exit-on-signal.js');
    const script = `await import(${JSON.stringify(module)}); process.kill(process.pid, 'SIGTERM'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
    expect({ code, signal }).toEqual({ code: 143, signal: null });
  });
});
