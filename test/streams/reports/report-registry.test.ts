import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_COLUMNS, columnInfo, normalizeKey } from '../../../src/streams/reports/report-columns.js';
import { REPORTS } from '../../../src/streams/reports/report-registry.js';

const snake = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

describe('report registry', () => {
  it('offers exactly the reports spec.json lets users pick, named report_<snake_name>', () => {
    const spec = JSON.parse(readFileSync(new URL('../../../spec.json', import.meta.url), 'utf8')) as {
      connectionSpecification: { properties: { reports: { items: { enum: string[] } } } };
    };
    expect(REPORTS.map((r) => r.qboName).sort()).toEqual([...spec.connectionSpecification.properties.reports.items.enum].sort());
    for (const r of REPORTS) expect(r.stream).toBe(`report_${snake(r.qboName)}`);
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
