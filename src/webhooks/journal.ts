// The webhook journal: one JSON line per accepted event, appended and fsync'd before the webhook is
// answered 200, so an acknowledged event is on disk. A process killed mid-append can leave a torn last
// line: reading skips it, and opening for append first cuts the file back to its last whole line so
// the next entry does not glue onto the fragment.
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, readSync, fstatSync, writeSync } from 'node:fs';
import type { WebhookEvent } from './notifications.js';

export interface JournalEntry {
  received_at: string;
  realm_id: string;
  entity: string;
  id: string;
  operation: string;
  changed_at?: string;
  event_id?: string;
  format: WebhookEvent['format'];
}

export function toEntry(event: WebhookEvent, receivedAt: Date): JournalEntry {
  const entry: JournalEntry = {
    received_at: receivedAt.toISOString(),
    realm_id: event.realmId,
    entity: event.entity,
    id: event.id,
    operation: event.operation,
    format: event.format,
  };
  if (event.changedAt !== undefined) entry.changed_at = event.changedAt;
  if (event.eventId !== undefined) entry.event_id = event.eventId;
  return entry;
}

export function toEvent(entry: JournalEntry): WebhookEvent {
  return {
    realmId: entry.realm_id,
    entity: entry.entity,
    id: entry.id,
    operation: entry.operation,
    changedAt: entry.changed_at,
    eventId: entry.event_id,
    format: entry.format,
  };
}

function isEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['received_at', 'realm_id', 'entity', 'id', 'operation'].every((key) => typeof v[key] === 'string');
}

/** Every whole entry of a journal file (none when it does not exist); a torn or foreign line is skipped. */
export function readJournal(path: string): { entries: JournalEntry[]; skipped: number } {
  if (!existsSync(path)) return { entries: [], skipped: 0 };
  const text = readFileSync(path, 'utf8');
  const whole = text.slice(0, text.lastIndexOf('\n') + 1);
  let skipped = whole.length < text.length ? 1 : 0;
  const entries: JournalEntry[] = [];
  for (const line of whole.split('\n')) {
    if (line === '') continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (isEntry(parsed)) entries.push(parsed);
      else skipped += 1;
    } catch {
      skipped += 1;
    }
  }
  return { entries, skipped };
}

/** An append-only journal file, open for the receiver's lifetime. */
export class Journal {
  private fd: number;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'a+', 0o600);
    this.cutTornTail();
  }

  /** Append entries as one write and fsync: resolved means durable. */
  append(entries: readonly JournalEntry[]): void {
    if (entries.length === 0) return;
    writeSync(this.fd, entries.map((entry) => JSON.stringify(entry) + '\n').join(''));
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }

  private cutTornTail(): void {
    const size = fstatSync(this.fd).size;
    if (size === 0) return;
    // Find the last newline, reading backwards in blocks (the tail is short; the file may be large).
    const block = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - block.length);
      const read = readSync(this.fd, block, 0, end - start, start);
      const at = block.subarray(0, read).lastIndexOf(0x0a);
      if (at >= 0) {
        const keep = start + at + 1;
        if (keep < size) ftruncateSync(this.fd, keep);
        return;
      }
      end = start;
    }
    ftruncateSync(this.fd, 0); // not one whole line in the file
  }
}
