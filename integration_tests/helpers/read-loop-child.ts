// A connector process that runs one Airbyte `read` after another, in-process, each when its parent
// says so (over IPC), and reports what each read printed. Unlike a test runner's process it holds
// nothing of its own open during a read (no server; the IPC channel is unreferenced while no
// 'message' listener waits), so if a read leaves every promise waiting on something that cannot
// keep Node alive, this process ends mid-read exactly as the executable would: the parent sees it
// exit early. The fake QBO lives in the parent, which scripts its faults between reads.
// Protocol: child -> {ready}; parent -> {read: {config, catalog}} | {stop}; child -> {result}.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runAirbyte } from '../../src/cdk/airbyte/runner.js';
import { resetRealmLimiters } from '../../src/qbo/request-limiter.js';
import { QuickBooksSource } from '../../src/source.js';

export interface ReadRequest {
  read: { config: unknown; catalog: unknown };
}
export interface ReadResult {
  result: { exitCode: number; stdout: string };
}

function nextMessage(): Promise<unknown> {
  return new Promise((resolve) => process.once('message', resolve));
}

function send(message: unknown): Promise<void> {
  return new Promise((resolve, reject) => (process.send as NonNullable<typeof process.send>)(message, (error: Error | null) => (error ? reject(error) : resolve())));
}

async function readOnce(dir: string, request: ReadRequest['read']): Promise<ReadResult['result']> {
  const config = join(dir, 'config.json');
  const catalog = join(dir, 'catalog.json');
  writeFileSync(config, JSON.stringify(request.config));
  writeFileSync(catalog, JSON.stringify(request.catalog));
  resetRealmLimiters(); // each read starts like a fresh process: its own requests-per-minute window
  const chunks: string[] = [];
  const stdout = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const exitCode = await runAirbyte(new QuickBooksSource(), ['read', '--config', config, '--catalog', catalog], {
    stdout,
    stderr: stdout,
    handleSignals: false,
  });
  return { exitCode, stdout: chunks.join('') };
}

const dir = mkdtempSync(join(tmpdir(), 'qbo-read-loop-'));
try {
  for (;;) {
    const next = nextMessage(); // listening keeps the process alive between reads
    await send({ ready: true });
    const message = (await next) as Partial<ReadRequest>;
    if (message.read === undefined) break;
    const result = await readOnce(dir, message.read); // nothing of ours is open here
    await send({ result } satisfies ReadResult);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.disconnect();
