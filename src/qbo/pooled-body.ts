// A response body read into a pooled buffer (see byte-pool.ts), held as bytes until it is needed.
import type { RawOwner } from '../cdk/index.js';
import { BodyTooLargeError, MAX_DATA_BODY_BYTES } from './bounded-body.js';
import type { BytePool } from './byte-pool.js';
import { readQueryBody } from './query-body-parser.js';

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
   * The body parsed as a query answer (record by record, see query-body-parser.ts), or undefined
   * when it is not a whole JSON object (an XML fault, a body visibly cut off); throws as JSON.parse
   * would on a broken one. A leading BOM is dropped. Records left as bytes point into this buffer:
   * it then goes back to the pool when they are released (cdk/raw-record.ts releaseRecords, once
   * written), else now.
   */
  json(): unknown {
    const bytes = this.bytes();
    const start = bomLength(bytes);
    let kept = false;
    try {
      if (bytes[start] !== 0x7b || bytes[bytes.length - 1] !== 0x7d) return undefined;
      const read = readQueryBody(bytes.subarray(start), new SlabOwner(this.pool, this.slab as Buffer));
      kept = read.raw > 0;
      return read.body;
    } finally {
      if (kept) this.slab = undefined; // the records' owner gives it back
      else this.release();
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

/** The pooled buffer of a page whose records travel as bytes; given back once they are written. */
class SlabOwner implements RawOwner {
  released = false;

  constructor(
    private readonly pool: BytePool,
    private readonly slab: Buffer,
  ) {}

  release(): void {
    if (this.released) return;
    this.released = true;
    this.pool.give(this.slab);
  }
}

function bomLength(bytes: Buffer): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/** Reads a fetch body into a pooled buffer (sized from Content-Length when sent, grown as needed). */
export async function readPooledBody(response: Response, pool: BytePool): Promise<PooledBody> {
  const hint = Number(response.headers.get('content-length'));
  // A Content-Length is only a hint (and may lie): never allocate past the ceiling on its word.
  let slab = pool.take(Number.isFinite(hint) && hint > 0 ? Math.min(hint, MAX_DATA_BODY_BYTES) : 0);
  let length = 0;
  try {
    if (response.body) {
      for await (const chunk of response.body) {
        // Decompressed size is bounded: a gzip bomb stops here, not at the heap limit.
        if (length + chunk.length > MAX_DATA_BODY_BYTES) throw new BodyTooLargeError(MAX_DATA_BODY_BYTES);
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

