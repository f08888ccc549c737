import { describe, expect, it } from 'vitest';
import { BytePool } from '../../src/qbo/byte-pool.js';
import { readPooledBody } from '../../src/qbo/pooled-body.js';
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { rawJsonOf, releaseRecords } from '../../src/cdk/core/raw-record.js';

/** The body as plain JSON: stubs (records kept as bytes) write themselves whole through toJSON. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const customers = (value: unknown): JsonObject[] => (value as { QueryResponse: { Customer: JsonObject[] } }).QueryResponse.Customer;

/** A fetch Response whose body arrives in the given byte chunks. */
function chunkedResponse(chunks: Uint8Array[], headers: Record<string, string> = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, { headers });
}

function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe('BytePool', () => {
  it('hands back a returned buffer that is big enough, the smallest such one', () => {
    const pool = new BytePool();
    const small = pool.take(100_000);
    const big = pool.take(1_000_000);
    pool.give(big);
    pool.give(small);
    expect(pool.take(90_000)).toBe(small);
    expect(pool.take(90_000)).toBe(big); // small is out; big still fits
  });

  it('rounds sizes up so pages of about the same size share buffers', () => {
    const pool = new BytePool();
    const first = pool.take(1_900_001);
    pool.give(first);
    expect(pool.take(1_950_000)).toBe(first);
  });

  it('keeps at most `keep` returned buffers', () => {
    const pool = new BytePool(2);
    const buffers = [pool.take(10), pool.take(10), pool.take(10)];
    for (const b of buffers) pool.give(b);
    expect(pool.held.count).toBe(2);
  });
});

describe('readPooledBody', () => {
  const text = '{"QueryResponse":{"Customer":[{"Id":"1","DisplayName":"Café “Ñandú” 東京 🍰"}]},"time":"t"}';
  const bytes = new TextEncoder().encode(text);

  it('reassembles a body split inside multi-byte characters, with and without Content-Length', async () => {
    const withLength: Record<string, string> = { 'content-length': String(bytes.length) };
    for (const headers of [{}, withLength]) {
      const pool = new BytePool();
      const body = await readPooledBody(chunkedResponse(split(bytes, 3), headers), pool);
      expect(body.length).toBe(bytes.length);
      expect(plain(body.json())).toEqual(JSON.parse(text));
    }
  });

  it('grows past a too-small first buffer (Content-Length absent) without losing bytes', async () => {
    const large = `{"a":"${'x'.repeat(300_000)}"}`;
    const body = await readPooledBody(chunkedResponse(split(new TextEncoder().encode(large), 65_536)), new BytePool());
    expect(body.json()).toEqual(JSON.parse(large));
  });

  it('drops a UTF-8 BOM as fetch text() does', async () => {
    const body = await readPooledBody(chunkedResponse([new Uint8Array([0xef, 0xbb, 0xbf]), bytes]), new BytePool());
    expect(plain(body.json())).toEqual(JSON.parse(text));
  });

  it('json() and release() give the buffer back to the pool once; reading after that throws', async () => {
    const pool = new BytePool();
    const body = await readPooledBody(chunkedResponse([new TextEncoder().encode('{"QueryResponse":{"Customer":[{"Id":"1","N":1e3}]}}')]), pool);
    expect(pool.held.count).toBe(0);
    expect(rawJsonOf(customers(body.json())[0] as JsonObject)).toBeUndefined(); // parsed (an exponent is not plain)
    expect(pool.held.count).toBe(1);
    body.release();
    expect(pool.held.count).toBe(1);
    expect(() => body.json()).toThrow(/after release/);
  });

  it('records kept as bytes keep the buffer until they are released; using one after that throws', async () => {
    const pool = new BytePool();
    const body = await readPooledBody(chunkedResponse([bytes]), pool);
    const records = customers(body.json());
    expect(rawJsonOf(records[0] as JsonObject)).toBeDefined();
    expect(pool.held.count).toBe(0);
    body.release(); // the body's own handle no longer owns it
    expect(pool.held.count).toBe(0);
    releaseRecords(records);
    releaseRecords(records);
    expect(pool.held.count).toBe(1);
    expect(() => JSON.stringify(records)).toThrow(/after its page was written/);
  });

  it('a body that is not a whole JSON object parses to undefined (and is released)', async () => {
    for (const raw of ['<IntuitResponse/>', '{"QueryResponse":{"Item":[', '']) {
      const body = await readPooledBody(chunkedResponse([new TextEncoder().encode(raw)]), new BytePool());
      expect(body.json()).toBeUndefined();
    }
  });

  it('a stream that fails mid-body rejects and returns its buffer', async () => {
    const pool = new BytePool();
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 10));
        controller.error(new Error('socket hang up'));
      },
    });
    await expect(readPooledBody(new Response(failing), pool)).rejects.toThrow('socket hang up');
    expect(pool.held.count).toBe(1);
  });
});
