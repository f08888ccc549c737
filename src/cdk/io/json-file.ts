// Reading a JSON input file named on the command line (config, catalog, state): errors name the
// file, the line and column of a syntax error, and the expected shape; never a stack.
import { oneLine } from '../core/error-report.js';
import { ConfigError } from '../core/errors.js';
import { checkJsonDepth } from './json-depth.js';
import { jsonErrorOffset, jsonParseReason } from './json-syntax.js';
import { readRegularFile } from './regular-file.js';

export type JsonShape = 'object' | 'array' | 'object or array';

export interface ReadJsonOptions {
  /** What the top level must be; default 'object'. */
  expect?: JsonShape;
  /** Return undefined for an empty (or whitespace-only) file instead of failing; for state files. */
  allowEmpty?: boolean;
  /** Refuse a symbolic link at the path (the token store). */
  noSymlink?: boolean;
  /** What to do, appended to a read error; default "Pass the path of a readable JSON file." */
  fix?: string;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function matches(value: unknown, shape: JsonShape): boolean {
  const isArray = Array.isArray(value);
  const isObject = typeof value === 'object' && value !== null && !isArray;
  return shape === 'object' ? isObject : shape === 'array' ? isArray : isObject || isArray;
}

/** "line L, column C" for a character offset, so a user can find the typo. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/**
 * Read and parse a JSON file given on the command line. `what` names it in errors ("config",
 * "catalog", "state"). Every failure is a ConfigError naming the file and what to do.
 */
export function readJsonFile(path: string, what: string, options: ReadJsonOptions = {}): unknown {
  const expect = options.expect ?? 'object';
  // Non-blocking and regular files only: a FIFO or device given as a path must not hang the run.
  let text = readRegularFile(path, what, { ...(options.noSymlink ? { noSymlink: true } : {}), ...(options.fix ? { fix: options.fix } : {}) }) ?? '';
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    if (options.allowEmpty) return undefined;
    throw new ConfigError(`The ${what} file ${path} is empty. It must hold a JSON ${expect}.`);
  }
  // Parsing would succeed, but code that walks the value recurses: refuse it with its place.
  checkJsonDepth(text, (offset, limit) => new ConfigError(`The ${what} file ${path} nests deeper than ${limit} levels (at ${lineAndColumn(text, offset)}); no valid ${what} does. Fix or regenerate the file.`));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const where = offset === undefined ? '' : offset >= text.length ? ' (it ends too early)' : ` at ${lineAndColumn(text, offset)}`;
    const detail = oneLine(jsonParseReason(error)).slice(0, 200);
    throw new ConfigError(`The ${what} file ${path} is not valid JSON${where}: ${detail}. Fix the JSON syntax.`, {
      cause: error,
    });
  }
  if (!matches(value, expect)) {
    throw new ConfigError(`The ${what} file ${path} holds ${kindOf(value)}; it must hold a JSON ${expect}.`);
  }
  return value;
}
