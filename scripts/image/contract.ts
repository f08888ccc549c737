// The image contract test: the built image run with podman the way a platform runs it (uid 1000, read-only
// root filesystem, every capability dropped, host network to a fake QBO on 127.0.0.1), checking the Airbyte
// contract from outside: spec, check, discover, read and read --state, every message against the protocol
// schema, labels vs metadata.yaml, and `podman stop` during each command. Prints one line per check, the
// image size and the spec start-up time; exits 1 when a check fails.
// Usage (after npm run build, as root, image built): node dist/scripts/image/contract.js IMAGE
// scripts/image/contract-test.sh does all of that.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AirbyteCatalog, AirbyteMessage, JsonObject } from '../../src/cdk/core/protocol.js';
import { startFakeQbo, type FakeQbo } from '../../integration_tests/fake-qbo/index.js';
import { catalogInMode, onlyStreams } from '../../integration_tests/helpers/catalogs.js';
import { stateInput } from '../../integration_tests/helpers/checkpoints.js';
import { configFor, envFor } from '../../integration_tests/helpers/fake-env.js';
import { controlConfigs, records, states } from '../../integration_tests/helpers/messages.js';
import { messageProblems } from '../../integration_tests/helpers/protocol-validator.js';
import { CONNECTOR_BIN, readRepoJson, repoPath } from '../../integration_tests/helpers/repo-paths.js';

