// One throttle, at every request position 1-40 of a multi-page read, in each of QBO's three forms
// (HTTP 429 with a JSON Fault, HTTP 429 with the XML body, a throttle Fault inside an HTTP 200):
// every read completes and emits every record. The reads run in a child process that holds nothing
// open of its own (see read-loop-child.ts), so a read that leaves Node nothing to wait on ends that
// process early, as it would end the executable: the one-throttle-ends-the-sync defect of issue 17.
import { fork, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlyStreams, committedCatalog } from '../helpers/catalogs.js';
import { configFor, envFor } from '../helpers/fake-env.js';
import { parseMessages, records, states, traceErrors } from '../helpers/messages.js';
import { assertBuilt, repoPath } from '../helpers/repo-paths.js';
import type { ReadResult } from '../helpers/read-loop-child.js';
import { startFakeQbo, type FakeQbo } from '../fake-qbo/index.js';
import type { FaultKind } from '../fake-qbo/knobs.js';

const CHILD = repoPath('dist', 'integration_tests', 'helpers', 'read-loop-child.js');
const POSITIONS = Array.from({ length: 40 }, (_, i) => i + 1);
// 2-row pages overlapping by one: 42 invoices take a batched COUNT and 41 page requests, so request 40 is mid-read.
const INVOICES = 42;
const PAGE_SIZE = 2;

interface Outcome {
  position: number;
  exitCode: number;
  ids: Set<string>;
  stdout: string;
  faultFired: boolean;
}

/** Runs one read per position in one child process; rejects if the child ends before it is told to. */
async function readAtEveryPosition(fake: FakeQbo, kind: FaultKind): Promise<Outcome[]> {
  const catalog = onlyStreams(committedCatalog('full_refresh'), ['invoices']);
  const child: ChildProcess = fork(CHILD, [], {
    env: { PATH: process.env['PATH'] ?? '', ...envFor(fake), QBO_THROTTLE_WAIT_SECONDS: '0' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const outcomes: Outcome[] = [];
  const queue = [...POSITIONS];
  let current: number | undefined;
  let faultsBefore = 0;
  const fired = (): number => fake.stats.faultsInjected[kind] ?? 0;
  return new Promise<Outcome[]>((resolve, reject) => {
    child.on('message', (message: { ready?: true } & Partial<ReadResult>) => {
      try {
        onMessage(message);
      } catch (error) {
        child.kill();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    const onMessage = (message: { ready?: true } & Partial<ReadResult>): void => {
      if (message.result !== undefined && current !== undefined) {
        const messages = parseMessages(message.result.stdout);
        const ids = new Set(records(messages, 'invoices').map((r) => String(r.data['Id'])));
        outcomes.push({ position: current, exitCode: message.result.exitCode, ids, stdout: message.result.stdout, faultFired: fired() === faultsBefore + 1 });
        current = undefined;
      }
      if (message.ready === undefined) return;
      const position = queue.shift();
      if (position === undefined) {
        child.send({ stop: true });
        return;
      }
      current = position;
      faultsBefore = fired();
      fake.injectFaults(...Array<null>(position - 1).fill(null), kind);
      child.send({ read: { config: configFor(fake, { page_size: PAGE_SIZE, max_concurrent_requests: 4 }), catalog } });
    };
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (current !== undefined || queue.length > 0) {
        reject(new Error(`the connector process ended during the read with a ${kind} throttle at request ${current} (exit ${code}, signal ${signal}); stderr: ${stderr.slice(-2000)}`));
      } else resolve(outcomes);
    });
  });
}

describe('one throttle at any request position of a multi-page read', () => {
  const fakes = new Map<FaultKind, FakeQbo>();
  beforeAll(async () => {
    assertBuilt();
    for (const kind of ['429', 'xml429', 'throttle200'] as const) {
      // No throttling of its own: the one scripted throttle is the only one.
      fakes.set(kind, await startFakeQbo({ scale: { invoices: INVOICES }, knobs: { maxInFlight: 0, perMinute: 0 } }));
    }
  });
  afterAll(async () => {
    await Promise.all([...fakes.values()].map((fake) => fake.close()));
  });

  it('429 JSON, 429 XML and a Fault in a 200, each at requests 1-40: every read emits every record', async () => {
    const kinds = [...fakes.keys()];
    // The three kinds run side by side, each in its own process against its own fake.
    const all = await Promise.all(kinds.map((kind) => readAtEveryPosition(fakes.get(kind) as FakeQbo, kind)));
    kinds.forEach((kind, i) => check(kind, fakes.get(kind) as FakeQbo, all[i] as Outcome[]));
  }, 600_000); // 120 reads of 42 requests (~5000 in all): ~15 s on an idle machine, minutes on a loaded one
});

function check(kind: FaultKind, fake: FakeQbo, outcomes: Outcome[]): void {
    const expected = new Set([...fake.company.all('Invoice')].map((invoice) => String(invoice['Id'])));
    expect(expected.size).toBe(INVOICES);
    expect(outcomes.map((o) => o.position)).toEqual(POSITIONS);
    for (const outcome of outcomes) {
      const messages = parseMessages(outcome.stdout);
      const where = `${kind} at request ${outcome.position}`;
      expect(traceErrors(messages), where).toEqual([]);
      expect(outcome.exitCode, where).toBe(0);
      expect(outcome.faultFired, `${where}: the throttle was served`).toBe(true);
      expect([...expected].filter((id) => !outcome.ids.has(id)), `${where}: records missing`).toEqual([]);
      expect(states(messages, 'invoices').length, where).toBeGreaterThan(0);
    }
}
