import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/cdk/core/errors.js';
import { silentLogger, type Logger } from '../../../src/cdk/core/logger.js';
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import type { StreamEvent, StreamReadRequest } from '../../../src/cdk/core/stream.js';
import { createReportStreams, listReportStreamNames, ReportStream } from '../../../src/streams/reports/index.js';
import { reportByQboName } from '../../../src/streams/reports/report-registry.js';
import { fakeApi, fixture } from './helpers.js';

const today = () => new Date('2024-03-10T12:00:00Z');

function request(over: Partial<StreamReadRequest> = {}): StreamReadRequest {
  return { syncMode: 'incremental', cursorField: undefined, state: undefined, signal: new AbortController().signal, ...over };
}

async function collect(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

/** A P&L answering with the nested fixture, its header dated like the request. */
function pnlApi() {
  return fakeApi((_path, params) => {
    const r = fixture('profit_and_loss_nested');
    Object.assign(r['Header'] as JsonObject, { StartPeriod: params['start_date'], EndPeriod: params['end_date'], ReportBasis: params['accounting_method'] });
    return r;
  });
}

function stream(over: Partial<ConstructorParameters<typeof ReportStream>[1]> = {}, api = pnlApi(), logger: Logger = silentLogger) {
  const settings = { reports: ['ProfitAndLoss'], accountingMethod: 'Accrual' as const, period: 'Month' as const, startDate: '2023-12-15', refreshPeriods: 3, today, ...over };
  return { s: new ReportStream(reportByQboName('ProfitAndLoss')!, settings, api, logger), api };
}

describe('ReportStream', () => {
  it('describes itself: schema, key, both sync modes, resumable', () => {
    const d = stream().s.describe();
    expect(d).toMatchObject({
      name: 'report_profit_and_loss',
      supported_sync_modes: ['full_refresh', 'incremental'],
      source_defined_primary_key: [['_row_key']],
      is_resumable: true,
    });
    const schema = d.json_schema as { properties: Record<string, JsonObject>; additionalProperties: boolean };
    expect(schema.additionalProperties).toBe(true);
    expect(schema.properties['total']).toEqual({ type: ['null', 'number'] });
    expect(schema.properties['period_end']).toMatchObject({ format: 'date' });
    expect(JSON.stringify(d.json_schema)).not.toContain('$ref');
  });

  it('first sync: one request per month, records then a state per period, in order', async () => {
    const { s, api } = stream();
    const events = await collect(s.read(request()));
    expect(api.calls.map((c) => c.params['start_date'])).toEqual(['2023-12-01', '2024-01-01', '2024-02-01', '2024-03-01']);
    expect(api.calls[0]?.params).toMatchObject({ end_date: '2023-12-31', accounting_method: 'Accrual', summarize_column_by: 'Total' });
    const kinds = events.map((e) => (e.type === 'state' ? `state:${String(e.state['last_period_end'])}` : e.type));
    expect(kinds).toEqual([
      'records', 'state:2023-12-31',
      'records', 'state:2024-01-31',
      'records', 'state:2024-02-29',
      'records', 'state:2024-03-31',
    ]);
    const last = events.at(-1);
    expect(last?.type === 'state' && last.state).toEqual({ last_period_end: '2024-03-31', v: 1 });
    const first = events[0];
    expect(first?.type === 'records' && first.records[0]?.['period_start']).toBe('2023-12-01');
  });

  it('incremental: resumes from state with the refresh window', async () => {
    const { s, api } = stream({ startDate: '2020-01-01', refreshPeriods: 1 });
    await collect(s.read(request({ state: { last_period_end: '2024-01-31', v: 1 } })));
    expect(api.calls.map((c) => c.params['start_date'])).toEqual(['2023-12-01', '2024-01-01', '2024-02-01', '2024-03-01']);
  });

  it('full refresh ignores state; unreadable state is a warning and a full read', async () => {
    const { s, api } = stream();
    await collect(s.read(request({ syncMode: 'full_refresh', state: { last_period_end: '2024-03-31', v: 1 } })));
    expect(api.calls).toHaveLength(4);
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (m: string) => warnings.push(m) };
    const again = stream({}, pnlApi(), logger);
    await collect(again.s.read(request({ state: { cursor: 'nonsense' } })));
    expect(again.api.calls).toHaveLength(4);
    expect(warnings.join()).toMatch(/unreadable state/);
  });

  it('Both: each period fetched for Accrual and Cash before its state; keys differ by basis', async () => {
    const { s, api } = stream({ accountingMethod: 'Both', startDate: '2024-02-01' });
    const events = await collect(s.read(request()));
    expect(api.calls.map((c) => `${c.params['start_date']}/${c.params['accounting_method']}`)).toEqual([
      '2024-02-01/Accrual', '2024-02-01/Cash', '2024-03-01/Accrual', '2024-03-01/Cash',
    ]);
    expect(events.map((e) => e.type)).toEqual(['records', 'records', 'state', 'records', 'records', 'state']);
    const keys = events.flatMap((e) => (e.type === 'records' ? e.records.map((r) => r['_row_key']) : []));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a report without a basis is fetched once per period even for Both', async () => {
    const api = fakeApi(() => fixture('aged_receivables'));
    const s = new ReportStream(reportByQboName('AgedReceivables')!, { reports: [], accountingMethod: 'Both', period: 'Month', startDate: '2024-03-01', refreshPeriods: 3, today }, api, silentLogger);
    const events = await collect(s.read(request()));
    expect(api.calls).toEqual([{ path: 'reports/AgedReceivables', params: { report_date: '2024-03-31' } }]);
    const recs = events[0]?.type === 'records' ? events[0].records : [];
    expect(recs[0]).toMatchObject({ accounting_method: null, as_of_date: '2024-03-31', customer_id: '4' });
  });

  it('a failure stops the stream after the last good state', async () => {
    let n = 0;
    const api = fakeApi(() => {
      if (++n === 3) throw new ConfigError('boom');
      return fixture('profit_and_loss_nested');
    });
    const { s } = stream({}, api);
    const events: StreamEvent[] = [];
    await expect(async () => {
      for await (const e of s.read(request())) events.push(e);
    }).rejects.toThrow('boom');
    expect(events.filter((e) => e.type === 'state').map((e) => (e.type === 'state' ? e.state['last_period_end'] : ''))).toEqual(['2023-12-31', '2024-01-31']);
  });
});

describe('createReportStreams / listReportStreamNames', () => {
  it('builds the configured streams and rejects unknown names', () => {
    const api = fakeApi(() => ({}));
    const settings = { reports: ['TrialBalance', 'GeneralLedger'], accountingMethod: 'Cash' as const, period: 'Quarter' as const, startDate: '2024-01-01', refreshPeriods: 3 };
    expect(createReportStreams(settings, api, silentLogger).map((s) => s.name)).toEqual(['report_trial_balance', 'report_general_ledger']);
    expect(() => createReportStreams({ ...settings, reports: ['Nope'] }, api, silentLogger)).toThrow(ConfigError);
    expect(() => createReportStreams({ ...settings, startDate: '2024-13-01' }, api, silentLogger)).toThrow(ConfigError);
    expect(listReportStreamNames()).toEqual([
      'report_trial_balance', 'report_profit_and_loss', 'report_profit_and_loss_detail', 'report_balance_sheet',
      'report_general_ledger', 'report_cash_flow', 'report_aged_receivables', 'report_aged_receivable_detail',
      'report_aged_payables', 'report_aged_payable_detail', 'report_customer_balance', 'report_vendor_balance',
      'report_transaction_list',
    ]);
  });
});
