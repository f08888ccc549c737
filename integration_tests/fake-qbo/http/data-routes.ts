// The Accounting API under /v3/company/{realm}/: query, cdc, reads, singletons, exchange rates, tax
// classifications and reports. Handlers return a Reply or throw a QboFault.
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import { changeDataCapture } from '../cdc.js';
import { entityByPath } from '../entities.js';
import { assertQueryable, assertResource } from '../features.js';
import { notFoundFault, parseFault, QboFault, unsupportedOperation } from '../faults.js';
import { TAX_CLASSIFICATIONS } from '../generator/settings.js';
import type { Knobs } from '../knobs.js';
import type { Mutator } from '../mutations.js';
import { presentRows } from '../present.js';
import { executeQuery } from '../query/execute.js';
import { handleReport } from '../reports/index.js';
import type { FakeQboStats } from '../stats.js';
import type { Company } from '../store/company.js';
import { formatMillis, localDate } from '../time.js';
import { json, type Reply } from './reply.js';

export interface DataContext {
  company: Company;
  knobs: Knobs;
  stats: FakeQboStats;
  mutator: Mutator;
}

const envelopeTime = (c: Company): string => formatMillis(c.clock.now(), c.rule);

const wrap = (c: Company, key: string, value: unknown): Reply => json(200, { [key]: value, time: envelopeTime(c) });

/** segments: the path after /v3/company/{realm}/, split on "/". */
export function routeData(ctx: DataContext, method: string, segments: string[], url: URL, body: string): Reply {
  const { company } = ctx;
  const head = (segments[0] ?? '').toLowerCase();
  const enhanced = (url.searchParams.get('include') ?? '').split(',').includes('enhancedAllCustomFields');
  if (head === 'query' && segments.length === 1 && (method === 'GET' || method === 'POST')) {
    const text = method === 'POST' && body.trim() !== '' ? body : url.searchParams.get('query');
    if (text === null || text.trim() === '') throw parseFault('Encountered "<EOF>" at line 1, column 1.\nWas expecting:\n    "select" ...');
    return query(ctx, text, enhanced);
  }
  if (head === 'batch' && segments.length === 1 && method === 'POST') return batch(ctx, body, enhanced);
  if (method !== 'GET') throw unsupportedOperation(url.pathname);
  if (head === 'cdc' && segments.length === 1) {
    for (const name of (url.searchParams.get('entities') ?? '').split(',')) assertQueryable(ctx.knobs.missingFeatures, name.trim());
    const rows = changeDataCapture(company, url.searchParams.get('entities'), url.searchParams.get('changedSince'), {
      rejects: ctx.knobs.cdcRejects,
      maxPerEntity: ctx.knobs.cdcMaxPerEntity,
      lookbackDays: ctx.knobs.cdcLookbackDays,
      enhanced,
    });
    const n = rows.reduce((a, r) => a + (typeof r.maxResults === 'number' ? r.maxResults : 0), 0);
    return json(200, { CDCResponse: [{ QueryResponse: rows }], time: envelopeTime(company) }, n);
  }
  if (head === 'companyinfo' && segments.length === 2) {
    const rec = company.all('CompanyInfo').next().value;
    return wrap(company, 'CompanyInfo', rec);
  }
  if (head === 'preferences' && segments.length === 1) {
    return wrap(company, 'Preferences', company.all('Preferences').next().value);
  }
  if (head === 'exchangerate' && segments.length === 1) {
    assertQueryable(ctx.knobs.missingFeatures, 'ExchangeRate');
    return exchangeRate(company, url);
  }
  if (head === 'taxclassification') {
    assertResource(ctx.knobs.missingFeatures, 'TaxClassification', url.pathname);
    return taxClassification(company, segments, url);
  }
  if (head === 'reports' && segments.length === 2) {
    const answer = handleReport(segments[1] as string, url.searchParams, (entity) => company.all(entity));
    return json(answer.status, answer.body);
  }
  if (segments.length === 2) {
    const def = entityByPath(head);
    if (def && (def.kind !== 'special' || def.name === 'RecurringTransaction')) {
      const rec = company.get(def.name, segments[1] as string);
      if (!rec) throw notFoundFault();
      return wrap(company, def.name, presentRows([rec], enhanced)[0]);
    }
  }
  throw unsupportedOperation(url.pathname);
}

/**
 * POST /batch with query items only (this emulator serves no writes): each item answers like
 * /query would, or carries its Fault, always in an HTTP 200 (reference batch_response_mixed_real).
 */
const MAX_BATCH_ITEMS = 30;

