// schemas/reports/<stream>.json must equal what the registry builds. Regenerate: npm run gen.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORTS } from '../../../src/streams/reports/report-registry.js';
import { buildReportSchema } from '../../../src/streams/reports/report-schema.js';

const file = (stream: string) => new URL(`../../../schemas/reports/${stream}.json`, import.meta.url);

describe('report schemas', () => {
  it.each(REPORTS.map((r) => [r.stream, r] as const))('%s: committed file matches the registry', (stream, def) => {
    const built = buildReportSchema(def);
    expect(JSON.parse(readFileSync(file(stream), 'utf8'))).toEqual(built);
  });

  it('types money as number, dates with format date, nothing closed', () => {
    const gl = buildReportSchema(REPORTS.find((r) => r.qboName === 'GeneralLedger')!) as { properties: Record<string, unknown> };
    expect(gl.properties['subt_nat_amount']).toEqual({ type: ['null', 'number'] });
    expect(gl.properties['tx_date']).toEqual({ type: ['null', 'string'], format: 'date' });
    // GL's account_name column collides with the row's account_name: kept as col_account_name
    expect(gl.properties['col_account_name']).toEqual({ type: ['null', 'string'] });
    expect(gl.properties['split_acc_id']).toEqual({ type: ['null', 'string'] });
    const text = JSON.stringify(REPORTS.map(buildReportSchema));
    expect(text).not.toContain('"additionalProperties":false');
    expect(text).not.toContain('$ref');
  });
});
