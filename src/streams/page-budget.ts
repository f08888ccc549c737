// Bounds the pages held in memory (in flight or waiting to be emitted) across all streams of a run,
// so prefetching for concurrency never makes memory grow with the size of the company.

export class PageBudget {
  private available: number;
  private readonly waiters: Array<() => void> = [];

  constructor(readonly capacity: number) {
    this.available = capacity;
  }

  /** Resolves when a page slot is free; the caller must `release()` it once the page is emitted. */
  async acquire(): Promise<void> {
    if (this.available > 0) {
      this.available--;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Takes a slot only if one is free now (prefetch is optional, progress is not). */
  tryAcquire(): boolean {
    if (this.available <= 0) return false;
    this.available--;
    return true;
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.available++;
  }
}
