// Records read as bytes (query-body-parser.ts stubs, cdk/raw-record.ts) must leave the writers as
// the same lines the parse path writes: over every entity of the fake company, over hand-made
// awkward text, on pages the scan rejects, with secrets in records, and into the run archive.
// Only number text may differ (it passes through as QuickBooks wrote it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeQbo, type FakeQbo } from '../../integration_tests/fake-qbo/index.js';
import { AirbyteWriter } from '../../src/cdk/airbyte/writer.js';
import { JsonLinesOutput, type TextOutput } from '../../src/cdk/io/json-lines-output.js';
import type { JsonObject } from '../../src/cdk/core/protocol.js';
import { rawJsonOf, recordValue, type RawOwner } from '../../src/cdk/core/raw-record.js';
import { partFiles, RunArchive } from '../../src/cdk/archive/run-archive.js';
import { SecretRegistry } from '../../src/cdk/core/secrets.js';
import { SingerWriter } from '../../src/cdk/singer/writer.js';
import { readQueryBody } from '../../src/qbo/query-body-parser.js';
import { lastUpdatedOf } from '../../src/streams/cursor-window-reader.js';
import { ENTITY_REGISTRY } from '../../src/streams/entity-registry.js';
import { tempDir } from '../support/temp-dir.js';
import { CaptureStream } from '../cdk/helpers.js';

const NOW = 1_700_000_000_000;

function owner(): RawOwner {
  return {
    released: false,
    release() {
      (this as { released: boolean }).released = true;
    },
  };
}

/** The page's records: through the byte path (stubs where plain) and through JSON.parse of the text. */
function bothPaths(body: Buffer, entity: string): { bytes: JsonObject[]; parsed: JsonObject[] } {
  const read = readQueryBody(body, owner()).body as { QueryResponse: Record<string, JsonObject[]> };
  const parsed = JSON.parse(body.toString('utf8')) as { QueryResponse: Record<string, JsonObject[]> };
  const cursor = (rows: JsonObject[]): JsonObject[] => rows.map((row) => Object.assign(row, { airbyte_cursor: lastUpdatedOf(row) ?? null }));
  return { bytes: cursor(read.QueryResponse[entity] ?? []), parsed: cursor(parsed.QueryResponse[entity] ?? []) };
}

/** What a writer hands its output, as text, and whether each chunk came as bytes. */
function capture(): TextOutput & { text: () => string; kinds: string[] } {
  const chunks: string[] = [];
  const kinds: string[] = [];
  return {
    kinds,
    text: () => chunks.join(''),
    write: async (chunk) => {
      kinds.push(typeof chunk === 'string' ? 'string' : 'bytes');
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    },
    flush: async () => undefined,
  };
}

async function airbyteLines(records: JsonObject[], secrets = new SecretRegistry()): Promise<{ text: string; kinds: string[] }> {
  const out = capture();
  await new AirbyteWriter({ output: out, secrets, now: () => NOW }).records('s', records);
  return { text: out.text(), kinds: out.kinds };
}

async function singerLines(records: JsonObject[], deselected?: string[]): Promise<string> {
  const out = capture();
  const schema = { type: 'object', properties: { Id: { type: 'string' } } };
  const streams = new Map([['s', { schema, keyProperties: ['Id'], ...(deselected ? { deselectedFields: new Set(deselected) } : {}) }]]);
  await new SingerWriter({ output: out, logOutput: capture(), secrets: new SecretRegistry(), streams, now: () => NOW }).records('s', records);
  return out.text();
}

let fake: FakeQbo;
beforeAll(async () => {
  fake = await startFakeQbo({ startTime: '2024-06-15T12:00:00Z', freezeClock: true });
});
afterAll(async () => {
  await fake.close();
});