const image = process.argv[2];
if (image === undefined) {
  console.error('usage: node dist/scripts/image/contract.js IMAGE');
  process.exit(2);
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function exec(command: string, args: string[]): Promise<Ran> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

const hardNofile = spawnSync('sh', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).stdout.trim();
const dir = mkdtempSync(join(tmpdir(), 'image-contract-'));
chmodSync(dir, 0o755); // the connector runs as uid 1000 and reads these files through a read-only mount
function file(name: string, content: unknown): string {
  writeFileSync(join(dir, name), JSON.stringify(content), { mode: 0o644 });
  return `/data/${name}`;
}

/** podman run as a platform would, but stricter: uid from the image (1000), nothing writable, no capability. */
function runArgs(fake: FakeQbo, extra: string[] = []): string[] {
  const env = Object.entries(envFor(fake)).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  return [
    'run', '--rm', '--runtime', 'runc', '--ulimit', `nofile=${hardNofile}:${hardNofile}`, '--ulimit', 'nproc=32768:32768',
    '--read-only', '--read-only-tmpfs=false', '--cap-drop=ALL', '--security-opt', 'no-new-privileges',
    '--network', 'host', '-v', `${dir}:/data:ro`, ...env, ...extra, image as string,
  ];
}

const runImage = (fake: FakeQbo, args: string[]): Promise<Ran> => exec('podman', [...runArgs(fake), ...args]);

/** stdout as messages; every line must be a valid AirbyteMessage. */
function messagesOf(ran: Ran): AirbyteMessage[] {
  const lines = ran.stdout.split('\n').filter((line) => line !== '');
  return lines.map((line, i) => {
    const parsed = JSON.parse(line) as unknown;
    const problems = messageProblems(parsed);
    assert.deepEqual(problems, [], `stdout line ${i + 1} is not a valid AirbyteMessage: ${line.slice(0, 300)}`);
    return parsed as AirbyteMessage;
  });
}

function only<T extends AirbyteMessage['type']>(messages: AirbyteMessage[], type: T): Extract<AirbyteMessage, { type: T }> {
  const found = messages.filter((m) => m.type === type);
  assert.equal(found.length, 1, `one ${type} message expected, got ${messages.map((m) => m.type).join(', ')}`);
  return found[0] as Extract<AirbyteMessage, { type: T }>;
}

let failures = 0;
async function check(name: string, body: () => Promise<string | void>): Promise<void> {
  try {
    const detail = await body();
    console.log(`ok   ${name}${detail ? `: ${detail}` : ''}`);
  } catch (error) {
    failures += 1;
    console.log(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The container's PID 1 on the host, once it catches SIGTERM (its handler is installed). */
async function listening(name: string): Promise<boolean> {
  const pid = spawnSync('podman', ['inspect', '--format', '{{.State.Pid}}', name], { encoding: 'utf8' }).stdout.trim();
  if (!/^[1-9]\d*$/.test(pid)) return false;
  try {
    const caught = /^SigCgt:\s*([0-9a-f]+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '0';
    return (BigInt(`0x${caught}`) & (1n << 14n)) !== 0n; // bit 14: signal 15, SIGTERM
  } catch {
    return false; // it has just exited
  }
}

/** Starts `args` in a container, waits for `ready`, runs `podman stop` (10 s grace) and times it. */
async function stopDuring(fake: FakeQbo, args: string[], ready: () => Promise<boolean> | boolean, name: string): Promise<{ code: number | null; stopMs: number }> {
  const container = `source-quickbooks-contract-${name}-${process.pid}`;
  const running = exec('podman', [...runArgs(fake, ['--name', container]), ...args]);
  let exited = false;
  void running.then(() => (exited = true));
  const deadline = Date.now() + 60_000;
  while (!exited && !(await ready())) {
    if (Date.now() > deadline) throw new Error('the command never got going');
    await sleep(20);
  }
  const stop = await exec('podman', ['stop', '--time', '10', container]);
  const ran = await running;
  return { code: ran.code, stopMs: stop.ms };
}

const fake = await startFakeQbo({ seed: 14 });
const config = configFor(fake);
const configPath = file('config.json', config);
const summary: string[] = [];
try {
  const inspected = JSON.parse((await exec('podman', ['image', 'inspect', image])).stdout) as [
    { Size: number; Config: { User?: string; Labels?: Record<string, string>; Env?: string[]; Entrypoint?: string[] } },
  ];
  const meta = inspected[0];

  await check('labels, AIRBYTE_ENTRYPOINT, metadata.yaml and package.json agree', async () => {
    const yaml = readFileSync(repoPath('metadata.yaml'), 'utf8');
    const field = (key: string): string | undefined => new RegExp(`^\\s+${key}:\\s*"?([^"\\s]+)"?\\s*$`, 'm').exec(yaml)?.[1];
    const version = (readRepoJson<{ version: string }>('package.json')).version;
    assert.equal(meta.Config.Labels?.['io.airbyte.name'], field('dockerRepository'));
    assert.equal(meta.Config.Labels?.['io.airbyte.version'], field('dockerImageTag'));
    assert.equal(field('dockerImageTag'), version);
    const entrypoint = meta.Config.Entrypoint ?? [];
    assert.ok(entrypoint.length > 0, 'the image has an ENTRYPOINT');
    assert.ok(meta.Config.Env?.includes(`AIRBYTE_ENTRYPOINT=${entrypoint.join(' ')}`), `AIRBYTE_ENTRYPOINT is "${entrypoint.join(' ')}"`);
    return `${field('dockerRepository')}:${version}`;
  });

  await check('runs as uid 1000 (numeric USER), with a read-only root and no capabilities', async () => {
    assert.equal(meta.Config.User, '1000:1000');
    // /tmp is world-writable: only a read-only root stops the touch.
    const id = await exec('podman', [...runArgs(fake, ['--entrypoint', 'sh']), '-c', 'id -u; id -g; touch /tmp/x 2> /dev/null || echo read-only']);
    assert.equal(id.code, 0, id.stderr);
    assert.deepEqual(id.stdout.trim().split('\n').slice(0, 2), ['1000', '1000']);
    assert.match(id.stdout, /read-only/);
  });

  await check('no npm cache, npm logs, compile cache or build mounts left in the image', async () => {
    // /root holds only its skeleton files; /tmp, and the build's mount points /mnt and /usr/local/etc, nothing.
    const script = 'find /tmp /mnt /usr/local/etc /root -mindepth 1 -maxdepth 1 ! -path /root/.bashrc ! -path /root/.profile';
    const ran = await exec('podman', [...runArgs(fake, ['--user', '0', '--entrypoint', 'sh']), '-c', script]);
    assert.equal(ran.code, 0, ran.stderr);
    assert.equal(ran.stdout, '', 'these folders are absent or empty');
  });

  await check('spec equals spec.json', async () => {
    const ran = await runImage(fake, ['spec']);
    assert.equal(ran.code, 0, ran.stderr);
    assert.deepEqual(only(messagesOf(ran), 'SPEC').spec, readRepoJson('spec.json'));
  });

  await check('check SUCCEEDED against the fake QBO', async () => {
    const ran = await runImage(fake, ['check', '--config', configPath]);
    assert.equal(ran.code, 0, ran.stderr);
    assert.equal(only(messagesOf(ran), 'CONNECTION_STATUS').connectionStatus.status, 'SUCCEEDED');
  });

  await check('check FAILED with a wrong client secret (exit 0)', async () => {
    const ran = await runImage(fake, ['check', '--config', file('wrong-secret.json', { ...config, client_secret: 'not-the-secret' })]);
    assert.equal(ran.code, 0, ran.stderr);
    const status = only(messagesOf(ran), 'CONNECTION_STATUS').connectionStatus;
    assert.equal(status.status, 'FAILED');
    return status.message;
  });

  let catalog: AirbyteCatalog | undefined;
  await check('discover: the same CATALOG as the built connector on the host', async () => {
    const ran = await runImage(fake, ['discover', '--config', configPath]);
    assert.equal(ran.code, 0, ran.stderr);
    catalog = only(messagesOf(ran), 'CATALOG').catalog;
    const host = spawnSync(process.execPath, [CONNECTOR_BIN, 'discover', '--config', join(dir, 'config.json')], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024, // the catalog is one line of several MB
      env: { PATH: process.env['PATH'] ?? '', ...envFor(fake) },
    });
    const hostCatalog = host.stdout.split('\n').map((l) => (l.startsWith('{"type":"CATALOG"') ? (JSON.parse(l) as { catalog: AirbyteCatalog }).catalog : undefined)).find(Boolean);
    assert.deepEqual(catalog, hostCatalog);
    return `${catalog.streams.length} streams`;
  });

  const configured = onlyStreams(catalogInMode(catalog ?? { streams: [] }, 'incremental'), ['customers', 'invoices', 'accounts']);
  const catalogPath = file('catalog.json', configured);
  let first: AirbyteMessage[] = [];
  await check('read: RECORD and STATE messages, the rotated token in a CONTROL before the first RECORD', async () => {
    assert.equal(configured.streams.length, 3, 'customers, invoices and accounts are incremental streams');
    const ran = await runImage(fake, ['read', '--config', configPath, '--catalog', catalogPath]);
    assert.equal(ran.code, 0, ran.stderr);
    first = messagesOf(ran);
    const types = first.map((m) => m.type);
    assert.ok(types.includes('RECORD') && types.includes('STATE'), `types: ${[...new Set(types)].join(', ')}`);
    const control = types.indexOf('CONTROL');
    assert.ok(control >= 0 && control < types.indexOf('RECORD'), 'a CONTROL comes before the first RECORD');
    return `${records(first).length} records, ${states(first).length} states`;
  });

  await check('read --state (the first read\'s states, the rotated config) reads less', async () => {
    const latest = new Map(states(first).map((s) => [s.stream.stream_descriptor.name, s]));
    assert.ok(latest.size > 0, 'the first read gave states');
    const rotated = controlConfigs(first).at(-1) ?? config;
    const ran = await runImage(fake, [
      'read', '--config', file('rotated.json', rotated as JsonObject), '--catalog', catalogPath,
      '--state', file('state.json', [...latest.values()].flatMap(stateInput)),
    ]);
    assert.equal(ran.code, 0, ran.stderr);
    const again = records(messagesOf(ran)).length;
    assert.ok(again < records(first).length, `${again} records again, ${records(first).length} the first time`);
    return `${again} records`;
  });

  // A QBO that never answers a data request: check and read are caught waiting on it.
  const stalled = await startFakeQbo({ seed: 14, knobs: { latencyMs: 300_000 } });
  const stalledConfig = file('stalled.json', configFor(stalled));
  try {
    const cases: [string, string[], () => Promise<boolean> | boolean, number[]][] = [
      ['spec', ['spec'], () => listening('source-quickbooks-contract-spec-' + process.pid), [0, 143]],
      ['check', ['check', '--config', stalledConfig], () => stalled.stats.inFlight > 0, [143]],
      ['discover', ['discover', '--config', stalledConfig], () => listening('source-quickbooks-contract-discover-' + process.pid), [0, 143]],
      ['read', ['read', '--config', stalledConfig, '--catalog', catalogPath], () => stalled.stats.inFlight > 0, [143]],
    ];
    for (const [name, args, ready, codes] of cases) {
      await check(`podman stop during ${name} ends it within 2 s (exit ${codes.join(' or ')})`, async () => {
        const { code, stopMs } = await stopDuring(stalled, args, ready, name);
        assert.ok(codes.includes(code ?? -1), `exit ${String(code)}`);
        assert.ok(stopMs < 2000, `podman stop took ${Math.round(stopMs)} ms`);
        return `exit ${String(code)} after ${Math.round(stopMs)} ms`;
      });
    }
  } finally {
    await stalled.close();
  }

  const startups: number[] = [];
  for (let i = 0; i < 3; i++) startups.push((await runImage(fake, ['spec'])).ms);
  startups.sort((a, b) => a - b);
  summary.push(`image size: ${(meta.Size / 1e6).toFixed(0)} MB (${meta.Size} bytes)`);
  summary.push(`spec start-up (podman run --rm ... spec, wall clock): ${startups.map((ms) => Math.round(ms)).join(', ')} ms`);
} finally {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}
for (const line of summary) console.log(line);
console.log(failures === 0 ? 'image contract: all checks passed' : `image contract: ${failures} check(s) failed`);
// The stalled fake's sleeping requests would keep the process alive for minutes.
process.exit(failures === 0 ? 0 : 1);
