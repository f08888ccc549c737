// Small fixed name lists and settings entities: classes, departments, terms, payment methods, tax tables,
// currencies and rates, customer types, journal codes, budgets.
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import type { BaseSource } from '../store/source.js';
import { formatSeconds, localDate } from '../time.js';
import { ACCOUNTS, accountRef, EXPENSE_ACCOUNTS, ACCT } from './chart.js';
import { GenContext, money } from './context.js';

type Build = (i: number, env: JsonObject) => JsonObject;

/** A source whose record i is `build(i, envelope)`; times come from the entity's timeline. */
export function sourceOf(ctx: GenContext, entity: string, build: Build): BaseSource {
  const tl = ctx.timeline(entity);
  return { count: ctx.count(entity), lut: (i) => tl.lut(i), record: (i) => build(i, ctx.envelope(entity, i)) };
}

const USD = { value: 'USD', name: 'United States Dollar' };

export const CLASSES = ['Landscaping', 'Maintenance', 'Design', 'Residential', 'Retail', 'Legacy Projects'];
export const DEPARTMENTS = ['Downtown', 'Uptown', 'Online Store', 'Old Warehouse'];
const TERMS: ReadonlyArray<[string, number, number, number]> = [
  ['Due on receipt', 0, 0, 0],
  ['Net 15', 15, 0, 0],
  ['Net 30', 30, 0, 0],
  ['Net 60', 60, 0, 0],
  ['1% 10 Net 30', 30, 1, 10],
  ['Net 90', 90, 0, 0],
];
const PAYMENT_METHODS: ReadonlyArray<[string, string]> = [
  ['Cash', 'NON_CREDIT_CARD'],
  ['Check', 'NON_CREDIT_CARD'],
  ['Visa', 'CREDIT_CARD'],
  ['MasterCard', 'CREDIT_CARD'],
  ['American Express', 'CREDIT_CARD'],
  ['Diners Club', 'CREDIT_CARD'],
];
export const TAX_AGENCIES = ['California Department of Tax and Fee Administration', 'City of San Francisco'];
/** [name, percent, agency index, active]. */
export const TAX_RATES: ReadonlyArray<[string, number, number, boolean]> = [
  ['California', 7.25, 0, true],
  ['San Francisco City', 1.375, 1, true],
  ['Special District', 0.25, 0, true],
  ['Old County Rate', 1, 0, false],
];
/** [name, rate indexes, active]. */
const TAX_CODES: ReadonlyArray<[string, number[], boolean]> = [
  ['California', [0], true],
  ['San Francisco', [0, 1, 2], true],
  ['Out of state', [], true],
  ['Old County', [3], false],
];
export const CURRENCIES: ReadonlyArray<[string, string, number, boolean]> = [
  ['EUR', 'Euro', 1.0843, true],
  ['GBP', 'British Pound Sterling', 1.2712, true],
  ['CAD', 'Canadian Dollar', 0.7331, true],
  ['MXN', 'Mexican Peso', 0.0583, false],
];
const CUSTOMER_TYPES: ReadonlyArray<[string, boolean]> = [
  ['Retail', true],
  ['Wholesale', true],
  ['Commercial', true],
  ['Legacy', false],
];
const JOURNAL_CODES: ReadonlyArray<[string, string, string]> = [
  ['VT', 'Sales', 'Sales'],
  ['HA', 'Purchases', 'Purchases'],
  ['BQ', 'Bank', 'Bank'],
  ['OD', 'Others', 'Miscellaneous operations'],
];
/** Days before the end of history of each exchange rate, per active currency. */
const RATE_DAYS = [90, 60, 30, 3, 2, 1];

