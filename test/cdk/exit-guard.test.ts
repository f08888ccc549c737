// The exit guard, in real processes (it acts on process exit): a command whose promise never settles,
// one that calls process.exit behind the runner's back, one that throws from a timer, and one that
// finishes normally. Runs the built module (dist/), as the executables do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { guardOptionsFor } from '../../src/guarded-main.js';

const GUARD = join(process.cwd(), 'dist', 'src', 'cdk', 'run', 'exit-guard.js');

/** Runs `body` (module code with `guard` installed for `protocol`) in a fresh node; stdout, stderr, exit code. */
function run(protocol: 'airbyte' | 'singer', body: string): { stdout: string; stderr: string; status: number | null } {
  if (!existsSync(GUARD)) throw new Error(`${GUARD} is missing: run \`npm run build\` first.`);
  const code =
    `import { installExitGuard, setExitGuardScrubber } from ${JSON.stringify(pathToFileURL(GUARD).href)};\n` +
    `setExitGuardScrubber((text) => text.replaceAll('s3cr3t-value', '****'));\n` +
    `const guard = installExitGuard({ protocol: ${JSON.stringify(protocol)}, command: 'read' });\n${body}\n`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', timeout: 20_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

function traceErrorOf(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const message = JSON.parse(lines[0] as string) as { type: string; trace: { type: string; error: Record<string, unknown> } };
  expect(message.type).toBe('TRACE');
  expect(message.trace.type).toBe('ERROR');
  return message.trace.error;
}

describe('exit guard', () => {
  it('a command whose promise never settles ends with a TRACE ERROR (system_error) and exit 1, not a silent exit 13', () => {
    // An unreferenced timer is the only thing that could settle it: Node sees an empty loop.
    const result = run('airbyte', `await new Promise((resolve) => setTimeout(resolve, 60_000).unref());\nguard.exit(0);`);
    expect(result.status).toBe(1);
    const error = traceErrorOf(result.stdout);
    expect(error['failure_type']).toBe('system_error');
    expect(error['message']).toMatch(/^The read stopped before it finished/);
    expect(error['message']).toMatch(/connector defect/);
    expect(error['internal_message']).toMatch(/event loop drained/);
  });

  it('Singer: the same as a CRITICAL line on stderr, nothing on stdout, exit 1', () => {
    const result = run('singer', `await new Promise(() => {});\nguard.exit(0);`);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^CRITICAL The read stopped before it finished: .*connector defect.*event loop drained/);
  });

  it('process.exit(0) before the command finished is reported and turned into a failure', () => {
    const result = run('airbyte', `setTimeout(() => process.exit(0), 10);\nawait new Promise((resolve) => setTimeout(resolve, 60_000));\nguard.exit(0);`);
    expect(result.status).toBe(1);
    expect(traceErrorOf(result.stdout)['internal_message']).toMatch(/process exited \(code 0\) before the command finished/);
  });

  it('a signal exit (the platform stopping the connector) is left as it is', () => {
    const result = run('airbyte', `setTimeout(() => process.exit(143), 10);\nawait new Promise((resolve) => setTimeout(resolve, 60_000));\nguard.exit(0);`);
    expect(result).toMatchObject({ status: 143, stdout: '', stderr: '' });
  });

  it('an exception escaping everything is reported with its text scrubbed of secrets, exit 1', () => {
    const result = run('airbyte', `setTimeout(() => { throw new TypeError('boom with s3cr3t-value'); }, 10);\nawait new Promise((resolve) => setTimeout(resolve, 60_000));\nguard.exit(0);`);
    expect(result.status).toBe(1);
    const error = traceErrorOf(result.stdout);
    expect(error['failure_type']).toBe('system_error');
    expect(error['internal_message']).toBe('an exception escaped every handler: TypeError: boom with ****');
    expect(JSON.stringify(error)).not.toContain('s3cr3t-value');
  });

  it('a command that finishes exits with its own code and nothing extra', () => {
    const ok = run('airbyte', `await new Promise((resolve) => setTimeout(resolve, 10));\nprocess.stdout.write('done\\n');\nguard.exit(0);`);
    expect(ok).toMatchObject({ status: 0, stdout: 'done\n', stderr: '' });
    const failed = run('singer', `guard.exit(3);`);
    expect(failed).toMatchObject({ status: 3, stdout: '', stderr: '' });
  });

  it('reports in the protocol the invocation speaks', () => {
    expect(guardOptionsFor(['read', '--config', 'c.json'], 'source-quickbooks')).toEqual({ protocol: 'airbyte', command: 'read' });
    expect(guardOptionsFor(['spec'], 'source-quickbooks')).toEqual({ protocol: 'airbyte', command: 'spec' });
    expect(guardOptionsFor(['--config', 'c.json'], 'tap-quickbooks')).toEqual({ protocol: 'singer', command: 'read' });
    expect(guardOptionsFor(['--config', 'c.json', '--discover'], 'tap-quickbooks')).toEqual({ protocol: 'singer', command: 'discover' });
    expect(guardOptionsFor(['auth'], 'source-quickbooks')).toEqual({ protocol: 'plain', command: 'auth' });
  });
});
