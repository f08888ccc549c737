// A company that lacks regional and plan features (the fake answers as QBO does: 4001 "invalid
// context declaration" for TaxPayment / JournalCode, 400 "Unsupported Operation" for
// taxclassification, 5030 "Feature Not Supported" for the multicurrency lists): a sync of every
// stream exits 0, every stream is COMPLETE, and each missing feature gives exactly one WARN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectMatchesTruth, expectSucceeded } from '../helpers/assertions.js';
import { committedCatalog, onlyStreams } from '../helpers/catalogs.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { logLines, ofType, recordCounts, streamStatuses } from '../helpers/messages.js';
import { Platform } from '../helpers/platform.js';
import { runConnector } from '../helpers/run-connector.js';

const MISSING = ['tax_payments', 'journal_codes', 'tax_classifications', 'company_currencies', 'exchange_rates'];

describe('a company without some features', () => {
  let env: FakeEnv;
  beforeAll(async () => {
    env = await startFakeEnv({ seed: 71, knobs: { missingFeatures: MISSING } });
  });
  afterAll(() => env.close());

  it.each(['full_refresh', 'incremental'] as const)('every stream of a %s sync completes; one WARN per missing feature', async (mode) => {
    const catalog = committedCatalog(mode);
    const platform = new Platform(env.config(), env.env);
    const run = await platform.sync(catalog);
    expectSucceeded(run);
    const finals = new Map(streamStatuses(run.messages).map((s) => [s.stream_descriptor.name, s.status]));
    expect([...finals].filter(([, status]) => status !== 'COMPLETE')).toEqual([]);
    expect(finals.size).toBe(catalog.streams.length);
    const counts = recordCounts(run.messages);
    expect(MISSING.filter((name) => counts.has(name))).toEqual([]);
    const warns = logLines(run.messages, 'WARN').filter((line) => /is not available in this QuickBooks company/.test(line));
    expect(warns.map((line) => /Stream (\w+)/.exec(line)?.[1]).sort()).toEqual([...MISSING].sort());
    expect(warns.find((l) => l.includes('tax_payments'))).toMatch(/fault 4001 Invalid query: QueryValidationError: invalid context declaration: TaxPayment/);
    expect(warns.find((l) => l.includes('company_currencies'))).toMatch(/fault 5030 Feature Not Supported/);
    expect(warns.find((l) => l.includes('tax_classifications'))).toMatch(/fault 500 Unsupported Operation/);
    expectMatchesTruth(platform, env.fake.company, onlyStreams(catalog, (s) => !MISSING.includes(s.stream.name)));
  }, 90_000);

  it('check lists the optional features the company has', async () => {
    const prefs = env.fake.company.all('Preferences').next().value as { Id: string; CurrencyPrefs: object };
    env.fake.company.update('Preferences', prefs.Id, { CurrencyPrefs: { ...prefs.CurrencyPrefs, MultiCurrencyEnabled: false } });
    const run = await runConnector('check', { config: env.config(), env: env.env });
    const [status] = ofType(run.messages, 'CONNECTION_STATUS');
    expect(status?.connectionStatus.status).toBe('SUCCEEDED');
    expect(status?.connectionStatus.message).toMatch(/Optional features: country: US \(no journal_codes \(France only\), tax_payments \(outside the US only\)\)/);
    expect(status?.connectionStatus.message).toMatch(/multicurrency: off \(company_currencies and exchange_rates read 0 records\)/);
    expect(status?.connectionStatus.message).toMatch(/sales tax: on/);
  });
});
