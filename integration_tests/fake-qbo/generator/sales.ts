// Sales forms: invoices, estimates, sales receipts, credit memos, refund receipts, and payments that apply
// to invoices. Payment i pays invoice floor(i*N/P) in full, and that invoice links back to it.
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import type { Rng } from '../prng.js';
import type { BaseSource } from '../store/source.js';
import { accountRef, ACCT } from './chart.js';
import { GenContext, money } from './context.js';
import { itemTemplate } from './items.js';
import { sourceOf } from './lists.js';

export const USD = { value: 'USD', name: 'United States Dollar' };

const CUSTOM_FIELDS: ReadonlyArray<[string, readonly string[]]> = [
  ['Crew #', ['102', '7', '14', 'A-3']],
  ['Sales Rep', ['Emily', 'John', 'Zoë']],
  ['PO Ref', ['PO-7781', 'PO-9001', 'ΑΒΓ-1']],
  ['Region', ['North', 'South', 'Bay Area']],
  ['Project Code', ['LND-01', 'LND-02', 'MNT-9']],
];

/** Five custom fields: QBO returns at most three unless the request has include=enhancedAllCustomFields. */
export function customFields(r: Rng): JsonObject[] {
  return CUSTOM_FIELDS.map(([name, values], k) => {
    const f: JsonObject = { DefinitionId: String(k + 1), Name: name, Type: 'StringType' };
    if (r.chance(0.7)) f.StringValue = r.pick(values);
    return f;
  });
}

const QTYS = [1, 1, 2, 3, 0.5, 1.5, 2.25, 4, 10, 0.75];

export interface SalesBody {
  Line: JsonObject[];
  TxnTaxDetail: JsonObject;
  totalCents: number;
}

/** Item lines with decimal Qty/UnitPrice, an optional discount, the subtotal line and sales tax. */
export function salesBody(ctx: GenContext, r: Rng): SalesBody {
  const lines: JsonObject[] = [];
  const n = 1 + r.int(4);
  let subtotal = 0;
  for (let k = 0; k < n; k++) {
    const idx = ctx.pickIndex(r, 'Item');
    const t = itemTemplate(idx);
    const qty = r.pick(QTYS);
    const amount = Math.round(qty * t.priceCents);
    subtotal += amount;
    lines.push({
      Id: String(k + 1),
      LineNum: k + 1,
      Description: t.name,
      Amount: money(amount),
      DetailType: 'SalesItemLineDetail',
      SalesItemLineDetail: {
        ItemRef: ctx.ref('Item', idx),
        UnitPrice: money(t.priceCents),
        Qty: qty,
        ...(r.chance(0.3) ? { ServiceDate: ctx.txnDate('Item', idx) } : {}),
        TaxCodeRef: { value: t.type === 'Service' ? 'NON' : 'TAX' },
      },
    });
  }
  lines.push({ Amount: money(subtotal), DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} });
  let discount = 0;
  if (r.chance(0.2)) {
    discount = Math.round(subtotal * 0.1);
    lines.push({
      Amount: money(discount),
      DetailType: 'DiscountLineDetail',
      DiscountLineDetail: { PercentBased: true, DiscountPercent: 10, DiscountAccountRef: accountRef(ACCT.discounts) },
    });
  }
  const taxable = subtotal - discount;
  let tax = 0;
  let detail: JsonObject = { TotalTax: 0 };
  if (r.chance(0.6)) {
    tax = Math.round(taxable * 0.0725);
    detail = {
      TxnTaxCodeRef: { value: '1' },
      TotalTax: money(tax),
      TaxLine: [
        {
          Amount: money(tax),
          DetailType: 'TaxLineDetail',
          TaxLineDetail: { TaxRateRef: { value: '1' }, PercentBased: true, TaxPercent: 7.25, NetAmountTaxable: money(taxable) },
        },
      ],
    };
  }
  return { Line: lines, TxnTaxDetail: detail, totalCents: taxable + tax };
}

/** Payment index paying invoice j, or -1 (integer arithmetic: exact at a million records). */
export function paymentOfInvoice(ctx: GenContext, j: number, invoices = 'Invoice', payments = 'Payment'): number {
  const n = ctx.count(invoices);
  const p = ctx.count(payments);
  if (n === 0 || p === 0) return -1;
  const i = Math.floor((j * p + n - 1) / n);
  return i < p && Math.floor((i * n) / p) === j ? i : -1;
}

export const invoiceOfPayment = (ctx: GenContext, i: number, invoices = 'Invoice', payments = 'Payment'): number =>
  Math.floor((i * ctx.count(invoices)) / Math.max(1, ctx.count(payments)));

function salesHead(ctx: GenContext, entity: string, i: number, r: Rng, docBase: number): JsonObject {
  const date = ctx.txnDate(entity, i);
  return {
    CustomField: customFields(r),
    DocNumber: String(docBase + i),
    TxnDate: date,
    CurrencyRef: USD,
  };
}

