// The webhook loop end to end: the fake QBO company changes records and sends signed webhooks for them
// (both payload formats) to `source-quickbooks webhooks`, whose --on-change runs an incremental `read`
// from the last state; that read picks up exactly the changes, and says it covered the journalled ones.
// SIGTERM then drains the receiver: exit 0.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/webhooks/journal.js';
import { expectSucceeded } from '../helpers/assertions.js';
import { committedCatalog, onlyStreams } from '../helpers/catalogs.js';
import { applyChanges, emittedChanges, plain } from '../helpers/changes.js';
import { startFakeEnv, type FakeEnv } from '../helpers/fake-env.js';
import { logLines, parseMessages } from '../helpers/messages.js';
import { Platform } from '../helpers/platform.js';
import { CONNECTOR_BIN } from '../helpers/repo-paths.js';
import { FakeWebhookSender } from '../fake-qbo/fake-webhook-sender.js';
import { tempDir } from '../../test/support/temp-dir.js';

const TOKEN = 'fake-verifier-token-1234567890';
const STREAMS = ['invoices', 'customers', 'bills', 'vendors'];

async function until(condition: () => boolean, what: string, child: { stderr: string }): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}; receiver stderr:\n${child.stderr.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('webhooks -> --on-change -> incremental read', () => {
  let env: FakeEnv;
  let dir: string;
  let receiver: ChildProcessWithoutNullStreams;
  const out = { stderr: '' };
  let exit: Promise<number | null>;
  let url = '';

  beforeAll(async () => {
    env = await startFakeEnv({ seed: 21, scale: 0.2 });
    dir = tempDir('qbo-webhooks-e2e-');
    const catalog = onlyStreams(committedCatalog('incremental'), STREAMS);
    const platform = new Platform(env.config({ reports: [] }), env.env);
    expectSucceeded(await platform.sync(catalog));
    const config = { ...platform.config, webhook_verifier_token: TOKEN };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify(catalog));
    writeFileSync(join(dir, 'state.json'), JSON.stringify(platform.stateList()));
    // The --on-change command: one incremental read from the saved state, its output kept per run.
    const read = `${JSON.stringify(process.execPath)} ${JSON.stringify(CONNECTOR_BIN)} read --config config.json --catalog catalog.json --state state.json`;
    const onChange = `${read} > "read-$(date +%s%N).jsonl"; echo done >> runs.log`;
    receiver = spawn(
      process.execPath,
      [CONNECTOR_BIN, 'webhooks', '--config', 'config.json', '--port', '0', '--journal', 'journal.jsonl', '--on-change', onChange, '--debounce', '2s'],
      { cwd: dir, env: { PATH: process.env['PATH'] ?? '', ...env.env } },
    );
    receiver.stderr.setEncoding('utf8');
    receiver.stderr.on('data', (chunk: string) => (out.stderr += chunk));
    receiver.stdout.resume();
    exit = new Promise((resolve) => receiver.on('close', (code) => resolve(code)));
    await until(() => /listening on (http:\/\/\S+)/.test(out.stderr), 'the receiver to listen', out);
    url = (/listening on (http:\/\/\S+)/.exec(out.stderr) as RegExpExecArray)[1] as string;
  }, 120_000);

  afterAll(async () => {
    if (receiver.exitCode === null) receiver.kill('SIGKILL');
    await env?.close();
  });

  it('signed webhooks for the fake company\'s changes trigger one read that picks them all up; SIGTERM drains', async () => {
    const legacy = new FakeWebhookSender(env.fake.company, { url, verifierToken: TOKEN, realmId: env.fake.realmId, format: 'legacy' });
    const expected = applyChanges(env.fake.company, { update: { Invoice: 2, Customer: 1 }, create: { Vendor: 1 }, hardDelete: { Bill: 1 } });
    expect(await legacy.flush()).toEqual({ status: 200, events: 5 });
    const cloud = new FakeWebhookSender(env.fake.company, { url, verifierToken: TOKEN, realmId: env.fake.realmId, format: 'cloudevents' });
    const more = applyChanges(env.fake.company, { update: { Vendor: 1 } });
    expect(await cloud.flush()).toEqual({ status: 200, events: 1 });
    // A forged delivery is refused and starts nothing.
    const forged = await fetch(url, { method: 'POST', headers: { 'intuit-signature': 'AAAA' }, body: '{"eventNotifications":[]}' });
    expect(forged.status).toBe(401);

    await until(() => existsSync(join(dir, 'runs.log')), 'the --on-change run', out);
    const journal = readJournal(join(dir, 'journal.jsonl')).entries;
    expect(journal.map((e) => `${e.entity} ${e.id} ${e.operation}`).sort()).toEqual(
      [...expected.done, ...more.done]
        .map((d) => d.split(' '))
        .map(([verb, entity, id]) => `${entity} ${id} ${verb === 'created' ? 'Create' : verb === 'deleted' ? 'Delete' : 'Update'}`)
        .sort(),
    );

    const runs = readdirSync(dir).filter((f) => f.startsWith('read-'));
    expect(runs).toHaveLength(1);
    const messages = parseMessages(readFileSync(join(dir, runs[0] as string), 'utf8'));
    const got = emittedChanges(messages, new Set(STREAMS));
    const want = plain(expected.upserts);
    for (const [stream, ids] of more.upserts) want[stream] = [...new Set([...(want[stream] ?? []), ...ids])].sort((a, b) => Number(a) - Number(b));
    const gotUpserts = plain(got.upserts);
    for (const [stream, ids] of Object.entries(want)) expect(gotUpserts[stream], stream).toEqual(expect.arrayContaining(ids));
    expect(plain(got.tombstones)).toEqual(plain(expected.tombstones));
    const coverage = logLines(messages, 'INFO').filter((l) => l.startsWith('Webhook journal:'));
    expect(coverage).toEqual(
      expect.arrayContaining([
        'Webhook journal: stream "invoices" covered 2 of 2 journalled change(s).',
        'Webhook journal: stream "vendors" covered 2 of 2 journalled change(s).',
        'Webhook journal: stream "bills" covered 1 of 1 journalled change(s).',
      ]),
    );

    receiver.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(out.stderr).toContain('SIGTERM: draining');
    expect(out.stderr).toMatch(/stopped: 6 events journalled, 0 duplicates, 0 for another company, 1 bad signatures, 0 too large; 1 --on-change runs/);
    expect(out.stderr).not.toContain(TOKEN);
    expect(out.stderr).not.toContain(String(env.fake.clientSecret));
  }, 120_000);
});
