// The one stream class every QBO entity uses; its registry row says how to fetch and shape rows.
import {
  DELETED_AT,
  StreamConfigError,
  recordValue,
  releaseRecords,
  type AirbyteStream,
  type JsonObject,
  type Logger,
  type Stream,
  type StreamEvent,
  type StreamReadRequest,
  type SyncMode,
} from '../cdk/index.js';
import type { QboApi } from '../qbo/types.js';
import { QUIET_MARGIN_MS, tombstone, type ChangeFeed } from './change-feed.js';
import { EmittedIds, MAX_EMITTED_CHARS, MAX_SPAN_IDS } from './emitted-ids.js';
import { sweepKeys } from './key-sweep.js';
import { firstPageQuery, lastUpdatedOf, readCursorWindow } from './cursor-window-reader.js';
import type { EntityDef } from './entity-registry.js';
import { CursorTail } from './cursor-tail.js';
import { ChangedSince } from './changed-since.js';
import { CURSOR_FIELD, entityState, parseEntityState, type EntityState } from './entity-state.js';
import type { PageBudget } from './page-budget.js';
import type { QueryPrefetch } from './query-prefetch.js';
import { countQuery, pageQuery, plainPageQuery, type QuerySpec } from './query-builder.js';
import { instantOf, laterOf, queryLiteral, sameInstant, utcLiteral } from './qbo-time.js';
import { isFutureInstant } from './future-instant.js';
import { unavailableFeatureReason } from '../qbo/unavailable-feature.js';
import { describeFaultEntries } from '../qbo/faults.js';
import { QboQueryError } from '../qbo/qbo-errors.js';

export interface EntityStreamOptions {
  api: QboApi;
  realmId: string;
  logger: Logger;
  budget: PageBudget;
  feed: ChangeFeed | undefined;
  /** Batches the first page of small reads (incremental with state, reference data). */
  prefetch: QueryPrefetch | undefined;
  pageSize: number;
  maxPrefetch: number;
  startDate: string;
  lookbackSeconds: number;
  emitEstimates: boolean;
  /** Resolved JSON schema (no $ref) for discover. */
  schema: () => JsonObject;
  /** Extra WHERE for custom query streams. */
  where?: string;
  /** The clock a saved cursor is checked against (a future one is refused). */
  now?: () => number;
  /** The cap on emitted_ids in characters (default MAX_EMITTED_CHARS); tests lower it. */
  maxEmittedChars?: number;
}


export class EntityStream implements Stream {
  readonly name: string;
  /** The last input state parsed, so a state that cannot be read is warned about once, not per call. */
  private parsed: { raw: JsonObject | undefined; state: EntityState | undefined } | undefined;

  constructor(
    readonly def: EntityDef,
    private readonly options: EntityStreamOptions,
  ) {
    this.name = def.stream;
  }

  get incremental(): boolean {
    return this.def.read === 'cursor' || (this.def.read === 'whole' && this.def.changedSince === true);
  }

  describe(): AirbyteStream {
    const modes: SyncMode[] = this.incremental ? ['full_refresh', 'incremental'] : ['full_refresh'];
    return {
      name: this.name,
      json_schema: this.options.schema(),
      supported_sync_modes: modes,
      source_defined_cursor: this.incremental,
      ...(this.incremental ? { default_cursor_field: [CURSOR_FIELD] } : {}),
      source_defined_primary_key: this.def.primaryKey,
      // A whole read has no checkpoint to resume from mid-way.
      is_resumable: this.def.read === 'cursor',
    };
  }

  private querySpec(): QuerySpec {
    return {
      entity: this.def.entity,
      includeInactive: this.def.includeInactive,
      ...(this.options.where !== undefined ? { where: this.options.where } : {}),
    };
  }

  /**
   * start_date has one meaning in both sync modes: transactions last updated before it are not
   * read. Reference lists (accounts, customers, vendors, items, classes...) and singletons ignore
   * it: a 2024 invoice points to a 2019 customer, and a warehouse needs that customer (README
   * "start_date"). Whole reads cannot filter by LastUpdatedTime, so they ignore it too.
   */
  private get startDate(): string | undefined {
    return this.def.kind === 'transaction' && this.def.read === 'cursor' ? this.options.startDate : undefined;
  }

