import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { JsonLinesOutput, OutputClosedError } from '../../src/cdk/io/json-lines-output.js';
import { tempDir } from '../support/temp-dir.js';
import { CaptureStream } from './helpers.js';

function failingStream(code: string | undefined, afterWrites = 0): Writable {
  let writes = 0;
  return new Writable({
    write(_chunk, _encoding, callback) {
      writes++;
      if (writes <= afterWrites) return callback();
      callback(Object.assign(new Error(`write ${code ?? 'boom'}`), code === undefined ? {} : { code }));
    },
  });
}

describe('JsonLinesOutput', () => {
  it('keeps call order across drain waits when callers do not await', async () => {
    const stream = new CaptureStream({ highWaterMark: 8, delayMs: 2 });
    const output = new JsonLinesOutput(stream);
    const expected: string[] = [];
    for (let i = 0; i < 50; i++) {
      const line = `{"n":${i},"pad":"${'x'.repeat(i % 7)}"}\n`;
      expected.push(line);
      void output.write(line);
    }
    await output.flush();
    expect(stream.text).toBe(expected.join(''));
  });

  it('makes a write wait for drain when the stream is full, and flush waits for everything', async () => {
    const stream = new CaptureStream({ highWaterMark: 4, delayMs: 30 });
    const output = new JsonLinesOutput(stream);
    let firstDone = false;
    const first = output.write('0123456789\n').then(() => (firstDone = true));
    let secondDone = false;
    const second = output.write('second\n').then(() => (secondDone = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(firstDone).toBe(false); // still waiting for 'drain'
    expect(stream.writableNeedDrain).toBe(true);
    await first;
    await second;
    expect(secondDone).toBe(true);
    await output.flush();
    expect(stream.writableLength).toBe(0);
    expect(stream.text).toBe('0123456789\nsecond\n');
  });

  it('resolves immediately while the stream has room', async () => {
    const stream = new CaptureStream();
    const output = new JsonLinesOutput(stream);
    await output.write('a\n');
    await output.write('b\n');
    expect(stream.text).toBe('a\nb\n');
  });

  it('turns EPIPE into OutputClosedError for later writes and flush, without an uncaught error', async () => {
    const output = new JsonLinesOutput(failingStream('EPIPE'));
    await output.write('first\n').catch(() => undefined);
    await expect(output.flush()).rejects.toBeInstanceOf(OutputClosedError);
    await expect(output.write('second\n')).rejects.toBeInstanceOf(OutputClosedError);
    expect(output.error).toBeInstanceOf(OutputClosedError);
  });

  it('rejects a write waiting for drain when the stream breaks meanwhile', async () => {
    const stream = new Writable({
      highWaterMark: 2,
      write(_chunk, _encoding, callback) {
        setTimeout(() => callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })), 5);
      },
    });
    const output = new JsonLinesOutput(stream);
    await expect(output.write('too long for the buffer\n')).rejects.toBeInstanceOf(OutputClosedError);
  });

  it('passes other stream errors through as they are', async () => {
    const output = new JsonLinesOutput(failingStream(undefined));
    await output.write('x\n').catch(() => undefined);
    const error = await output.flush().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(OutputClosedError);
    expect((error as Error).message).toBe('write boom');
  });

  it('fails when the stream closes under it', async () => {
    const stream = new CaptureStream();
    const output = new JsonLinesOutput(stream);
    stream.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    await expect(output.write('x\n')).rejects.toBeInstanceOf(OutputClosedError);
  });

  it('close() flushes and ends a stream that is not stdout', async () => {
    const stream = new CaptureStream({ highWaterMark: 2, delayMs: 1 });
    const output = new JsonLinesOutput(stream);
    void output.write('one\n');
    void output.write('two\n');
    await output.close();
    expect(stream.text).toBe('one\ntwo\n');
    expect(stream.writableFinished).toBe(true);
  });
});

describe('JsonLinesOutput on stdout redirected to a file', () => {
  const script = `
    import { JsonLinesOutput } from ${JSON.stringify(new URL('../../dist/src/cdk/io/json-lines-output.js', import.meta.url).href)};
    const out = new JsonLinesOutput(process.stdout);
    try {
      for (let i = 0; i < 3; i++) await out.write('{"n":' + i + ',"s":"é東🍰"}\\n');
      await out.close();
      process.stderr.write('done');
    } catch (error) {
      process.stderr.write('failed:' + (error.code ?? error.cause?.code ?? error.message));
    }`;

  /** Runs the script with stdout on `path` opened with `flags`; returns its stderr. */
  function runWithStdout(path: string, flags: 'w' | 'r'): string {
    const fd = openSync(path, flags);
    try {
      return spawnSync(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', fd, 'pipe'] }).stderr.toString();
    } finally {
      closeSync(fd);
    }
  }

  it('writes the lines to the file in order (straight to its fd)', () => {
    const path = join(tempDir('jlo-'), 'out.jsonl');
    expect(runWithStdout(path, 'w')).toBe('done');
    expect(readFileSync(path, 'utf8')).toBe([0, 1, 2].map((n) => `{"n":${n},"s":"é東🍰"}\n`).join(''));
  });

  it('a failing file write rejects (no crash, no silent loss)', () => {
    const path = join(tempDir('jlo-'), 'read-only.jsonl');
    writeFileSync(path, '');
    expect(runWithStdout(path, 'r')).toBe('failed:EBADF'); // stdout that cannot be written
  });
});