function batch(ctx: DataContext, body: string, enhanced: boolean): Reply {
  let items: unknown;
  try {
    items = (JSON.parse(body) as { BatchItemRequest?: unknown }).BatchItemRequest;
  } catch {
    throw new QboFault(400, { Message: 'Request has invalid or unsupported property', Detail: 'Could not parse the batch request body', code: '2010' });
  }
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_BATCH_ITEMS) {
    throw new QboFault(400, { Message: 'Request has invalid or unsupported property', Detail: `BatchItemRequest must hold 1 to ${MAX_BATCH_ITEMS} items`, code: '2010' });
  }
  let rowsServed = 0;
  const answers = items.map((item: { bId?: unknown; Query?: unknown }) => {
    const bId = String(item.bId ?? '');
    if (typeof item.Query !== 'string') {
      return { bId, Fault: { Error: [{ Message: 'Unsupported Operation', Detail: 'This emulator batches queries only', code: '500' }], type: 'ValidationFault' } };
    }
    try {
      const answer = JSON.parse(query(ctx, item.Query, enhanced).body) as { QueryResponse: JsonObject };
      const key = Object.keys(answer.QueryResponse).find((k) => Array.isArray(answer.QueryResponse[k]));
      if (key) rowsServed += (answer.QueryResponse[key] as unknown[]).length;
      return { bId, QueryResponse: answer.QueryResponse };
    } catch (error) {
      if (!(error instanceof QboFault)) throw error;
      return { bId, Fault: { Error: [error.error], type: error.type } };
    }
  });
  return json(200, { BatchItemResponse: answers, time: envelopeTime(ctx.company) }, rowsServed);
}

function query(ctx: DataContext, text: string, enhanced: boolean): Reply {
  const { company, stats } = ctx;
  stats.queries.push(text);
  if (stats.queries.length > 1000) stats.queries.shift();
  const from = /\bfrom\s+([A-Za-z]+)/i.exec(text)?.[1];
  if (from !== undefined) assertQueryable(ctx.knobs.missingFeatures, from);
  ctx.mutator.onQuery(ctx.knobs.mutations);
  const { result, plan } = executeQuery(company, text);
  stats.plans[plan] = (stats.plans[plan] ?? 0) + 1;
  const time = envelopeTime(company);
  if (result.kind === 'count') return json(200, { QueryResponse: { totalCount: result.totalCount }, time });
  if (result.rows.length === 0) return json(200, { QueryResponse: {}, time }, 0);
  const rows = presentRows(result.rows, enhanced);
  return json(
    200,
    { QueryResponse: { [result.key]: rows, startPosition: result.startPosition, maxResults: rows.length }, time },
    rows.length,
  );
}

/** GET /exchangerate?sourcecurrencycode=EUR[&asofdate=YYYY-MM-DD]: the latest rate on or before the date. */
function exchangeRate(company: Company, url: URL): Reply {
  const code = (url.searchParams.get('sourcecurrencycode') ?? '').toUpperCase();
  if (code === '') {
    throw new QboFault(400, {
      Message: 'Required param missing, need to supply the required value for the API',
      Detail: 'Required parameter sourcecurrencycode is missing in the request',
      code: '2020',
    });
  }
  const asOf = url.searchParams.get('asofdate') ?? localDate(company.clock.now(), company.rule);
  let best: JsonObject | undefined;
  for (const r of company.all('ExchangeRate')) {
    if (r.SourceCurrencyCode !== code || String(r.AsOfDate) > asOf) continue;
    if (!best || String(r.AsOfDate) > String(best.AsOfDate)) best = r;
  }
  if (!best) throw notFoundFault();
  return wrap(company, 'ExchangeRate', best);
}

/** GET /taxclassification[/{id}[/children]] and ?level=n (read-only; not queryable). */
function taxClassification(company: Company, segments: string[], url: URL): Reply {
  const list = (items: readonly JsonObject[]): Reply =>
    json(200, { QueryResponse: items.length > 0 ? { TaxClassification: items } : {}, time: envelopeTime(company) }, items.length);
  const level = url.searchParams.get('level');
  if (segments.length === 1) return list(level === null ? TAX_CLASSIFICATIONS : TAX_CLASSIFICATIONS.filter((t) => t.level === level));
  const id = segments[1] as string;
  if (segments.length === 3 && segments[2] === 'children') {
    return list(TAX_CLASSIFICATIONS.filter((t) => (t.ParentRef as { value?: string } | undefined)?.value === id));
  }
  const one = TAX_CLASSIFICATIONS.find((t) => t.id === id);
  if (segments.length !== 2 || !one) throw notFoundFault();
  return wrap(company, 'TaxClassification', one);
}
