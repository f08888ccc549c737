// Property checks: QBO rejects unknown and non-queryable properties with 4001, and allows only = and IN on Id.
import { queryFault } from '../faults.js';
import type { EntityDef } from '../entities.js';
import { XSD_FIELDS } from '../xsd-fields.js';
import type { Condition, OrderTerm } from './ast.js';

/** Complex or free-text properties QBO does not filter or sort on. */
const NOT_QUERYABLE = new Set(
  [
    'Line', 'CustomField', 'LinkedTxn', 'TxnTaxDetail', 'AttachableRef', 'PrivateNote', 'BillAddr', 'ShipAddr',
    'PrimaryAddr', 'OtherAddr', 'PrimaryPhone', 'AlternatePhone', 'Mobile', 'Fax', 'PrimaryEmailAddr', 'WebAddr',
    'BillEmail', 'BillEmailCc', 'BillEmailBcc', 'DeliveryInfo', 'CheckPayment', 'CreditCardPayment', 'BudgetDetail',
    'RecurringInfo', 'CustomerMemo', 'Notes', 'SalesTaxRateList', 'PurchaseTaxRateList', 'NameValue', 'CompanyAddr',
    'LegalAddr', 'CustomerCommunicationAddr', 'ShipFromAddr', 'Description',
  ].map((s) => s.toLowerCase()),
);

const META_FIELDS = new Set(['createtime', 'lastupdatedtime']);

const fieldSets = new Map<string, Set<string>>();
function fieldsOf(entity: string): Set<string> | undefined {
  let s = fieldSets.get(entity);
  if (!s) {
    const list = XSD_FIELDS[entity];
    if (!list) return undefined;
    s = new Set(list.map((f) => f.toLowerCase()));
    s.add('domain');
    fieldSets.set(entity, s);
  }
  return s;
}

export const isLutPath = (path: readonly string[]): boolean =>
  path.length === 2 && path[0]?.toLowerCase() === 'metadata' && path[1]?.toLowerCase() === 'lastupdatedtime';

export const isIdPath = (path: readonly string[]): boolean => path.length === 1 && path[0]?.toLowerCase() === 'id';

export function validateProperty(def: EntityDef, path: readonly string[]): void {
  const shown = path.join('.');
  const head = (path[0] ?? '').toLowerCase();
  if (head === 'metadata') {
    if (path.length === 2 && META_FIELDS.has((path[1] ?? '').toLowerCase())) return;
    throw queryFault(`property '${shown}' is not queryable`);
  }
  // RecurringTransaction rows wrap any transaction type: the fake lets any property through.
  if (def.name === 'RecurringTransaction') return;
  const fields = fieldsOf(def.name);
  if (fields && !fields.has(head)) throw queryFault(`property '${shown}' is not queryable`);
  if (NOT_QUERYABLE.has(head) && path.length === 1) throw queryFault(`property '${shown}' is not queryable`);
}

export function validateCondition(def: EntityDef, cond: Condition): void {
  validateProperty(def, cond.path);
  if (isIdPath(cond.path) && cond.op !== '=' && cond.op !== 'IN') {
    throw queryFault(`operator '${cond.op}' is not supported for property 'Id'. Only '=' and 'IN' are allowed`);
  }
}

export function validateOrder(def: EntityDef, term: OrderTerm): void {
  validateProperty(def, term.path);
}
