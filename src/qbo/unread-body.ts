// A successful answer whose body is left in the socket until its page's turn. A prefetched page
// that waits then costs this process nothing: TCP flow control keeps the rest of it on the network
// (or in the kernel's socket buffer). Its request keeps its concurrency slot meanwhile, since QBO
// may count a request whose answer it is still sending. So that waiting bodies can never starve the
// request everyone waits for (a retried page queued behind its own prefetches), a body left unread
// for `holdMs` is read into memory and its slot released. That timer must keep the process alive
// (no unref): a request waiting for a slot may depend on nothing else, and with the sockets idle
// Node would see an empty event loop and exit in the middle of the read.
import type { BytePool } from './byte-pool.js';
import { readPooledBody, type PooledBody } from './pooled-body.js';

function noop(): void {}

export class UnreadBody {
  /** Settles once the body has been read (or failed to) or was dropped: the request is over. */
  readonly settled: Promise<void>;
  private settle: () => void = noop;
  private early: Promise<PooledBody> | undefined;
  private taken = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly response: Response,
    private readonly pool: BytePool,
    holdMs: number,
  ) {
    this.settled = new Promise<void>((resolve) => (this.settle = resolve));
    this.timer = setTimeout(() => {
      this.early = this.readNow();
      this.early.catch(noop); // surfaces through read(), if anyone asks
    }, holdMs);
  }

  /** The body's bytes (read now, or already read when it waited too long). Once only. */
  read(): Promise<PooledBody> {
    if (this.taken) return Promise.reject(new Error('UnreadBody: read twice'));
    this.taken = true;
    return this.early ?? this.readNow();
  }

  /** Drop it unread: the connection's rest of the body is cancelled, an early read released. */
  discard(): void {
    if (this.taken) return;
    this.taken = true;
    clearTimeout(this.timer);
    if (this.early) void this.early.then((body) => body.release(), noop);
    else this.response.body?.cancel().catch(noop);
    this.settle();
  }

  private readNow(): Promise<PooledBody> {
    clearTimeout(this.timer);
    const reading = readPooledBody(this.response, this.pool);
    reading.then(this.settle, this.settle);
    return reading;
  }
}