  /** Where a read starts: the saved cursor minus the lookback, else start_date where it applies. */
  startCursor(request: Pick<StreamReadRequest, 'syncMode' | 'state'>): {
    from: string | undefined;
    saved: string | undefined;
    seen: string[];
    deletesSince: string | undefined;
    emittedIds?: unknown;
  } {
    if (request.syncMode !== 'incremental' || !this.incremental) return { from: this.startDate, saved: undefined, seen: [], deletesSince: undefined };
    const state = this.savedState(request.state);
    const saved = state?.cursor;
    if (saved === undefined) return { from: this.startDate, saved, seen: [], deletesSince: undefined };
    const lookback = this.options.lookbackSeconds * 1000;
    const deletesSince = state?.deletesSince;
    const emittedIds = state?.emittedIds;
    // With a lookback the overlap is wanted: nothing is skipped.
    if (lookback > 0) return { from: utcLiteral(instantOf(saved) - lookback), saved, seen: [], deletesSince, emittedIds };
    return { from: saved, saved, seen: state?.seen ?? [], deletesSince, emittedIds };
  }

  /** Whether hard deletes of this read can be followed at all (CDC on, a CDC entity, not a custom query). */
  private followsDeletes(request: Pick<StreamReadRequest, 'syncMode'>): boolean {
    return request.syncMode === 'incremental' && this.options.feed !== undefined && this.def.cdc && this.options.where === undefined;
  }

  /**
   * The instant from which deletes are still to be read, when CDC can still reach it (see
   * entity-state.ts). One older than CDC's 30 days is past saving by CDC: a WARN says so once (when
   * CDC could otherwise serve the read) and it is dropped.
   */
  private pendingDeletes(from: string, deletesSince: string | undefined, warn: boolean): string | undefined {
    const feed = this.options.feed;
    if (feed === undefined || deletesSince === undefined) return undefined;
    if (feed.eligible(deletesSince)) return deletesSince;
    if (warn && instantOf(deletesSince) < instantOf(from)) {
      this.options.logger.warn(
        `Stream ${this.name}: records hard-deleted between ${deletesSince} and ${from} cannot be read any more (QBO's CDC looks back 30 days and this stream was not synced since). ` +
          'Records deleted then stay in the destination: refresh this stream (Airbyte: Refresh, removing records; Singer: delete its state) to drop them, see README "Hard deletes".',
      );
    }
    return undefined;
  }

  /**
   * Whether this read begins with a key sweep (key-sweep.ts): it follows deletes, its state keeps
   * the ids it emitted, and CDC cannot reach back to where its deletes are unread (more than 30
   * days: an interrupted first sync resumed late, or a stream not synced for a month).
   */
  private sweeps(request: Pick<StreamReadRequest, 'syncMode' | 'state'>, emitted?: EmittedIds): boolean {
    const feed = this.options.feed;
    if (feed === undefined || !this.followsDeletes(request)) return false;
    const { from, saved, deletesSince, emittedIds } = this.startCursor(request);
    // `emitted`: the set the read already decoded from the state (decoding it again costs up to 512 KiB of work).
    if (saved === undefined || from === undefined || (emitted ?? EmittedIds.decode(emittedIds)) === undefined) return false;
    return !feed.eligible(deletesSince ?? from);
  }

  /**
   * The emitted ids this read keeps up to date: a new set for a first sync that follows deletes,
   * the state's for later ones. A state without them (written before they were kept, or dropped
   * past the cap) has none, and a read past CDC's reach can only WARN (see pendingDeletes).
   */
  private emittedIdsOf(request: Pick<StreamReadRequest, 'syncMode'>, saved: string | undefined, raw: unknown): EmittedIds | undefined {
    if (!this.followsDeletes(request)) return undefined;
    if (saved === undefined) return new EmittedIds();
    if (raw === undefined) return undefined;
    const set = EmittedIds.decode(raw);
    if (set === undefined) {
      this.options.logger.warn(
        `Stream ${this.name}: its state's "emitted_ids" cannot be read, so deletes older than QBO's 30-day CDC window can no longer be reconciled for it; ` +
          'refresh the stream once to start keeping them again (README "Hard deletes").',
      );
    }
    return set;
  }

