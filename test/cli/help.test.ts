// What a person at a terminal sees from each executable: --help, --version, and the usage after a mistake;
// and what a platform sees for the same mistakes (one TRACE / ERROR line, never a stack trace).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { CaptureStream } from '../cdk/helpers.js';
import { repoPath } from '../../integration_tests/helpers/repo-paths.js';

const VERSION = (JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string }).version;
const BINARIES = ['source-quickbooks', 'tap-quickbooks'] as const;

async function run(argv: string[], binary: string, atTerminal: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = Object.assign(new CaptureStream(), { isTTY: atTerminal });
  const stderr = new CaptureStream();
  const code = await main(argv, `/usr/local/bin/${binary}`, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe.each(BINARIES)('%s', (binary) => {
  it.each([['--help'], ['-h'], ['help'], ['read', '--help'], ['--config', 'x.json', '-h']])('%s prints its own usage on stdout, exit 0', async (...argv) => {
    const result = await run(argv, binary, false);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.startsWith(`${binary} ${VERSION}: `)).toBe(true);
    expect(result.stdout).toMatch(/^Usage:$/m);
    expect(result.stdout).toMatch(/^Flags:$/m);
    expect(result.stdout).toMatch(/^Environment:$/m);
    expect(result.stdout).toContain('LOG_LEVEL=DEBUG');
    expect(result.stdout).toMatch(/^More: .*github\.com\/source-quickbooks\/source-quickbooks#readme/m);
    const other = binary === 'tap-quickbooks' ? 'source-quickbooks' : 'tap-quickbooks';
    expect(result.stdout).not.toContain(`  ${other} `);
  });

  it('--version prints its own name and the package version, exit 0', async () => {
    expect(await run(['--version'], binary, true)).toEqual({ code: 0, stdout: `${binary} v${VERSION}\n`, stderr: '' });
  });

  it.each([[[]], [['frobnicate']]])('%j at a terminal: the usage on stderr, nothing on stdout, exit 2', async (argv) => {
    const result = await run(argv, binary, true);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(argv.length === 0 ? /no command given/ : /unknown command "frobnicate"/);
    expect(result.stderr).toContain(`Usage:\n  ${binary} `);
    expect(result.stderr).toContain(`Run \`${binary} --help\``);
  });
});

describe('mistakes when stdout is not a terminal (a platform)', () => {
  it.each([[[]], [['frobnicate']], [['check']], [['read', '--config', 'c.json']]])(
    'source-quickbooks %j: one config_error TRACE without stack_trace, exit 1',
    async (argv) => {
      const result = await run(argv, 'source-quickbooks', false);
      expect(result.code).toBe(1);
      const messages = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; trace?: { error: Record<string, unknown> } });
      expect(messages).toHaveLength(1);
      const error = messages[0]?.trace?.error;
      expect(error?.['failure_type']).toBe('config_error');
      expect(String(error?.['message'])).toMatch(/Usage: spec \| check --config/);
      expect(error).not.toHaveProperty('stack_trace');
    },
  );

  it('tap-quickbooks without arguments: one ERROR line on stderr naming --config, no stack, exit 1', async () => {
    const result = await run([], 'tap-quickbooks', false);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^ERROR Missing --config <file>/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the built executables and the fake', () => {
  it.each(BINARIES)('dist/bin/%s.js --help exits 0 with its usage on stdout', (binary) => {
    const result = spawnSync(process.execPath, [repoPath('dist', 'bin', `${binary}.js`), '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith(`${binary} ${VERSION}: `)).toBe(true);
  });

  it('fake-qbo --help prints its options and exits 0', () => {
    const result = spawnSync(process.execPath, [repoPath('dist', 'integration_tests', 'fake-qbo', 'cli.js'), '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run fake-qbo -- \[options\]/);
    expect(result.stdout).toContain('--strict-rotation');
  });

  it('fake-qbo prints, at start, a ready config file and the env exports; the file goes when it stops', async () => {
    const child = spawn(process.execPath, [repoPath('dist', 'integration_tests', 'fake-qbo', 'cli.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const ready = new Promise<void>((resolve) =>
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('tap-quickbooks --config')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await ready;
    const configPath = /A ready config file: (\S+)/.exec(stderr)?.[1] ?? '';
    const info = JSON.parse(stdout.split('\n')[0] ?? '') as Record<string, string>;
    expect(info['configPath']).toBe(configPath);
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, string>;
    expect(config).toMatchObject({ client_id: info['clientId'], client_secret: info['clientSecret'], refresh_token: info['refreshToken'], realm_id: info['realmId'] });
    expect(stderr).toContain(`export QBO_BASE_URL=${info['url']} QBO_TOKEN_URL=${info['tokenUrl']} `);
    expect(stderr).toContain(`source-quickbooks check --config ${configPath}`);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(configPath)).toBe(false);
  });
});
