// Companies that lack a feature: `knobs.missingFeatures` names entities (Entity names or stream
// names) this company does not have, and the fake answers for them as QBO does for such a company:
// - an entity QBO does not know in the company's region (JournalCode outside France, TaxPayment in a
//   US company): HTTP 400 Fault 4001 "Invalid query" / "QueryValidationError: invalid context
//   declaration: X", the answer QBO gives for any entity name it does not know
//   (reference/qbo-samples/fault_400_invalid_query_4001_real.json);
// - a resource path the company does not have (taxclassification): HTTP 400 Fault 500 "Unsupported
//   Operation" ... "is not supported." (fault_400_unsupported_operation_500_real.json);
// - a plan feature (multicurrency lists, anything else named): HTTP 400 Fault 5030 "Feature Not
//   Supported" / "Requested feature is not supported." (Intuit's IPP error-code table).
// The same faults come inside /batch items and for /cdc requests naming the entity.
import { entityByNameOrStream } from './entities.js';
import { QboFault, queryFault, unsupportedOperation } from './faults.js';

/** Regional entities: QBO's query parser does not know them at all. */
const UNKNOWN_IN_REGION = new Set(['JournalCode', 'TaxPayment']);

/** The canonical entity names a knob value lists. */
export function missingEntities(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    const def = entityByNameOrStream(name);
    if (def === undefined) throw new Error(`fake-qbo: missingFeatures names an unknown entity or stream: ${name}`);
    out.add(def.name);
  }
  return out;
}

export const featureNotSupported = (): QboFault =>
  new QboFault(400, { Message: 'Feature Not Supported', Detail: 'Requested feature is not supported.', code: '5030' });

/** Throws the fault a company lacking `entity` answers to a query or CDC request naming it (as typed). */
export function assertQueryable(missing: readonly string[], entity: string, asTyped = entity): void {
  if (missing.length === 0) return;
  const def = entityByNameOrStream(entity);
  if (def === undefined || !missingEntities(missing).has(def.name)) return;
  throw UNKNOWN_IN_REGION.has(def.name) ? queryFault(`invalid context declaration: ${asTyped}`) : featureNotSupported();
}

/** Throws the fault a company lacking `entity` answers to a GET of its resource path. */
export function assertResource(missing: readonly string[], entity: string, path: string): void {
  if (missing.length === 0 || !missingEntities(missing).has(entity)) return;
  throw unsupportedOperation(path);
}
