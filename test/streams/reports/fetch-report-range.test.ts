import { describe, expect, it } from 'vitest';
import { ConfigError, SystemError, TransientError } from '../../../src/cdk/core/errors.js';
import { silentLogger } from '../../../src/cdk/core/logger.js';
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import {
  MAX_REPORT_COLUMNS,
  fetchReportRange,
  isSplittableFailure,
  isTruncated,
  reportParams,
} from '../../../src/streams/reports/fetch-report-range.js';
import { REPORTS, reportByQboName } from '../../../src/streams/reports/report-registry.js';
import { rangeDays } from '../../../src/streams/reports/report-periods.js';
import { fakeApi, fixture } from './helpers.js';

const gl = reportByQboName('GeneralLedger')!;
const bs = reportByQboName('BalanceSheet')!;
const march = { start: '2024-03-01', end: '2024-03-31' };
const opts = { stream: 'report_general_ledger', logger: silentLogger };

class GatewayTimeout extends TransientError {
  readonly status = 504;
}
class Throttled extends TransientError {
  readonly status = 429;
}

const ok = (): JsonObject => fixture('general_ledger');

describe('reportParams', () => {
  it('period report: range, basis, explicit columns', () => {
    expect(reportParams(gl, march, 'Cash')).toEqual({
      start_date: '2024-03-01',
      end_date: '2024-03-31',
      accounting_method: 'Cash',
      columns: gl.requestColumns!.join(','),
    });
  });
  it('aging report: report_date only', () => {
    expect(reportParams(reportByQboName('AgedPayables')!, march, 'Accrual')).toEqual({ report_date: '2024-03-31' });
  });
  it('as-of report with a range asks for one Total column', () => {
    expect(reportParams(bs, march, 'Accrual')).toMatchObject({ start_date: '2024-03-01', end_date: '2024-03-31', summarize_column_by: 'Total' });
  });
  it('every registry column list stays under the column budget (no batching needed)', () => {
    for (const r of REPORTS) expect(r.requestColumns?.length ?? 0).toBeLessThanOrEqual(MAX_REPORT_COLUMNS);
  });
});

describe('fetchReportRange', () => {
  it('one request when QBO answers', async () => {
    const api = fakeApi(() => ok());
    const chunks = await fetchReportRange(api, gl, reportParams(gl, march, 'Accrual'), opts);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.range).toEqual(march);
    expect(api.calls[0]?.path).toBe('reports/GeneralLedger');
  });

  it('splits on "Unable to display more data" until the halves fit, in date order', async () => {
    // QBO refuses any range longer than 8 days.
    const api = fakeApi((_p, params) =>
      rangeDays({ start: params['start_date']!, end: params['end_date']! }) > 8 ? fixture('general_ledger_truncated') : ok(),
    );
    const chunks = await fetchReportRange(api, gl, reportParams(gl, march, 'Accrual'), opts);
    const ranges = chunks.map((c) => `${c.range.start}..${c.range.end}`);
    expect(ranges).toEqual(['2024-03-01..2024-03-07', '2024-03-08..2024-03-15', '2024-03-16..2024-03-23', '2024-03-24..2024-03-31']);
    expect(chunks.every((c) => c.params['start_date'] === c.range.start && c.params['columns'] === gl.requestColumns!.join(','))).toBe(true);
    expect(api.calls).toHaveLength(7); // 1 month + 2 halves + 4 quarters
  });

  it('splits on a 504 that survived the client retries', async () => {
    const api = fakeApi((_p, params) => {
      if (params['start_date'] === '2024-03-01' && params['end_date'] === '2024-03-31') throw new GatewayTimeout('QBO returned 504');
      return ok();
    });
    const chunks = await fetchReportRange(api, gl, reportParams(gl, march, 'Accrual'), opts);
    expect(chunks.map((c) => c.range)).toEqual([
      { start: '2024-03-01', end: '2024-03-15' },
      { start: '2024-03-16', end: '2024-03-31' },
    ]);
  });

  it('does not split on a throttle or a non-transient error', async () => {
    await expect(fetchReportRange(fakeApi(() => Promise.reject(new Throttled('throttled'))), gl, reportParams(gl, march, null), opts)).rejects.toBeInstanceOf(Throttled);
    const api = fakeApi(() => Promise.reject(new SystemError('bad')));
    await expect(fetchReportRange(api, gl, reportParams(gl, march, null), opts)).rejects.toBeInstanceOf(SystemError);
    expect(api.calls).toHaveLength(1);
    expect(isSplittableFailure(new GatewayTimeout('x'))).toBe(true);
    expect(isSplittableFailure(new Error('x'))).toBe(false);
  });

  it('fails clearly when even one day is too much', async () => {
    const api = fakeApi(() => fixture('general_ledger_truncated'));
    const err = await fetchReportRange(api, gl, reportParams(gl, { start: '2024-03-01', end: '2024-03-04' }, null), opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/single day/);
    expect((err as Error).message).toMatch(/GeneralLedger/);
    // 01..04, then 01..02, then 01..01: depth first, it gives up at the first day that fails
    expect(api.calls.map((c) => `${c.params['start_date']}..${c.params['end_date']}`)).toEqual([
      '2024-03-01..2024-03-04',
      '2024-03-01..2024-03-02',
      '2024-03-01..2024-03-01',
    ]);

    const timeouts = fakeApi(() => Promise.reject(new GatewayTimeout('504')));
    const err2 = await fetchReportRange(timeouts, gl, reportParams(gl, { start: '2024-03-01', end: '2024-03-01' }, null), opts).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(TransientError);
    expect((err2 as Error).message).toMatch(/single day/);
  });

  it('as-of reports are never split (the range does not shrink a balance)', async () => {
    const api = fakeApi(() => Promise.reject(new GatewayTimeout('504')));
    await expect(fetchReportRange(api, bs, reportParams(bs, march, 'Accrual'), opts)).rejects.toBeInstanceOf(GatewayTimeout);
    expect(api.calls).toHaveLength(1);
    expect(isTruncated(fixture('general_ledger_truncated'))).toBe(true);
    expect(isTruncated(fixture('general_ledger'))).toBe(false);
  });
});