  /** The checkpoint's emitted_ids, or undefined once the set outgrew the cap (dropped with one WARN). */
  private emittedState(emitted: EmittedIds): JsonObject | undefined {
    const cap = this.options.maxEmittedChars ?? MAX_EMITTED_CHARS;
    const value = emitted.overflowed ? undefined : emitted.encode();
    const chars = value === undefined ? Infinity : EmittedIds.charsOf(value);
    if (value !== undefined && chars <= cap) return value;
    const why = value === undefined ? `span more than ${MAX_SPAN_IDS} ids` : `take ${chars} characters, more than the ${cap}`;
    this.options.logger.warn(
      `Stream ${this.name}: its emitted ids ${why} its state keeps, so they are dropped from the state: ` +
        'deletes older than QBO\'s 30-day CDC window can no longer be reconciled by a key sweep. Sync at least every 29 days, or refresh the stream after a longer pause (README "Hard deletes").',
    );
    return undefined;
  }

  private savedState(raw: JsonObject | undefined): EntityState | undefined {
    if (this.parsed === undefined || this.parsed.raw !== raw) {
      const state = parseEntityState(this.name, raw, (message) => this.options.logger.warn(message));
      // A cursor in the future skips every record until then. Airbyte's acceptance suite
      // (test_state_with_abnormally_large_values) requires such a read to succeed with no records,
      // so it is not an error: every run says so at WARN, naming the stream and the value.
      const now = (this.options.now ?? Date.now)();
      if (state !== undefined && isFutureInstant(state.cursor, now)) {
        this.options.logger.warn(
          `Stream ${this.name}: its saved cursor ${JSON.stringify(state.cursor)} is in the future (this machine's clock says ${new Date(now).toISOString()}), so no record is read until then. ` +
            'If the state was not set on purpose, reset this stream (or edit its state to a past instant).',
        );
      }
      this.parsed = { raw, state };
    }
    return this.parsed.state;
  }

  /** The first query a read sends, when it is a query. */
  firstQuery(request: Pick<StreamReadRequest, 'syncMode' | 'state'>): string | undefined {
    if (this.def.read === 'whole') return plainPageQuery(this.querySpec(), 1, this.options.pageSize);
    if (this.def.read === 'cursor') return firstPageQuery(this.querySpec(), this.startCursor(request).from, this.options.pageSize);
    return undefined;
  }

  /**
   * Called before reads start: join the shared CDC call when it can serve this read; otherwise put
   * the first page of a likely-small read (incremental with a state, reference data) into the
   * shared batch, or, for a first sync or full refresh, a COUNT of its window (see query-prefetch).
   */
  plan(request: Pick<StreamReadRequest, 'syncMode' | 'state'>): void {
    if (this.planChanges(request)) return;
    const prefetch = this.options.prefetch;
    if (!prefetch?.available) return;
    if (this.def.read === 'whole') {
      prefetch.registerPage(this.name, this.firstQuery(request) as string);
      return;
    }
    if (this.def.read !== 'cursor') return;
    const { from, saved } = this.startCursor(request);
    if (saved !== undefined) {
      prefetch.registerPage(this.name, this.firstQuery(request) as string);
      return;
    }
    // A first sync or a full refresh may be big: count its window first (batched), then read it.
    const fromLiteral = from === undefined ? undefined : queryLiteral(from);
    const spec = this.querySpec();
    const P = this.options.pageSize;
    prefetch.registerPlan(this.name, {
      count: countQuery({ ...spec, window: { from: fromLiteral } }),
      pageFor: (to) => pageQuery({ ...spec, window: { from: fromLiteral, to } }, 1, P),
      pageSize: P,
    });
  }

