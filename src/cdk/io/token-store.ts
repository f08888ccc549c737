// The token store: a small JSON file of this connector's own that holds the OAuth tokens rotated by
// earlier runs (Meltano regenerates the config on each run, so tokens must live elsewhere). Rules,
// so that pointing it at the wrong path can never damage or read another application's data:
//   - a relative path is resolved against the folder of the config file that named it, and may not
//     climb out of it with `..` (an absolute path may go anywhere the user chooses);
//   - a symbolic link, FIFO, device, socket or directory at the path is refused, never followed or
//     replaced (reads are non-blocking);
//   - the file may hold only token keys: one holding anything else is another program's file, and is
//     neither read into the config nor written;
//   - writes are atomic (temp file + rename in the same folder) and the store is always mode 0600;
//     no other file's mode is touched (a missing folder is created 0700).
import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { readJsonFile } from './json-file.js';
import type { JsonObject } from '../core/protocol.js';
import { kindOfNode, lstatOrUndefined } from './regular-file.js';
import { writeFileAtomic } from './atomic-file.js';

/** The keys a token store may hold: the OAuth tokens a run can rotate. */
export const TOKEN_STORE_KEYS: readonly string[] = ['refresh_token', 'access_token', 'token_expiry_date'];

const FIX = 'Point token_store_path at a file of its own (it is created on the first token rotation).';

/**
 * The absolute store path for a `token_store_path` value. Relative values are resolved against
 * `baseDir` (the folder of the config file that set it; the working directory for the environment
 * variable) and must stay inside it.
 */
export function resolveTokenStorePath(value: string, baseDir: string, source: string): string {
  if (value.includes('\0')) throw new ConfigError(`${source} contains a NUL character. ${FIX}`);
  if (isAbsolute(value)) return normalize(value);
  const normalized = normalize(value);
  if (normalized === '..' || normalized.startsWith(`..${sep}`)) {
    throw new ConfigError(
      `${source} "${value}" climbs out of the folder it is relative to (${baseDir}). Use a path inside that folder, or an absolute path.`,
    );
  }
  return join(baseDir, normalized);
}

/** The store's tokens, or undefined when there is no store yet. Anything else at the path is a ConfigError. */
export function readTokenStore(path: string): JsonObject | undefined {
  const found = lstatOrUndefined(path);
  if (found === undefined) return undefined;
  checkNode(path, found);
  const stored = readJsonFile(path, 'token store', { allowEmpty: true, noSymlink: true, fix: FIX }) as JsonObject | undefined;
  if (stored === undefined) return undefined;
  checkKeys(path, stored);
  return stored;
}

/**
 * Merge `changed` token keys into the store (other keys in `changed` are not the store's business and
 * are left out) and write it atomically as 0600. Refuses the same paths readTokenStore refuses.
 */
export async function writeTokenStore(path: string, changed: JsonObject): Promise<string[]> {
  const tokens = Object.fromEntries(Object.entries(changed).filter(([key]) => TOKEN_STORE_KEYS.includes(key)));
  const keys = Object.keys(tokens);
  if (keys.length === 0) return keys;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const existing = readTokenStore(path) ?? {};
  // readTokenStore refused a symlink or special file; a race that swaps one in is caught by the
  // atomic write, which renames over the path itself and never opens its target.
  await writeFileAtomic(path, JSON.stringify({ ...existing, ...tokens }, null, 2) + '\n', { mode: 0o600, followSymlink: false });
  return keys;
}

function checkNode(path: string, stats: ReturnType<typeof lstatOrUndefined> & object): void {
  if (stats.isFile()) return;
  throw new ConfigError(`The token store ${path} is ${kindOfNode(stats)}; it must be a regular file and is never followed or replaced. ${FIX}`);
}

function checkKeys(path: string, stored: JsonObject): void {
  const foreign = Object.keys(stored).filter((key) => !TOKEN_STORE_KEYS.includes(key));
  if (foreign.length === 0) return;
  const shown = foreign.slice(0, 5).map((key) => JSON.stringify(key.slice(0, 40))).join(', ');
  throw new ConfigError(
    `The token store ${path} holds keys that are not tokens (${shown}${foreign.length > 5 ? ', …' : ''}): it looks like another program's file, so it is neither read nor written. ${FIX}`,
  );
}
