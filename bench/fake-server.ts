// The fake QBO in its own process (it is CPU-heavy; sharing an event loop with the process being
// measured would distort it), driven over IPC by bench/lib/fake-process.ts.
//
// Planner shim: the fake answers `ORDERBY MetaData.LastUpdatedTime, Id` (the connector's page order)
// with a full scan and sort per page (~1.5 s per page at 100k invoices, O(n) per page), while
// `ORDERBY MetaData.LastUpdatedTime` uses its index, whose order already breaks ties by Id. Until the
// fake's planner accepts the two-term order, GET queries are rewritten to the one-term form here; the
// rows and their order are the same. Counted in `shim.rewritten`.
import http from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import type { FakeQboOptions } from '../integration_tests/fake-qbo/index.js';

const TWO_TERM_ORDER = /ORDERBY MetaData\.LastUpdatedTime, Id\b/i;
const shim = { rewritten: 0 };

function rewrite(req: http.IncomingMessage): void {
  if (req.method !== 'GET' || req.url === undefined || !req.url.includes('/query?')) return;
  const url = new URL(req.url, 'http://127.0.0.1');
  const query = url.searchParams.get('query');
  if (query === null || !TWO_TERM_ORDER.test(query)) return;
  url.searchParams.set('query', query.replace(TWO_TERM_ORDER, 'ORDERBY MetaData.LastUpdatedTime'));
  req.url = url.pathname + url.search;
  shim.rewritten += 1;
}

// Patch before the fake's modules bind their `createServer` import.
const original = http.createServer;
const patched = ((...args: unknown[]) => {
  const listener = args.find((a) => typeof a === 'function') as http.RequestListener | undefined;
  if (listener === undefined) return (original as (...a: unknown[]) => http.Server)(...args);
  const wrapped: http.RequestListener = (req, res) => {
    rewrite(req);
    listener(req, res);
  };
  return (original as (...a: unknown[]) => http.Server)(...args.map((a) => (a === listener ? wrapped : a)));
}) as typeof http.createServer;
http.createServer = patched;
syncBuiltinESMExports();

const { startFakeQbo } = await import('../integration_tests/fake-qbo/index.js');
const options = JSON.parse(process.argv[2] ?? '{}') as FakeQboOptions;
const fake = await startFakeQbo(options);

type Request = { id: number; op: 'stats' | 'reset' | 'knobs' | 'creds' | 'cpu' | 'close'; knobs?: Parameters<typeof fake.setKnobs>[0] };

function answer(req: Request): unknown {
  switch (req.op) {
    case 'stats':
      return { ...fake.stats, shim: { ...shim } };
    case 'reset': {
      const s = fake.stats;
      Object.assign(s, { requests: {}, total: 0, throttled: 0, sent429: 0, maxInFlight: 0, unauthorized: 0, faultsInjected: {}, plans: {}, queries: [], rowsServed: 0 });
      shim.rewritten = 0;
      return true;
    }
    case 'knobs':
      if (req.knobs) fake.setKnobs(req.knobs);
      return fake.knobs();
    case 'creds':
      return { url: fake.url, tokenUrl: fake.tokenUrl, realmId: fake.realmId, clientId: fake.clientId, clientSecret: fake.clientSecret, refreshToken: fake.refreshToken };
    case 'cpu':
      return process.cpuUsage();
    case 'close':
      return true;
  }
}

process.on('message', (raw) => {
  const req = raw as Request;
  const result = answer(req);
  if (req.op !== 'close') return void process.send?.({ id: req.id, result });
  void fake.close().then(() => process.send?.({ id: req.id, result }, () => process.exit(0)));
});
process.send?.({ id: 0, result: 'ready' });