  /** Register with the CDC feed when this read can be served by it; true when registered. */
  planChanges(request: Pick<StreamReadRequest, 'syncMode' | 'state'>): boolean {
    const feed = this.options.feed;
    if (!feed || !this.def.cdc || this.options.where !== undefined) return false;
    const { from, saved, deletesSince } = this.startCursor(request);
    if (saved === undefined || from === undefined) return false; // a first sync needs the whole history
    const sweep = this.sweeps(request);
    const pending = this.pendingDeletes(from, deletesSince, !sweep);
    if (!feed.eligible(from)) {
      if (pending !== undefined) {
        // An interrupted first sync resumes with queries; the deletes since it began are read next time.
        this.options.logger.info(
          `Stream ${this.name}: resuming an interrupted read from ${saved} with queries; records hard-deleted since ${pending} are read from CDC on the next sync.`,
        );
        return false;
      }
      if (sweep) {
        this.options.logger.info(
          `Stream ${this.name}: records deleted since ${deletesSince ?? saved} are past QBO's 30-day CDC window: a key sweep finds them, then updates are read with queries from ${saved}.`,
        );
        return false;
      }
      this.options.logger.warn(
        `Stream ${this.name}: its cursor ${saved} is older than QBO's 30-day CDC window, so records deleted since then cannot be seen; ` +
          'reading updates with queries. Sync at least every few weeks to keep deletes; refresh the stream to drop records deleted meanwhile (README "Hard deletes").',
      );
      return false;
    }
    // From the earlier of the cursor and the deletes not yet read: rows re-read in between are harmless under dedup.
    const since = pending !== undefined && instantOf(pending) < instantOf(from) ? pending : from;
    feed.plan({ stream: this.name, entity: this.def.entity, since });
    return true;
  }

  /**
   * A fault on the stream's first request saying the company lacks the entity (regional or plan
   * features: see unavailable-feature.ts) ends the stream with 0 records and one WARN; the state
   * it came with is kept. Any other error, or one after data came, fails the stream.
   */
  async *read(request: StreamReadRequest): AsyncGenerator<StreamEvent> {
    let yielded = false;
    try {
      for await (const event of this.readByMethod(request)) {
        yielded = true;
        yield event;
      }
    } catch (error) {
      if (this.options.where !== undefined && error instanceof QboQueryError) throw this.customQueryError(error);
      const reason = yielded ? undefined : unavailableFeatureReason(error, this.def.read === 'endpoint' ? 'endpoint' : 'query');
      if (reason === undefined) throw error;
      const where = this.def.availability === undefined ? '' : ` (it exists only for ${this.def.availability})`;
      this.options.logger.warn(`Stream ${this.name} is not available in this QuickBooks company${where}: ${reason}. It ends with 0 records.`);
      yield { type: 'state', state: request.syncMode === 'incremental' && request.state !== undefined ? request.state : { v: 1 } };
    }
  }

  /** QBO refused a custom query: the user's WHERE clause, named with QBO's own words. */
  private customQueryError(error: QboQueryError): StreamConfigError {
    return new StreamConfigError(
      `custom_queries: QuickBooks rejected the query of stream "${this.name}" (${this.def.entity} WHERE ${this.options.where}): ` +
        `${describeFaultEntries(error.qbo.errors) || `HTTP ${error.qbo.status}`}. Fix its \`where\` clause (QuickBooks query language: AND only, no OR; only filterable properties)`,
      { cause: error, streamName: this.name, ...(error.internalMessage ? { internalMessage: error.internalMessage } : {}) },
    );
  }

  private readByMethod(request: StreamReadRequest): AsyncGenerator<StreamEvent> {
    if (this.def.read === 'endpoint') return this.readEndpoint();
    if (this.def.read === 'whole') return this.readWhole(request);
    return this.readCursor(request);
  }

  /** Normalise rows in place and stamp the cursor copy; per-row hot path. */
  private shape(rows: JsonObject[]): JsonObject[] {
    for (let i = 0; i < rows.length; i++) rows[i] = this.shapeRow(rows[i] as JsonObject);
    return rows;
  }