async function fakePage(entity: string): Promise<Buffer> {
  const url = new URL(`${fake.url}/v3/company/${fake.realmId}/query`);
  url.searchParams.set('query', `SELECT * FROM ${entity} MAXRESULTS 1000`);
  url.searchParams.set('minorversion', '75');
  const response = await fetch(url, { headers: { Authorization: `Bearer ${fake.issueAccessToken()}`, Accept: 'application/json' } });
  expect(response.status, entity).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('records read as bytes', () => {
  it('write the same Airbyte and Singer lines as parsed records, for every entity of the fake company', async () => {
    let raw = 0;
    let total = 0;
    for (const def of ENTITY_REGISTRY.filter((d) => d.read !== 'endpoint')) {
      const { bytes, parsed } = bothPaths(await fakePage(def.entity), def.entity);
      expect(bytes.length, def.entity).toBe(parsed.length);
      raw += bytes.filter((row) => rawJsonOf(row) !== undefined).length;
      total += bytes.length;
      expect((await airbyteLines(bytes)).text, def.entity).toBe((await airbyteLines(parsed)).text);
      expect(await singerLines(bytes), def.entity).toBe(await singerLines(parsed));
      // Field selection needs the whole record: the stub is parsed for it, with the same result.
      expect(await singerLines(bytes, ['MetaData']), def.entity).toBe(await singerLines(parsed, ['MetaData']));
      expect(bytes.map(recordValue), def.entity).toEqual(parsed);
    }
    expect(total).toBeGreaterThan(100);
    expect(raw).toBe(total); // the fake writes as JSON.stringify does: every record is plain
  });

  it('pass non-ASCII text, escapes and nested arrays through; only number text differs from the parse path', async () => {
    const records = [
      '{"Id":"1","SyncToken":"0","MetaData":{"CreateTime":"2024-01-01T00:00:00-08:00","LastUpdatedTime":"2024-01-02T00:00:00-08:00"},"DisplayName":"Café “Ñandú” 東京株式会社 🍰","Note":"quote \\" backslash \\\\ tab \\t line \\n"}',
      '{"Id":"2","MetaData":{"LastUpdatedTime":"2024-01-02T00:00:01-08:00"},"Line":[{"Id":"1","Amount":100.00,"Nested":[[1,2],[3,{"C":"]}"}]]},{"Id":"2","Amount":0.5}],"Empty":[],"E":{}}',
      '{"Id":"3","MetaData":{"LastUpdatedTime":"2024-01-02T00:00:02-08:00"},"U":"\\u00e9 \\ud83c\\udf70 \\/"}',
      '{"Id":"4","N":1.5e3,"MetaData":{"LastUpdatedTime":"2024-01-02T00:00:03-08:00"}}',
      '{ "Id" : "5", "MetaData" : { "LastUpdatedTime" : "2024-01-02T00:00:04-08:00" } }',
      '{"Id":"6","airbyte_cursor":"from QBO","MetaData":{"LastUpdatedTime":"2024-01-02T00:00:05-08:00"}}',
      '{}',
    ];
    const body = Buffer.from(`{"QueryResponse":{"Invoice":[${records.join(',')}],"startPosition":1,"maxResults":7},"time":"t"}`);
    const { bytes, parsed } = bothPaths(body, 'Invoice');
    // Plain records stay bytes; \u and \/ escapes, exponents, whitespace and our own keys take the parse path.
    expect(bytes.map((row) => rawJsonOf(row) !== undefined)).toEqual([true, true, false, false, false, false, true]);
    const byteLines = (await airbyteLines(bytes)).text.split('\n');
    const parsedLines = (await airbyteLines(parsed)).text.split('\n');
    expect(byteLines.map((line) => (line === '' ? line : JSON.parse(line)))).toEqual(parsedLines.map((line) => (line === '' ? line : JSON.parse(line))));
    for (const k of [0, 2, 3, 4, 5, 6]) expect(byteLines[k], `record ${k}`).toBe(parsedLines[k]);
    expect(byteLines[1]).toContain('"Amount":100.00,'); // as QuickBooks wrote it
    expect(parsedLines[1]).toContain('"Amount":100,');
    expect(byteLines[6]).toContain('"data":{"airbyte_cursor":null}');
  });

  it('falls back to the parse path for a page the scan rejects, and throws as JSON.parse on a broken one', () => {
    const bad = Buffer.concat([Buffer.from('{"QueryResponse":{"Item":[{"Id":"1","Name":"a'), Buffer.from([0xff]), Buffer.from('"},{"Id":"2"}]}}')]);
    const notUtf8 = bothPaths(bad, 'Item');
    expect(notUtf8.bytes.some((row) => rawJsonOf(row) !== undefined)).toBe(false);
    expect(notUtf8.bytes).toEqual(notUtf8.parsed); // U+FFFD, as a decode of the page writes it
    const twoArrays = Buffer.from('{"QueryResponse":{"Item":[{"Id":"1"}],"Other":[{"Id":"2"}]}}');
    expect((readQueryBody(twoArrays, owner()).body as JsonObject)['QueryResponse']).toEqual({ Item: [{ Id: '1' }], Other: [{ Id: '2' }] });
    expect(readQueryBody(twoArrays, owner()).raw).toBe(0);
    for (const broken of ['{"QueryResponse":{"Item":[{"Id":"1","A":tru}]}}', '{"QueryResponse":{"Item":[{"Id":"1","A":01}]}}', '{"QueryResponse":{"Item":[{"Id":"1" "A":1}]}}', '{"QueryResponse":{"Item":[{"Id":"1\u0001"}]}}']) {
      expect(() => readQueryBody(Buffer.from(broken), owner()), broken).toThrow(SyntaxError);
    }
  });

  it('scrubs a secret inside a record read as bytes; chunks without one go out as bytes, undecoded', async () => {
    const secret = 'AB11-refresh/token"value';
    const secrets = new SecretRegistry();
    secrets.add(secret);
    const escaped = JSON.stringify(secret).slice(1, -1);
    const rows = Array.from({ length: 400 }, (_, i) => `{"Id":"${i}","Memo":"${i === 350 ? `pasted ${escaped} here` : 'x'.repeat(400)}","MetaData":{"LastUpdatedTime":"2024-01-02T00:00:00Z"}}`);
    const { bytes } = bothPaths(Buffer.from(`{"QueryResponse":{"Invoice":[${rows.join(',')}]}}`), 'Invoice');
    expect(rawJsonOf(bytes[350] as JsonObject)).toBeDefined();
    const { text, kinds } = await airbyteLines(bytes, secrets);
    expect(text).not.toContain(escaped);
    expect(text).toContain('pasted **** here');
    expect(kinds.length).toBeGreaterThan(2);
    expect(kinds.slice(0, -1).every((kind) => kind === 'bytes')).toBe(true); // no secret: never decoded
    expect(kinds[kinds.length - 1]).toBe('string'); // the chunk with the hit was scrubbed as text
  });

  it('hands the run archive the same bytes stdout gets', async () => {
    const root = tempDir('qbo-byte-archive-');
    const archive = RunArchive.open(root, { protocol: 'airbyte' });
    const stdout = new CaptureStream();
    const output = new JsonLinesOutput(stdout);
    output.setTap(archive.tap);
    const writer = new AirbyteWriter({ output, secrets: new SecretRegistry(), now: () => NOW });
    const { bytes } = bothPaths(await fakePage('Invoice'), 'Invoice');
    expect(bytes.every((row) => rawJsonOf(row) !== undefined)).toBe(true);
    await writer.records('invoices', bytes);
    await output.close();
    archive.close('succeeded', 0);
    const archived = partFiles(archive.dir)
      .map((part) => gunzipSync(readFileSync(join(archive.dir, part))).toString('utf8'))
      .join('');
    expect(archived).toBe(stdout.text);
    expect(stdout.lines()).toHaveLength(bytes.length);
    expect(archive.summary.streams['invoices']?.records).toBe(bytes.length);
  });
});
