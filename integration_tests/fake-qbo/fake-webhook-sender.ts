// Signed webhooks from the fake company: every change made through the Company mutation API (tests,
// the mutation schedule) since the last flush is POSTed to a receiver as one notification, in the
// legacy eventNotifications format or as CloudEvents, signed as Intuit signs them
// (intuit-signature = base64 HMAC-SHA256 of the body under the app's verifier token).
import { randomUUID } from 'node:crypto';
import { signBody } from '../../src/webhooks/signature.js';
import type { Company, MutationEvent, MutationOp } from './store/company.js';

export interface FakeWebhookOptions {
  /** The receiver's URL (http://127.0.0.1:<port>/webhooks). */
  url: string;
  verifierToken: string;
  realmId: string;
  format: 'legacy' | 'cloudevents';
}

/** QBO's operation names; a deactivated name-list record is an Update in QBO's notifications. */
const OPERATION: Record<MutationOp, string> = { create: 'Create', update: 'Update', delete: 'Delete', deactivate: 'Update', void: 'Void' };
const VERB: Record<MutationOp, string> = { create: 'created', update: 'updated', delete: 'deleted', deactivate: 'updated', void: 'voided' };

export function notificationBody(events: readonly MutationEvent[], realmId: string, format: FakeWebhookOptions['format']): string {
  if (format === 'legacy') {
    const entities = events.map((e) => ({ name: e.entity, id: e.id, operation: OPERATION[e.op], lastUpdated: new Date(e.at).toISOString() }));
    return JSON.stringify({ eventNotifications: [{ realmId, dataChangeEvent: { entities } }] });
  }
  return JSON.stringify(
    events.map((e) => ({
      specversion: '1.0',
      id: randomUUID(),
      source: 'intuit.fake-qbo',
      type: `qbo.${e.entity.toLowerCase()}.${VERB[e.op]}.v1`,
      datacontenttype: 'application/json',
      time: new Date(e.at).toISOString(),
      intuitentityid: e.id,
      intuitaccountid: realmId,
      data: {},
    })),
  );
}

export class FakeWebhookSender {
  private next: number;

  /** Changes already in the company's log are not sent; only those made from now on. */
  constructor(
    private readonly company: Company,
    private readonly options: FakeWebhookOptions,
  ) {
    this.next = company.log.length;
  }

  /** POST the changes made since the last flush; undefined when there were none. */
  async flush(): Promise<{ status: number; events: number } | undefined> {
    const events = this.company.log.slice(this.next);
    if (events.length === 0) return undefined;
    this.next += events.length;
    const body = notificationBody(events, this.options.realmId, this.options.format);
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'intuit-signature': signBody(body, this.options.verifierToken) },
      body,
    });
    await response.arrayBuffer();
    return { status: response.status, events: events.length };
  }
}
