// The record checks reject what CAT rejects.
import { describe, expect, it } from 'vitest';
import { catDateTime, objectPaths, RecordValidator, schemaPaths } from './record-validator.js';

describe('record validator', () => {
  const v = new RecordValidator(new Map([['s', { type: 'object', properties: { n: { type: 'integer' }, t: { type: 'string', format: 'date-time' } } }]]));

  it('accepts CAT-lenient date-times and rejects non-dates', () => {
    expect(catDateTime('2024-05-01T10:00:00')).toBe(true);
    expect(catDateTime('2024-05-01 10:00:00+00:00')).toBe(true);
    expect(catDateTime('2020-09-29T05:58:07-07:00')).toBe(true);
    expect(catDateTime('2024-05-01')).toBe(false);
    expect(catDateTime('yesterday')).toBe(false);
  });

  it('flags a fractional integer and a bad date-time', () => {
    expect(v.problem('s', { n: 1, t: '2024-05-01T10:00:00Z' })).toBeUndefined();
    expect(v.problem('s', { n: 1.5 })).toMatch(/integer/);
    expect(v.problem('s', { t: 'not a date' })).toMatch(/date-time/);
    expect(v.problem('unknown', {})).toMatch(/no schema/);
  });

  it('derives the structure paths CAT compares', () => {
    expect([...schemaPaths({ properties: { a: { properties: { b: {} } }, l: { items: { properties: { c: {} } } } } })]).toEqual(['/a', '/a/b', '/l', '/l/[]/c']);
    expect([...objectPaths({ a: { b: 1 }, l: [{ c: 1 }] })]).toEqual(['/a', '/a/b', '/l', '/l/[]/c']);
  });
});
