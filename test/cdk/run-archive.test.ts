import { readFileSync, truncateSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonLinesOutput } from '../../src/cdk/io/json-lines-output.js';
import { runReplay } from '../../src/cdk/archive/replay-command.js';
import { MANIFEST, partFiles, RunArchive, type ArchiveManifest } from '../../src/cdk/archive/run-archive.js';
import { tempDir } from '../support/temp-dir.js';
import { CaptureStream } from './helpers.js';

const record = (stream: string, id: number): string =>
  `{"type":"RECORD","record":{"stream":"${stream}","emitted_at":1,"data":{"Id":"${id}","Name":"ünïcode ${'x'.repeat(200)}"}}}\n`;
const state = (stream: string, cursor: string): string =>
  `{"type":"STATE","state":{"type":"STREAM","stream":{"stream_descriptor":{"name":"${stream}"},"stream_state":{"cursor":"${cursor}"}}}}\n`;
const CONTROL = '{"type":"CONTROL","control":{"type":"CONNECTOR_CONFIG","emitted_at":1,"connectorConfig":{"config":{"refresh_token":"new"}}}}\n';

async function replay(dir: string, protocol: 'airbyte' | 'singer' = 'airbyte') {
  const stdout = new CaptureStream();
  const stderr = new CaptureStream();
  const code = await runReplay([dir], { protocol, name: 'source-quickbooks', stdout, stderr, handleSignals: false });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function manifestOf(dir: string): ArchiveManifest {
  return JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as ArchiveManifest;
}

describe('run archive and replay', () => {
  it('archives every stdout chunk through the output tap, rotates parts, skips CONTROL, and replays the same lines', async () => {
    const root = tempDir('qbo-archive-');
    const archive = RunArchive.open(root, { protocol: 'airbyte', rotateBytes: 300_000 });
    const stdout = new CaptureStream();
    const output = new JsonLinesOutput(stdout);
    output.setTap(archive.tap);
    let expected = '';
    const emit = async (text: string): Promise<void> => {
      await output.write(text);
      if (!text.startsWith('{"type":"CONTROL"')) expected += text;
    };
    await emit('{"type":"TRACE","trace":{"type":"STREAM_STATUS"}}\n');
    for (let page = 0; page < 12; page += 1) {
      // One chunk holds a page of lines, as the writers send them.
      await emit(Array.from({ length: 500 }, (_, i) => record(page % 2 === 0 ? 'invoices' : 'customers', page * 500 + i)).join(''));
      await emit(state(page % 2 === 0 ? 'invoices' : 'customers', `c${page}`));
      if (page === 3) await emit(CONTROL);
    }
    await output.close();
    archive.close('succeeded', 0);

    expect(stdout.text).toContain(CONTROL); // stdout itself is untouched
    const manifest = manifestOf(archive.dir);
    expect(manifest.status).toBe('succeeded');
    expect(manifest.protocol).toBe('airbyte');
    expect(manifest.streams).toEqual({ invoices: { records: 3000, states: 6 }, customers: { records: 3000, states: 6 } });
    expect(manifest.skipped).toEqual({ CONTROL: 1 });
    expect(manifest.messages).toBe(6000 + 12 + 1);
    expect(manifest.first_state).toEqual(JSON.parse(state('invoices', 'c0')));
    expect(manifest.last_state).toEqual(JSON.parse(state('customers', 'c11')));
    expect(manifest.parts.length).toBeGreaterThan(1);
    expect(partFiles(archive.dir)).toEqual(manifest.parts);
    expect(manifest.bytes).toBe(Buffer.byteLength(expected));

    const replayed = await replay(archive.dir);
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toBe(expected);
    expect(replayed.stderr).toContain(`${6000 + 12 + 1} messages`);
  });

  it('takes bytes as well as text (output written as Buffers), a line and a character split across chunks included', async () => {
    const root = tempDir('qbo-archive-');
    const archive = RunArchive.open(root, { protocol: 'airbyte' });
    const text = record('items', 1) + state('items', 'c1') + record('items', 2);
    const bytes = Buffer.from(text);
    const inside = bytes.indexOf(Buffer.from('ü')) + 1; // between the two bytes of one character
    archive.tap(bytes.subarray(0, inside));
    archive.tap(new Uint8Array(bytes.subarray(inside)));
    archive.close('succeeded', 0);
    expect(manifestOf(archive.dir).streams).toEqual({ items: { records: 2, states: 1 } });
    expect((await replay(archive.dir)).stdout).toBe(text);
  });

  it('a part cut short by a kill replays up to its last whole line', async () => {
    const root = tempDir('qbo-archive-');
    const archive = RunArchive.open(root, { protocol: 'singer' });
    const lines = Array.from({ length: 6000 }, (_, i) => `{"type":"RECORD","stream":"items","record":{"Id":"${i}","Pad":"${'y'.repeat(i % 97)}${String(Math.sin(i))}"}}\n`);
    for (const line of lines) archive.tap(line); // > 1 MiB: at least one member is written
    archive.close('succeeded', 0);
    const [part] = partFiles(archive.dir);
    const path = join(archive.dir, part as string);
    truncateSync(path, statSync(path).size - 1000);

    const replayed = await replay(archive.dir, 'singer');
    expect(replayed.code).toBe(0);
    expect(replayed.stderr).toContain('was cut short');
    const got = replayed.stdout.split('\n');
    expect(got.pop()).toBe(''); // ends with a whole line
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(lines.length);
    expect(got.map((line) => line + '\n')).toEqual(lines.slice(0, got.length));
  });

  it('a directory that is not a run: TRACE ERROR naming the runs it holds, exit 1', async () => {
    const root = tempDir('qbo-archive-');
    const archive = RunArchive.open(root, { protocol: 'airbyte' });
    archive.close('failed', 1);
    const { code, stdout } = await replay(root);
    expect(code).toBe(1);
    const [message] = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { trace: { error: { message: string; failure_type: string } } });
    expect(message?.trace.error.failure_type).toBe('config_error');
    expect(message?.trace.error.message).toContain(`pass one of them, e.g. ${archive.dir}`);
    const missing = await replay(join(root, 'nope'), 'singer');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^ERROR replay: .*nope is not a directory/);
  });
});
