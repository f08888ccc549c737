// Regenerates the docs that must match the code: README's configuration and streams tables (between
// `<!-- BEGIN/END GENERATED: name -->` markers) and docs/entity-relationships.md.
// `--check` writes nothing and exits 1 listing the stale files. `--root DIR` works on another checkout (tests).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../src/cdk/core/package-root.js';
import type { AirbyteStream, JsonObject } from '../src/cdk/core/protocol.js';
import { silentLogger } from '../src/cdk/core/logger.js';
import { SecretRegistry } from '../src/cdk/core/secrets.js';
import { QuickBooksSource } from '../src/source.js';
import { ENTITY_REGISTRY } from '../src/streams/entity-registry.js';
import { REPORTS } from '../src/streams/reports/index.js';
import { loadStreamSchema } from '../src/streams/schema-loader.js';
import { configTable } from './docs-config-table.js';
import { entityRelationshipsDoc } from './docs-entity-relationships.js';
import { replaceSection } from './docs-markers.js';
import { streamsTable } from './docs-streams-table.js';
import { syncGeneratedFiles } from './generated-files.js';

export const ER_DOC = 'docs/entity-relationships.md';

/** Every stream as `discover` describes it, with every report configured. */
function discovered(): AirbyteStream[] {
  const source = new QuickBooksSource();
  const config = source.parseConfig({
    client_id: 'x', client_secret: 'x', refresh_token: 'x', realm_id: '1', start_date: '2020-01-01T00:00:00Z',
    reports: REPORTS.map((r) => r.qboName),
  });
  const ctx = { logger: silentLogger, secrets: new SecretRegistry(), emitConfig: async () => {} };
  return source.streams(config, ctx).map((s) => s.describe());
}

/** The wanted content of each generated file under `root` (README is spliced into its current text). */
export function generatedDocs(root: string): Map<string, string> {
  const spec = JSON.parse(readFileSync(join(root, 'spec.json'), 'utf8')) as JsonObject;
  let readme = readFileSync(join(root, 'README.md'), 'utf8');
  readme = replaceSection(readme, 'config', configTable(spec));
  readme = replaceSection(readme, 'streams', streamsTable(discovered(), ENTITY_REGISTRY));
  return new Map([
    ['README.md', readme],
    [ER_DOC, entityRelationshipsDoc(ENTITY_REGISTRY, loadStreamSchema)],
  ]);
}

/** Writes (or, with check, only compares) the generated docs; returns the stale files. */
export function syncDocs(root: string, check: boolean): string[] {
  return syncGeneratedFiles(root, generatedDocs(root), check);
}

export function main(argv: string[]): number {
  const check = argv.includes('--check');
  const rootAt = argv.indexOf('--root');
  const root = rootAt >= 0 && argv[rootAt + 1] !== undefined ? resolve(argv[rootAt + 1] as string) : packageRoot();
  let stale: string[];
  try {
    stale = syncDocs(root, check);
  } catch (error) {
    console.error(`docs-gen: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  if (check && stale.length > 0) {
    console.error(`Stale generated docs: ${stale.join(', ')}. Run \`npm run gen\` and commit.`);
    return 1;
  }
  if (!check && stale.length > 0) console.log(`Regenerated ${stale.join(', ')}.`);
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]).endsWith(join('scripts', 'docs-gen.js'))) {
  process.exitCode = main(process.argv.slice(2));
}
