import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dedupKey, parseNotifications, UnknownPayloadError } from '../../src/webhooks/notifications.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/webhooks/${name}`, import.meta.url), 'utf8'));

describe('webhook payloads', () => {
  it('legacy eventNotifications: one event per entity change', () => {
    expect(parseNotifications(fixture('webhook_legacy_payload_sdkfixture.raw.json'))).toEqual([
      { realmId: '1269959970', entity: 'Vendor', id: '40', operation: 'Update', changedAt: '2016-10-05T03:09:04.000Z', eventId: undefined, format: 'legacy' },
      { realmId: '1269959970', entity: 'Customer', id: '43', operation: 'Create', changedAt: '2016-10-05T03:07:04.000Z', eventId: undefined, format: 'legacy' },
    ]);
  });

  it('CloudEvents (SDK and blog samples): entity and operation from type, realm and id from the intuit* fields', () => {
    expect(parseNotifications(fixture('webhook_cloudevents_payload_sdkfixture.json'))).toEqual([
      {
        realmId: '310687',
        entity: 'Class',
        id: '1234',
        operation: 'Create',
        changedAt: '2025-10-07T19:59:07.034359333Z',
        eventId: 'd1a3aedd-9670-41bf-a4f9-c148a1cc4e03',
        format: 'cloudevents',
      },
    ]);
    const [blog] = parseNotifications(fixture('webhook_cloudevents_payload_blog.json'));
    expect(blog).toMatchObject({ realmId: '310687', entity: 'Account', id: '1234', operation: 'Create', eventId: '88cd52aa-33b6-4351-9aa4-47572edbd068' });
    const [journal] = parseNotifications([{ specversion: '1.0', id: 'x', type: 'qbo.journalentry.deleted.v1', intuitentityid: '9', intuitaccountid: '1' }]);
    expect(journal).toMatchObject({ entity: 'JournalEntry', operation: 'Delete' });
  });

  it('anything else is an UnknownPayloadError', () => {
    for (const body of [{}, { eventNotifications: 'x' }, [1, 2], 'text', null]) {
      expect(() => parseNotifications(body)).toThrow(UnknownPayloadError);
    }
  });

  it('dedup keys: CloudEvents id; legacy realm, entity, id, operation and lastUpdated', () => {
    const [a, b] = parseNotifications(fixture('webhook_legacy_payload_sdkfixture.raw.json'));
    expect(dedupKey(a as never)).toBe('legacy|1269959970|Vendor|40|Update|2016-10-05T03:09:04.000Z');
    expect(dedupKey(a as never)).not.toBe(dedupKey(b as never));
    const [c] = parseNotifications(fixture('webhook_cloudevents_payload_blog.json'));
    expect(dedupKey(c as never)).toBe('ce|88cd52aa-33b6-4351-9aa4-47572edbd068');
  });
});
