import { describe, expect, it } from 'vitest';
import { parseQueryBody, scanQueryBody } from '../../src/qbo/query-body-parser.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

/** parseQueryBody must give exactly what JSON.parse of the whole text gives. */
function same(text: string): void {
  expect(parseQueryBody(bytes(text))).toStrictEqual(JSON.parse(text));
}

const tricky = [
  { Id: '1', Memo: 'braces } { ] [ and quotes \\" inside', Line: [{ Id: '1', Amount: 10.5 }, { Id: '2', Amount: 0 }] },
  { Id: '2', Memo: 'ends in a backslash \\\\', CustomField: [], Flag: true, Nothing: null, N: -1.25e3 },
  { Id: '3', DisplayName: 'Café “Ñandú” 東京株式会社 🍰', Note: '},{"Id":"fake"}' },
  { Id: '4', Nested: { A: { B: [[1, 2], [3, { C: '[' }]] } }, Escapes: '\\u0041\\n\\t\\/' },
];

describe('parseQueryBody', () => {
  it('equals JSON.parse for a page of records with every awkward string and nesting', () => {
    same(JSON.stringify({ QueryResponse: { Invoice: tricky, startPosition: 1, maxResults: 4 }, time: '2026-11-20T10:00:00.000-08:00' }));
  });

  it('handles escapes that JSON.stringify would not produce, and whitespace anywhere', () => {
    same('{ "QueryResponse" : { "Item" : [ {"Id":"1","N":"a\\"b\\\\"} , {"Id":"2","U":"\\u00e9\\ud83c\\udf70"} ] , "maxResults" : 2 } , "time" : "t" }\n');
  });

  it('equals JSON.parse whatever the order of the envelope keys', () => {
    same('{"time":"t","QueryResponse":{"startPosition":1,"maxResults":1,"Customer":[{"Id":"9"}]}}');
  });

  it('splits a page into one span per record (the path that avoids one big string)', () => {
    const text = JSON.stringify({ QueryResponse: { Invoice: tricky, startPosition: 1, maxResults: 4 }, time: 't' });
    const found = scanQueryBody(bytes(text), undefined);
    expect(found?.entity).toBe('Invoice');
    expect(found?.records).toStrictEqual(tricky);
    expect(scanQueryBody(bytes('{"QueryResponse":{"Item":[1]}}'), undefined)).toBeUndefined();
    expect(scanQueryBody(bytes('{"QueryResponse":{"totalCount":3}}'), undefined)).toBeUndefined();
  });

  it('passes other shapes through JSON.parse: empty pages, COUNT, Faults, one record, scalars', () => {
    for (const text of [
      '{"QueryResponse":{},"time":"t"}',
      '{"QueryResponse":{"totalCount":42},"time":"t"}',
      '{"QueryResponse":{"Item":[]},"time":"t"}',
      '{"Fault":{"Error":[{"Message":"m","Detail":"d","code":"3001"}],"type":"SERVICE"},"time":"t"}',
      '{"QueryResponse":{"Fault":{"Error":[{"Message":"m","code":"4000"}],"type":"ValidationFault"}}}',
      '{"QueryResponse":{"Item":[1,2,3]},"time":"t"}',
      '{"QueryResponse":{"Item":["a",{"Id":"1"}]},"time":"t"}',
      '{"QueryResponse":{"Item":[{"Id":"1"}],"Other":[{"Id":"2"}]},"time":"t"}',
      '{"QueryResponse":[{"Id":"1"}],"time":"t"}',
      '{"Other":{"Item":[{"Id":"1"}]},"QueryResponse":{"Item":[{"Id":"2"}]}}',
    ]) {
      same(text);
    }
  });

  it('throws as JSON.parse does on a body cut off or broken anywhere', () => {
    const good = JSON.stringify({ QueryResponse: { Invoice: tricky, maxResults: 4 }, time: 't' });
    for (const cut of [10, 40, good.length / 2, good.length - 3]) {
      expect(() => parseQueryBody(bytes(good.slice(0, cut)))).toThrow(SyntaxError);
    }
    expect(() => parseQueryBody(bytes('{"QueryResponse":{"Item":[{"Id":"1"} {"Id":"2"}]}}'))).toThrow(SyntaxError);
    expect(() => parseQueryBody(bytes('{"QueryResponse":{"Item":[{"Id":"1"},]}}'))).toThrow(SyntaxError);
    expect(() => parseQueryBody(bytes('{"QueryResponse":{"Item":[{"Id":"1",}]}}'))).toThrow(SyntaxError);
    expect(() => parseQueryBody(bytes('{"QueryResponse":{"Item":[{"Id":"1"}]}} trailing'))).toThrow(SyntaxError);
  });

  it('equals JSON.parse on random pages (fuzz)', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['a', 'Z', ' ', '"', '\\', '{', '}', '[', ']', ',', ':', 'é', '東', '🍰', '\n', '\u0001'];
    const text = (): string => Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 2 || r < 0.4) return text();
      if (r < 0.5) return Math.round(random() * 1e6) / 100;
      if (r < 0.55) return random() < 0.5;
      if (r < 0.6) return null;
      if (r < 0.8) return Array.from({ length: Math.floor(random() * 3) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [text(), value(depth + 1)]));
    };
    for (let n = 0; n < 200; n++) {
      const rows = Array.from({ length: Math.floor(random() * 6) }, (_, i) => ({ Id: String(i), [text()]: value(0), Other: value(0) }));
      same(JSON.stringify({ QueryResponse: { Invoice: rows, startPosition: 1, maxResults: rows.length }, time: text() }));
    }
  });
});
