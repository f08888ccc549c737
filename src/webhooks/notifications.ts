// The two webhook payload formats Intuit sends, reduced to one event shape:
// - legacy: {"eventNotifications": [{"realmId", "dataChangeEvent": {"entities": [{name, id, operation, lastUpdated}]}}]}
// - CloudEvents (from 2025): [{"specversion": "1.0", "id", "type": "qbo.<entity>.<verb>.v1", "time",
//   "intuitentityid", "intuitaccountid", ...}]
// Samples: test/fixtures/webhooks/ (copied from the .NET SDK's tests and Intuit's blog, see README there).
import { isObject, type JsonObject } from '../cdk/index.js';
import { ENTITY_REGISTRY } from '../streams/entity-registry.js';

export interface WebhookEvent {
  realmId: string;
  /** QBO entity name as the API spells it (Invoice, JournalEntry), when known; else as sent. */
  entity: string;
  id: string;
  /** Create, Update, Delete, Merge, Void, ... */
  operation: string;
  /** When the entity changed (legacy lastUpdated, CloudEvents time). */
  changedAt: string | undefined;
  /** CloudEvents id (unique per event); undefined for the legacy format. */
  eventId: string | undefined;
  format: 'legacy' | 'cloudevents';
}

/** The payload is not one of the two formats: the answer is 400, nothing is journalled. */
export class UnknownPayloadError extends Error {}

const ENTITY_BY_LOWER = new Map(ENTITY_REGISTRY.map((def) => [def.entity.toLowerCase(), def.entity]));

const VERBS: Record<string, string> = { created: 'Create', updated: 'Update', deleted: 'Delete', merged: 'Merge', voided: 'Void', emailed: 'Emailed' };

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined);

function legacyEvents(body: JsonObject): WebhookEvent[] {
  const notifications = body['eventNotifications'];
  if (!Array.isArray(notifications)) throw new UnknownPayloadError('eventNotifications is not a list');
  const events: WebhookEvent[] = [];
  for (const notification of notifications) {
    if (!isObject(notification)) continue;
    const realmId = str(notification['realmId']);
    const change = notification['dataChangeEvent'];
    const entities = isObject(change) ? change['entities'] : undefined;
    if (realmId === undefined || !Array.isArray(entities)) continue;
    for (const entity of entities) {
      if (!isObject(entity)) continue;
      const name = str(entity['name']);
      const id = str(entity['id']);
      const operation = str(entity['operation']);
      if (name === undefined || id === undefined || operation === undefined) continue;
      events.push({
        realmId,
        entity: ENTITY_BY_LOWER.get(name.toLowerCase()) ?? name,
        id,
        operation,
        changedAt: str(entity['lastUpdated']),
        eventId: undefined,
        format: 'legacy',
      });
    }
  }
  return events;
}

function cloudEvent(event: unknown): WebhookEvent | undefined {
  if (!isObject(event)) return undefined;
  const type = str(event['type']);
  const realmId = str(event['intuitaccountid']);
  const id = str(event['intuitentityid']);
  const match = type === undefined ? null : /^qbo\.([a-z0-9]+)\.([a-z]+)\.v\d+$/i.exec(type);
  if (match === null || realmId === undefined || id === undefined) return undefined;
  const entity = match[1] as string;
  const verb = (match[2] as string).toLowerCase();
  return {
    realmId,
    entity: ENTITY_BY_LOWER.get(entity.toLowerCase()) ?? entity,
    id,
    operation: VERBS[verb] ?? verb.charAt(0).toUpperCase() + verb.slice(1),
    changedAt: str(event['time']),
    eventId: str(event['id']),
    format: 'cloudevents',
  };
}

/** Every entity change in a parsed webhook body; throws UnknownPayloadError for anything else. */
export function parseNotifications(body: unknown): WebhookEvent[] {
  if (Array.isArray(body)) {
    if (!body.every((event) => isObject(event) && typeof event['specversion'] === 'string')) {
      throw new UnknownPayloadError('a list that is not of CloudEvents');
    }
    return body.map(cloudEvent).filter((event): event is WebhookEvent => event !== undefined);
  }
  if (isObject(body) && typeof body['specversion'] === 'string') {
    const event = cloudEvent(body);
    return event === undefined ? [] : [event];
  }
  if (isObject(body) && 'eventNotifications' in body) return legacyEvents(body);
  throw new UnknownPayloadError('neither eventNotifications nor CloudEvents');
}

/**
 * What makes two deliveries the same event: the CloudEvents id, or (realm, entity, id, operation,
 * lastUpdated) for the legacy format. Redeliveries, in any order, map to the same key.
 */
export function dedupKey(event: WebhookEvent): string {
  if (event.eventId !== undefined) return `ce|${event.eventId}`;
  return ['legacy', event.realmId, event.entity, event.id, event.operation, event.changedAt ?? ''].join('|');
}
