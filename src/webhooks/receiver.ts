// The webhook receiver's HTTP side (node:http): POST on one path, signature checked in constant time
// before anything else, body size capped, events of the configured realm deduplicated and journalled
// (fsync) before the 200, GET /healthz for liveness. One log line per accepted batch; never a secret.
import { checkJsonDepth } from '../cdk/index.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Journal, readJournal, toEntry, toEvent } from './journal.js';
import { dedupKey, parseNotifications, UnknownPayloadError, type WebhookEvent } from './notifications.js';
import { verifySignature } from './signature.js';

export interface ReceiverOptions {
  realmId: string;
  verifierToken: string;
  journalPath: string;
  path: string;
  maxBodyBytes: number;
  log: (line: string) => void;
  /** Called after a batch with at least one new event was journalled. */
  onNewEvents: (events: WebhookEvent[]) => void;
  now?: () => Date;
}

export interface ReceiverCounts {
  accepted: number;
  duplicates: number;
  otherRealm: number;
  rejectedSignature: number;
  tooLarge: number;
  badPayload: number;
}

class TooLarge extends Error {}

export class WebhookReceiver {
  readonly counts: ReceiverCounts = { accepted: 0, duplicates: 0, otherRealm: 0, rejectedSignature: 0, tooLarge: 0, badPayload: 0 };
  private readonly server: Server;
  private readonly journal: Journal;
  private readonly seen = new Set<string>();
  private readonly now: () => Date;

  constructor(private readonly options: ReceiverOptions) {
    this.now = options.now ?? (() => new Date());
    // Deliveries already journalled (before a restart) stay duplicates.
    const { entries, skipped } = readJournal(options.journalPath);
    for (const entry of entries) this.seen.add(dedupKey(toEvent(entry)));
    if (entries.length > 0 || skipped > 0) {
      options.log(`journal ${options.journalPath}: ${entries.length} events${skipped > 0 ? `, ${skipped} torn or unreadable line(s) skipped` : ''}`);
    }
    this.journal = new Journal(options.journalPath);
    this.server = createServer((req, res) => void this.handle(req, res));
    // Intuit waits 3 s for the answer; a slow or stalled sender must not hold a socket for long.
    this.server.requestTimeout = 10_000;
    this.server.headersTimeout = 5_000;
  }

  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  /** Stop accepting connections; resolves when in-flight requests have been answered. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
    this.journal.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://receiver');
    if (url.pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      return reply(res, 200, { status: 'ok', ...this.counts });
    }
    if (url.pathname !== this.options.path) return reply(res, 404, { error: 'not found' });
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return reply(res, 405, { error: 'only POST' });
    }
    let body: Buffer;
    try {
      body = await readBody(req, this.options.maxBodyBytes);
    } catch (error) {
      if (error instanceof TooLarge) {
        this.counts.tooLarge += 1;
        this.options.log(`rejected a body over ${this.options.maxBodyBytes} bytes (413)`);
        res.setHeader('connection', 'close');
        return reply(res, 413, { error: 'payload too large' });
      }
      return reply(res, 400, { error: 'could not read the body' });
    }
    const signature = req.headers['intuit-signature'];
    if (!verifySignature(body, Array.isArray(signature) ? signature[0] : signature, this.options.verifierToken)) {
      this.counts.rejectedSignature += 1;
      this.options.log(`rejected a POST with a ${signature === undefined ? 'missing' : 'bad'} intuit-signature (401; ${this.counts.rejectedSignature} so far)`);
      return reply(res, 401, { error: 'bad signature' });
    }
    let events: WebhookEvent[];
    try {
      checkJsonDepth(body, (_offset, limit) => new UnknownPayloadError(`nested deeper than ${limit} levels`));
      events = parseNotifications(JSON.parse(body.toString('utf8')) as unknown);
    } catch (error) {
      this.counts.badPayload += 1;
      const why = error instanceof UnknownPayloadError ? error.message : 'not JSON';
      this.options.log(`rejected a signed POST whose body is not a webhook payload (${why}; 400)`);
      return reply(res, 400, { error: 'not a webhook payload' });
    }
    this.accept(events);
    return reply(res, 200, { status: 'ok' });
  }

  /** Filter, deduplicate, journal (durably), count, log one line, notify. */
  private accept(events: WebhookEvent[]): void {
    const fresh: WebhookEvent[] = [];
    let duplicates = 0;
    let otherRealm = 0;
    for (const event of events) {
      if (event.realmId !== this.options.realmId) {
        otherRealm += 1;
        continue;
      }
      const key = dedupKey(event);
      if (this.seen.has(key)) {
        duplicates += 1;
        continue;
      }
      this.seen.add(key);
      fresh.push(event);
    }
    const receivedAt = this.now();
    try {
      this.journal.append(fresh.map((event) => toEntry(event, receivedAt)));
    } catch (error) {
      for (const event of fresh) this.seen.delete(dedupKey(event)); // not durable: let the retry in
      throw error;
    }
    this.counts.accepted += fresh.length;
    this.counts.duplicates += duplicates;
    this.counts.otherRealm += otherRealm;
    const entities = [...new Set(fresh.map((event) => event.entity))].sort().join(', ');
    this.options.log(
      `batch of ${events.length} event(s): ${fresh.length} new${entities ? ` (${entities})` : ''}, ${duplicates} duplicate, ${otherRealm} for another company`,
    );
    if (fresh.length > 0) this.options.onNewEvents(fresh);
  }
}

function reply(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // drain without keeping it
    return Promise.reject(new TooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
