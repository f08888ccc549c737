// The package as npm ships it: `npm pack` (with the dist/ that `npm test` just built), installed globally
// into a temp prefix without the network, gives two working executables. Offline: the packed package
// gets a node_modules holding links to this checkout's production dependencies only (so a runtime import
// of a devDependency fails here; no registry and no cache needed), then `npm install -g --offline <folder>` links it and its bins.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../integration_tests/helpers/repo-paths.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };
const VERSION = ROOT.version;

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * The top-level folders of node_modules/ that production code may load: package.json's dependencies
 * and, transitively, theirs (a dependency nested under another one comes along with that folder).
 */
function productionDependencyDirs(): string[] {
  const found = new Set<string>();
  const visit = (name: string): void => {
    const manifest = repoPath('node_modules', name, 'package.json');
    if (found.has(name) || !existsSync(manifest)) return;
    found.add(name);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep);
  };
  for (const dep of Object.keys(ROOT.dependencies ?? {})) visit(dep);
  return [...found];
}

describe('npm pack, installed into a temp prefix', () => {
  it('both executables answer --version, and source-quickbooks discovers with the shipped schemas', () => {
    const dir = tempDir('qbo-pack-');
    const tarball = npm(['pack', '--ignore-scripts', '--pack-destination', dir], repoPath()).trim().split('\n').at(-1) as string;
    const unpacked = join(dir, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', join(dir, basename(tarball)), '-C', unpacked]);
    const pkg = join(unpacked, 'package');
    expect(readdirSync(pkg).sort()).toEqual(['CHANGELOG.md', 'README.md', 'catalog', 'dist', 'docs', 'package.json', 'schemas', 'spec.json']);
    expect(readdirSync(join(pkg, 'dist')).sort()).toEqual(['bin', 'src']);

    for (const dep of productionDependencyDirs()) {
      mkdirSync(dirname(join(pkg, 'node_modules', dep)), { recursive: true });
      symlinkSync(repoPath('node_modules', dep), join(pkg, 'node_modules', dep), 'dir');
    }
    const prefix = join(dir, 'prefix');
    npm(['install', '--global', '--prefix', prefix, '--offline', '--ignore-scripts', pkg], dir);

    const bin = (name: string): string => join(prefix, 'bin', name);
    for (const name of ['source-quickbooks', 'tap-quickbooks']) {
      expect(execFileSync(bin(name), ['--version'], { encoding: 'utf8' })).toBe(`${name} v${VERSION}\n`);
    }
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ client_id: 'id', client_secret: 'secret', refresh_token: 'token', realm_id: '123', start_date: '2024-01-01' }));
    const catalog = execFileSync(bin('source-quickbooks'), ['discover', '--config', config], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const message = JSON.parse(catalog.trim().split('\n').at(-1) as string) as { type: string; catalog: { streams: unknown[] } };
    expect(message.type).toBe('CATALOG');
    expect(message.catalog.streams.length).toBeGreaterThan(40);
  });
});
