// A live progress block on a terminal (redrawn in place, a few times a second) and a summary table at
// the end. Only for a person at a TTY: the runner never creates one when stderr is not a terminal.
import type { Writable } from 'node:stream';
import type { ProgressTracker, StreamProgress } from './tracker.js';

/** Source-wide counters a source may expose for the display (all optional). */
export interface ProgressMetrics {
  requests?: number;
  retries?: number;
  /** Requests answered with a throttle (429). */
  throttled?: number;
  /** Requests that waited on a rate limit. */
  waits?: number;
  waitedMs?: number;
}

export interface ProgressDisplayOptions {
  output: Writable & { isTTY?: boolean; columns?: number };
  tracker: ProgressTracker;
  metrics?: () => ProgressMetrics | undefined;
  /** Redraw the live block; false prints only the final summary (e.g. records also go to this terminal). */
  live: boolean;
  /** Minimum time between redraws. Default 250 ms. */
  intervalMs?: number;
  /** Most streams shown in the live block; the rest are counted. Default 8. */
  maxLines?: number;
}

const ESC = '\u001b[';
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const int = (n: number): string => n.toLocaleString('en-US');

export function metricsText(metrics: ProgressMetrics | undefined): string {
  if (metrics === undefined) return '';
  const parts: string[] = [];
  if (metrics.requests !== undefined) parts.push(`${int(metrics.requests)} requests`);
  if (metrics.retries) parts.push(`${int(metrics.retries)} retries`);
  if (metrics.throttled) parts.push(`${int(metrics.throttled)} throttled`);
  if (metrics.waits) parts.push(`${int(metrics.waits)} rate-limit waits (${seconds(metrics.waitedMs ?? 0)})`);
  return parts.join(', ');
}

function streamLine(s: StreamProgress, now: number): string {
  const deletes = s.deletes > 0 ? ` (${int(s.deletes)} deleted)` : '';
  return `  ${s.stream}: ${int(s.records)} records${deletes}, ${int(s.pages)} pages, ${seconds((s.endedAt ?? now) - s.startedAt)}`;
}

/** The live block: a headline, then the running streams. */
export function liveLines(tracker: ProgressTracker, metrics: ProgressMetrics | undefined, now: number, maxLines = 8): string[] {
  const all = tracker.streams();
  const running = all.filter((s) => s.status === 'running');
  const done = all.length - running.length;
  const records = all.reduce((n, s) => n + s.records, 0);
  const extra = metricsText(metrics);
  const head = `Reading: ${done} streams done, ${running.length} running, ${int(records)} records${extra ? `, ${extra}` : ''}, ${seconds(now - tracker.startedAt)}`;
  const shown = running.slice(0, maxLines).map((s) => streamLine(s, now));
  if (running.length > maxLines) shown.push(`  ... and ${running.length - maxLines} more`);
  return [head, ...shown];
}

/** The final per-stream table. */
export function summaryTable(tracker: ProgressTracker, metrics: ProgressMetrics | undefined, now: number): string {
  const secs = (from: number, to: number): string => (Math.max(0, to - from) / 1000).toFixed(1);
  const cells = tracker.streams().map((s) => [
    s.stream,
    int(s.records),
    int(s.deletes),
    int(s.states),
    secs(s.startedAt, s.endedAt ?? now),
    s.status === 'complete' ? '' : s.status,
  ]);
  const header = ['stream', 'records', 'deletes', 'checkpoints', 'seconds', ''];
  const total = tracker.streams().reduce((t, s) => ({ records: t.records + s.records, deletes: t.deletes + s.deletes, states: t.states + s.states }), { records: 0, deletes: 0, states: 0 });
  cells.push(['total', int(total.records), int(total.deletes), int(total.states), secs(tracker.startedAt, now), '']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ').trimEnd();
  const extra = metricsText(metrics);
  return [line(header), rule, ...cells.slice(0, -1).map(line), rule, line(cells[cells.length - 1] ?? []), ...(extra ? [extra] : [])].join('\n') + '\n';
}

export class ProgressDisplay {
  private timer: NodeJS.Timeout | undefined;
  /** Lines of the block now on screen (to move back over them). */
  private drawn = 0;
  private stopped = false;

  constructor(private readonly options: ProgressDisplayOptions) {}

  start(): void {
    if (!this.options.live || this.timer !== undefined) return;
    this.timer = setInterval(() => this.draw(), this.options.intervalMs ?? 250);
    this.timer.unref(); // only redraws: nothing waits on it, so it must not keep the process alive
  }

  /** Erase the live block (before other text goes to the same terminal). */
  clear(): void {
    if (this.drawn === 0) return;
    this.options.output.write(`${ESC}${this.drawn}F${ESC}0J`);
    this.drawn = 0;
  }

  draw(): void {
    if (this.stopped) return;
    const now = this.options.tracker.now();
    const width = Math.max(20, (this.options.output.columns ?? 100) - 1);
    const lines = liveLines(this.options.tracker, this.options.metrics?.(), now, this.options.maxLines).map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
    // Move to the start of the old block, clear to the end of the screen, draw the new one.
    const back = this.drawn > 0 ? `${ESC}${this.drawn}F${ESC}0J` : '';
    this.options.output.write(back + lines.join('\n') + '\n');
    this.drawn = lines.length;
  }

  /** Stop redrawing, erase the block and print the summary table. */
  stop(): void {
    if (this.stopped) return;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.clear();
    this.stopped = true;
    this.options.output.write(summaryTable(this.options.tracker, this.options.metrics?.(), this.options.tracker.now()));
  }
}
