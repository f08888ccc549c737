import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStartDate, runAuth } from '../../src/auth/auth-command.js';
import { startFakeQbo, type FakeQbo } from '../../integration_tests/fake-qbo/index.js';
import { CONSENT_URL, TextSink } from './support.js';

let fake: FakeQbo;
const dirs: string[] = [];
beforeAll(async () => {
  fake = await startFakeQbo({ scale: 0.01 });
});
afterAll(async () => {
  await fake.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh working directory, removed after the suite. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'auth-'));
  dirs.push(dir);
  return dir;
}

function env(): Record<string, string> {
  return { QBO_AUTH_URL: `${fake.url}/connect/oauth2`, QBO_TOKEN_URL: fake.tokenUrl, QBO_CLIENT_SECRET: fake.clientSecret };
}

/** Start the command, then play the browser: GET the consent URL without following, then the Location. */
async function runWithBrowser(args: string[], cwd: string, tamper: (location: URL) => URL = (l) => l) {
  const stdout = new TextSink();
  const stderr = new TextSink();
  const exit = runAuth(['--client-id', fake.clientId, '--port', '0', ...args], { stdout, stderr, env: env(), cwd });
  const consent = new URL((await stdout.waitFor(CONSENT_URL))[1] as string);
  const atIntuit = await fetch(consent, { redirect: 'manual' });
  expect(atIntuit.status).toBe(302);
  const location = tamper(new URL(atIntuit.headers.get('location') as string));
  const page = await fetch(location);
  return { code: await exit, stdout, stderr, consent, page, pageText: await page.text() };
}

