// The fake QBO in its own process (it is CPU-heavy; sharing an event loop with the process being
// measured would distort it), driven over IPC by bench/lib/fake-process.ts.

import type { FakeQboOptions } from '../integration_tests/fake-qbo/index.js';

const { startFakeQbo } = await import('../integration_tests/fake-qbo/index.js');
const options = JSON.parse(process.argv[2] ?? '{}') as FakeQboOptions;
const fake = await startFakeQbo(options);

type Request = { id: number; op: 'stats' | 'reset' | 'knobs' | 'creds' | 'cpu' | 'close'; knobs?: Parameters<typeof fake.setKnobs>[0] };

function answer(req: Request): unknown {
  switch (req.op) {
    case 'stats':
      return { ...fake.stats };
    case 'reset': {
      const s = fake.stats;
      Object.assign(s, { requests: {}, total: 0, throttled: 0, sent429: 0, maxInFlight: 0, unauthorized: 0, faultsInjected: {}, plans: {}, queries: [], rowsServed: 0 });
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
