import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { execForm, parseCopy, parseDockerfile, stageKeyValues, type Stage } from './dockerfile.js';
import { parseYaml, type YamlValue } from './mini-yaml.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

const dockerfileText = read('Dockerfile');
const dockerfile = parseDockerfile(dockerfileText);
const pkg = JSON.parse(read('package.json')) as { version: string; bin: Record<string, string> };
const metadata = parseYaml(read('metadata.yaml')) as { [key: string]: YamlValue };
const data = metadata['data'] as { [key: string]: YamlValue };
const runtime = dockerfile.stages.at(-1) as Stage;

/** The last WORKDIR of a stage (absolute), '/' when none. */
function workdir(stage: Stage): string {
  let dir = '/';
  for (const i of stage.instructions) if (i.keyword === 'WORKDIR') dir = posix.resolve(dir, i.args.trim());
  return dir;
}

function runs(stage: Stage): string[] {
  return stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
}

function single(stage: Stage, keyword: string): string {
  const found = stage.instructions.filter((i) => i.keyword === keyword);
  expect(found, `${keyword} in the runtime stage`).toHaveLength(1);
  return (found[0] as { args: string }).args;
}

/** Every path the runtime stage copies in, relative to the project (context or the build stage's WORKDIR). */
function runtimeSources(): string[] {
  return runtime.instructions
    .filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')
    .flatMap((i) => {
      expect(i.keyword, 'ADD fetches and unpacks; use COPY').toBe('COPY');
      const copy = parseCopy(i.args);
      if (copy.from === undefined) return copy.sources.map((s) => posix.normalize(s).replace(/\/$/, ''));
      const stage = dockerfile.stages.find((s) => s.name === copy.from);
      expect(stage, `COPY --from=${copy.from} names a stage of this Dockerfile`).toBeDefined();
      const base = workdir(stage as Stage);
      return copy.sources.map((s) => posix.relative(base, posix.resolve(base, s)));
    });
}

describe('Dockerfile', () => {
  it('is multi-stage on a Node LTS image (even major >= 22)', () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of dockerfile.stages) {
      const match = /^node:(\d+)(?:[.-]|$)/.exec(stage.base);
      expect(match, `FROM ${stage.base}`).not.toBeNull();
      const major = Number(match?.[1]);
      expect(major % 2 === 0 && major >= 22, `Node ${major} is not a current LTS line`).toBe(true);
    }
  });

  it('pins its base by patch version and digest, and needs nothing from Docker Hub but that base', () => {
    for (const stage of dockerfile.stages) expect(stage.base).toMatch(/^node:\d+\.\d+\.\d+-[a-z]+-slim@sha256:[0-9a-f]{64}$/);
    // A `# syntax=` directive makes BuildKit pull a frontend image, which an offline builder cannot.
    expect(dockerfileText).not.toMatch(/^#\s*syntax\s*=/im);
  });

  it('builds with npm ci and npm run build in a build stage', () => {
    const build = dockerfile.stages.slice(0, -1);
    const commands = build.flatMap(runs).join('\n');
    expect(commands).toMatch(/\bnpm ci\b/);
    expect(commands).toMatch(/\bnpm run build\b/);
  });

  it('runtime stage installs production dependencies only', () => {
    const installs = runs(runtime).filter((r) => /\bnpm (ci|install|i)\b/.test(r));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install).toMatch(/\bnpm ci\b.*--omit=dev/);
    expect(runs(runtime).join('\n')).not.toMatch(/npm run build|\btsc\b/);
  });

  it('runtime stage leaves no npm cache, npm logs or compile cache behind in the layer that makes them', () => {
    for (const install of runs(runtime).filter((r) => /\bnpm ci\b/.test(r))) {
      expect(install).toMatch(/&& rm -rf .*\/root\/\.npm\b/);
      expect(install).toMatch(/&& rm -rf .*\/tmp\/node-compile-cache\b/);
    }
  });

  it('runtime stage copies only what read needs: dist (bin, src), schemas, spec.json, catalog, package*.json', () => {
    const sources = runtimeSources();
    expect(sources.length).toBeGreaterThan(0);
    const allowed = /^(dist\/bin|dist\/src|dist|schemas|spec\.json|catalog|package\.json|package-lock\.json)$/;
    for (const source of sources) expect(source, `runtime COPY of ${source}`).toMatch(allowed);
    // A whole dist/ would bring the compiled tests, fake server and benchmarks along.
    expect(sources).not.toContain('dist');
    for (const needed of ['spec.json', 'schemas', 'catalog', 'package.json', 'package-lock.json']) expect(sources).toContain(needed);
  });

  it('runs as a non-root numeric user and group (Kubernetes runAsNonRoot checks a number)', () => {
    const [user, group] = single(runtime, 'USER').trim().split(':');
    expect(user).toMatch(/^\d+$/);
    expect(group).toMatch(/^\d+$/);
    expect(user).not.toBe('0');
    const lastUser = runtime.instructions.map((i) => i.keyword).lastIndexOf('USER');
    const lastRun = runtime.instructions.map((i) => i.keyword).lastIndexOf('RUN');
    expect(lastUser).toBeGreaterThan(lastRun); // installs run as root; the connector itself never does
  });

  it('ENTRYPOINT runs a package.json bin under dist/, and AIRBYTE_ENTRYPOINT equals it joined by spaces', () => {
    const entrypoint = execForm(single(runtime, 'ENTRYPOINT'));
    expect(entrypoint[0]).toBe('node');
    const script = entrypoint[1] ?? '';
    const relative = posix.relative(workdir(runtime), script);
    expect(relative).toMatch(/^dist\//);
    expect(Object.values(pkg.bin)).toContain(relative);
    expect(pkg.bin['source-quickbooks']).toBe(relative);
    // The script's folder is copied into the image.
    expect(runtimeSources().some((s) => relative === s || relative.startsWith(`${s}/`))).toBe(true);
    expect(stageKeyValues(runtime, 'ENV').get('AIRBYTE_ENTRYPOINT')).toBe(entrypoint.join(' '));
  });

  it('labels match metadata.yaml, and the image tag is the package.json version', () => {
    const labels = stageKeyValues(runtime, 'LABEL');
    expect(labels.get('io.airbyte.name')).toBe(data['dockerRepository']);
    expect(labels.get('io.airbyte.version')).toBe(data['dockerImageTag']);
    expect(data['dockerImageTag']).toBe(pkg.version);
  });

  it('.dockerignore keeps tests, the fake server, benchmarks and local builds out of the context', () => {
    const rules = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(rules[0]).toBe('*'); // allowlist
    for (const rule of rules.slice(1)) {
      expect(rule).toMatch(/^!/);
      expect(rule).not.toMatch(/^!(test|integration_tests|bench|node_modules|dist|\.git)\b/);
    }
    for (const source of runtimeSources().filter((s) => !s.startsWith('dist'))) {
      expect(rules, `${source} is copied, so it must be in the context`).toContain(`!${source}`);
      expect(existsSync(join(ROOT, source)), source).toBe(true);
    }
  });
});

