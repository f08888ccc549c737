// With a webhook journal present (QBO_WEBHOOK_JOURNAL, set by `webhooks --on-change` for the command
// it runs), `read` says per stream which journalled changes the sync covered: an emitted record (or
// tombstone) with the event's Id. Only a report: CDC and the cursor stay the source of truth, as
// Intuit recommends reconciling webhooks with CDC.
import { observedStream, type JsonObject, type Logger, type Stream } from '../cdk/index.js';
import { ENTITY_REGISTRY } from '../streams/entity-registry.js';
import { readJournal, type JournalEntry } from './journal.js';

export const JOURNAL_ENV = 'QBO_WEBHOOK_JOURNAL';
const LISTED = 5;

function changedMs(entry: JournalEntry): number {
  return Date.parse(entry.changed_at ?? entry.received_at);
}

function describe(entry: JournalEntry): string {
  return `${entry.entity} ${entry.id} ${entry.operation}`;
}

/** The latest journalled change per entity Id of this realm, grouped by stream. */
export function journalByStream(path: string, realmId: string): Map<string, Map<string, JournalEntry>> {
  const byEntity = new Map(ENTITY_REGISTRY.map((def) => [def.entity, def.stream]));
  const out = new Map<string, Map<string, JournalEntry>>();
  for (const entry of readJournal(path).entries) {
    const stream = byEntity.get(entry.entity);
    if (entry.realm_id !== realmId || stream === undefined) continue;
    let ids = out.get(stream);
    if (ids === undefined) out.set(stream, (ids = new Map()));
    const known = ids.get(entry.id);
    if (known === undefined || changedMs(entry) >= changedMs(known)) ids.set(entry.id, entry);
  }
  return out;
}

/**
 * `streams` with the journal's coverage logged when each ends. Changes older than the stream's input
 * cursor were covered by an earlier sync and are left out.
 */
export function withJournalCoverage(streams: Stream[], journalPath: string, realmId: string, logger: Logger): Stream[] {
  const journal = journalByStream(journalPath, realmId);
  return streams.map((stream) => {
    const entries = journal.get(stream.name);
    if (entries === undefined) return stream;
    return observedStream(stream, (request) => {
      const cursor = typeof request.state?.['cursor'] === 'string' ? Date.parse(request.state['cursor']) : Number.NaN;
      const due = [...entries.values()].filter((entry) => Number.isNaN(cursor) || !(changedMs(entry) < cursor));
      const seen = new Set<string>();
      return {
        records(records: readonly JsonObject[]) {
          if (due.length === 0) return;
          for (const record of records) {
            const id = record['Id'];
            if (typeof id === 'string') seen.add(id);
          }
        },
        end(completed: boolean) {
          if (due.length === 0) return;
          const missed = due.filter((entry) => !seen.has(entry.id));
          const covered = due.length - missed.length;
          const list = missed.slice(0, LISTED).map(describe).join(', ') + (missed.length > LISTED ? `, and ${missed.length - LISTED} more` : '');
          logger.info(
            `Webhook journal: stream "${stream.name}" covered ${covered} of ${due.length} journalled change(s)` +
              (missed.length > 0 ? `; not in this ${completed ? 'sync' : 'incomplete sync'}: ${list}` : '') +
              '.',
          );
        },
      };
    });
  });
}
