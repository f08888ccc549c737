// The request pipeline: OAuth routes, then for the Accounting API: throttles (429 3001), bearer check
// (gateway 401), realm check (403 3100), latency, injected faults, the handler, per-row latency.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Chaos } from '../chaos.js';
import {
  authenticationFailedBody,
  authorizationFault,
  faultBody,
  nginxPage,
  QboFault,
  systemFault,
  throttleError,
  xmlThrottleBody,
} from '../faults.js';
import type { Knobs, FaultKind } from '../knobs.js';
import type { Limiter } from '../limits.js';
import type { Rng } from '../prng.js';
import { endpointOf } from '../stats.js';
import { formatMillis } from '../time.js';
import { routeData, type DataContext } from './data-routes.js';
import { routeOAuth, type OAuthContext } from './oauth-routes.js';
import { json, send, sendTruncated, type Reply } from './reply.js';

export interface ServerDeps extends DataContext, OAuthContext {
  limiter: Limiter;
  chaos: Chaos;
  tidRng: Rng;
  /** Draws the latencyJitter factor of each answer. */
  latencyRng: Rng;
  knobs: Knobs;
}

const MAX_BODY = 1 << 20;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function tid(deps: ServerDeps): string {
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += deps.tidRng.int(16).toString(16);
    return s;
  };
  return `1-${Math.floor(Date.now() / 1000).toString(16)}-${hex(24)}`;
}

function faultReply(deps: ServerDeps, f: QboFault): Reply {
  return json(f.status, faultBody(f.error, f.type, formatMillis(deps.company.clock.now(), deps.company.rule)));
}

function throttleReply(deps: ServerDeps, status = 429): Reply {
  const r = json(status, faultBody(throttleError, 'SERVICE', formatMillis(deps.company.clock.now(), deps.company.rule)));
  const after = deps.knobs.retryAfterSeconds;
  if (after !== undefined && status === 429) r.headers = { 'Retry-After': String(after) };
  return r;
}

function injected(deps: ServerDeps, kind: FaultKind): Reply | undefined {
  const time = formatMillis(deps.company.clock.now(), deps.company.rule);
  switch (kind) {
    case '429':
      return throttleReply(deps);
    case 'xml429':
      return { ...throttleReply(deps), body: xmlThrottleBody(time), contentType: 'application/xml' };
    case 'throttle200':
      return throttleReply(deps, 200);
    case '500':
      return faultReply(deps, systemFault());
    case '502':
      return { status: 502, body: nginxPage(502, 'Bad Gateway'), contentType: 'text/html' };
    case '503':
      return json(503, faultBody({ Message: 'Service Unavailable', Detail: 'The service is temporarily unavailable. Please try again later.', code: '3003' }, 'SERVICE', time));
    case '504':
      return { status: 504, body: nginxPage(504, 'Gateway Time-out'), contentType: 'text/html' };
    default:
      return undefined;
  }
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const { stats, knobs } = deps;
  const endpoint = endpointOf(url.pathname);
  stats.total++;
  stats.requests[endpoint] = (stats.requests[endpoint] ?? 0) + 1;
  const t = tid(deps);
  const reply = (r: Reply): void => {
    if (r.status === 429) stats.sent429++;
    send(res, r, t);
  };

  const m = /^\/v3\/company\/([^/]+)(?:\/(.*))?$/.exec(url.pathname);
  if (!m) {
    const body = await readBody(req);
    const r = routeOAuth(deps, req, url, body);
    reply(r ?? json(404, { error: 'not_found' }));
    return;
  }

  const admission = deps.limiter.admit(knobs);
  if (admission !== 'ok') {
    stats.throttled++;
    reply(throttleReply(deps));
    return;
  }
  stats.maxInFlight = deps.limiter.maxObserved;
  stats.inFlight = deps.limiter.inFlight;
  let released = false;
  const release = (): void => {
    if (!released) {
      released = true;
      deps.limiter.release();
      stats.inFlight = deps.limiter.inFlight;
    }
  };
  res.on('close', release);
  try {
    const body = await readBody(req);
    const auth = deps.oauth.checkAccess(req.headers.authorization);
    if (!auth.ok) {
      stats.unauthorized++;
      reply({
        status: 401,
        body: authenticationFailedBody(auth.detail, deps.company.clock.now()),
        headers: { 'WWW-Authenticate': 'Bearer realm="Intuit", error="invalid_token"' },
      });
      return;
    }
    if (m[1] !== deps.realmId) {
      reply(faultReply(deps, authorizationFault()));
      return;
    }
    if (knobs.latencyMs > 0) await sleep(knobs.latencyMs);
    const fault = deps.chaos.next(knobs);
    if (fault) stats.faultsInjected[fault] = (stats.faultsInjected[fault] ?? 0) + 1;
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    const early = fault ? injected(deps, fault) : undefined;
    if (early) {
      reply(early);
      return;
    }
    let r: Reply;
    try {
      r = routeData(deps, req.method ?? 'GET', (m[2] ?? '').split('/').filter((s) => s !== ''), url, body);
    } catch (e) {
      if (!(e instanceof QboFault)) throw e;
      r = faultReply(deps, e);
    }
    if (r.rows !== undefined) {
      stats.rowsServed += r.rows;
      if (knobs.latencyMsPer1000Rows > 0 && r.rows > 0) {
        const spread = knobs.latencyJitter > 0 ? 1 + knobs.latencyJitter * (2 * deps.latencyRng.next() - 1) : 1;
        await sleep((knobs.latencyMsPer1000Rows * r.rows * spread) / 1000);
      }
    }
    if (fault === 'truncated') sendTruncated(res, r, t);
    else reply(r);
  } finally {
    release();
  }
}

export function createFakeServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    handle(deps, req, res).catch((err: unknown) => {
      // A bug in the fake: answer like QBO's SystemFault so the client sees a 500, and say why on stderr.
      process.stderr.write(`fake-qbo: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      if (!res.headersSent) send(res, faultReply(deps, systemFault()), tid(deps));
      else res.destroy();
    });
  });
}
