import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseWebhooksArgs, runWebhooks } from '../../src/webhooks/webhooks-command.js';
import { signBody } from '../../src/webhooks/signature.js';
import { tempDir } from '../support/temp-dir.js';

const TOKEN = 'verifier-token-abc123';
const REALM = '4620816365';

class Lines extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

function configFile(dir: string, extra: Record<string, unknown> = {}): string {
  const path = join(dir, 'config.json');
  const config = { client_id: 'id', client_secret: 'secret-xyz-987', refresh_token: 'refresh-abc-654', realm_id: REALM, start_date: '2020-01-01T00:00:00Z', webhook_verifier_token: TOKEN, ...extra };
  writeFileSync(path, JSON.stringify(config));
  return path;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('webhooks command', () => {
  it('parses its flags, with defaults, and refuses bad ones with the usage', () => {
    expect(parseWebhooksArgs(['--config', 'c.json'])).toEqual({
      config: 'c.json', host: '127.0.0.1', port: 8080, path: '/webhooks', journal: 'qbo-webhooks.jsonl', onChange: undefined, debounceMs: 30_000,
    });
    expect(parseWebhooksArgs(['--config', 'c', '--debounce', '500ms', '--port', '0', '--on-change', 'true'])).toMatchObject({ debounceMs: 500, port: 0, onChange: 'true' });
    expect(() => parseWebhooksArgs([])).toThrow(/needs --config/);
    expect(() => parseWebhooksArgs(['--config', 'c', '--debounce', 'soon'])).toThrow(/not a duration/);
    expect(() => parseWebhooksArgs(['--config', 'c', '--port', '99999'])).toThrow(/not a port number/);
    expect(() => parseWebhooksArgs(['--config', 'c', '--bogus'])).toThrow(/Usage: source-quickbooks webhooks/);
  });

  it('a config without webhook_verifier_token, or a port in use, is one error line naming the fix, exit 1', async () => {
    const dir = tempDir('qbo-webhooks-cmd-');
    const stderr = new Lines();
    expect(await runWebhooks(['--config', configFile(dir, { webhook_verifier_token: undefined })], { stderr, handleSignals: false, cwd: dir })).toBe(1);
    expect(stderr.text).toMatch(/^error: webhooks needs "webhook_verifier_token" in the config/);
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    const again = new Lines();
    expect(await runWebhooks(['--config', configFile(dir), '--port', String(port)], { stderr: again, handleSignals: false, cwd: dir })).toBe(1);
    busy.close();
    expect(again.text).toContain(`error: Port ${port} on 127.0.0.1 is in use; pass another --port.`);
    expect(again.text).not.toContain(TOKEN);
  });

  it('stopping drains: the running --on-change command finishes before the exit (0); nothing secret is logged', async () => {
    const dir = tempDir('qbo-webhooks-cmd-');
    const marker = join(dir, 'run.log');
    const script = `require('fs').appendFileSync(${JSON.stringify(marker)},'start\\n');setTimeout(()=>require('fs').appendFileSync(${JSON.stringify(marker)},'end\\n'),400)`;
    const onChange = `${JSON.stringify(process.execPath)} -e ${JSON.stringify(script)} # api-key-SECRET`;
    const stderr = new Lines();
    const stop = new AbortController();
    const done = runWebhooks(['--config', configFile(dir), '--port', '0', '--on-change', onChange, '--debounce', '10ms'], { stderr, signal: stop.signal, handleSignals: false, cwd: dir });
    await until(() => stderr.text.includes('listening on'));
    const url = (/listening on (http:\/\/\S+)/.exec(stderr.text) as RegExpExecArray)[1] as string;
    const body = JSON.stringify({ eventNotifications: [{ realmId: REALM, dataChangeEvent: { entities: [{ name: 'Invoice', id: '5', operation: 'Update', lastUpdated: '2026-01-01T00:00:00Z' }] } }] });
    const response = await fetch(url, { method: 'POST', headers: { 'intuit-signature': signBody(body, TOKEN) }, body });
    expect(response.status).toBe(200);
    await until(() => existsSync(marker));
    stop.abort();
    expect(await done).toBe(0);
    expect(readFileSync(marker, 'utf8')).toBe('start\nend\n');
    expect(stderr.text).toContain('draining');
    expect(stderr.text).toMatch(/stopped: 1 events journalled, .* 1 --on-change runs/);
    for (const secret of [TOKEN, 'api-key-SECRET', 'secret-xyz-987', 'refresh-abc-654']) expect(stderr.text).not.toContain(secret);
  });

  it('SIGTERM ends the real process with exit 0', async () => {
    const dir = tempDir('qbo-webhooks-cmd-');
    const bin = new URL('../../dist/bin/source-quickbooks.js', import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, 'webhooks', '--config', configFile(dir), '--port', '0'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    await until(() => text.includes('listening on'));
    const url = (/listening on (http:\/\/\S+)/.exec(text) as RegExpExecArray)[1] as string;
    expect((await fetch(url.replace('/webhooks', '/healthz'))).status).toBe(200);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(text).toContain('SIGTERM: draining');
  });
});
