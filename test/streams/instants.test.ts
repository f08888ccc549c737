// QBO timestamps compare as instants, never as text: one instant may be printed in two UTC offsets,
// and in a daylight-saving fall-back hour text order is not time order (01:30-07:00 is before
// 01:10-08:00). Same-second groups larger than a page, a restart inside such a group, the fall-back
// hour, and a resume whose saved cursor prints its second differently from the rows.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import type { StreamEvent } from '../../src/cdk/core/stream.js';
import { entityDef, type EntityDef } from '../../src/streams/entity-registry.js';
import { EntityStream } from '../../src/streams/entity-stream.js';
import { PageBudget } from '../../src/streams/page-budget.js';
import { sameInstant } from '../../src/streams/qbo-time.js';
import { silentLogger } from '../../src/cdk/core/logger.js';
import { MemoryQbo, type MemoryRow } from './memory-qbo.js';

const PAGE = 10;

/** Epoch ms printed at a fixed offset of `hours` (e.g. -7 -> "...-07:00"). */
function at(ms: number, hours: number): string {
  const sign = hours < 0 ? '-' : '+';
  const hh = String(Math.abs(hours)).padStart(2, '0');
  return new Date(ms + hours * 3600_000).toISOString().replace(/\.\d{3}Z$/, `${sign}${hh}:00`);
}

function row(id: number, time: string): MemoryRow {
  return { Id: String(id), SyncToken: '0', MetaData: { LastUpdatedTime: time } };
}

function stream(api: MemoryQbo): EntityStream {
  return new EntityStream(entityDef('invoices') as EntityDef, {
    api,
    realmId: '123',
    logger: silentLogger,
    budget: new PageBudget(4 * 64 * 1024),
    feed: undefined,
    prefetch: undefined,
    pageSize: PAGE,
    maxPrefetch: 3,
    startDate: '2020-01-01T00:00:00Z',
    lookbackSeconds: 0,
    emitEstimates: false,
    schema: () => ({ type: 'object' }),
  });
}

async function read(api: MemoryQbo, state?: JsonObject): Promise<{ ids: string[]; states: JsonObject[] }> {
  const events: StreamEvent[] = [];
  for await (const e of stream(api).read({ syncMode: 'incremental', cursorField: undefined, state, signal: new AbortController().signal })) events.push(e);
  return {
    ids: events.flatMap((e) => (e.type === 'records' ? e.records.map((r) => String(r['Id'])) : [])),
    states: events.flatMap((e) => (e.type === 'state' ? [e.state] : [])),
  };
}

function timesEmitted(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

const SECOND = Date.parse('2026-01-15T18:00:00Z');

/** 5 rows before, 25 rows in one second printed alternately at -08:00 and -07:00, 5 rows after. */
function twoOffsetCompany(): MemoryQbo {
  const api = new MemoryQbo();
  const table = api.table('Invoice');
  for (let i = 1; i <= 5; i++) table.push(row(i, at(SECOND - (6 - i) * 1000, -8)));
  for (let i = 6; i <= 30; i++) table.push(row(i, at(SECOND, i % 2 === 0 ? -8 : -7)));
  for (let i = 31; i <= 35; i++) table.push(row(i, at(SECOND + (i - 30) * 1000, -8)));
  api.serverTime = at(SECOND + 3600_000, -8);
  return api;
}

describe('instants, not text', () => {
  it('sameInstant reads offsets', () => {
    expect(sameInstant('2026-01-15T10:00:00-08:00', '2026-01-15T11:00:00-07:00')).toBe(true);
    expect(sameInstant('2026-01-15T10:00:00-08:00', '2026-01-15T18:00:00Z')).toBe(true);
    expect(sameInstant('2026-11-01T01:30:00-07:00', '2026-11-01T01:30:00-08:00')).toBe(false);
    expect(sameInstant(undefined, undefined)).toBe(false);
    expect(sameInstant('not a time', 'not a time')).toBe(true);
    expect(sameInstant('not a time', 'also not')).toBe(false);
  });

  it('a same-second group larger than a page, printed in two offsets, is emitted once per row', async () => {
    const api = twoOffsetCompany();
    const { ids } = await read(api);
    expect([...timesEmitted(ids)].filter(([, n]) => n !== 1)).toEqual([]);
    expect(new Set(ids).size).toBe(35);
  });

  it('a restart inside that group (positions moved) re-emits none of its rows', async () => {
    const api = twoOffsetCompany();
    // Before the third page, the oldest row is updated: every position shifts, the reader restarts
    // from the group's second and must recognise the rows it already emitted there.
    api.beforeQuery = (n) => {
      if (n === 3) api.touch('Invoice', '1', at(SECOND + 10 * 1000, -8));
    };
    const { ids } = await read(api);
    const counts = timesEmitted(ids);
    const group = Array.from({ length: 25 }, (_, i) => String(i + 6));
    expect(group.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect(new Set(ids).size).toBe(35);
  });

  it('a daylight-saving fall-back hour: every row once, in time order, and the cursor is the latest instant', async () => {
    const api = new MemoryQbo();
    const table = api.table('Invoice');
    // America/Los_Angeles, 2026-11-01: 01:00-01:59 happens twice, first at -07:00, then at -08:00.
    const first = Date.parse('2026-11-01T01:00:00-07:00');
    let id = 1;
    const expected: string[] = [];
    for (let minute = 0; minute < 120; minute += 5) {
      const ms = first + minute * 60_000;
      const printed = at(ms, minute < 60 ? -7 : -8);
      // 12 rows per second: a second always spans more than a page.
      for (let k = 0; k < 12; k++, id++) {
        table.push(row(id, printed));
        expected.push(String(id));
      }
    }
    api.serverTime = at(first + 115 * 60_000, -8); // answered in the last second: no later quiet cursor
    const { ids, states } = await read(api);
    expect(ids).toEqual(expected);
    const cursor = states.at(-1)?.['cursor'];
    expect(cursor).toBe(at(first + 115 * 60_000, -8)); // 01:55-08:00, though "01:55-07:00" sorts the same as text
  });

  it('a resume whose saved cursor prints its second in another offset skips what it already emitted', async () => {
    const api = twoOffsetCompany();
    const group = Array.from({ length: 25 }, (_, i) => `${i + 6}:0`);
    // The state says the whole group was emitted; it prints that second in UTC, the rows in -08:00/-07:00.
    const { ids } = await read(api, { v: 1, cursor: '2026-01-15T18:00:00Z', seen: group.slice(0, 20) });
    expect(ids).toEqual(['26', '27', '28', '29', '30', '31', '32', '33', '34', '35']);
  });
});
