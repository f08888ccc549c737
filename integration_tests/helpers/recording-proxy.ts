// A loopback HTTP proxy in front of the fake server that logs every request in arrival order (the fake
// keeps counters, not a log) and can hold a request until a condition is met, e.g. "CONTROL was seen".
// Faults pass through: a reset upstream resets the client, a cut body is cut.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  seq: number;
  at: number;
  method: string;
  /** Path and query, as received. */
  url: string;
  kind: 'token' | 'data' | 'other';
  status?: number;
}

export interface RecordingProxy {
  /** Base URL to use instead of the target's. */
  url: string;
  log: LoggedRequest[];
  /** Delay data requests until `gate` resolves (set before the run; cleared with undefined). */
  holdDataUntil(gate: Promise<unknown> | undefined): void;
  close(): Promise<void>;
}

function kindOf(path: string): LoggedRequest['kind'] {
  if (path.includes('/oauth2/') || path.includes('/tokens/')) return 'token';
  if (path.startsWith('/v3/company/')) return 'data';
  return 'other';
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const log: LoggedRequest[] = [];
  let gate: Promise<unknown> | undefined;
  const server: Server = createServer((req, res) => {
    const entry: LoggedRequest = { seq: log.length + 1, at: Date.now(), method: req.method ?? 'GET', url: req.url ?? '/', kind: kindOf(req.url ?? '/') };
    log.push(entry);
    const forward = (): void => {
      const out = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (up: IncomingMessage) => {
          entry.status = up.statusCode;
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
          up.on('aborted', () => res.destroy());
          up.on('error', () => res.destroy());
        },
      );
      out.on('error', () => {
        entry.status = 0;
        req.socket.destroy();
      });
      req.pipe(out);
    };
    if (entry.kind === 'data' && gate) void gate.then(forward, forward);
    else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname.replace(/\/$/, '')}`,
    log,
    holdDataUntil(g) {
      gate = g;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
