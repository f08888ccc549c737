// Whether a QBO error means "this company does not have that entity / feature / resource" rather than
// a failure: regional entities (TaxPayment outside the US flow, JournalCode outside France), endpoints
// some editions lack (taxclassification), features a plan lacks (multicurrency, purchase orders).
// Such a stream has nothing to read in this company, which is a fact about the company, not an error.
//
// What QBO answers for those (IPP error-code table; reference/qbo-samples/fault_400_*):
// - 5030 "Feature Not Supported" / "Requested feature is not supported."
// - 5020 "You do not have permission to access this feature." (the product is not entitled to it)
// - 4001 "Invalid query" with "invalid context declaration: X" or "Metadata not found for Entity: X"
//   (the query names an entity this company's API does not know);
// - 500 "Unsupported Operation" "... Could not find resource ... is not supported." on a plain GET
//   of a resource path (the endpoint does not exist for this company).
import type { QboFaultEntry } from './fault-parser.js';
import { qboContextOf } from './qbo-errors.js';

/** The request kind the error came from: only a GET of a resource may read 500 as "absent". */
export type FirstRequestKind = 'query' | 'endpoint';

const UNKNOWN_ENTITY = /invalid context declaration|Metadata not found for Entity/i;
const NOT_SUPPORTED = /feature not supported|not supported for (?:this|the) company|not enabled for (?:this|the) company/i;

/**
 * The reason a stream's feature is missing from this company, or undefined when the error is a real
 * failure. `kind` says what the first request was.
 */
export function unavailableFeatureReason(error: unknown, kind: FirstRequestKind): string | undefined {
  const qbo = qboContextOf(error);
  // Faults inside a batch or a 200 carry no HTTP 400 of their own; anything 401/403/429/5xx is not this.
  if (qbo === undefined || (qbo.status !== 400 && qbo.status !== 200)) return undefined;
  const hit = qbo.errors.find((e) => isUnavailable(e, kind));
  return hit === undefined ? undefined : `QuickBooks answered fault ${hit.code ?? '?'} ${[hit.message, hit.detail].filter((s) => s !== '').join(': ')}`;
}

function isUnavailable(entry: QboFaultEntry, kind: FirstRequestKind): boolean {
  const text = `${entry.message} ${entry.detail}`;
  if (entry.code === '5030' || entry.code === '5020') return true;
  if (entry.code === '4001' && UNKNOWN_ENTITY.test(text)) return true;
  if (entry.code === '500' && kind === 'endpoint' && /Unsupported Operation|Could not find resource/i.test(text)) return true;
  return NOT_SUPPORTED.test(text);
}