export const FIXED_COUNTS: Readonly<Record<string, number>> = {
  Account: ACCOUNTS.length,
  Class: CLASSES.length,
  Department: DEPARTMENTS.length,
  Term: TERMS.length,
  PaymentMethod: PAYMENT_METHODS.length,
  TaxAgency: TAX_AGENCIES.length,
  TaxRate: TAX_RATES.length,
  TaxCode: TAX_CODES.length,
  CompanyCurrency: CURRENCIES.length,
  ExchangeRate: RATE_DAYS.length * 3,
  CustomerType: CUSTOMER_TYPES.length,
  JournalCode: JOURNAL_CODES.length,
  Budget: 2,
  CompanyInfo: 1,
  Preferences: 1,
};

const deleted = (name: string, active: boolean): string => (active ? name : `${name} (deleted)`);

export function listSources(ctx: GenContext): Map<string, BaseSource> {
  const m = new Map<string, BaseSource>();
  ctx.names.set('Account', (i) => accountRef(i + 1).name);
  m.set(
    'Account',
    sourceOf(ctx, 'Account', (i, env) => {
      const a = ACCOUNTS[i] as (typeof ACCOUNTS)[number];
      const parent = a.parent === undefined ? undefined : accountRef(a.parent);
      const cur = a.currency === 'EUR' ? { value: 'EUR', name: 'Euro' } : USD;
      return {
        Name: a.Name,
        SubAccount: parent !== undefined,
        ...(parent ? { ParentRef: { value: parent.value } } : {}),
        FullyQualifiedName: accountRef(i + 1).name,
        Active: !a.inactive,
        Classification: a.Classification,
        AccountType: a.AccountType,
        AccountSubType: a.AccountSubType,
        CurrentBalance: money(a.balanceCents),
        CurrentBalanceWithSubAccounts: money(a.balanceCents),
        CurrencyRef: cur,
        ...env,
      };
    }),
  );
  const simple = (entity: string, names: readonly string[], inactiveLast: boolean, extra: (i: number) => JsonObject): void => {
    ctx.names.set(entity, (i) => names[i] ?? `${entity} ${i + 1}`);
    m.set(
      entity,
      sourceOf(ctx, entity, (i, env) => {
        const active = !(inactiveLast && i === names.length - 1);
        return { Name: deleted(names[i] ?? '', active), ...extra(i), Active: active, ...env };
      }),
    );
  };
  simple('Class', CLASSES, true, (i) =>
    i === 3 ? { SubClass: true, ParentRef: { value: '3' }, FullyQualifiedName: 'Design:Residential' } : { SubClass: false, FullyQualifiedName: CLASSES[i] },
  );
  simple('Department', DEPARTMENTS, true, (i) => ({ SubDepartment: false, FullyQualifiedName: DEPARTMENTS[i] }));
  simple('Term', TERMS.map((t) => t[0]), true, (i) => {
    const t = TERMS[i] as (typeof TERMS)[number];
    return { DiscountPercent: t[2], DiscountDays: t[3], Type: 'STANDARD', DueDays: t[1] };
  });
  simple('PaymentMethod', PAYMENT_METHODS.map((p) => p[0]), true, (i) => ({ Type: (PAYMENT_METHODS[i] as [string, string])[1] }));
  simple('CustomerType', CUSTOMER_TYPES.map((c) => c[0]), true, () => ({}));
  simple('JournalCode', JOURNAL_CODES.map((c) => c[0]), false, (i) => {
    const c = JOURNAL_CODES[i] as (typeof JOURNAL_CODES)[number];
    return { Type: c[1], Description: c[2] };
  });
  ctx.names.set('TaxAgency', (i) => TAX_AGENCIES[i] ?? '');
  m.set(
    'TaxAgency',
    sourceOf(ctx, 'TaxAgency', (i, env) => ({
      DisplayName: TAX_AGENCIES[i],
      TaxTrackedOnSales: true,
      TaxTrackedOnPurchases: i === 0,
      ...env,
    })),
  );
  ctx.names.set('TaxRate', (i) => TAX_RATES[i]?.[0] ?? '');
  m.set(
    'TaxRate',
    sourceOf(ctx, 'TaxRate', (i, env) => {
      const [name, pct, agency, active] = TAX_RATES[i] as (typeof TAX_RATES)[number];
      return {
        RateValue: pct,
        AgencyRef: { value: String(agency + 1) },
        Name: name,
        SpecialTaxType: 'NONE',
        DisplayType: 'ReadOnly',
        Active: active,
        Description: 'Sales Tax',
        ...env,
      };
    }),
  );
  ctx.names.set('TaxCode', (i) => TAX_CODES[i]?.[0] ?? '');
  m.set(
    'TaxCode',
    sourceOf(ctx, 'TaxCode', (i, env) => {
      const [name, rates, active] = TAX_CODES[i] as (typeof TAX_CODES)[number];
      return {
        TaxGroup: rates.length > 1,
        Name: name,
        Taxable: rates.length > 0,
        PurchaseTaxRateList: { TaxRateDetail: [] },
        Active: active,
        Description: name,
        SalesTaxRateList: {
          TaxRateDetail: rates.map((r, k) => ({
            TaxTypeApplicable: 'TaxOnAmount',
            TaxRateRef: { value: String(r + 1), name: TAX_RATES[r]?.[0] },
            TaxOrder: k,
          })),
        },
        ...env,
      };
    }),
  );
  ctx.names.set('CompanyCurrency', (i) => CURRENCIES[i]?.[1] ?? '');
  m.set(
    'CompanyCurrency',
    sourceOf(ctx, 'CompanyCurrency', (i, env) => {
      const [code, name, , active] = CURRENCIES[i] as (typeof CURRENCIES)[number];
      return { Code: code, Name: name, Active: active, ...env };
    }),
  );
  m.set('ExchangeRate', exchangeRates(ctx));
  m.set('Budget', budgets(ctx));
  return m;
}

