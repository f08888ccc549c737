// Meltano Hub's tap-quickbooks settings (realmId, is_sandbox, a date-only start_date) are accepted by both
// executables, --about lists them as aliases, and a misspelt setting gets one WARN naming the closest name.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/cdk/core/errors.js';
import type { Logger } from '../../src/cdk/core/logger.js';
import { main } from '../../src/cli.js';
import { closest } from '../../src/config-aliases.js';
import { parseConfig } from '../../src/config.js';
import { CaptureStream } from '../cdk/helpers.js';
import { tempDir } from '../support/temp-dir.js';

const HUB = { client_id: 'id', client_secret: 'secret-1', refresh_token: 'rt-1', realmId: '123', is_sandbox: true, start_date: '2021-01-01' };

function recorder(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug() {}, info() {}, error() {}, warn: (m: string) => void warnings.push(m) };
}

describe('Meltano Hub setting names', () => {
  it('realmId -> realm_id, is_sandbox -> sandbox, a date-only start_date is midnight UTC; no warning', () => {
    const logger = recorder();
    const config = parseConfig(HUB, logger);
    expect([config.realmId, config.sandbox, config.startDate, config.reportStartDate]).toEqual(['123', true, '2021-01-01T00:00:00Z', '2021-01-01']);
    expect(logger.warnings).toEqual([]);
    // What goes back to the user's file (CONTROL, write-back) keeps their spelling.
    expect(config.raw).toMatchObject({ realmId: '123', is_sandbox: true, start_date: '2021-01-01' });
  });

  it('the setting itself wins when both agree; disagreeing values are a config error naming both', () => {
    expect(parseConfig({ ...HUB, realm_id: '123' }).realmId).toBe('123');
    expect(() => parseConfig({ ...HUB, realm_id: '456' })).toThrow(ConfigError);
    expect(() => parseConfig({ ...HUB, realm_id: '456' })).toThrow(/"realmId" is another name for "realm_id"/);
  });

  it('a date-time start_date is left as it is; a bad date is still rejected', () => {
    expect(parseConfig({ ...HUB, start_date: '2021-01-01T05:00:00+02:00' }).startDate).toBe('2021-01-01T05:00:00+02:00');
    expect(() => parseConfig({ ...HUB, start_date: '2021-13-45' })).toThrow(/start_date/);
  });

  it('one WARN per unknown top-level setting, naming the closest known name', () => {
    const logger = recorder();
    parseConfig({ ...HUB, sandox: true, pagesize: 10, credentials: { client_id: 'id' } }, logger);
    expect(logger.warnings).toEqual([
      'The config has "sandox", which is not a setting of this connector and is ignored. Did you mean "sandbox"?',
      'The config has "pagesize", which is not a setting of this connector and is ignored. Did you mean "page_size"?',
    ]);
    expect(closest('realmid', ['realm_id', 'realmId'])).toBe('realmId');
  });
});

describe('both executables', () => {
  const dir = tempDir('qbo-hub-');
  const configPath = join(dir, 'hub.json');
  writeFileSync(configPath, JSON.stringify({ ...HUB, sandox: true }));

  async function run(argv: string[], binary: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const stdout = new CaptureStream();
    const stderr = new CaptureStream();
    const code = await main(argv, binary, { stdout, stderr });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  it('source-quickbooks discover takes the Hub config and says WARN once about "sandox"', async () => {
    const result = await run(['discover', '--config', configPath], 'source-quickbooks');
    expect(result.code).toBe(0);
    const messages = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; log?: { level: string; message: string } });
    expect(messages.some((m) => m.type === 'CATALOG')).toBe(true);
    const warnings = messages.filter((m) => m.log?.level === 'WARN').map((m) => m.log?.message);
    expect(warnings).toEqual(['The config has "sandox", which is not a setting of this connector and is ignored. Did you mean "sandbox"?']);
  });

  it('tap-quickbooks --discover takes the Hub config and says WARN once about "sandox"', async () => {
    const result = await run(['--config', configPath, '--discover'], 'tap-quickbooks');
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { streams: unknown[] }).streams.length).toBeGreaterThan(0);
    expect(result.stderr.split('\n').filter((l) => l.includes('"sandox"'))).toHaveLength(1);
    expect(result.stderr).toMatch(/WARN.*Did you mean "sandbox"\?/);
  });

  it('tap-quickbooks --about lists the aliases (json and markdown)', async () => {
    const about = JSON.parse((await run(['--about'], 'tap-quickbooks')).stdout) as { settings: { properties: Record<string, { aliases?: string[] }> } };
    expect(about.settings.properties['realm_id']?.aliases).toEqual(['realmId']);
    expect(about.settings.properties['sandbox']?.aliases).toEqual(['is_sandbox']);
    const markdown = (await run(['--about', '--format', 'markdown'], 'tap-quickbooks')).stdout;
    expect(markdown).toMatch(/^\| realm_id \|.*Aliases: `realmId`\. \|$/m);
    expect(markdown).toMatch(/^\| sandbox \|.*Aliases: `is_sandbox`\. \|$/m);
  });
});