export function salesSources(ctx: GenContext): Map<string, BaseSource> {
  const m = new Map<string, BaseSource>();
  const invoice = (i: number, env: JsonObject): JsonObject => {
    const r = ctx.rng('Invoice', i);
    const head = salesHead(ctx, 'Invoice', i, r, 1001);
    const cust = ctx.pickIndex(r, 'Customer');
    const body = salesBody(ctx, r);
    const pay = paymentOfInvoice(ctx, i);
    const total = money(body.totalCents);
    return {
      AllowIPNPayment: false,
      AllowOnlinePayment: false,
      AllowOnlineCreditCardPayment: false,
      AllowOnlineACHPayment: false,
      ...env,
      ...head,
      LinkedTxn: pay >= 0 ? [{ TxnId: String(pay + 1), TxnType: 'Payment' }] : [],
      Line: body.Line,
      TxnTaxDetail: body.TxnTaxDetail,
      CustomerRef: ctx.ref('Customer', cust),
      ...(r.chance(0.5) ? { CustomerMemo: { value: 'Thank you for your business and have a great day!' } } : {}),
      ...(r.chance(0.3) ? { ClassRef: ctx.ref('Class', r.int(3)) } : {}),
      ...(r.chance(0.2) ? { DepartmentRef: ctx.ref('Department', r.int(3)) } : {}),
      SalesTermRef: { value: '3' },
      DueDate: GenContext.addDays(head.TxnDate as string, 30),
      TotalAmt: total,
      ApplyTaxAfterDiscount: false,
      PrintStatus: r.pick(['NeedToPrint', 'NotSet', 'PrintComplete']),
      EmailStatus: r.pick(['NotSet', 'NeedToSend', 'EmailSent']),
      ...(r.chance(0.6) ? { BillEmail: { Address: `billing${cust + 1}@example.com` } } : {}),
      Balance: pay >= 0 ? 0 : total,
    };
  };
  m.set('Invoice', sourceOf(ctx, 'Invoice', invoice));
  m.set(
    'Payment',
    sourceOf(ctx, 'Payment', (i, env) => {
      const r = ctx.rng('Payment', i);
      const j = invoiceOfPayment(ctx, i);
      const inv = invoice(j, ctx.envelope('Invoice', j));
      const amount = inv.TotalAmt as number;
      return {
        CustomerRef: inv.CustomerRef,
        DepositToAccountRef: { value: String(ACCT.undeposited) },
        PaymentMethodRef: ctx.ref('PaymentMethod', r.int(5)),
        ...(r.chance(0.5) ? { PaymentRefNum: String(r.between(1000, 9999)) } : {}),
        TotalAmt: amount,
        UnappliedAmt: 0,
        ProcessPayment: false,
        ...env,
        TxnDate: ctx.txnDate('Payment', i),
        CurrencyRef: USD,
        Line: [
          {
            Amount: amount,
            LinkedTxn: [{ TxnId: String(j + 1), TxnType: 'Invoice' }],
            LineEx: { any: [{ name: '{http://schema.intuit.com/finance/v3}NameValue', declaredType: 'com.intuit.schema.finance.v3.NameValue', scope: 'javax.xml.bind.JAXBElement$GlobalScope', value: { Name: 'txnReferenceNumber', Value: String(1001 + j) }, nil: false, globalScope: true, typeSubstituted: false }] },
          },
        ],
      };
    }),
  );
  const form = (entity: string, docBase: number, extra: (i: number, r: Rng, body: SalesBody, date: string) => JsonObject): void => {
    m.set(
      entity,
      sourceOf(ctx, entity, (i, env) => {
        const r = ctx.rng(entity, i);
        const head = salesHead(ctx, entity, i, r, docBase);
        const cust = ctx.pickIndex(r, 'Customer');
        const body = salesBody(ctx, r);
        return {
          ...env,
          ...head,
          Line: body.Line,
          TxnTaxDetail: body.TxnTaxDetail,
          CustomerRef: ctx.ref('Customer', cust),
          TotalAmt: money(body.totalCents),
          ApplyTaxAfterDiscount: false,
          PrintStatus: 'NotSet',
          EmailStatus: 'NotSet',
          ...extra(i, r, body, head.TxnDate as string),
        };
      }),
    );
  };
  form('Estimate', 1001, (_i, r, _b, date) => ({
    TxnStatus: r.pick(['Pending', 'Accepted', 'Closed', 'Rejected']),
    ExpirationDate: GenContext.addDays(date, 30),
  }));
  form('SalesReceipt', 1501, (_i, r) => ({
    PaymentMethodRef: ctx.ref('PaymentMethod', r.int(5)),
    DepositToAccountRef: accountRef(ACCT.undeposited),
    Balance: 0,
  }));
  form('CreditMemo', 2001, (_i, r, body) => {
    const remaining = r.chance(0.5) ? money(body.totalCents) : 0;
    return { RemainingCredit: remaining, Balance: remaining };
  });
  form('RefundReceipt', 2501, (_i, r) => ({
    PaymentMethodRef: ctx.ref('PaymentMethod', r.int(2)),
    DepositToAccountRef: accountRef(ACCT.checking),
    PaymentRefNum: 'To Print',
    Balance: 0,
  }));
  return m;
}
