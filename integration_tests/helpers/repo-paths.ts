// Where the repository and the built connector are, whether this file runs from integration_tests/ under
// vitest or from dist/integration_tests/ (the demo).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'source-quickbooks') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`source-quickbooks package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export const REPO_ROOT = findRoot();
/** The Airbyte executable, as `npm run build` leaves it. */
export const CONNECTOR_BIN = join(REPO_ROOT, 'dist', 'bin', 'source-quickbooks.js');
export const repoPath = (...parts: string[]): string => join(REPO_ROOT, ...parts);

/** Read a committed JSON file of the repository. */
export function readRepoJson<T = unknown>(...parts: string[]): T {
  return JSON.parse(readFileSync(repoPath(...parts), 'utf8')) as T;
}

/** Fail early with the fix when the build is missing (tests spawn dist/, not the TypeScript sources). */
export function assertBuilt(): void {
  if (!existsSync(CONNECTOR_BIN)) throw new Error(`${CONNECTOR_BIN} is missing: run \`npm run build\` first.`);
}
