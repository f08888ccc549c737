// Bounds the pages held in memory (in flight or waiting to be emitted) across all streams of a run,
// so prefetching for concurrency never makes memory grow with the size of the company.

export class PageBudget {
  private available: number;

  constructor(readonly capacity: number) {
    this.available = capacity;
  }

  /**
   * Takes a slot only if one is free now. Only prefetches take slots: the page a stream needs next
   * never waits for one, so streams cannot block each other.
   */
  tryAcquire(): boolean {
    if (this.available <= 0) return false;
    this.available--;
    return true;
  }

  release(): void {
    this.available++;
  }
}
