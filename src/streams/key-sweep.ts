// The reconciliation for hard deletes CDC can no longer show (its look-back is 30 days): read the
// stream's live Ids in full and compare them with the ids the stream has emitted (emitted-ids.ts,
// kept in its state); every emitted id no longer there was deleted, and gets a tombstone.
// Cost, in metered calls: floor(rows / page_size) + 1 pages (QBO has no projection, so the pages
// carry whole rows), plus one Id IN lookup per 100 ids found missing. The lookup re-checks each
// missing id: offset paging over a table that loses rows meanwhile can skip a live row at a page
// edge, and a tombstone for a live row would delete it from the destination.
import type { Logger } from '../cdk/index.js';
import type { QboApi } from '../qbo/types.js';
import { EmittedIds, MAX_SPAN_IDS } from './emitted-ids.js';
import { idLookupQuery, idPageQuery, type QuerySpec } from './query-builder.js';
import { instantOf, utcLiteral } from './qbo-time.js';

/** Ids per Id IN lookup: short enough for a GET URL. */
export const LOOKUP_IDS = 100;

export interface KeySweep {
  api: Pick<QboApi, 'query'>;
  spec: QuerySpec;
  pageSize: number;
  logger: Logger;
  stream: string;
  /** A lower bound of the server clock at the sweep's first page, for when QBO sends no `time`. */
  now: () => number;
  /** Subtracted from the first page's server time: changes still being committed. */
  marginMs: number;
}

export interface SweepOutcome {
  /** Emitted ids confirmed gone, ascending. */
  gone: string[];
  /** Deletes from this instant on are not covered by the sweep (CDC reads them next). */
  since: string;
  calls: number;
}

/** Undefined (with a WARN) when the live ids span too far to hold: the deletes stay unreconciled. */
export async function sweepKeys(sweep: KeySweep, emitted: EmittedIds): Promise<SweepOutcome | undefined> {
  const live = new EmittedIds();
  const P = sweep.pageSize;
  let since: string | undefined;
  let calls = 0;
  let rows = 0;
  for (let start = 1; ; start += P) {
    const page = await sweep.api.query(idPageQuery(sweep.spec, start, P));
    calls++;
    since ??= utcLiteral((page.time !== undefined ? instantOf(page.time) : sweep.now()) - sweep.marginMs);
    for (const row of page.rows) live.add(row['Id']);
    rows += page.rows.length;
    if (page.rows.length < P) break;
  }
  if (live.overflowed) {
    sweep.logger.warn(
      `Stream ${sweep.stream}: the key sweep found ids spread over more than ${MAX_SPAN_IDS} values, too many to compare, so records deleted more than 30 days ago may stay in the destination; refresh the stream to drop them (README "Hard deletes").`,
    );
    return undefined;
  }
  const missing = emitted.missingFrom(live);
  const gone: string[] = [];
  for (let i = 0; i < missing.length; i += LOOKUP_IDS) {
    const ids = missing.slice(i, i + LOOKUP_IDS);
    const found = new Set((await sweep.api.query(idLookupQuery(sweep.spec, ids))).rows.map((row) => String(row['Id'])));
    calls++;
    for (const id of ids) if (!found.has(id)) gone.push(id);
  }
  sweep.logger.info(
    `Stream ${sweep.stream}: key sweep read ${rows} live rows and checked ${missing.length} missing id(s) in ${calls} call(s) ` +
      `(${calls - Math.ceil(missing.length / LOOKUP_IDS)} page(s) of ${P}, ${Math.ceil(missing.length / LOOKUP_IDS)} lookup(s)); ${gone.length} emitted record(s) were deleted and get a tombstone.`,
  );
  return { gone, since: since as string, calls };
}
