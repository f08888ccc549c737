// The JSON nesting limit: the scan itself, and the local entry points (config, state and catalog
// files, JSON settings from the environment) refusing deep input with a config_error naming it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/cdk/core/errors.js';
import { depthExceededAt, JsonTooDeepError, MAX_JSON_DEPTH, checkDataDepth } from '../../src/cdk/io/json-depth.js';
import { readJsonFile } from '../../src/cdk/io/json-file.js';
import { reportError } from '../../src/cdk/core/error-report.js';
import { configFromEnv } from '../../src/cdk/singer/config.js';
import { tempDir } from '../support/temp-dir.js';

/** The input: 200,000 nested arrays. */
const DEEP = '['.repeat(200_000) + ']'.repeat(200_000);

function both(text: string, limit?: number): number {
  const fromString = depthExceededAt(text, limit);
  expect(depthExceededAt(Buffer.from(text), limit), 'bytes and string agree').toBe(fromString);
  return fromString;
}

describe('depthExceededAt', () => {
  it('finds where the nesting passes the limit, and -1 within it', () => {
    expect(both('{"a":[{"b":1}]}', 3)).toBe(-1);
    expect(both('{"a":[{"b":[1]}]}', 3)).toBe(11);
    expect(both(DEEP)).toBe(MAX_JSON_DEPTH);
    const atLimit = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(both(atLimit)).toBe(-1);
  });

  it('skips brackets inside strings, escaped quotes and backslash runs included', () => {
    expect(both('{"k":"[[[[{{{{","x":1}', 1)).toBe(-1);
    expect(both('{"k":"a\\"[[[[","x":1}', 1)).toBe(-1);
    // "a\\" ends at its second quote: the bracket after it counts.
    expect(both('{"k":"a\\\\","x":[1]}', 1)).toBe(15);
    expect(both('{"k\\u0022":"[", "v":[[1]]}', 2)).toBe(21);
  });

  it('JSON.parse itself accepts the issue input (V8 parses iteratively); JSON.stringify overflows: hence the check', () => {
    const parsed: unknown = JSON.parse(DEEP);
    expect(Array.isArray(parsed)).toBe(true);
    expect(() => JSON.stringify(parsed)).toThrow(RangeError);
  });

  it('server data past the limit: a system_error naming the stream, the limit and what to do, never a stack overflow', () => {
    let error: unknown;
    try {
      checkDataDepth(DEEP, "A record in QuickBooks' answer to a query");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(JsonTooDeepError);
    expect((error as JsonTooDeepError).failureType).toBe('system_error');
    const report = reportError(error, 'invoices');
    expect(report.message).toMatch(/^Stream "invoices": A record in QuickBooks' answer to a query exceeds a nesting depth of 256 /);
    expect(report.message).toContain('QBO_BASE_URL');
    expect(report.message).not.toMatch(/call stack/i);
  });
});

describe('local JSON inputs past the limit are config errors naming the file and place', () => {
  const dir = tempDir('json-depth-');
  for (const what of ['config', 'state', 'catalog']) {
    it(`the ${what} file`, () => {
      const path = join(dir, `${what}.json`);
      writeFileSync(path, `{\n  "a": ${DEEP}\n}`);
      let error: unknown;
      try {
        readJsonFile(path, what, { expect: 'object or array' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toBe(`The ${what} file ${path} nests deeper than 256 levels (at line 2, column ${8 + 255}); no valid ${what} does. Fix or regenerate the file.`);
    });
  }

  it('a JSON setting given in the environment (Singer)', () => {
    const settings = { properties: { custom_queries: { type: 'array' } } };
    expect(() => configFromEnv({ TAP_QUICKBOOKS_CUSTOM_QUERIES: DEEP }, 'TAP_QUICKBOOKS_', settings)).toThrow(
      new ConfigError('The environment variable TAP_QUICKBOOKS_CUSTOM_QUERIES nests deeper than 256 levels; set it to the setting\'s plain JSON.'),
    );
  });
});
