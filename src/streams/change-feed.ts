// One CDC call for many streams: QBO's /cdc returns, per entity, every object changed since a time,
// hard-deleted ones included (status "Deleted"), which no query can show. It looks back at most 30
// days and returns at most 1000 objects per entity with no paging, so a stream is served from CDC
// only when its cursor is young enough and its answer was not cut; otherwise it falls back to queries.
import { DELETED_AT, TransientError, type JsonObject, type Logger } from '../cdk/index.js';
import type { QboApi } from '../qbo/types.js';
import { describeFaultEntries } from '../qbo/faults.js';
import { qboContextOf } from '../qbo/qbo-errors.js';
import { lastUpdatedOf } from './cursor-window-reader.js';
import { CURSOR_FIELD } from './entity-state.js';
import { instantOf, laterOf, utcLiteral } from './qbo-time.js';

/** QBO's cap on objects per entity in one CDC answer. */
export const CDC_MAX_OBJECTS = 1000;
/** QBO rejects changedSince older than 30 days; stay a day inside it. */
export const CDC_MAX_AGE_MS = 29 * 24 * 3600 * 1000;
/** A quiet stream's cursor moves up to the server clock minus this (changes still being committed). */
export const QUIET_MARGIN_MS = 5 * 60 * 1000;

export interface CdcRequest {
  stream: string;
  /** The entity name in /cdc, and the key its objects arrive under. */
  entity: string;
  /** Inclusive: objects updated at or after this instant. */
  since: string;
}

export type CdcOutcome =
  | { complete: true; rows: JsonObject[]; cursor: string }
  | { complete: false; reason: string };

export class ChangeFeed {
  private readonly requests = new Map<string, CdcRequest>();
  private answer: Promise<Map<string, CdcOutcome>> | undefined;

  constructor(
    private readonly api: Pick<QboApi, 'cdc'>,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a cursor is young enough for CDC. */
  eligible(since: string): boolean {
    return this.now() - instantOf(since) < CDC_MAX_AGE_MS;
  }

  /** Register a stream before reading starts; all registered streams share the call(s). */
  plan(request: CdcRequest): void {
    this.requests.set(request.stream, request);
  }

  planned(stream: string): boolean {
    return this.requests.has(stream);
  }

  /** The stream's changes; the first caller triggers the CDC call for every planned stream. */
  async changes(stream: string): Promise<CdcOutcome> {
    this.answer ??= this.fetchAll();
    return (await this.answer).get(stream) ?? { complete: false, reason: 'it was not part of the CDC call' };
  }

  private async fetchAll(): Promise<Map<string, CdcOutcome>> {
    const out = new Map<string, CdcOutcome>();
    let requests = [...this.requests.values()];
    if (requests.length === 0) return out;
    const since = requests.reduce((min, r) => (instantOf(r.since) < instantOf(min) ? r.since : min), requests[0]!.since);
    let result;
    // A call QBO refuses because of one entity (a wrong assumption about its CDC support) is asked
    // again without it; that entity's stream reads by query for the rest of this run.
    for (;;) {
      try {
        result = await this.api.cdc(requests.map((r) => r.entity), since);
        break;
      } catch (error) {
        const rejected = this.rejectedBy(error, requests);
        if (rejected === undefined) {
          const reason = `the CDC call failed (${error instanceof Error ? error.message : String(error)})`;
          for (const r of requests) out.set(r.stream, { complete: false, reason });
          return out;
        }
        const reason = `QuickBooks' CDC rejected the entity ${rejected.entity} (${describeFaultEntries(qboContextOf(error)?.errors ?? [])}), so it is left out of CDC for the rest of this run`;
        // The stream says so in its one WARN (entity-stream.ts); here only the retry is noted.
        this.logger.info(`CDC: asking again without ${rejected.entity}.`);
        out.set(rejected.stream, { complete: false, reason });
        requests = requests.filter((r) => r !== rejected);
        if (requests.length === 0) return out;
      }
    }
    const entities = requests.map((r) => r.entity);
    // Whether the 1000 cap is per entity or per answer is undocumented: a multi-entity answer that
    // reaches 1000 in total is asked again entity by entity before anything is trusted.
    let total = 0;
    for (const rows of result.entities.values()) total += rows.length;
    this.logger.info(`CDC: ${total} changed or deleted objects since ${since} for ${entities.join(', ')}.`);
    const perEntity = new Map<string, JsonObject[]>(result.entities);
    const serverTime = result.time;
    if (requests.length > 1 && total >= CDC_MAX_OBJECTS) {
      for (const r of requests) {
        if ((result.entities.get(r.entity)?.length ?? 0) === 0) continue;
        try {
          const single = await this.api.cdc([r.entity], since);
          perEntity.set(r.entity, single.entities.get(r.entity) ?? []);
        } catch (error) {
          perEntity.delete(r.entity);
          out.set(r.stream, { complete: false, reason: `the CDC call failed (${error instanceof Error ? error.message : String(error)})` });
        }
      }
    }
    const quietCursor = utcLiteral((serverTime !== undefined ? instantOf(serverTime) : this.now()) - QUIET_MARGIN_MS);
    for (const r of requests) {
      if (out.has(r.stream)) continue;
      const rows = perEntity.get(r.entity) ?? [];
      if (rows.length >= CDC_MAX_OBJECTS) {
        out.set(r.stream, { complete: false, reason: `CDC returned ${rows.length} objects, QBO's cap, so its answer may be cut` });
        continue;
      }
      out.set(r.stream, this.toOutcome(r, rows, quietCursor));
    }
    return out;
  }

  /**
   * The request a refused CDC call was about: a 400 fault (not a throttle, outage or auth failure)
   * whose text names one of the entities asked for, or the only entity asked for.
   */
  private rejectedBy(error: unknown, requests: readonly CdcRequest[]): CdcRequest | undefined {
    const qbo = qboContextOf(error);
    if (qbo === undefined || qbo.status !== 400 || error instanceof TransientError) return undefined;
    const text = qbo.errors.map((e) => `${e.message} ${e.detail}`).join(' ');
    const named = requests.find((r) => new RegExp(`\\b${r.entity}\\b`, 'i').test(text));
    return named ?? (requests.length === 1 ? requests[0] : undefined);
  }

  private toOutcome(request: CdcRequest, rows: JsonObject[], quietCursor: string): CdcOutcome {
    const sinceMs = instantOf(request.since);
    const kept: JsonObject[] = [];
    let cursor: string | undefined = request.since;
    for (const row of rows) {
      const t = lastUpdatedOf(row);
      if (t === undefined || instantOf(t) < sinceMs) continue;
      kept.push(row['status'] === 'Deleted' ? tombstone(row, t) : row);
      cursor = laterOf(cursor, t);
    }
    // Everything up to the server's clock was seen: a quiet stream's cursor moves on too.
    if (instantOf(quietCursor) > instantOf(cursor ?? request.since)) cursor = quietCursor;
    return { complete: true, rows: kept, cursor: cursor ?? request.since };
  }
}

/** The record that tells a destination a hard-deleted row is gone (README "CDC"). */
export function tombstone(row: JsonObject, deletedAt: string): JsonObject {
  return { Id: row['Id'], MetaData: { LastUpdatedTime: deletedAt }, [CURSOR_FIELD]: deletedAt, [DELETED_AT]: deletedAt };
}
