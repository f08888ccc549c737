import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_COLUMNS, columnInfo, normalizeKey } from '../../../src/streams/reports/report-columns.js';
import { REPORTS } from '../../../src/streams/reports/report-registry.js';
import { silentLogger } from '../../../src/cdk/core/logger.js';
import { SecretRegistry } from '../../../src/cdk/core/secrets.js';
import { QuickBooksSource } from '../../../src/source.js';

const snake = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

describe('report registry', () => {
  it('offers exactly the reports spec.json lets users pick, named report_<snake_name>', () => {
    const spec = JSON.parse(readFileSync(new URL('../../../spec.json', import.meta.url), 'utf8')) as {
      connectionSpecification: { properties: { reports: { items: { enum: string[] } } } };
    };
    expect(REPORTS.map((r) => r.qboName).sort()).toEqual([...spec.connectionSpecification.properties.reports.items.enum].sort());
    for (const r of REPORTS) expect(r.stream).toBe(`report_${snake(r.qboName)}`);
  });

  it('discover offers every report with the default config; `reports` only narrows it', () => {
    const source = new QuickBooksSource();
    const ctx = { logger: silentLogger, secrets: new SecretRegistry(), emitConfig: async () => {} };
    const base = { client_id: 'x', client_secret: 'x', refresh_token: 'x', realm_id: '1', start_date: '2020-01-01T00:00:00Z' };
    const offered = (raw: object): string[] =>
      new QuickBooksSource().streams(source.parseConfig(raw as never), ctx).map((s) => s.name).filter((n) => n.startsWith('report_'));
    expect(offered(base)).toEqual(REPORTS.map((r) => r.stream));
    expect(offered({ ...base, reports: ['GeneralLedger'] })).toEqual(['report_general_ledger']);
    expect(offered({ ...base, reports: [] })).toEqual([]);
  });

  it('types every schema column it declares, and positional keys match the schema', () => {
    for (const r of REPORTS) {
      for (const key of r.schemaColumns) expect(KNOWN_COLUMNS[key], `${r.qboName}.${key}`).toBeDefined();
      for (const key of r.positionalKeys ?? []) expect(r.schemaColumns).toContain(key);
      if (r.kind !== 'period') expect(r.requestColumns).toBeUndefined();
    }
  });

  it('column keys: normalization and type rules', () => {
    expect(normalizeKey('Subt Nat Amount')).toBe('subt_nat_amount');
    expect(normalizeKey('0')).toBe('c_0');
    expect(columnInfo('subt_open_bal', undefined).type).toBe('number');
    expect(columnInfo('some_new_amount', undefined).type).toBe('number');
    expect(columnInfo('ship_date', undefined).type).toBe('date');
    expect(columnInfo('whatever', 'Money').type).toBe('number');
    expect(columnInfo('doc_num', undefined).type).toBe('string');
  });
});
