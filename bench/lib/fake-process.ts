// Parent side of bench/fake-server.ts: fork it, then ask it for stats, credentials and knob changes.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FakeQboOptions, FakeQboStats, Knobs } from '../../integration_tests/fake-qbo/index.js';

export interface FakeCreds {
  url: string;
  tokenUrl: string;
  realmId: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export type BenchStats = FakeQboStats;

export interface FakeProcess {
  pid: number;
  creds(): Promise<FakeCreds>;
  stats(): Promise<BenchStats>;
  resetStats(): Promise<void>;
  setKnobs(knobs: Partial<Knobs>): Promise<Knobs>;
  /** The server process's CPU time so far (µs). */
  cpu(): Promise<NodeJS.CpuUsage>;
  close(): Promise<void>;
}

const SERVER = fileURLToPath(new URL('../fake-server.js', import.meta.url));

export async function startFakeProcess(options: FakeQboOptions): Promise<FakeProcess> {
  const child: ChildProcess = fork(SERVER, [JSON.stringify(options)], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, (value: unknown) => void>();
  let nextId = 1;
  let exited = false;
  child.on('message', (raw) => {
    const msg = raw as { id: number; result: unknown };
    waiting.get(msg.id)?.(msg.result);
    waiting.delete(msg.id);
  });
  const ready = new Promise<void>((resolve, reject) => {
    waiting.set(0, () => resolve());
    child.once('exit', (code) => {
      exited = true;
      reject(new Error(`fake server exited with code ${String(code)}`));
    });
  });
  await ready;
  const call = <T>(op: string, extra: object = {}): Promise<T> => {
    if (exited) return Promise.reject(new Error('fake server is gone'));
    const id = nextId++;
    return new Promise<T>((resolve) => {
      waiting.set(id, (v) => resolve(v as T));
      child.send({ id, op, ...extra });
    });
  };
  return {
    pid: child.pid ?? -1,
    creds: () => call<FakeCreds>('creds'),
    stats: () => call<BenchStats>('stats'),
    resetStats: () => call<void>('reset'),
    setKnobs: (knobs) => call<Knobs>('knobs', { knobs }),
    cpu: () => call<NodeJS.CpuUsage>('cpu'),
    close: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await call<boolean>('close');
      await gone;
    },
  };
}
