import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/cdk/core/errors.js';
import { readJsonFile } from '../../src/cdk/io/json-file.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('json-file-');
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('readJsonFile', () => {
  it('reads an object, an array, and tolerates a BOM', () => {
    expect(readJsonFile(file('a.json', '{"a":1}'), 'config')).toEqual({ a: 1 });
    expect(readJsonFile(file('b.json', '[1]'), 'state', { expect: 'array' })).toEqual([1]);
    expect(readJsonFile(file('c.json', '\uFEFF{"b":2}'), 'config')).toEqual({ b: 2 });
    expect(readJsonFile(file('d.json', '[]'), 'state', { expect: 'object or array' })).toEqual([]);
  });

  it('names a missing file and the fix', () => {
    const path = join(dir, 'nope.json');
    const error = errorOf(() => readJsonFile(path, 'config'));
    expect(error.message).toBe(`Cannot read the config file ${path}: it does not exist. Pass the path of a readable JSON file.`);
  });

  it('names a directory', () => {
    expect(errorOf(() => readJsonFile(dir, 'catalog')).message).toContain('is a directory');
  });

  it('rejects an empty file unless allowed', () => {
    const path = file('empty.json', '  \n');
    expect(errorOf(() => readJsonFile(path, 'config')).message).toBe(`The config file ${path} is empty. It must hold a JSON object.`);
    expect(readJsonFile(path, 'state', { allowEmpty: true })).toBeUndefined();
  });

  it('says where invalid JSON breaks', () => {
    const path = file('bad.json', '{\n  "a": 1,\n  "b": }\n');
    const message = errorOf(() => readJsonFile(path, 'catalog')).message;
    expect(message).toContain(`The catalog file ${path} is not valid JSON at line 3, column 8`);
    expect(message).toContain('Fix the JSON syntax');
  });

  it('rejects the wrong top-level type', () => {
    expect(errorOf(() => readJsonFile(file('arr.json', '[1]'), 'config')).message).toMatch(/holds an array; it must hold a JSON object/);
    expect(errorOf(() => readJsonFile(file('num.json', '3'), 'config')).message).toMatch(/holds a number/);
    expect(errorOf(() => readJsonFile(file('null.json', 'null'), 'state', { expect: 'object or array' })).message).toMatch(
      /holds null; it must hold a JSON object or array/,
    );
    expect(errorOf(() => readJsonFile(file('obj.json', '{}'), 'x', { expect: 'array' })).message).toMatch(/holds an object/);
  });
});

describe('jsonErrorOffset', () => {
  it('finds the first syntax error, or none', async () => {
    const { jsonErrorOffset } = await import('../../src/cdk/io/json-syntax.js');
    expect(jsonErrorOffset('{"a": [1, 2.5e3, "x\\n", true, null, {}]}')).toBeUndefined();
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('"bad \\q"')).toBe(5);
  });

  it('says when the file ends too early', () => {
    const path = file('short.json', '{"a": [1, 2');
    expect(errorOf(() => readJsonFile(path, 'state')).message).toContain('is not valid JSON (it ends too early)');
  });
});
