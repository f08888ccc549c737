import { describe, expect, it } from 'vitest';
import type { Condition } from './query/ast.js';
import { matches } from './query/evaluate.js';
import { parseQuery } from './query/parser.js';
import { QboFault } from './faults.js';
import { offsetRule, pacific } from './time.js';

const fault = (fn: () => unknown): QboFault => {
  try {
    fn();
  } catch (e) {
    if (e instanceof QboFault) return e;
    throw e;
  }
  throw new Error('expected a fault');
};

const cond = (q: string): Condition => {
  const c = parseQuery(`SELECT * FROM Invoice WHERE ${q}`).where[0];
  if (!c) throw new Error('no condition');
  return c;
};

describe('parser', () => {
  it('parses every clause, case-insensitively, in either paging order', () => {
    const q = parseQuery(
      "select * from invoice where Metadata.LastUpdatedTime >= '2024-01-01T00:00:00-08:00' and TotalAmt < 10 orderby MetaData.LastUpdatedTime desc, Id maxresults 50 startposition 11",
    );
    expect(q).toEqual({
      count: false,
      entity: 'invoice',
      where: [
        { path: ['Metadata', 'LastUpdatedTime'], op: '>=', values: [{ kind: 'string', value: '2024-01-01T00:00:00-08:00' }] },
        { path: ['TotalAmt'], op: '<', values: [{ kind: 'number', value: 10, text: '10' }] },
      ],
      orderBy: [
        { path: ['MetaData', 'LastUpdatedTime'], desc: true },
        { path: ['Id'], desc: false },
      ],
      startPosition: 11,
      maxResults: 50,
    });
  });

  it('parses COUNT(*), IN lists, LIKE, booleans and ORDER BY', () => {
    const q = parseQuery("SELECT COUNT(*) FROM Customer WHERE Active IN (true, false) AND DisplayName LIKE 'A%' ORDER BY DisplayName ASC");
    expect(q.count).toBe(true);
    expect(q.where[0]).toEqual({ path: ['Active'], op: 'IN', values: [{ kind: 'bool', value: true }, { kind: 'bool', value: false }] });
    expect(q.where[1]?.op).toBe('LIKE');
    expect(q.orderBy).toEqual([{ path: ['DisplayName'], desc: false }]);
  });

  it('unescapes backslash-escaped quotes', () => {
    expect(cond("DisplayName = 'Amy\\'s Bird Sanctuary'").values[0]).toEqual({ kind: 'string', value: "Amy's Bird Sanctuary" });
    expect(cond("DisplayName = 'a\\\\b'").values[0]).toEqual({ kind: 'string', value: 'a\\b' });
    expect(cond("DisplayName = '株式会社テスト'").values[0]).toEqual({ kind: 'string', value: '株式会社テスト' });
  });

  it('rejects bad syntax with 4000 and OR, projections, != with a fault', () => {
    for (const bad of [
      'SELECT * FROM',
      'SELECT Id FROM Invoice',
      "SELECT * FROM Invoice WHERE Id = '1' OR Id = '2'",
      "SELECT * FROM Invoice WHERE Id != '1'",
      "SELECT * FROM Invoice WHERE DocNumber = 'unterminated",
      'SELECT * FROM Invoice MAXRESULTS ten',
      'SELECT * FROM Invoice trailing',
    ]) {
      const f = fault(() => parseQuery(bad));
      expect(f.status, bad).toBe(400);
      expect(f.error.code, bad).toBe('4000');
      expect(f.error.Detail, bad).toMatch(/^QueryParserError: /);
    }
  });
});

describe('evaluation', () => {
  const rec = {
    Id: '7',
    DocNumber: '1001',
    TotalAmt: 362.07,
    Active: true,
    DisplayName: "Amy's Bird Sanctuary",
    CustomerRef: { value: '24', name: 'Sonnenschein Family Store' },
    TxnDate: '2024-01-15',
    MetaData: { LastUpdatedTime: '2023-12-31T17:00:00-07:00' },
  };
  const rule = pacific;
  const is = (q: string): boolean => matches(rec, cond(q), rule);

  it('supports = < > <= >= IN LIKE with quoted or bare numbers', () => {
    expect(is('TotalAmt > 362')).toBe(true);
    expect(is("TotalAmt > '362.07'")).toBe(false);
    expect(is('TotalAmt >= 362.07')).toBe(true);
    expect(is('TotalAmt < 400')).toBe(true);
    expect(is('TotalAmt <= 362.06')).toBe(false);
    expect(is("DocNumber IN ('1000', '1001')")).toBe(true);
    expect(is("DocNumber IN ('1000')")).toBe(false);
    expect(is("DisplayName LIKE 'amy%'")).toBe(true);
    expect(is("DisplayName LIKE '%Bird%'")).toBe(true);
    expect(is("DisplayName LIKE 'Bird%'")).toBe(false);
    expect(is('Active = true')).toBe(true);
    expect(is('Active = false')).toBe(false);
  });

  it('is case-insensitive for property names and string values; refs compare by value', () => {
    expect(is("displayname = 'AMY\\'S BIRD SANCTUARY'")).toBe(true);
    expect(is("customerref = '24'")).toBe(true);
    expect(is("CustomerRef = '25'")).toBe(false);
    expect(is("Metadata.LastUpdatedTime = '2024-01-01T00:00:00Z'")).toBe(true);
  });

  it('compares date-times as instants across offsets, dates as dates', () => {
    expect(is("MetaData.LastUpdatedTime = '2024-01-01T00:00:00Z'")).toBe(true);
    expect(is("MetaData.LastUpdatedTime = '2024-01-01T01:00:00+01:00'")).toBe(true);
    expect(is("MetaData.LastUpdatedTime < '2024-01-01T00:00:01Z'")).toBe(true);
    expect(is("MetaData.LastUpdatedTime > '2023-12-31T16:59:59-07:00'")).toBe(true);
    expect(is("MetaData.LastUpdatedTime > '2023-12-31T17:00:00-07:00'")).toBe(false);
    // A value without an offset is company time (-08:00 in winter).
    expect(is("MetaData.LastUpdatedTime = '2023-12-31T16:00:00'")).toBe(true);
    expect(is("TxnDate >= '2024-01-15'")).toBe(true);
    expect(is("TxnDate > '2024-01-15'")).toBe(false);
  });

  it('knows both Pacific offsets and fixed offsets', () => {
    expect(pacific(Date.parse('2024-01-15T12:00:00Z'))).toBe(-480);
    expect(pacific(Date.parse('2024-07-15T12:00:00Z'))).toBe(-420);
    expect(pacific(Date.parse('2024-03-10T09:59:59Z'))).toBe(-480);
    expect(pacific(Date.parse('2024-03-10T10:00:00Z'))).toBe(-420);
    expect(offsetRule('+05:30')(0)).toBe(330);
  });
});
