import { describe, expect, it } from 'vitest';
import { parseAuthArgs, normalizeStartDate } from '../../src/auth/auth-args.js';
import { defaultStartDate, runAuth } from '../../src/auth/auth-command.js';
import { authorizationUrl, consentUrl } from '../../src/auth/consent-url.js';
import { isPasteBackRedirect, redirectTarget } from '../../src/auth/redirect-uri.js';
import { TextSink } from './support.js';

describe('auth arguments', () => {
  it('requires the app keys and defaults the rest', () => {
    expect(() => parseAuthArgs(['--client-secret', 'b'])).toThrow(/--client-id is required/);
    expect(parseAuthArgs(['--client-id', 'a']).clientSecret).toBeUndefined();
    expect(parseAuthArgs(['--client-id', 'a', '--client-secret', 'b'])).toMatchObject({ output: 'config.json', timeoutSeconds: 300, sandbox: undefined });
    expect(() => parseAuthArgs(['--client-id', 'a', '--client-secret', 'b', '--port', '70000'])).toThrow(/--port/);
    expect(() => parseAuthArgs(['--client-id', 'a', '--client-secret', 'b', '--bogus'])).toThrow(/bogus/);
  });

  it('start dates: RFC 3339, a plain date means midnight UTC, the default is two years back', () => {
    expect(normalizeStartDate('2024-02-03')).toBe('2024-02-03T00:00:00Z');
    expect(normalizeStartDate('2024-02-03T04:05:06+01:00')).toBe('2024-02-03T04:05:06+01:00');
    expect(() => normalizeStartDate('yesterday')).toThrow(/RFC 3339/);
    expect(defaultStartDate(Date.parse('2026-07-15T13:00:00Z'))).toBe('2024-07-15T00:00:00Z');
  });

  it('redirect URIs: loopback http only; localhost listens on IPv4 and IPv6', () => {
    expect(redirectTarget({})).toMatchObject({ raw: 'http://localhost:8080/callback', port: 8080, hosts: ['127.0.0.1', '::1'] });
    expect(redirectTarget({ port: 9000 }).raw).toBe('http://localhost:9000/callback');
    expect(redirectTarget({ redirectUri: 'http://127.0.0.1:7000/cb' })).toMatchObject({ port: 7000, hosts: ['127.0.0.1'] });
    expect(() => redirectTarget({ redirectUri: 'http://example.com/cb' })).toThrow(/plain http/);
    expect(isPasteBackRedirect('https://example.com/cb')).toBe(true);
    expect(isPasteBackRedirect('http://localhost:8080/callback')).toBe(false);
    expect(() => redirectTarget({ redirectUri: 'http://localhost:7000/cb', port: 7001 })).toThrow(/disagrees/);
  });

  it('the consent URL goes to Intuit unless QBO_AUTH_URL names a loopback emulator', () => {
    expect(authorizationUrl({})).toBe('https://appcenter.intuit.com/connect/oauth2');
    expect(authorizationUrl({ QBO_AUTH_URL: 'http://127.0.0.1:1234/connect/oauth2' })).toBe('http://127.0.0.1:1234/connect/oauth2');
    expect(() => authorizationUrl({ QBO_AUTH_URL: 'http://evil.example/connect' })).toThrow(/loopback/);
    const url = new URL(consentUrl({ authorizationUrl: 'https://appcenter.intuit.com/connect/oauth2', clientId: 'cid', redirectUri: 'http://localhost:8080/callback', state: 's' }));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'cid',
      response_type: 'code',
      scope: 'com.intuit.quickbooks.accounting',
      redirect_uri: 'http://localhost:8080/callback',
      state: 's',
    });
  });

  it('usage errors go to stderr with exit code 1; --help to stdout with 0', async () => {
    const stdout = new TextSink();
    const stderr = new TextSink();
    expect(await runAuth(['--client-secret', 'hush'], { stdout, stderr })).toBe(1);
    expect(stderr.text).toMatch(/^error: --client-id is required/);
    expect(stderr.text).not.toContain('hush');
    expect(await runAuth(['--help'], { stdout, stderr })).toBe(0);
    expect(stdout.text).toContain('Usage: source-quickbooks auth');
  });
});
