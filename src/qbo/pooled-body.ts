// A response body read into a pooled buffer (see byte-pool.ts), held as bytes until it is needed.
import type { BytePool } from './byte-pool.js';
import { parseQueryBody } from './query-body-parser.js';

export class PooledBody {
  private slab: Buffer | undefined;

  constructor(
    private readonly pool: BytePool,
    slab: Buffer,
    readonly length: number,
  ) {
    this.slab = slab;
  }

  /**
   * Looks like a whole JSON object: it can wait unparsed. Faults are looked for after the parse
   * (see QboClient.queryDeferred): scanning the bytes of every page for one cost more than the parse.
   */
  looksLikeJsonObject(): boolean {
    const bytes = this.bytes();
    return bytes[bomLength(bytes)] === 0x7b && bytes[bytes.length - 1] === 0x7d;
  }

  /** The body as text (UTF-8, a leading BOM dropped, as fetch's text() does); the buffer goes back to the pool. */
  text(): string {
    const bytes = this.bytes();
    const text = bytes.toString('utf8', bomLength(bytes));
    this.release();
    return text;
  }

  /**
   * The body parsed as a query answer (record by record, see query-body-parser.ts; throws as
   * JSON.parse would); the buffer goes back to the pool.
   */
  json(): unknown {
    const bytes = this.bytes();
    try {
      return parseQueryBody(bytes.subarray(bomLength(bytes)));
    } finally {
      this.release();
    }
  }

  /** Give the buffer back unread (a discarded prefetch). Safe to call more than once. */
  release(): void {
    if (this.slab) this.pool.give(this.slab);
    this.slab = undefined;
  }

  private bytes(): Buffer {
    if (!this.slab) throw new Error('PooledBody: read after release');
    return this.slab.subarray(0, this.length);
  }
}

function bomLength(bytes: Buffer): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/** Reads a fetch body into a pooled buffer (sized from Content-Length when sent, grown as needed). */
export async function readPooledBody(response: Response, pool: BytePool): Promise<PooledBody> {
  const hint = Number(response.headers.get('content-length'));
  let slab = pool.take(Number.isFinite(hint) && hint > 0 ? hint : 0);
  let length = 0;
  try {
    if (response.body) {
      for await (const chunk of response.body) {
        if (length + chunk.length > slab.length) {
          const bigger = pool.take(Math.ceil((length + chunk.length) * 1.5));
          slab.copy(bigger, 0, 0, length);
          pool.give(slab);
          slab = bigger;
        }
        slab.set(chunk, length);
        length += chunk.length;
      }
    }
  } catch (error) {
    pool.give(slab);
    throw error;
  }
  return new PooledBody(pool, slab, length);
}

