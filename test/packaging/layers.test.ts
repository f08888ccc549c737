// The layer rules of src/, checked on the import statements themselves so a wrong import fails here
// rather than in review: the kit (src/cdk) imports nothing of the connector, src/qbo only the kit,
// the connector uses the kit only through src/cdk/index.ts, and every kit file says what it is.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(process.cwd(), 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative import specifiers of a file (static, side-effect and dynamic), resolved to paths under src/. */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1] as string);
  return specs.map((spec) => relative(SRC, resolve(dirname(file), spec)).replace(/\.js$/, '.ts'));
}

const files = tsFiles(SRC).filter((file) => !file.includes(`${join('src', 'generated')}`));
const inCdk = (path: string): boolean => path.startsWith('cdk/');

describe('layers of src/', () => {
  it('finds the modules it checks', () => {
    expect(files.filter((file) => inCdk(relative(SRC, file))).length).toBeGreaterThan(30);
    expect(files.filter((file) => relative(SRC, file).startsWith('qbo/')).length).toBeGreaterThan(10);
  });

  it('the kit imports nothing outside src/cdk, and never its own index.ts', () => {
    const wrong = files
      .filter((file) => inCdk(relative(SRC, file)))
      .flatMap((file) => localImports(file).map((target) => [relative(SRC, file), target] as const))
      .filter(([, target]) => !inCdk(target) || target === 'cdk/index.ts');
    expect(wrong).toEqual([]);
  });

  it('src/qbo imports only itself and the kit', () => {
    const wrong = files
      .filter((file) => relative(SRC, file).startsWith('qbo/'))
      .flatMap((file) => localImports(file).map((target) => [relative(SRC, file), target] as const))
      .filter(([, target]) => !target.startsWith('qbo/') && !inCdk(target));
    expect(wrong).toEqual([]);
  });

  it('the connector uses the kit only through src/cdk/index.ts', () => {
    const wrong = files
      .filter((file) => !inCdk(relative(SRC, file)))
      .flatMap((file) => localImports(file).map((target) => [relative(SRC, file), target] as const))
      .filter(([, target]) => inCdk(target) && target !== 'cdk/index.ts');
    expect(wrong).toEqual([]);
  });

  it('every kit file starts with a comment saying what it is', () => {
    const bare = files
      .filter((file) => inCdk(relative(SRC, file)))
      .filter((file) => !/^(\/\/|\/\*)/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(bare).toEqual([]);
  });
});
