// Reading an input file without ever blocking on it or being led elsewhere: the open is
// non-blocking (a FIFO with no writer would otherwise hang the run forever), the opened thing must
// be a regular file (not a FIFO, device, socket or directory), and a symlink can be refused outright
// (O_NOFOLLOW) where following one would let the file point into another application's data.
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { ConfigError } from '../core/errors.js';

/** Input files larger than this are refused: a config, catalog, state or token store is far smaller. */
export const MAX_INPUT_FILE_BYTES = 64 * 1024 * 1024;

export interface ReadRegularOptions {
  /** Refuse a symbolic link at `path` itself (the token store). */
  noSymlink?: boolean;
  /** Return undefined when the file does not exist. */
  allowMissing?: boolean;
  /** Appended to every error: what the user should do. */
  fix?: string;
}

/** What a non-regular file is, in words. */
export function kindOfNode(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** The text of the regular file at `path`; every other case is a ConfigError naming the file and the fix. */
export function readRegularFile(path: string, what: string, options: ReadRegularOptions = {}): string | undefined {
  const fix = options.fix ?? 'Pass the path of a readable JSON file.';
  const fail = (reason: string, cause?: unknown): never => {
    throw new ConfigError(`Cannot read the ${what} file ${path}: ${reason}. ${fix}`, cause === undefined ? {} : { cause });
  };
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (options.noSymlink ? (constants.O_NOFOLLOW ?? 0) : 0);
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && options.allowMissing) return undefined;
    if (code === 'ELOOP' || (options.noSymlink && isSymlink(path))) return fail('it is a symbolic link, which is never followed here', error);
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? (error as Error).message);
    return fail(reason, error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return fail(`it is ${kindOfNode(stats)}, not a regular file`);
    if (stats.size > MAX_INPUT_FILE_BYTES) return fail(`it holds ${stats.size} bytes, more than the ${MAX_INPUT_FILE_BYTES / 1024 / 1024} MiB any input file may have`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** Stats of `path` itself (a symlink is not followed), or undefined when nothing is there. */
export function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isSymlink(path: string): boolean {
  return lstatOrUndefined(path)?.isSymbolicLink() === true;
}
