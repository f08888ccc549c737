import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  listSchemaStreams,
  loadStreamSchema,
  resolvedStreamSchema,
  resolveSchemaFile,
} from '../../src/streams/schema-loader.js';
import { tempDir } from '../support/temp-dir.js';

function tempSchemas(files: Record<string, unknown>): string {
  const dir = tempDir('schema-loader-');
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), JSON.stringify(body));
  }
  return dir;
}

describe('schema loader', () => {
  it('lists the stream schema files, not the shared definitions', () => {
    const streams = listSchemaStreams();
    expect(streams).toContain('invoices');
    expect(streams).toContain('exchange_rates');
    expect(streams).not.toContain('ref');
    expect(streams).toEqual([...streams].sort());
  });

  it('caches per stream and hands out copies callers may mutate', () => {
    expect(resolvedStreamSchema('customers')).toBe(resolvedStreamSchema('customers'));
    const a = loadStreamSchema('customers');
    (a.properties as Record<string, unknown>).Hacked = { type: 'string' };
    expect(loadStreamSchema('customers').properties).not.toHaveProperty('Hacked');
  });

  it('inlines shared definitions with their properties', () => {
    const s = loadStreamSchema('customers');
    const ref = (s.properties as Record<string, { properties?: object }>).CurrencyRef;
    expect(Object.keys(ref?.properties ?? {})).toEqual(['value', 'name', 'type']);
  });

  it('rejects unknown streams and path tricks', () => {
    expect(() => loadStreamSchema('no_such_stream')).toThrow(/no schema for stream no_such_stream/);
    expect(() => loadStreamSchema('../package')).toThrow(/invalid stream name/);
  });

  it('resolves file, pointer and local refs relative to the referencing file', () => {
    const dir = tempSchemas({
      'top.json': {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        definitions: { local: { type: 'string' } },
        properties: {
          a: { $ref: 'shared/a.json' },
          b: { $ref: 'shared/a.json#/definitions/b' },
          c: { $ref: '#/definitions/local' },
          $ref: { type: 'string', description: 'a property named $ref is data, not a keyword' },
        },
      },
      'shared/a.json': {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: ['null', 'object'],
        properties: { x: { $ref: 'x.json' } },
        definitions: { b: { type: ['null', 'number'] } },
      },
      'shared/x.json': { type: ['null', 'integer'] },
    });
    const s = resolveSchemaFile(join(dir, 'top.json'));
    expect(s).toEqual({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        a: { type: ['null', 'object'], properties: { x: { type: ['null', 'integer'] } } },
        b: { type: ['null', 'number'] },
        c: { type: 'string' },
        $ref: { type: 'string', description: 'a property named $ref is data, not a keyword' },
      },
    });
  });

  it('cuts recursive refs instead of looping', () => {
    const dir = tempSchemas({
      'line.json': {
        type: ['null', 'object'],
        properties: { Amount: { type: ['null', 'number'] }, Children: { type: ['null', 'array'], items: { $ref: 'line.json' } } },
      },
    });
    const s = resolveSchemaFile(join(dir, 'line.json'));
    const child = (s.properties as { Children: { items: { properties: object; additionalProperties: boolean } } }).Children.items;
    expect(child.properties).toEqual({});
    expect(child.additionalProperties).toBe(true);
  });

  it('names a missing ref target', () => {
    const dir = tempSchemas({ 'top.json': { type: 'object', properties: { a: { $ref: 'gone.json' } } } });
    expect(() => resolveSchemaFile(join(dir, 'top.json'))).toThrow(/gone\.json.*not found/);
  });
});