  private shapeRow(input: JsonObject): JsonObject {
    // A transform needs the whole record: one read as bytes is parsed (raw-record.ts); others pass as bytes.
    const row = this.def.normalize ? this.def.normalize(recordValue(input)) : input;
    row[CURSOR_FIELD] = lastUpdatedOf(row) ?? null;
    return row;
  }

  private maxCursor(rows: JsonObject[]): string | undefined {
    let max: string | undefined;
    for (const row of rows) max = laterOf(max, lastUpdatedOf(row));
    return max;
  }

  private finalState(cursor: string | undefined): StreamEvent {
    return { type: 'state', state: cursor === undefined ? { v: 1 } : entityState(cursor) };
  }

  private async *readEndpoint(): AsyncGenerator<StreamEvent> {
    const body = await this.options.api.get((this.def.endpoint as string).replace('{realm}', this.options.realmId));
    const found = body[this.def.entity] ?? (body['QueryResponse'] as JsonObject | undefined)?.[this.def.entity];
    const rows = Array.isArray(found) ? (found as JsonObject[]) : found && typeof found === 'object' ? [found as JsonObject] : [];
    this.shape(rows);
    if (rows.length > 0) yield { type: 'records', records: rows };
    yield this.finalState(this.maxCursor(rows));
  }

  /** Read whole; incremental (with a saved cursor) emits only the rows changed since it. */
  private async *readWhole(request: StreamReadRequest): AsyncGenerator<StreamEvent> {
    const P = this.options.pageSize;
    const { from, saved, seen } = this.startCursor(request);
    // A first incremental sync emits everything, start_date or not: these tables are tiny and a
    // company_info older than start_date is still the company's.
    const changes = new ChangedSince(saved === undefined ? undefined : from, seen);
    for (let start = 1; ; start += P) {
      const query = plainPageQuery(this.querySpec(), start, P);
      const prefetched = start === 1 ? await this.options.prefetch?.take(this.name) : undefined;
      const page = prefetched?.kind === 'prefetched' ? prefetched.page : await this.options.api.query(query);
      const rows = changes.keep(this.shape(page.rows));
      if (rows.length > 0) yield { type: 'records', records: rows };
      releaseRecords(rows); // written by now: the page's buffer is reused
      if (page.rows.length < P) break;
    }
    const cursor = changes.cursor;
    yield { type: 'state', state: cursor === undefined ? { v: 1 } : entityState(cursor, this.incremental ? changes.seen : undefined) };
  }

