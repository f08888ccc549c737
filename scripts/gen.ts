// Every generated file from one command (report schemas, catalogs, README tables, docs): `npm run gen` writes them, `npm run gen:check` (CI) exits 1
// naming the stale ones. Each generator returns path -> content; syncGeneratedFiles compares/writes.
// (Entity stream schemas come from Intuit's XSDs: `npm run schemas:gen`, checked by schemas:check.)
import { packageRoot } from '../src/cdk/core/package-root.js';
import { generatedFiles as catalogFiles } from './catalogs-gen.js';
import { generatedDocs } from './docs-gen.js';
import { syncGeneratedFiles } from './generated-files.js';
import { reportSchemaFiles } from './report-schemas-gen.js';

/** Every generated file's wanted content. Schemas first: the docs are derived from them. */
export function allGeneratedFiles(root: string): Map<string, string> {
  return new Map([...reportSchemaFiles(), ...catalogFiles(), ...generatedDocs(root)]);
}

async function main(check: boolean): Promise<number> {
  const root = packageRoot();
  // Report schemas are written before the rest is computed from them (the docs read schemas/).
  const staleSchemas = syncGeneratedFiles(root, reportSchemaFiles(), check);
  const stale = [...staleSchemas, ...syncGeneratedFiles(root, allGeneratedFiles(root), check).filter((f) => !staleSchemas.includes(f))];
  if (check && stale.length > 0) {
    console.error(`Stale generated files: ${stale.join(', ')}. Run \`npm run gen\` and commit them.`);
    return 1;
  }
  console.log(stale.length === 0 ? 'gen: every generated file is up to date' : `gen: wrote ${stale.join(', ')}`);
  return 0;
}

if (process.argv[1]?.endsWith('gen.js') && !process.argv[1].endsWith('-gen.js')) process.exitCode = await main(process.argv.includes('--check'));
