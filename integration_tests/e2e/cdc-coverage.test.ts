// CDC for every entity Intuit documents: hard-deleted credit-card payments arrive as tombstones. And when
// a company's CDC refuses an entity after all, the sync still finishes: that entity is read by query with
// one WARN, the others keep CDC (and their deletes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectMatchesTruth, expectSucceeded } from '../helpers/assertions.js';
import { committedCatalog, onlyStreams } from '../helpers/catalogs.js';
import { applyChanges, emittedChanges, plain } from '../helpers/changes.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { logLines } from '../helpers/messages.js';
import { Platform } from '../helpers/platform.js';

const STREAMS = ['credit_card_payments', 'invoices', 'reimburse_charges'];

describe('CDC coverage', () => {
  let env: FakeEnv;
  beforeAll(async () => {
    env = await startFakeEnv({ seed: 74 });
  });
  afterAll(() => env.close());

  it('hard-deleted credit-card payments arrive as tombstones through CDC', async () => {
    const catalog = onlyStreams(committedCatalog('incremental'), STREAMS);
    const platform = new Platform(env.config(), env.env);
    expectSucceeded(await platform.sync(catalog));
    const expected = applyChanges(env.fake.company, { hardDelete: { CreditCardPaymentTxn: 2, Invoice: 1 }, update: { CreditCardPaymentTxn: 1 } });
    const queriesBefore = env.fake.stats.queries.length;
    const second = await platform.sync(catalog);
    expectSucceeded(second);
    const got = emittedChanges(second.messages, new Set(STREAMS));
    expect(plain(got.tombstones), expected.done.join(', ')).toEqual(plain(expected.tombstones));
    expect(plain(got.tombstones)['credit_card_payments']).toHaveLength(2);
    expect(env.fake.stats.queries.slice(queriesBefore).filter((q) => /CreditCardPayment/i.test(q)), 'served by CDC, not by queries').toEqual([]);
    expectMatchesTruth(platform, env.fake.company, catalog);
  }, 60_000);

  it('a CDC call that rejects one entity: the sync finishes, that stream reads by query with one WARN', async () => {
    const catalog = onlyStreams(committedCatalog('incremental'), STREAMS);
    const platform = new Platform(env.config(), env.env);
    expectSucceeded(await platform.sync(catalog));
    env.fake.setKnobs({ cdcRejects: ['CreditCardPaymentTxn'] });
    try {
      const expected = applyChanges(env.fake.company, { hardDelete: { Invoice: 1 }, update: { CreditCardPaymentTxn: 2 } });
      const second = await platform.sync(catalog);
      expectSucceeded(second);
      const warns = logLines(second.messages, 'WARN').filter((l) => /CDC rejected/.test(l));
      expect(warns).toHaveLength(1);
      expect(warns[0]).toMatch(/Stream credit_card_payments: QuickBooks' CDC rejected the entity CreditCardPaymentTxn \(fault 2010 /);
      const got = emittedChanges(second.messages, new Set(STREAMS));
      // The invoice delete still came through CDC (the first test's deletes, younger than the quiet margin, may repeat).
      for (const id of expected.tombstones.get('invoices') ?? []) expect(got.tombstones.get('invoices')?.has(id)).toBe(true);
      expect(got.tombstones.get('credit_card_payments')).toBeUndefined();
      for (const id of expected.upserts.get('credit_card_payments') ?? []) expect(got.upserts.get('credit_card_payments')?.has(id)).toBe(true);
      expectMatchesTruth(platform, env.fake.company, catalog);
    } finally {
      env.fake.setKnobs({ cdcRejects: [] });
    }
  }, 60_000);
});
