import { describe, expect, it } from 'vitest';
import { QuickBooksSource } from '../../src/source.js';
import { ConfigError } from '../../src/cdk/core/errors.js';
import { parseConfig, secretsOf } from '../../src/config.js';

const base = { client_id: 'id', client_secret: 'secret-1', refresh_token: 'rt-1', realm_id: '123', start_date: '2021-01-01T00:00:00Z' };

describe('parseConfig', () => {
  it('applies the spec defaults', () => {
    const c = parseConfig(base);
    expect(c).toMatchObject({ sandbox: false, minorVersion: 75, pageSize: 1000, maxConcurrentRequests: 10, requestsPerMinute: 500, useCdc: true, useBatch: true });
    // Every report by default: discover offers them all and the catalog selects (README "Reports").
    expect(c.reports).toHaveLength(13);
    expect(c.reportStartDate).toBe('2021-01-01');
  });

  it('lifts the pre-4.0 nested credentials, top-level values winning', () => {
    const c = parseConfig({ start_date: base.start_date, client_id: 'top', credentials: { client_id: 'nested', client_secret: 's', refresh_token: 'r', realm_id: '9' } });
    expect([c.clientId, c.clientSecret, c.refreshToken, c.realmId]).toEqual(['top', 's', 'r', '9']);
    expect(c.raw['credentials']).toBeUndefined();
  });

  it('names every bad field in one config error', () => {
    const error = (() => {
      try {
        parseConfig({ ...base, realm_id: 'abc', page_size: 5000, client_secret: undefined });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('"client_secret" is required');
    expect(message).toContain('"realm_id"');
    expect(message).toContain('"page_size"');
  });

  it('lists the secrets of both forms for the scrubber', () => {
    const secrets = secretsOf({ ...base, access_token: 'at-1', credentials: { refresh_token: 'rt-old' } });
    expect(secrets.filter((s) => !s.includes('Basic') && !/=$|^[A-Za-z0-9+/]{12,}$/.test(s)).sort()).toEqual(['at-1', 'rt-1', 'rt-old', 'secret-1']);
    // The Basic header of the token request decodes to the client secret: it is a secret too.
    const basic = Buffer.from(`${String(base['client_id'])}:secret-1`).toString('base64');
    expect(secrets).toContain(`Basic ${basic}`);
    expect(secrets).toContain(basic);
  });

  it('a start_date in the future is a config error naming it and the value', () => {
    expect(() => parseConfig({ ...base, start_date: '2999-01-01T00:00:00Z' })).toThrow(/start_date is "2999-01-01T00:00:00Z", which is in the future/);
  });

  it('two custom queries with the same name are a config error (discover would list two streams)', () => {
    const custom = { name: 'big_invoices', entity: 'Invoice', where: 'TotalAmt > 1000' };
    expect(() => new QuickBooksSource().parseConfig({ ...base, custom_queries: [custom, { ...custom, where: 'TotalAmt > 5' }] })).toThrow(
      /two queries are named "big_invoices"/,
    );
  });
});

describe('realm_id as QuickBooks shows it', () => {
  it('drops whitespace anywhere (spaced groups, padding) instead of rejecting it', () => {
    const c = parseConfig({ ...base, realm_id: ' 9130 3566\t8765 4321 ' });
    expect(c.realmId).toBe('9130356687654321');
    // The stored config (re-emitted with rotated tokens) carries the clean value too.
    expect(c.raw['realm_id']).toBe('9130356687654321');
    expect(parseConfig({ ...base, credentials: { realm_id: ' 42 ' }, realm_id: undefined }).realmId).toBe('42');
  });

  it('still rejects what is not a company ID', () => {
    expect(() => parseConfig({ ...base, realm_id: '   ' })).toThrow(/"realm_id"/);
    expect(() => parseConfig({ ...base, realm_id: '12a4' })).toThrow(/"realm_id"/);
  });
});
