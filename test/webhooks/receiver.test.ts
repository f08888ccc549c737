import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/webhooks/journal.js';
import type { WebhookEvent } from '../../src/webhooks/notifications.js';
import { WebhookReceiver } from '../../src/webhooks/receiver.js';
import { signBody } from '../../src/webhooks/signature.js';
import { tempDir } from '../support/temp-dir.js';

const TOKEN = 'verifier-token-for-tests';
const REALM = '1269959970';
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/webhooks/${name}`, import.meta.url), 'utf8');

interface Started {
  receiver: WebhookReceiver;
  url: string;
  journal: string;
  logs: string[];
  notified: WebhookEvent[][];
}

const open: WebhookReceiver[] = [];
afterEach(async () => {
  for (const receiver of open.splice(0)) await receiver.close();
});

async function start(journal = join(tempDir('qbo-webhooks-'), 'journal.jsonl'), maxBodyBytes = 64 * 1024): Promise<Started> {
  const logs: string[] = [];
  const notified: WebhookEvent[][] = [];
  const receiver = new WebhookReceiver({
    realmId: REALM,
    verifierToken: TOKEN,
    journalPath: journal,
    path: '/webhooks',
    maxBodyBytes,
    log: (line) => logs.push(line),
    onNewEvents: (events) => notified.push(events),
  });
  open.push(receiver);
  const address = await receiver.listen(0, '127.0.0.1');
  return { receiver, url: `http://127.0.0.1:${address.port}`, journal, logs, notified };
}

/** `signature` null: no header at all. */
async function post(url: string, body: string, signature: string | null = signBody(body, TOKEN)): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['intuit-signature'] = signature;
  const response = await fetch(`${url}/webhooks`, { method: 'POST', headers, body });
  await response.arrayBuffer();
  return response.status;
}

const legacy = (realmId: string, ...entities: [string, string, string, string][]): string =>
  JSON.stringify({
    eventNotifications: [{ realmId, dataChangeEvent: { entities: entities.map(([name, id, operation, lastUpdated]) => ({ name, id, operation, lastUpdated })) } }],
  });

const journalled = (path: string): string[] => readJournal(path).entries.map((e) => `${e.entity} ${e.id} ${e.operation}`);

describe('webhook receiver', () => {
  it('journals the signed SDK payload byte for byte and answers 200; bad or missing signatures get 401, are counted, never journalled', async () => {
    const s = await start();
    const body = fixture('webhook_legacy_payload_sdkfixture.raw.json');
    expect(await post(s.url, body, signBody(body, 'wrong-token'))).toBe(401);
    expect(await post(s.url, body, null)).toBe(401);
    expect(journalled(s.journal)).toEqual([]);
    expect(s.receiver.counts.rejectedSignature).toBe(2);
    expect(await post(s.url, body)).toBe(200);
    expect(journalled(s.journal)).toEqual(['Vendor 40 Update', 'Customer 43 Create']);
    expect(s.notified).toHaveLength(1);
    expect(s.logs.some((l) => l.includes('missing intuit-signature'))).toBe(true);
    expect(s.logs.join('\n')).not.toContain(TOKEN);
  });

  it('accepts CloudEvents too, and keeps only the configured realm', async () => {
    const s = await start();
    const cloud = JSON.stringify([
      ...(JSON.parse(fixture('webhook_cloudevents_payload_sdkfixture.json')) as object[]),
      { specversion: '1.0', id: 'ev-2', type: 'qbo.invoice.updated.v1', time: '2025-10-07T20:00:00Z', intuitentityid: '77', intuitaccountid: REALM },
    ]);
    expect(await post(s.url, cloud)).toBe(200);
    expect(journalled(s.journal)).toEqual(['Invoice 77 Update']); // the SDK sample is realm 310687
    expect(s.receiver.counts.otherRealm).toBe(1);
    expect(s.logs.at(-1)).toBe('batch of 2 event(s): 1 new (Invoice), 0 duplicate, 1 for another company');
  });

  it('drops redeliveries, in any order and after a restart; a signed body that is no webhook payload gets 400', async () => {
    const dir = tempDir('qbo-webhooks-');
    const s = await start(join(dir, 'journal.jsonl'));
    const a: [string, string, string, string] = ['Invoice', '1', 'Update', '2026-01-01T00:00:01.000Z'];
    const b: [string, string, string, string] = ['Invoice', '1', 'Update', '2026-01-01T00:00:05.000Z'];
    const c: [string, string, string, string] = ['Bill', '9', 'Delete', '2026-01-01T00:00:03.000Z'];
    expect(await post(s.url, legacy(REALM, b, c))).toBe(200);
    expect(await post(s.url, legacy(REALM, c, a, b))).toBe(200); // a late older change, and two redeliveries
    expect(await post(s.url, legacy(REALM, a))).toBe(200);
    expect(journalled(s.journal)).toEqual(['Invoice 1 Update', 'Bill 9 Delete', 'Invoice 1 Update']);
    expect(s.receiver.counts).toMatchObject({ accepted: 3, duplicates: 3 });
    expect(s.notified.map((batch) => batch.length)).toEqual([2, 1]);
    expect(await post(s.url, '{"hello":"world"}')).toBe(400);
    // JSON nested past the limit (30,000 levels fit the 64 KiB body cap): 400 and a log line saying so.
    expect(await post(s.url, `{"eventNotifications":${'['.repeat(30_000)}${']'.repeat(30_000)}}`)).toBe(400);
    expect(s.logs.at(-1)).toContain('nested deeper than 256 levels');

    await s.receiver.close();
    open.splice(0);
    const again = await start(s.journal);
    expect(await post(again.url, legacy(REALM, c, b))).toBe(200);
    expect(journalled(again.journal)).toHaveLength(3);
    expect(again.receiver.counts.duplicates).toBe(2);
  });

  it('413 for a body over the limit (declared or streamed), nothing journalled', async () => {
    const s = await start(undefined, 1024);
    const big = legacy(REALM, ...Array.from({ length: 40 }, (_, i): [string, string, string, string] => ['Invoice', String(i), 'Create', '2026-01-01T00:00:00Z']));
    expect(await post(s.url, big)).toBe(413);
    // Chunked, no content-length: the limit applies as the body arrives.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${s.url}/webhooks`, { method: 'POST', headers: { 'intuit-signature': signBody(big, TOKEN), 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < big.length; i += 100) req.write(big.slice(i, i + 100));
      req.end();
    });
    expect(status).toBe(413);
    expect(s.receiver.counts.tooLarge).toBe(2);
    expect(journalled(s.journal)).toEqual([]);
  });

  it('only POST on the path; GET /healthz answers with counters', async () => {
    const s = await start();
    expect((await fetch(`${s.url}/webhooks`)).status).toBe(405);
    expect((await fetch(`${s.url}/other`, { method: 'POST', body: '{}' })).status).toBe(404);
    const health = await fetch(`${s.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', accepted: 0, rejectedSignature: 0 });
  });
});
