// Writing generated files, or (check mode) only comparing them: the one mechanism behind every
// `:gen` / `:check` script pair, so CI can fail on stale output.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes (or, with check, only compares) `files` (path relative to root -> content); returns the stale paths. */
export function syncGeneratedFiles(root: string, files: ReadonlyMap<string, string>, check: boolean): string[] {
  const stale: string[] = [];
  for (const [file, content] of files) {
    const path = join(root, file);
    let current: string | undefined;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === content) continue;
    stale.push(file);
    if (!check) writeFileSync(path, content);
  }
  return stale;
}
