import { describe, expect, it } from 'vitest';
import { generateTypes, staleGeneratedFiles } from '../../scripts/types-gen.js';

describe('generated record types', () => {
  it('src/generated/records.ts is up to date with schemas/', async () => {
    expect(await staleGeneratedFiles()).toEqual([]);
  });

  it('declares one interface per stream and shared types once', async () => {
    const src = await generateTypes(['invoices', 'bills']);
    expect(src).toMatch(/^\/\* eslint-disable \*\/\n\/\*\*\n \* GENERATED FILE/);
    expect(src).toContain('export interface Invoice {');
    expect(src).toContain('export interface Bill {');
    expect(src).toContain('export interface StreamRecords {\n  invoices: Invoice;\n  bills: Bill;');
    expect(src.match(/export type ReferenceType =/g)).toHaveLength(1);
    expect(src).not.toContain('ReferenceType1');
    expect(src).toMatch(/\n {2}Qty\?: null \| number;/);
  });
});
