// How many pages a window read fetches ahead of the one it emits. Pages are read into memory on
// arrival, so depth is memory; it is needed only against slow pages. While the page due keeps
// arriving about when it is needed (a fast server: emission is the bound), a read looks 2 pages
// ahead. Each time it has to wait long for one (a slow page in flight: QBO takes 0.5-1.5 s a page),
// it looks 4 pages further, up to the maximum, so the other request slots keep working past such
// pages; after a run of pages without such a wait it comes back one page at a time. One stall of a
// busy machine therefore costs a few pages of memory, not the maximum. The reader says so while it
// is still waiting (every slowWaitMs), not only once the page is here: a read of slow pages would
// otherwise spend its whole first page's latency with just 2 requests in flight.

/** Pages fetched ahead at least (and at first). */
const MIN_PAGES = 2;
/** A wait for the page due this long means a slow page, not a busy server. */
export const SLOW_WAIT_MS = 300;
/** Pages further ahead after each slow wait. */
const STEP_UP = 4;
/** Pages in a row without a slow wait before looking one page less far. */
const PATIENCE = 8;

export class FetchDepth {
  private readonly min: number;
  private depth: number;
  private calmInRow = 0;
  private grewThisWait = false;

  /**
   * @param max pages fetched ahead at most
   * @param slowWaitMs a wait this long for the page due means a slow page (0: every page counts as slow)
   */
  constructor(
    private readonly max: number,
    private readonly slowWaitMs = SLOW_WAIT_MS,
  ) {
    this.min = Math.min(MIN_PAGES, max);
    this.depth = this.min;
  }

  /** Pages to fetch ahead of the one due. */
  get pages(): number {
    return this.depth;
  }

  /** How often the reader calls stillWaiting() while the page due has not arrived (0: never). */
  get slowWaitEveryMs(): number {
    return this.slowWaitMs;
  }

  /** The page due has kept the reader waiting another slowWaitMs: look further ahead now. */
  stillWaiting(): void {
    this.grewThisWait = true;
    this.grow();
  }

  /** The page due took `waitedMs` to arrive after its turn came (0: it was there). */
  waited(waitedMs: number): void {
    const grew = this.grewThisWait;
    this.grewThisWait = false;
    if (waitedMs >= this.slowWaitMs) {
      if (!grew) this.grow(); // no tick came (slowWaitMs 0, or a timer late on a busy loop)
      return;
    }
    if (++this.calmInRow < PATIENCE) return;
    this.calmInRow = 0;
    this.depth = Math.max(this.min, this.depth - 1);
  }

  private grow(): void {
    this.calmInRow = 0;
    this.depth = Math.min(this.max, this.depth + STEP_UP);
  }
}
