import { describe, expect, it } from 'vitest';
import { writeChunkedLines } from '../../src/cdk/io/chunked-lines.js';
import type { TextOutput } from '../../src/cdk/io/json-lines-output.js';
import { SecretRegistry } from '../../src/cdk/core/secrets.js';

function capture(): TextOutput & { writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    write: async (text) => void writes.push(text),
    flush: async () => undefined,
  };
}

describe('writeChunkedLines', () => {
  const rows = Array.from({ length: 3000 }, (_, i) => ({ Id: String(i), Memo: `row ${i} ${'m'.repeat(60)}` }));
  const line = (row: { Id: string; Memo: string }): string => JSON.stringify(row) + '\n';

  it('writes the head and every line, in order, in chunks of whole lines of about 64 KB', async () => {
    const out = capture();
    await writeChunkedLines(out, new SecretRegistry(), 'HEAD\n', rows, line);
    expect(out.writes.length).toBeGreaterThan(2);
    for (const chunk of out.writes) {
      expect(chunk.endsWith('\n')).toBe(true);
      expect(chunk.length).toBeLessThan(64 * 1024 + 200);
    }
    expect(out.writes.join('')).toBe('HEAD\n' + rows.map(line).join(''));
  });

  it('one small page is one write', async () => {
    const out = capture();
    await writeChunkedLines(out, new SecretRegistry(), '', rows.slice(0, 3), line);
    expect(out.writes).toHaveLength(1);
  });

  it('scrubs secrets in every chunk', async () => {
    const secrets = new SecretRegistry();
    secrets.add('s3cr3t-token-value');
    const leaky = rows.map((row, i) => (i % 500 === 0 ? { ...row, Memo: 'pasted s3cr3t-token-value here' } : row));
    const out = capture();
    await writeChunkedLines(out, secrets, '', leaky, line);
    const all = out.writes.join('');
    expect(all).not.toContain('s3cr3t-token-value');
    expect(all.match(/pasted \*\*\*\* here/g)).toHaveLength(6);
  });

  it('rejects when a write fails', async () => {
    const failing: TextOutput = { write: async () => Promise.reject(new Error('EPIPE')), flush: async () => undefined };
    await expect(writeChunkedLines(failing, new SecretRegistry(), '', rows, line)).rejects.toThrow('EPIPE');
  });
});
