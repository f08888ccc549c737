// Bounds the bytes of pages fetched ahead (in flight, or read and waiting to be emitted) across all
// streams of a run, so fetching ahead for latency never makes memory grow with the size of the
// company. A page's size is known only once it arrived, so a prefetch reserves an estimate (the
// largest page its stream has seen) and gives back exactly what it reserved.

export class PageBudget {
  private free: number;

  /** @param capacity bytes that pages fetched ahead may hold in all */
  constructor(readonly capacity: number) {
    this.free = capacity;
  }

  /** Bytes not reserved now (tests, diagnostics). */
  get available(): number {
    return this.free;
  }

  /**
   * Reserves `bytes` only if they are free now. Only pages fetched ahead reserve: the page a stream
   * needs next never waits, so streams cannot block each other.
   */
  tryAcquire(bytes: number): boolean {
    if (this.free < bytes) return false;
    this.free -= bytes;
    return true;
  }

  release(bytes: number): void {
    this.free += bytes;
  }
}
