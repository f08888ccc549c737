import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { packageRoot } from '../../src/cdk/core/package-root.js';
import { ENTITY_REGISTRY } from '../../src/streams/entity-registry.js';
import { loadStreamSchema } from '../../src/streams/schema-loader.js';
import { ER_DOC, main, syncDocs } from '../../scripts/docs-gen.js';
import { references, refTarget } from '../../scripts/docs-entity-relationships.js';
import { replaceSection } from '../../scripts/docs-markers.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = packageRoot();

/** A throwaway copy of the files docs-gen reads and writes. */
function copyOfRepo(): string {
  const dir = tempDir('docs-gen-');
  for (const file of ['README.md', 'spec.json', ER_DOC]) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  return dir;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('docs-gen', () => {
  it('the committed README and docs/entity-relationships.md are up to date', () => {
    expect(syncDocs(copyOfRepo(), true)).toEqual([]);
  });

  it('--check exits 1 and names a README whose generated table was edited by hand', () => {
    const dir = copyOfRepo();
    const readme = join(dir, 'README.md');
    writeFileSync(readme, readFileSync(readme, 'utf8').replace('| `page_size` | integer | no | `1000` |', '| `page_size` | integer | no | `500` |'));
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((text: string) => void errors.push(text));
    expect(main(['--check', '--root', dir])).toBe(1);
    expect(errors.join('\n')).toMatch(/Stale generated docs: README\.md\. Run `npm run gen`/);
    expect(readFileSync(readme, 'utf8')).toContain('`500`'); // check mode writes nothing

    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(main(['--root', dir])).toBe(0);
    expect(readFileSync(readme, 'utf8')).toContain('| `page_size` | integer | no | `1000` |');
    expect(main(['--check', '--root', dir])).toBe(0);
  });

  it('a new spec field or a deleted ER doc is stale; text outside the markers is kept', () => {
    const dir = copyOfRepo();
    const specPath = join(dir, 'spec.json');
    const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { connectionSpecification: { properties: Record<string, unknown> } };
    spec.connectionSpecification.properties['shiny_new_option'] = { type: 'boolean', default: true, description: 'Something new.' };
    writeFileSync(specPath, JSON.stringify(spec));
    writeFileSync(join(dir, ER_DOC), 'hand edit\n');
    expect(syncDocs(dir, true).sort()).toEqual(['README.md', ER_DOC].sort());
    syncDocs(dir, false);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('| `shiny_new_option` | boolean | no | `true` |  | Something new. |');
    expect(readme).toContain('## How it works'); // hand-written prose survives
  });

  it('missing markers are an error, not a silent skip', () => {
    const dir = copyOfRepo();
    const readme = join(dir, 'README.md');
    writeFileSync(readme, readFileSync(readme, 'utf8').replace('<!-- END GENERATED: streams -->', ''));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(main(['--check', '--root', dir])).toBe(1);
    expect(() => replaceSection('no markers', 'config', 'x')).toThrow(/missing markers/);
  });
});

describe('entity relationships', () => {
  const refs = references(ENTITY_REGISTRY, loadStreamSchema);
  const find = (from: string, to: string) => refs.find((r) => r.from === from && r.to === to && !r.linked);

  it('maps Ref fields to streams and skips noise', () => {
    expect(refTarget('DepositToAccountRef', 'payments', true)).toBe('accounts');
    expect(refTarget('SalesTermRef', 'invoices', true)).toBe('terms');
    expect(refTarget('CurrencyRef', 'invoices', true)).toBeUndefined();
    expect(refTarget('ParentRef', 'customers', true)).toBe('customers');
    expect(find('invoices', 'customers')?.topVia).toEqual(['CustomerRef']);
    expect(find('invoices', 'items')).toMatchObject({ topVia: [] }); // only inside lines
    expect(find('invoices', 'items')?.via).toContain('ItemRef');
    expect(find('bills', 'vendors')?.topVia).toEqual(['VendorRef']);
    expect(refs.some((r) => r.via.includes('CurrencyRef'))).toBe(false);
  });

  it('LinkedTxn links join payments to invoices and bill payments to bills', () => {
    expect(refs).toContainEqual(expect.objectContaining({ from: 'payments', to: 'invoices', linked: true, via: ['LinkedTxn: Invoice'] }));
    expect(refs).toContainEqual(expect.objectContaining({ from: 'bill_payments', to: 'bills', linked: true }));
    const doc = readFileSync(join(ROOT, ER_DOC), 'utf8');
    expect(doc).toContain('```mermaid');
    expect(doc).toContain('  payments -.->|"LinkedTxn: Invoice"| invoices');
    expect(doc).toContain('  invoices -->|"CustomerRef"| customers');
  });
});
