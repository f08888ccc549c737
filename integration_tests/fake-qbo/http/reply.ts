// Writing responses the way QBO's edge does: intuit_tid on everything, JSON content types that differ
// between success and error, nginx-ish headers.
import type { ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  body: string;
  /** Default: application/json;charset=utf-8 below 400, application/json otherwise. */
  contentType?: string;
  headers?: Record<string, string>;
  /** Rows in the body (for per-row latency and stats). */
  rows?: number;
}

export const json = (status: number, body: unknown, rows?: number): Reply => ({
  status,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  ...(rows === undefined ? {} : { rows }),
});

function headersFor(reply: Reply, tid: string): Record<string, string | number> {
  return {
    'Content-Type': reply.contentType ?? (reply.status < 400 ? 'application/json;charset=utf-8' : 'application/json'),
    intuit_tid: tid,
    Server: 'nginx',
    'QBO-Version': '1944.190',
    'Cache-Control': 'max-age=0, no-cache, no-store, must-revalidate, private',
    Expires: '0',
    ...reply.headers,
  };
}

export function send(res: ServerResponse, reply: Reply, tid: string): void {
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, { ...headersFor(reply, tid), 'Content-Length': body.length });
  res.end(body);
}

/** Status line and headers of a success, then half the body, then a clean end: invalid JSON. */
export function sendTruncated(res: ServerResponse, reply: Reply, tid: string): void {
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, headersFor(reply, tid));
  res.end(body.subarray(0, Math.max(1, Math.floor(body.length / 2))));
}
