import { describe, expect, it } from 'vitest';
import { periodContaining, planPeriods, rangeDays, splitRange } from '../../../src/streams/reports/report-periods.js';

const ends = (ps: { start: string; end: string }[]) => ps.map((p) => `${p.start}..${p.end}`);

describe('periodContaining', () => {
  it('months, including leap February and year ends', () => {
    expect(periodContaining('2024-02-10', 'Month')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodContaining('2023-02-28', 'Month')).toEqual({ start: '2023-02-01', end: '2023-02-28' });
    expect(periodContaining('2023-12-31', 'Month')).toEqual({ start: '2023-12-01', end: '2023-12-31' });
  });
  it('quarters and years', () => {
    expect(periodContaining('2024-05-15', 'Quarter')).toEqual({ start: '2024-04-01', end: '2024-06-30' });
    expect(periodContaining('2024-12-01', 'Quarter')).toEqual({ start: '2024-10-01', end: '2024-12-31' });
    expect(periodContaining('2024-01-01', 'Quarter')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodContaining('2024-07-04', 'Year')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });
});

describe('planPeriods', () => {
  it('first sync: whole periods from the one holding history start to the current open one', () => {
    const plan = planPeriods({ granularity: 'Month', historyStart: '2023-11-15', today: '2024-02-10', refreshPeriods: 3 });
    expect(ends(plan)).toEqual([
      '2023-11-01..2023-11-30',
      '2023-12-01..2023-12-31',
      '2024-01-01..2024-01-31',
      '2024-02-01..2024-02-29',
    ]);
  });

  it('incremental: re-reads the last period read, N periods before it, and everything since', () => {
    const plan = planPeriods({ granularity: 'Month', historyStart: '2020-01-01', today: '2024-06-03', lastPeriodEnd: '2024-04-30', refreshPeriods: 2 });
    expect(ends(plan)).toEqual([
      '2024-02-01..2024-02-29',
      '2024-03-01..2024-03-31',
      '2024-04-01..2024-04-30',
      '2024-05-01..2024-05-31',
      '2024-06-01..2024-06-30',
    ]);
  });

  it('incremental in the same open period: that period is read again', () => {
    const plan = planPeriods({ granularity: 'Month', historyStart: '2020-01-01', today: '2024-06-20', lastPeriodEnd: '2024-06-30', refreshPeriods: 0 });
    expect(ends(plan)).toEqual(['2024-06-01..2024-06-30']);
  });

  it('refresh never reaches before history start; a saved end past the current period reads nothing', () => {
    expect(ends(planPeriods({ granularity: 'Quarter', historyStart: '2024-02-01', today: '2024-05-01', lastPeriodEnd: '2024-06-30', refreshPeriods: 5 }))).toEqual([
      '2024-01-01..2024-03-31',
      '2024-04-01..2024-06-30',
    ]);
    expect(planPeriods({ granularity: 'Year', historyStart: '2020-01-01', today: '2024-05-01', lastPeriodEnd: '2030-12-31', refreshPeriods: 1 })).toEqual([]);
  });

  it('history start in the future: nothing to read', () => {
    expect(planPeriods({ granularity: 'Month', historyStart: '2025-01-01', today: '2024-05-01', refreshPeriods: 3 })).toEqual([]);
  });
});

describe('splitRange', () => {
  it('halves a month and stops at one day', () => {
    expect(splitRange({ start: '2024-03-01', end: '2024-03-31' })).toEqual([
      { start: '2024-03-01', end: '2024-03-15' },
      { start: '2024-03-16', end: '2024-03-31' },
    ]);
    expect(splitRange({ start: '2024-03-01', end: '2024-03-02' })).toEqual([
      { start: '2024-03-01', end: '2024-03-01' },
      { start: '2024-03-02', end: '2024-03-02' },
    ]);
    expect(splitRange({ start: '2024-03-05', end: '2024-03-05' })).toBeNull();
    expect(rangeDays({ start: '2024-02-01', end: '2024-02-29' })).toBe(29);
  });
});
