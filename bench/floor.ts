// The floor a QBO reader cannot beat: fetch the pages, JSON.parse each body, JSON.stringify each
// record as one line to stdout. No limiter, no envelope, no state. Also the "sequential peer" of the
// latency benchmark (--concurrency 1 --no-count: STARTPOSITION paging one request at a time, as
// other QBO connectors do).
//   node dist/bench/floor.js --entity Invoice --concurrency 10   (creds in FAKE_* env)
// Prints one JSON summary line on stderr.
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    entity: { type: 'string', default: 'Invoice' },
    'page-size': { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '10' },
    'no-count': { type: 'boolean', default: false },
  },
});
const env = (k: string): string => {
  const v = process.env[k];
  if (v === undefined) throw new Error(`floor: ${k} is not set`);
  return v;
};
const base = env('FAKE_URL');
const realm = env('FAKE_REALM_ID');
const P = Number(values['page-size']);
const concurrency = Math.max(1, Number(values.concurrency));
const entity = values.entity as string;

async function accessToken(): Promise<string> {
  const basic = Buffer.from(`${env('FAKE_CLIENT_ID')}:${env('FAKE_CLIENT_SECRET')}`).toString('base64');
  const res = await fetch(env('FAKE_TOKEN_URL'), {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: env('FAKE_REFRESH_TOKEN') }).toString(),
  });
  if (!res.ok) throw new Error(`floor: token endpoint answered ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

let requests = 0;
async function query(token: string, text: string): Promise<Record<string, unknown>> {
  const url = `${base}/v3/company/${realm}/query?${new URLSearchParams({ query: text, include: 'enhancedAllCustomFields', minorversion: '75' }).toString()}`;
  requests++;
  const send = (): Promise<Response> => fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  // One retry on a dropped connection (a keep-alive socket closed under a reused request, seen
  // once in many runs): a floor that dies mid-benchmark measures nothing.
  const res = await send().catch(() => {
    requests++;
    return send();
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`floor: HTTP ${res.status} for ${text}: ${body.slice(0, 200)}`);
  return (JSON.parse(body) as { QueryResponse: Record<string, unknown> }).QueryResponse;
}

const pageQuery = (start: number): string =>
  `SELECT * FROM ${entity} ORDERBY MetaData.LastUpdatedTime, Id${start > 1 ? ` STARTPOSITION ${start}` : ''} MAXRESULTS ${P}`;

let records = 0;
function emit(rows: unknown[]): void {
  let out = '';
  for (const row of rows) out += JSON.stringify(row) + '\n';
  records += rows.length;
  process.stdout.write(out);
}

const token = await accessToken();
let pages: number | undefined;
if (!values['no-count']) {
  const counted = await query(token, `SELECT COUNT(*) FROM ${entity}`);
  pages = Math.max(1, Math.ceil(Number(counted['totalCount'] ?? 0) / P));
}
let next = 0;
let end = Number.POSITIVE_INFINITY; // first page index known to be past the data
async function worker(): Promise<void> {
  for (;;) {
    const k = next++;
    if (k >= end || (pages !== undefined && k >= pages)) return;
    const answer = await query(token, pageQuery(1 + k * P));
    const rows = (answer[entity] as unknown[] | undefined) ?? [];
    emit(rows);
    if (rows.length < P) end = Math.min(end, k + 1);
  }
}
await Promise.all(Array.from({ length: concurrency }, () => worker()));
process.stderr.write(`${JSON.stringify({ records, requests })}\n`);
