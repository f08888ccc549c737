import { describe, expect, it } from 'vitest';
import { runAirbyte } from '../../src/cdk/airbyte/runner.js';
import { FakeTerminal, ProgressSource, readArgs } from './support.js';

const ESC = '\u001b[';

async function read(stderr: FakeTerminal, stdout: FakeTerminal, source = new ProgressSource()) {
  const code = await runAirbyte(source, readArgs(), { stdout, stderr, env: {}, handleSignals: false });
  return { code, stdout, stderr };
}

describe('read progress for a person at a terminal', () => {
  it('stderr a TTY: live block redrawn in place, then a summary table per stream', async () => {
    const source = new ProgressSource(350, { requests: 42, retries: 1, throttled: 1, waits: 3, waitedMs: 1500 });
    const { code, stderr, stdout } = await read(new FakeTerminal(true), new FakeTerminal(false), source);
    expect(code).toBe(0);
    const text = stderr.text;
    // Redrawn: the block starts with "Reading:" and later draws move the cursor back over it.
    expect(text).toMatch(/Reading: \d+ streams done, \d+ running, [\d,]+ records, 42 requests, 1 retries, 1 throttled, 3 rate-limit waits \(1\.5 s\)/);
    expect(text).toMatch(/ {2}invoices: \d+ records.*pages/);
    expect(text).toContain(`${ESC}0J`);
    // At most a few redraws a second (the read takes ~0.7 s).
    expect((text.match(/Reading:/g) ?? []).length).toBeLessThanOrEqual(5);

    const summary = text.slice(text.lastIndexOf('stream '));
    const row = (name: string) => summary.split('\n').find((line) => line.startsWith(`${name} `))?.split(/\s+/);
    expect(summary.split('\n')[0]).toMatch(/^stream\s+records\s+deletes\s+checkpoints\s+seconds$/);
    expect(row('invoices')?.slice(0, 4)).toEqual(['invoices', '4', '1', '2']);
    expect(row('customers')?.slice(0, 4)).toEqual(['customers', '1', '0', '1']);
    expect(row('total')?.slice(0, 4)).toEqual(['total', '5', '1', '3']);
    expect(Number(row('invoices')?.[4])).toBeGreaterThanOrEqual(0.6);
    expect(summary).toContain('42 requests');
    // stdout still carries only Airbyte messages.
    for (const line of stdout.lines()) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('stdout on the same terminal: no live redraws (records would tear them), only the summary', async () => {
    const { code, stderr } = await read(new FakeTerminal(true), new FakeTerminal(true));
    expect(code).toBe(0);
    expect(stderr.text).not.toContain('Reading:');
    expect(stderr.text).not.toContain(ESC);
    expect(stderr.text).toMatch(/^stream\s+records/);
  });

  it('stderr not a TTY (a platform): nothing on stderr; the per-stream summary arrives as INFO logs', async () => {
    const { code, stderr, stdout } = await read(new FakeTerminal(false), new FakeTerminal(false));
    expect(code).toBe(0);
    expect(stderr.text).toBe('');
    const logs = stdout
      .messages()
      .filter((m) => m['type'] === 'LOG')
      .map((m) => (m['log'] as { message: string }).message);
    expect(logs).toContainEqual(expect.stringMatching(/^Stream "invoices" complete: 4 records \(1 deletes\), 2 state checkpoints, \d+\.\d s$/));
    expect(logs).toContainEqual(expect.stringMatching(/^Stream "customers" complete: 1 records \(0 deletes\), 1 state checkpoints/));
  });
});
