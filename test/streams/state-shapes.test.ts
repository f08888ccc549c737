// Every per-stream state shape Airbyte has written for airbyte/source-quickbooks' streams, and ours.
import { describe, expect, it } from 'vitest';
import { findStateCursor } from '../../src/streams/state-shapes.js';
import { entityState, parseEntityState } from '../../src/streams/entity-state.js';

const T = '2023-03-04T14:35:37-08:00';

describe('findStateCursor', () => {
  it.each([
    ['ours', { v: 1, cursor: T }, T],
    ['ours with airbyte_cursor beside it (ours wins)', { v: 1, cursor: '2024-01-01T00:00:00.5+00:00', airbyte_cursor: '2024-01-01T00:00:00+00:00' }, '2024-01-01T00:00:00.5+00:00'],
    ['airbyte 4.x', { airbyte_cursor: T }, T],
    ['Python %z offset without a colon', { airbyte_cursor: '2023-03-04T14:35:37-0800' }, '2023-03-04T14:35:37-0800'],
    ['nested under a partition key (sample_state.json)', { 'airbytehq/integration-test': { airbyte_cursor: T } }, T],
    ['several partitions: the earliest', { a: { airbyte_cursor: '2024-05-01T00:00:00Z' }, b: { airbyte_cursor: '2024-02-01T00:00:00Z' } }, '2024-02-01T00:00:00Z'],
    [
      'low-code per-partition states',
      { states: [{ partition: { realm: '1' }, cursor: { airbyte_cursor: '2024-03-01T00:00:00Z' } }, { partition: { realm: '2' }, cursor: { airbyte_cursor: T } }] },
      T,
    ],
    [
      'concurrent CDK date-range: the end of the contiguous run from the earliest start',
      {
        state_type: 'date-range',
        slices: [
          { start: '2024-02-01T00:00:00+00:00', end: '2024-03-01T00:00:00+00:00' },
          { start: '2020-01-01T00:00:00+00:00', end: '2024-02-01T00:00:00+00:00' },
          { start: '2024-06-01T00:00:00+00:00', end: '2024-07-01T00:00:00+00:00' },
        ],
        legacy: { airbyte_cursor: '2024-07-01T00:00:00+00:00' },
      },
      '2024-03-01T00:00:00+00:00',
    ],
    ['concurrent CDK date-range with no slices: the legacy cursor', { state_type: 'date-range', slices: [], legacy: { airbyte_cursor: T } }, T],
  ])('reads %s', (_, raw, cursor) => {
    expect(findStateCursor(raw)).toMatchObject({ kind: 'cursor', cursor });
  });

  it('keeps our seen list', () => {
    expect(findStateCursor({ v: 1, cursor: T, seen: ['1:0'] })).toEqual({ kind: 'cursor', cursor: T, seen: ['1:0'] });
  });

  it.each([[undefined], [{}], [{ v: 1 }], [{ p: {} }]])('finds no cursor in %j', (raw) => {
    expect(findStateCursor(raw)).toEqual({ kind: 'none' });
  });

  it.each([
    [{ airbyte_cursor: 'yesterday' }],
    [{ v: 1, cursor: 12 }],
    [{ v: 1, cursor: T, seen: [1] }],
    [{ updated_at: T }],
    [{ state_type: 'date-range', slices: [{ start: 'x', end: 'y' }] }],
    [{ a: { b: { c: { d: { airbyte_cursor: T } } } } }],
  ])('cannot read %j', (raw) => {
    expect(findStateCursor(raw).kind).toBe('unreadable');
  });
});

describe('parseEntityState', () => {
  it('warns once, naming the stream, and reads in full when the shape is unreadable', () => {
    const warnings: string[] = [];
    expect(parseEntityState('invoices', { updated_at: T }, (m) => warnings.push(m))).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Stream invoices');
    expect(warnings[0]).toContain('Reading the stream in full');
  });

  it('reads the official shape without a warning', () => {
    const warnings: string[] = [];
    expect(parseEntityState('bills', { airbyte_cursor: T }, (m) => warnings.push(m))).toEqual({ v: 1, cursor: T });
    expect(warnings).toEqual([]);
  });
});

describe('entityState', () => {
  it('writes airbyte_cursor, whole seconds with an offset, next to our fields', () => {
    expect(entityState(T, ['1:0'])).toEqual({ v: 1, cursor: T, seen: ['1:0'], airbyte_cursor: T });
    expect(entityState('2024-01-01T00:00:00.750Z')).toEqual({ v: 1, cursor: '2024-01-01T00:00:00.750Z', airbyte_cursor: '2024-01-01T00:00:00+00:00' });
  });
});