/** ExchangeRate has no Id and its MetaData holds only LastUpdatedTime; ordered by date, then currency. */
function exchangeRates(ctx: GenContext): BaseSource {
  const active = CURRENCIES.filter((c) => c[3]);
  const at = (i: number): number => {
    const days = RATE_DAYS[Math.floor(i / active.length)] ?? 1;
    return ctx.endSec - days * 86400;
  };
  return {
    count: ctx.count('ExchangeRate'),
    lut: at,
    record: (i) => {
      const cur = active[i % active.length] as (typeof CURRENCIES)[number];
      const sec = at(i);
      const drift = 1 + ((i * 37) % 11) / 1000;
      return {
        SyncToken: '0',
        domain: 'QBO',
        AsOfDate: localDate(sec * 1000, ctx.rule),
        SourceCurrencyCode: cur[0],
        Rate: Math.round(cur[2] * drift * 1e6) / 1e6,
        sparse: false,
        TargetCurrencyCode: 'USD',
        MetaData: { LastUpdatedTime: formatSeconds(sec, ctx.rule) },
      };
    },
  };
}

function budgets(ctx: GenContext): BaseSource {
  ctx.names.set('Budget', (i) => `FY${new Date(ctx.endSec * 1000).getUTCFullYear() - 1 + i} Budget`);
  return sourceOf(ctx, 'Budget', (i, env) => {
    const year = new Date(ctx.endSec * 1000).getUTCFullYear() - 1 + i;
    const accounts = [ACCT.services, ACCT.landscaping, ...EXPENSE_ACCOUNTS.slice(0, 3)];
    const detail: JsonObject[] = [];
    for (const a of accounts) {
      for (let month = 1; month <= 12; month++) {
        detail.push({
          BudgetDate: `${year}-${String(month).padStart(2, '0')}-01`,
          Amount: money(((a * 7919 + month * 104729 + i) % 500_000) + 10_000),
          AccountRef: accountRef(a),
        });
      }
    }
    return {
      Name: `FY${year} Budget`,
      StartDate: `${year}-01-01`,
      EndDate: `${year}-12-31`,
      BudgetType: 'ProfitAndLoss',
      BudgetEntryType: 'Monthly',
      Active: i === 1,
      BudgetDetail: detail,
      ...env,
    };
  });
}
