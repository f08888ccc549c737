import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

describe('cli dispatch', () => {
  it('`auth` runs the auth command (plain text, not Airbyte messages)', async () => {
    const written: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      expect(await main(['auth', '--help'], 'source-quickbooks')).toBe(0);
    } finally {
      process.stdout.write = original;
    }
    expect(written.join('')).toMatch(/^Usage: source-quickbooks auth/);
  });
});
