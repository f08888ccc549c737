// Replacing a file so that a reader sees either the old or the new content, never a part, and so
// that the replacement can never land on something that is not a plain file of ours.
import { randomBytes } from 'node:crypto';
import { lstat, open, realpath, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { kindOfNode } from './regular-file.js';

export interface AtomicWriteOptions {
  /** The new file's mode; default: the existing file's mode, or 0600 for a new file. */
  mode?: number;
  /**
   * Follow a symlink at `path` and replace its target (the user's own --config may be a link into a
   * dotfiles folder). Default true; false refuses a symlink (the token store).
   */
  followSymlink?: boolean;
}

/** Thrown instead of replacing a symlink (when not followed), FIFO, device, socket or directory. */
export class NotARegularFileError extends Error {
  constructor(readonly path: string, readonly kind: string) {
    super(`${path} is ${kind}, not a regular file; it is never replaced`);
  }
}

/**
 * Replace `path` with `text`: temp file in the same directory, fsync, rename, fsync the directory.
 * Only the file at `path` (or, following a symlink, its target) changes: its mode is kept unless
 * `mode` says otherwise, and a path holding anything but a regular file is refused.
 */
export async function writeFileAtomic(path: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  const follow = options.followSymlink ?? true;
  const target = follow ? await realpath(path).catch(() => path) : path;
  const existing = await lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  // A rename over /dev/null (as root), a FIFO or a link would replace something that is not ours.
  if (existing !== undefined && !existing.isFile()) throw new NotARegularFileError(target, kindOfNode(existing));
  const dir = dirname(target);
  const fileMode = options.mode ?? (existing ? existing.mode & 0o7777 : 0o600);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', fileMode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.chmod(fileMode); // open() honours the umask; the mode must match exactly
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  // Make the rename itself durable; not every file system lets a directory be fsynced.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}
