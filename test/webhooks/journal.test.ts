import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, readJournal, type JournalEntry } from '../../src/webhooks/journal.js';
import { tempDir } from '../support/temp-dir.js';

const entry = (id: number): JournalEntry => ({
  received_at: '2026-01-01T00:00:00.000Z',
  realm_id: '1',
  entity: 'Invoice',
  id: String(id),
  operation: 'Update',
  changed_at: '2026-01-01T00:00:00.000Z',
  format: 'legacy',
});

describe('webhook journal', () => {
  it('a torn last line is never read back, and the next append starts on a line of its own', () => {
    const path = join(tempDir('qbo-journal-'), 'journal.jsonl');
    const journal = new Journal(path);
    journal.append([entry(1), entry(2)]);
    journal.close();
    appendFileSync(path, JSON.stringify(entry(3)).slice(0, 40)); // killed mid-write
    expect(readJournal(path)).toMatchObject({ entries: [entry(1), entry(2)], skipped: 1 });
    const reopened = new Journal(path);
    reopened.append([entry(4)]);
    reopened.close();
    expect(readJournal(path)).toEqual({ entries: [entry(1), entry(2), entry(4)], skipped: 0 });
    writeFileSync(path, 'no newline at all');
    new Journal(path).close();
    expect(readFileSync(path, 'utf8')).toBe('');
  });

  it('a process SIGKILLed while appending leaves only whole entries behind', async () => {
    const path = join(tempDir('qbo-journal-'), 'journal.jsonl');
    const module = new URL('../../dist/src/webhooks/journal.js', import.meta.url).href;
    // Appends padded entries as fast as it can, saying when the first is durable.
    const script = `
      const { Journal } = await import(${JSON.stringify(module)});
      const j = new Journal(${JSON.stringify(path)});
      const pad = 'x'.repeat(20000);
      for (let i = 0; ; i++) {
        j.append([{ received_at: 't', realm_id: '1', entity: 'Invoice', id: String(i), operation: 'Update', format: 'legacy', pad }]);
        if (i === 0) process.stdout.write('ready\\n');
      }`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 150));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));
    const { entries, skipped } = readJournal(path);
    expect(entries.length).toBeGreaterThan(0);
    expect(skipped).toBeLessThanOrEqual(1); // at most the line being written at the kill
    expect(entries.map((e) => e.id)).toEqual(entries.map((_, i) => String(i)));
    const again = new Journal(path);
    again.append([entry(999)]);
    again.close();
    expect(readJournal(path).skipped).toBe(0);
    expect(readJournal(path).entries.at(-1)).toEqual(entry(999));
  });
});
