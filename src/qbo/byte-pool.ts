// Reusable byte buffers for response bodies. A page body that waits for its turn outlives a young-
// generation GC, and a fresh buffer per response then piles up as old garbage (V8 frees it only at
// a full GC, after tens of MB): reading into the same few buffers keeps that memory flat.

const MIN_SIZE = 64 * 1024;
const STEP = 256 * 1024;

export class BytePool {
  private readonly free: Buffer[] = [];

  /** @param keep how many returned buffers to hold for reuse; more are left to the GC. */
  constructor(private readonly keep = 24) {}

  /** A buffer of at least `size` bytes (contents undefined): a returned one when one is big enough. */
  take(size: number): Buffer {
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const length = (this.free[i] as Buffer).length;
      if (length >= size && (best < 0 || length < (this.free[best] as Buffer).length)) best = i;
    }
    if (best >= 0) return this.free.splice(best, 1)[0] as Buffer;
    // Rounded up to a step, so pages of about the same size share buffers.
    return Buffer.allocUnsafeSlow(Math.max(MIN_SIZE, Math.ceil(size / STEP) * STEP));
  }

  /** Hand a buffer back for reuse; the caller must not touch it afterwards. */
  give(buffer: Buffer): void {
    if (this.free.length < this.keep) this.free.push(buffer);
  }

  /** Buffers held for reuse and their total bytes (tests, diagnostics). */
  get held(): { count: number; bytes: number } {
    return { count: this.free.length, bytes: this.free.reduce((sum, b) => sum + b.length, 0) };
  }
}