  private async *readCursor(request: StreamReadRequest): AsyncGenerator<StreamEvent> {
    const { from, saved, seen, deletesSince, emittedIds } = this.startCursor(request);
    const tail = new CursorTail(saved, seen);
    let cursor = saved;
    let emitted = this.emittedIdsOf(request, saved, emittedIds);
    // Deletes not read yet (kept in every checkpoint until CDC reads them): the state's, still in CDC's
    // reach; else, once this read turns out to be served by queries, where it starts (see below).
    let unreadDeletes = from === undefined ? undefined : this.pendingDeletes(from, deletesSince, false);
    // The window's upper bound, once its read has begun: every row up to it is read by the end.
    let readUpTo: string | undefined;
    const checkpoint = (): StreamEvent => {
      // A first sync: deletes of rows it emits are unseen from the moment its window was read (its server clock).
      if (unreadDeletes === undefined && saved === undefined && this.followsDeletes(request) && readUpTo !== undefined) {
        unreadDeletes = utcLiteral(instantOf(readUpTo) - QUIET_MARGIN_MS);
      }
      if (cursor === undefined) return { type: 'state', state: { v: 1 } };
      const kept = emitted === undefined ? undefined : this.emittedState(emitted);
      if (kept === undefined) emitted = undefined; // past the cap: dropped for good, one WARN
      return { type: 'state', state: entityState(cursor, tail.seen(), unreadDeletes, kept) };
    };
    const feed = this.options.feed;
    if (emitted !== undefined && from !== undefined && this.sweeps(request, emitted)) {
      const sweep = await sweepKeys(
        { api: this.options.api, spec: this.querySpec(), pageSize: this.options.pageSize, logger: this.options.logger, stream: this.name, now: this.options.now ?? Date.now, marginMs: QUIET_MARGIN_MS },
        emitted,
      );
      if (sweep !== undefined) {
        if (sweep.gone.length > 0) yield { type: 'records', records: sweep.gone.map((id) => tombstone({ Id: id }, sweep.since)) };
        for (const id of sweep.gone) emitted.remove(id);
        // The sweep stands for every delete before its start; CDC reads the later ones next time.
        unreadDeletes = sweep.since;
      }
    }
    if (feed?.planned(this.name)) {
      const outcome = await feed.changes(this.name);
      if (outcome.complete) {
        const rows = tail.skipSeen(outcome.rows);
        for (const row of rows) {
          if (row[DELETED_AT] !== undefined) {
            emitted?.remove(row['Id']);
            continue;
          }
          this.shapeRow(row);
          emitted?.add(row['Id']);
        }
        if (rows.length > 0) yield { type: 'records', records: rows };
        const next = laterOf(saved, outcome.cursor) as string;
        if (!sameInstant(next, cursor)) tail.advanceUnordered(outcome.rows, next);
        cursor = next;
        unreadDeletes = undefined; // CDC read every delete since then
        yield checkpoint();
        return;
      }
      this.options.logger.warn(
        `Stream ${this.name}: ${outcome.reason}; reading updates with queries instead, so records hard-deleted since ${unreadDeletes ?? from} cannot be seen in this sync; ` +
          'the state keeps that instant and the next sync asks CDC again.',
      );
    }
    // Served by queries, which cannot see deletes: those since the saved cursor stay to be read by CDC.
    if (unreadDeletes === undefined && saved !== undefined && from !== undefined && this.followsDeletes(request) && feed?.eligible(from)) unreadDeletes = from;
    if (this.options.emitEstimates) {
      const counted = await this.options.api.query(countQuery({ ...this.querySpec(), window: from === undefined ? {} : { from } }));
      if (counted.totalCount !== undefined) yield { type: 'estimate', rowEstimate: counted.totalCount };
    }
    let estimated = this.options.emitEstimates;
    const events = readCursorWindow({
      api: this.options.api,
      pageSize: this.options.pageSize,
      budget: this.options.budget,
      maxPrefetch: this.options.maxPrefetch,
      logger: this.options.logger,
      stream: this.name,
      spec: this.querySpec(),
      from,
      start: (await this.options.prefetch?.take(this.name)) ?? { kind: 'fetched' },
    });
    let checkpoints = 0;
    let total: number | undefined;
    for await (const event of events) {
      if (event.kind === 'bound') {
        readUpTo = event.readUpTo;
        continue;
      }
      if (event.kind === 'total') {
        total = event.total;
        continue;
      }
      // Multi-page reads COUNT their window anyway: the estimate costs nothing then (said before the window's first page).
      if (!estimated && total !== undefined) {
        estimated = true;
        yield { type: 'estimate', rowEstimate: total };
      }
      const { page } = event;
      const rows = tail.skipSeen(page.rows);
      if (emitted !== undefined) for (const row of rows) emitted.add(row['Id']);
      if (rows.length > 0) yield { type: 'records', records: this.shape(rows) };
      releaseRecords(rows); // written by now: the page's buffer is reused
      if (page.checkpoint === undefined) continue;
      const next = laterOf(cursor, page.checkpoint) as string;
      if (sameInstant(next, page.checkpoint)) tail.advance(page.rows, next);
      cursor = next;
      checkpoints++;
      yield checkpoint();
    }
    // Everything up to the server's clock was read: a quiet stream's cursor moves on too, so it
    // stays inside CDC's 30-day window next time.
    const quiet = readUpTo === undefined ? undefined : utcLiteral(instantOf(readUpTo) - QUIET_MARGIN_MS);
    if (request.syncMode === 'incremental' && quiet !== undefined && (cursor === undefined || instantOf(quiet) > instantOf(cursor))) {
      cursor = quiet;
      tail.advance([], quiet);
      yield checkpoint();
    } else if (checkpoints === 0) {
      cursor ??= request.syncMode === 'incremental' ? from : undefined;
      yield checkpoint();
    }
  }
}