describe('metadata.yaml', () => {
  it('has the required ConnectorMetadataDefinitionV0 fields', () => {
    expect(metadata['metadataSpecVersion']).toBe('1.0');
    expect(Object.keys(metadata).sort()).toEqual(['data', 'metadataSpecVersion']);
    for (const key of ['name', 'definitionId', 'connectorType', 'dockerRepository', 'dockerImageTag', 'license', 'documentationUrl', 'githubIssueLabel', 'connectorSubtype', 'releaseStage']) {
      expect(typeof data[key], key).toBe('string');
    }
    expect(data['definitionId']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(data).toMatchObject({ connectorType: 'source', connectorSubtype: 'api', license: 'MIT', releaseStage: 'alpha', supportLevel: 'community' });
    expect(String(data['documentationUrl'])).toMatch(/^https:\/\//);
    expect(data['tags']).toContain('language:typescript');
  });

  it('allows exactly the three Intuit hosts', () => {
    const hosts = (data['allowedHosts'] as { hosts: string[] }).hosts;
    expect([...hosts].sort()).toEqual(['oauth.platform.intuit.com', 'quickbooks.api.intuit.com', 'sandbox-quickbooks.api.intuit.com']);
  });

  it('suggests the core streams', () => {
    expect((data['suggestedStreams'] as { streams: string[] }).streams).toEqual([
      'invoices',
      'customers',
      'accounts',
      'payments',
      'bills',
      'journal_entries',
      'items',
      'vendors',
      'report_trial_balance',
      'report_profit_and_loss',
      'report_balance_sheet',
    ]);
  });
});

describe('the test parsers themselves', () => {
  it('mini-yaml reads the subset and refuses what it does not understand', () => {
    expect(parseYaml('a: "1.0" # c\nb:\n  - x:y\n  - \'q\'\nc:\n- 1\nd: true\n')).toEqual({ a: '1.0', b: ['x:y', 'q'], c: ['1'], d: true });
    expect(parseYaml('t:\n  - k: 1\n    l:\n      - m: x\n  - 2\n')).toEqual({ t: [{ k: '1', l: [{ m: 'x' }] }, '2'] });
    expect(() => parseYaml('t:\n  - k: 1\n   l: 2\n')).toThrow();
    expect(() => parseYaml('a: [1, 2]')).toThrow();
    expect(() => parseYaml('a: 1\na: 2')).toThrow(/duplicate/);
  });

  it('the Dockerfile reader handles continuations, ARG in FROM, both ENV forms and COPY --from', () => {
    const parsed = parseDockerfile('ARG IMG=node:24-slim\nFROM ${IMG} AS b\nRUN a \\\n  && b\nENV X="p q" Y=z\nENV OLD legacy value\nCOPY --from=b --chown=1:1 /w/dist ./dist\n');
    const stage = parsed.stages[0] as Stage;
    expect(stage).toMatchObject({ base: 'node:24-slim', name: 'b' });
    expect(runs(stage)).toEqual(['a && b']);
    expect(Object.fromEntries(stageKeyValues(stage, 'ENV'))).toEqual({ X: 'p q', Y: 'z', OLD: 'legacy value' });
    expect(parseCopy(stage.instructions.at(-1)?.args ?? '')).toEqual({ from: 'b', sources: ['/w/dist'], destination: './dist' });
  });
});
