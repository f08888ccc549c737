import { describe, expect, it } from 'vitest';
import { liveLines, metricsText, ProgressDisplay, summaryTable } from '../../src/cdk/progress/display.js';
import { countDeletes, ProgressTracker, trackingSink } from '../../src/cdk/progress/tracker.js';
import { qboProgressMetrics } from '../../src/qbo/progress-metrics.js';
import { RecordingSink } from '../cdk/helpers.js';
import { FakeTerminal } from './support.js';

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('progress kit', () => {
  it('the tracking sink counts records, tombstones, pages, checkpoints and forwards everything', async () => {
    const time = clock();
    const tracker = new ProgressTracker(time.now);
    const inner = new RecordingSink();
    const sink = trackingSink(inner, tracker);
    await sink.streamStatus('a', 'STARTED');
    await sink.records('a', [{ Id: '1' }, { Id: '2', _ab_cdc_deleted_at: 'x' }]);
    await sink.records('a', [{ Id: '3', _ab_cdc_deleted_at: null }]);
    await sink.state('a', { c: 1 }, 3);
    time.advance(2500);
    await sink.streamStatus('a', 'COMPLETE');
    await sink.log('INFO', 'hi');
    expect(tracker.streams()).toEqual([{ stream: 'a', status: 'complete', records: 3, deletes: 1, pages: 2, states: 1, startedAt: 1000, endedAt: 3500 }]);
    expect(inner.calls.map((c) => c.kind)).toEqual(['status', 'records', 'records', 'state', 'status', 'log']);
    expect(countDeletes([{ _ab_cdc_deleted_at: '2024' }, {}])).toBe(1);
  });

  it('live lines show running streams only, capped, with the source metrics', () => {
    const time = clock();
    const tracker = new ProgressTracker(time.now);
    for (const name of ['s1', 's2', 's3']) tracker.records(name, [{ Id: name }]);
    tracker.status('s1', 'COMPLETE');
    time.advance(1200);
    const lines = liveLines(tracker, { requests: 7 }, time.now(), 1);
    expect(lines).toEqual(['Reading: 1 streams done, 2 running, 3 records, 7 requests, 1.2 s', '  s2: 1 records, 1 pages, 1.2 s', '  ... and 1 more']);
    expect(metricsText(undefined)).toBe('');
  });

  it('the display redraws in place over its previous block and erases it before the summary', () => {
    const time = clock();
    const tracker = new ProgressTracker(time.now);
    const out = new FakeTerminal(true);
    const display = new ProgressDisplay({ output: out, tracker, live: true });
    tracker.records('a', [{ Id: '1' }]);
    display.draw();
    expect(out.text).toBe('Reading: 0 streams done, 1 running, 1 records, 0.0 s\n  a: 1 records, 1 pages, 0.0 s\n');
    display.draw();
    expect(out.text).toContain('\u001b[2F\u001b[0J'); // back over the two lines drawn before
    tracker.status('a', 'INCOMPLETE');
    display.stop();
    expect(out.text.endsWith(summaryTable(tracker, undefined, time.now()))).toBe(true);
    expect(summaryTable(tracker, undefined, time.now())).toMatch(/^a\s+1\s+0\s+0\s+0\.0\s+incomplete$/m);
    display.draw(); // after stop: nothing more
    expect(out.text.endsWith('\n')).toBe(true);
  });

  it('QBO metrics: requests and retries from the client, rate-limit waits from the realm limiter', () => {
    const metrics = qboProgressMetrics({
      client: { stats: { requests: 10, retries: 2, throttled: 1, tokenRefreshes: 1 } },
      limiter: { stats: { started: 10, inFlight: 0, maxInFlight: 4, concurrencyWaits: 5, windowWaits: 2, holdWaits: 1, waitedMs: 900 } },
    });
    expect(metrics).toEqual({ requests: 10, retries: 2, throttled: 1, waits: 3, waitedMs: 900 });
    expect(metricsText(metrics)).toBe('10 requests, 2 retries, 1 throttled, 3 rate-limit waits (0.9 s)');
  });
});