describe('source-quickbooks auth, end to end against the fake consent page', () => {
  it('prints the consent URL, receives the code, exchanges it and writes a ready 0600 config', async () => {
    const dir = tempDir();
    const { code, stdout, stderr, consent, page, pageText } = await runWithBrowser(['--output', 'qbo.json', '--sandbox'], dir);
    expect(stderr.text).toBe('');
    expect(code).toBe(0);
    expect(page.status).toBe(200);
    expect(pageText).toContain('QuickBooks connected');

    expect(consent.searchParams.get('client_id')).toBe(fake.clientId);
    expect(consent.searchParams.get('response_type')).toBe('code');
    expect(consent.searchParams.get('scope')).toBe('com.intuit.quickbooks.accounting');
    const redirect = new URL(consent.searchParams.get('redirect_uri') as string);
    expect(redirect.hostname).toBe('localhost');
    expect(redirect.pathname).toBe('/callback');
    expect(consent.searchParams.get('state')).toMatch(/^[\w-]{32}$/);
    expect(stdout.text).toContain('Redirect URIs');

    const path = join(dir, 'qbo.json');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const config = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({
      client_id: fake.clientId,
      client_secret: fake.clientSecret,
      refresh_token: fake.refreshToken,
      realm_id: fake.realmId,
      sandbox: true,
      start_date: defaultStartDate(Date.now()),
    });
    expect(Date.parse(config['token_expiry_date'] as string)).toBeGreaterThan(Date.now());
    expect(typeof config['access_token']).toBe('string');

    // What a person reads: where the file is and what to run next; never a secret.
    expect(stdout.text).toContain(`Wrote ${path}`);
    expect(stdout.text).toContain(`source-quickbooks check --config ${path}`);
    for (const secret of [fake.clientSecret, fake.refreshToken, config['access_token'] as string]) {
      expect(stdout.text).not.toContain(secret);
    }
  });

  it('re-authorizing updates an existing config and keeps its other settings', async () => {
    const dir = tempDir();
    const path = join(dir, 'config.json');
    writeFileSync(path, JSON.stringify({ start_date: '2021-01-01T00:00:00Z', refresh_token: 'old', reports: ['TrialBalance'], credentials: { refresh_token: 'older' } }));
    const { code, stdout } = await runWithBrowser(['--start-date', '2022-03-04'], dir);
    expect(code).toBe(0);
    expect(stdout.text).toContain(`Updated ${path}`);
    const config = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(config['reports']).toEqual(['TrialBalance']);
    expect(config['start_date']).toBe('2022-03-04T00:00:00Z');
    expect(config['refresh_token']).toBe(fake.refreshToken);
    expect(config['sandbox']).toBe(false);
    expect(config['credentials']).toBeUndefined();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('an output path that cannot be written (its folder does not exist) is one clear error naming it', async () => {
    const dir = tempDir();
    const missing = join(dir, 'no-such-folder', 'qbo.json');
    const { code, stderr } = await runWithBrowser(['--output', missing], dir);
    expect(code).not.toBe(0);
    expect(stderr.text).toContain(`Could not write ${missing} (ENOENT). Choose another --output.`);
    expect(existsSync(missing)).toBe(false);
  });

  it('a redirect with another state is refused and nothing is written', async () => {
    const dir = tempDir();
    const { code, stderr, page } = await runWithBrowser([], dir, (location) => {
      location.searchParams.set('state', 'forged');
      return location;
    });
    expect(code).toBe(1);
    expect(page.status).toBe(400);
    expect(stderr.text).toMatch(/^error: The redirect carried a different state/);
    expect(() => statSync(join(dir, 'config.json'))).toThrow();
  });

  it('access_denied says the consent was declined', async () => {
    const dir = tempDir();
    const { code, stderr } = await runWithBrowser([], dir, (location) => {
      const denied = new URL(location.origin + location.pathname);
      denied.searchParams.set('error', 'access_denied');
      denied.searchParams.set('state', location.searchParams.get('state') as string);
      return denied;
    });
    expect(code).toBe(1);
    expect(stderr.text).toContain('Access was not granted');
  });

  it('times out with a clear error when no redirect comes', async () => {
    const stdout = new TextSink();
    const stderr = new TextSink();
    const code = await runAuth(['--client-id', 'id', '--client-secret', 'shh', '--port', '0', '--timeout-seconds', '1'], {
      stdout,
      stderr,
      env: env(),
      cwd: tempDir(),
    });
    expect(code).toBe(1);
    expect(stderr.text).toMatch(/^warning: --client-secret leaves the secret in your shell history/);
    expect(stderr.text).toMatch(/Gave up after .* without a redirect/);
    expect(stdout.text + stderr.text).not.toContain('shh');
  });

  it('a bad authorization code exchange names invalid_grant', async () => {
    const dir = tempDir();
    const { code, stderr } = await runWithBrowser([], dir, (location) => {
      location.searchParams.set('code', 'not-a-code');
      return location;
    });
    expect(code).toBe(1);
    expect(stderr.text).toContain('invalid_grant');
  });

  it('an https redirect URI (production keys): the person pastes the redirected address; state checked; secret from the env', async () => {
    const redirectUri = 'https://app.example.com/qbo/callback';
    const run = async (paste: (location: URL) => string, prompted = false) => {
      const stdout = new TextSink();
      const stderr = new TextSink();
      const stdin = Object.assign(new PassThrough(), { isTTY: prompted });
      const cwd = tempDir();
      const { QBO_CLIENT_SECRET: secret, ...rest } = env();
      const runEnv = prompted ? rest : { ...rest, QBO_CLIENT_SECRET: secret as string };
      const exit = runAuth(['--client-id', fake.clientId, '--redirect-uri', redirectUri, '--output', 'prod.json'], { stdout, stderr, stdin, env: runEnv, cwd });
      if (prompted) {
        await stderr.waitFor(/client secret \(not shown\): $/);
        stdin.write(`${fake.clientSecret}\n`);
      }
      const consent = new URL((await stdout.waitFor(CONSENT_URL))[1] as string);
      await stdout.waitFor(/paste it here/);
      const atIntuit = await fetch(consent, { redirect: 'manual' });
      stdin.write(`${paste(new URL(atIntuit.headers.get('location') as string))}\n`);
      return { code: await exit, stdout, stderr, consent, cwd };
    };

    const ok = await run((location) => location.toString());
    expect(ok.stderr.text).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.consent.searchParams.get('redirect_uri')).toBe(redirectUri);
    const config = JSON.parse(readFileSync(join(ok.cwd, 'prod.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ client_id: fake.clientId, client_secret: fake.clientSecret, realm_id: fake.realmId, refresh_token: fake.refreshToken });
    expect(ok.stdout.text).not.toContain(fake.clientSecret);

    // No env var, a terminal: a prompt that does not echo what is typed.
    const prompted = await run((location) => location.toString(), true);
    expect(prompted.code).toBe(0);
    expect(prompted.stderr.text).toBe("Your Intuit app's client secret (not shown): \n");
    expect(JSON.parse(readFileSync(join(prompted.cwd, 'prod.json'), 'utf8'))).toMatchObject({ client_secret: fake.clientSecret });

    const forged = await run((location) => {
      location.searchParams.set('state', 'someone-elses-state');
      return location.toString();
    });
    expect(forged.code).toBe(1);
    expect(forged.stderr.text).toContain('different state');
    expect(existsSync(join(forged.cwd, 'prod.json'))).toBe(false);

    const elsewhere = await run((location) => location.toString().replace('app.example.com', 'evil.example.com'));
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr.text).toContain('does not start with the redirect URI');
  });

  it('the client secret: no flag, no env and no terminal is an error naming QBO_CLIENT_SECRET', async () => {
    const stdout = new TextSink();
    const stderr = new TextSink();
    const { QBO_CLIENT_SECRET: _unused, ...noSecret } = env();
    const code = await runAuth(['--client-id', 'id'], { stdout, stderr, stdin: Object.assign(new PassThrough(), { isTTY: false }), env: noSecret, cwd: tempDir() });
    expect(code).toBe(1);
    expect(stderr.text).toMatch(/^error: No client secret: set QBO_CLIENT_SECRET/);
  });
});
