/**
 * Generates src/generated/records.ts: one exported interface per stream (named by the schema's
 * title: Invoice, Customer, ...; else the stream name in PascalCase), the shared types once (ReferenceType, Line, ...), and
 * `StreamRecords` mapping stream name -> record type. Input: the resolved schemas from
 * src/streams/schema-loader.ts, so the types match what discover publishes.
 *
 *   node dist/scripts/types-gen.js           write the file
 *   node dist/scripts/types-gen.js --check   exit 1 if the committed file is stale
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { packageRoot } from '../src/cdk/package-root.js';
import type { JsonObject } from '../src/cdk/protocol.js';
import { listSchemaStreams, loadStreamSchema } from '../src/streams/schema-loader.js';

export const GENERATED_FILE = 'src/generated/records.ts';

const BANNER = `/* eslint-disable */
/**
 * GENERATED FILE: do not edit. Source: schemas/*.json (with schemas/shared/), via
 * \`npm run types:gen\` (node dist/scripts/types-gen.js). \`npm run types:check\` fails when stale.
 */`;

/**
 * Makes structurally equal titled subschemas one object, across streams too: the compiler then
 * declares each shared type (ReferenceType, Line, ...) once instead of ReferenceType1, 2, ...
 */
function intern(node: unknown, seen: Map<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((x) => intern(x, seen));
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) out[k] = intern(v, seen);
  if (typeof out.title !== 'string') return out;
  const key = JSON.stringify(out);
  const hit = seen.get(key);
  if (hit) return hit;
  seen.set(key, out);
  return out;
}

/** The generated source, in memory. */
export async function generateTypes(streams: string[] = listSchemaStreams()): Promise<string> {
  const seen = new Map<string, unknown>();
  const properties: JsonObject = {};
  for (const stream of streams) {
    const schema = loadStreamSchema(stream);
    delete schema.$schema;
    // The title names the interface; a schema without one gets its stream name in PascalCase.
    if (typeof schema.title !== 'string') schema.title = stream.replace(/(^|_)([a-z0-9])/g, (_m, _u, c: string) => c.toUpperCase());
    properties[stream] = intern(schema, seen);
  }
  const root: JsonObject = {
    title: 'StreamRecords',
    description: 'Record type of each stream, by stream name.',
    type: 'object',
    additionalProperties: false,
    required: streams,
    properties,
  };
  // The compiler mutates its input (it adds ids while normalising): hand it a private copy.
  return compile(structuredClone(root) as Parameters<typeof compile>[0], 'StreamRecords', {
    bannerComment: BANNER,
    additionalProperties: true,
    declareExternallyReferenced: true,
    unreachableDefinitions: false,
    strictIndexSignatures: false,
    style: { singleQuote: true, printWidth: 120 },
  });
}

/** Stale generated files (relative paths); empty when up to date. */
export async function staleGeneratedFiles(): Promise<string[]> {
  const path = join(packageRoot(), GENERATED_FILE);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  return current === (await generateTypes()) ? [] : [GENERATED_FILE];
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const stale = await staleGeneratedFiles();
    if (stale.length) {
      console.error(`types-gen: stale generated types: ${stale.join(', ')}\nRun: npm run build && node dist/scripts/types-gen.js`);
      process.exit(1);
    }
    console.log('types-gen: generated types are up to date');
    return;
  }
  const path = join(packageRoot(), GENERATED_FILE);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, await generateTypes());
  console.log(`types-gen: wrote ${GENERATED_FILE}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
