import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/cdk/core/errors.js';
import { PRODUCTION_BASE_URL, SANDBOX_BASE_URL, TOKEN_URL, isLoopbackHost, resolveEndpoints } from '../../src/qbo/endpoints.js';

describe('resolveEndpoints', () => {
  it('picks production or sandbox and the Intuit token URL', () => {
    expect(resolveEndpoints({ sandbox: false }, {})).toEqual({ baseUrl: 'https://quickbooks.api.intuit.com', tokenUrl: TOKEN_URL });
    expect(resolveEndpoints({ sandbox: true }, {}).baseUrl).toBe('https://sandbox-quickbooks.api.intuit.com');
    expect(PRODUCTION_BASE_URL).toBe('https://quickbooks.api.intuit.com');
    expect(SANDBOX_BASE_URL).toBe('https://sandbox-quickbooks.api.intuit.com');
    expect(TOKEN_URL).toBe('https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer');
  });

  it('lets QBO_BASE_URL / QBO_TOKEN_URL override, trailing slash removed', () => {
    const env = { QBO_BASE_URL: 'http://127.0.0.1:8123/', QBO_TOKEN_URL: 'https://auth.example.com/oauth/token' };
    expect(resolveEndpoints({ sandbox: true }, env)).toEqual({
      baseUrl: 'http://127.0.0.1:8123',
      tokenUrl: 'https://auth.example.com/oauth/token',
    });
  });

  it.each(['http://localhost:9000', 'http://127.5.6.7', 'http://[::1]:8080/prefix'])('accepts plain http on loopback %s', (url) => {
    expect(() => resolveEndpoints({}, { QBO_BASE_URL: url })).not.toThrow();
  });

  it.each(['http://qbo.example.com', 'http://10.0.0.1:8080', 'http://128.0.0.1', 'http://localhost.evil.com'])(
    'rejects plain http on a non-loopback host %s',
    (url) => {
      expect(() => resolveEndpoints({}, { QBO_TOKEN_URL: url })).toThrow(ConfigError);
      expect(() => resolveEndpoints({}, { QBO_TOKEN_URL: url })).toThrow(/QBO_TOKEN_URL.*https/);
    },
  );

  it('rejects invalid URLs and other schemes with a ConfigError naming the variable', () => {
    expect(() => resolveEndpoints({}, { QBO_BASE_URL: 'not a url' })).toThrow(/QBO_BASE_URL is not a valid URL/);
    expect(() => resolveEndpoints({}, { QBO_BASE_URL: 'ftp://localhost' })).toThrow(ConfigError);
  });

  it('reads process.env by default', () => {
    const saved = process.env['QBO_BASE_URL'];
    process.env['QBO_BASE_URL'] = 'http://localhost:1234';
    try {
      expect(resolveEndpoints({}).baseUrl).toBe('http://localhost:1234');
    } finally {
      if (saved === undefined) delete process.env['QBO_BASE_URL'];
      else process.env['QBO_BASE_URL'] = saved;
    }
  });

  it('isLoopbackHost', () => {
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('example.com')).toBe(false);
  });
});
