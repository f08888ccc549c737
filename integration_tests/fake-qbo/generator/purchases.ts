// Purchase side: bills (item- and account-based expense lines), bill payments applied to bills, purchases
// (cash/check/credit card expenses), purchase orders, vendor credits and credit card payments.
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import type { Rng } from '../prng.js';
import type { BaseSource } from '../store/source.js';
import { accountRef, ACCT, EXPENSE_ACCOUNTS } from './chart.js';
import { GenContext, money } from './context.js';
import { itemTemplate } from './items.js';
import { sourceOf } from './lists.js';
import { invoiceOfPayment, paymentOfInvoice, USD } from './sales.js';

interface ExpenseBody {
  Line: JsonObject[];
  totalCents: number;
}

/** Expense lines: account-based always possible, item-based when `items` (bills, POs, vendor credits). */
function expenseBody(ctx: GenContext, r: Rng, items: boolean, itemsOnly = false): ExpenseBody {
  const n = 1 + r.int(3);
  const lines: JsonObject[] = [];
  let total = 0;
  for (let k = 0; k < n; k++) {
    const billable = r.chance(0.25);
    const cust = billable ? { CustomerRef: ctx.ref('Customer', ctx.pickIndex(r, 'Customer')), BillableStatus: 'Billable' } : { BillableStatus: 'NotBillable' };
    if (itemsOnly || (items && r.chance(0.4))) {
      const idx = ctx.pickIndex(r, 'Item');
      const t = itemTemplate(idx);
      const qty = r.pick([1, 2, 5, 10, 2.5, 12.75]);
      const cost = t.costCents > 0 ? t.costCents : Math.round(t.priceCents / 2);
      const amount = Math.round(qty * cost);
      total += amount;
      lines.push({
        Id: String(k + 1),
        LineNum: k + 1,
        Description: t.name,
        Amount: money(amount),
        DetailType: 'ItemBasedExpenseLineDetail',
        ItemBasedExpenseLineDetail: { ...cust, ItemRef: ctx.ref('Item', idx), UnitPrice: money(cost), Qty: qty, TaxCodeRef: { value: 'NON' } },
      });
    } else {
      const amount = r.cents(5, 2500);
      total += amount;
      lines.push({
        Id: String(k + 1),
        LineNum: k + 1,
        ...(r.chance(0.5) ? { Description: r.pick(['Lumber', 'Monthly Phone Bill', 'Fuel', 'Office supplies', 'Büromaterial']) } : {}),
        Amount: money(amount),
        DetailType: 'AccountBasedExpenseLineDetail',
        AccountBasedExpenseLineDetail: { ...cust, AccountRef: accountRef(r.pick(EXPENSE_ACCOUNTS)), TaxCodeRef: { value: 'NON' } },
      });
    }
  }
  return { Line: lines, totalCents: total };
}

export function purchaseSources(ctx: GenContext): Map<string, BaseSource> {
  const m = new Map<string, BaseSource>();
  const bill = (i: number, env: JsonObject): JsonObject => {
    const r = ctx.rng('Bill', i);
    const date = ctx.txnDate('Bill', i);
    const body = expenseBody(ctx, r, true);
    const paid = paymentOfInvoice(ctx, i, 'Bill', 'BillPayment');
    const total = money(body.totalCents);
    return {
      ...env,
      ...(r.chance(0.6) ? { DocNumber: `B-${String(r.between(100, 99999))}` } : {}),
      TxnDate: date,
      CurrencyRef: USD,
      LinkedTxn: paid >= 0 ? [{ TxnId: String(paid + 1), TxnType: 'BillPaymentCheck' }] : [],
      Line: body.Line,
      VendorRef: ctx.ref('Vendor', ctx.pickIndex(r, 'Vendor')),
      APAccountRef: accountRef(ACCT.ap),
      SalesTermRef: { value: '3' },
      DueDate: GenContext.addDays(date, 30),
      TotalAmt: total,
      Balance: paid >= 0 ? 0 : total,
    };
  };
  m.set('Bill', sourceOf(ctx, 'Bill', bill));
  m.set(
    'BillPayment',
    sourceOf(ctx, 'BillPayment', (i, env) => {
      const r = ctx.rng('BillPayment', i);
      const j = invoiceOfPayment(ctx, i, 'Bill', 'BillPayment');
      const b = bill(j, ctx.envelope('Bill', j));
      const card = r.chance(0.2);
      return {
        VendorRef: b.VendorRef,
        PayType: card ? 'CreditCard' : 'Check',
        ...(card
          ? { CreditCardPayment: { CCAccountRef: accountRef(ACCT.mastercard) } }
          : { CheckPayment: { BankAccountRef: accountRef(ACCT.checking), PrintStatus: r.pick(['NeedToPrint', 'NotSet']) } }),
        TotalAmt: b.TotalAmt,
        ...env,
        DocNumber: String(5000 + i),
        TxnDate: ctx.txnDate('BillPayment', i),
        CurrencyRef: USD,
        ...(r.chance(0.3) ? { PrivateNote: `Acct. ${r.between(100, 999)}` } : {}),
        Line: [{ Amount: b.TotalAmt, LinkedTxn: [{ TxnId: String(j + 1), TxnType: 'Bill' }] }],
      };
    }),
  );
  m.set(
    'Purchase',
    sourceOf(ctx, 'Purchase', (i, env) => {
      const r = ctx.rng('Purchase', i);
      const type = r.pick(['Cash', 'Check', 'CreditCard', 'CreditCard']);
      const body = expenseBody(ctx, r, false);
      const account = type === 'CreditCard' ? r.pick([ACCT.mastercard, ACCT.visa]) : ACCT.checking;
      return {
        AccountRef: accountRef(account),
        PaymentType: type,
        EntityRef: { ...ctx.ref('Vendor', ctx.pickIndex(r, 'Vendor')), type: 'Vendor' },
        ...(type === 'CreditCard' ? { Credit: false } : {}),
        TotalAmt: money(body.totalCents),
        PurchaseEx: { any: [{ name: '{http://schema.intuit.com/finance/v3}NameValue', declaredType: 'com.intuit.schema.finance.v3.NameValue', scope: 'javax.xml.bind.JAXBElement$GlobalScope', value: { Name: 'TxnType', Value: '54' }, nil: false, globalScope: true, typeSubstituted: false }] },
        ...env,
        ...(type === 'Check' ? { DocNumber: String(7000 + i) } : {}),
        TxnDate: ctx.txnDate('Purchase', i),
        CurrencyRef: USD,
        Line: body.Line,
      };
    }),
  );
  m.set(
    'PurchaseOrder',
    sourceOf(ctx, 'PurchaseOrder', (i, env) => {
      const r = ctx.rng('PurchaseOrder', i);
      const body = expenseBody(ctx, r, true, true);
      return {
        ...env,
        DocNumber: String(1001 + i),
        TxnDate: ctx.txnDate('PurchaseOrder', i),
        CurrencyRef: USD,
        Line: body.Line,
        VendorRef: ctx.ref('Vendor', ctx.pickIndex(r, 'Vendor')),
        APAccountRef: accountRef(ACCT.ap),
        TotalAmt: money(body.totalCents),
        POStatus: r.pick(['Open', 'Closed']),
        EmailStatus: 'NotSet',
      };
    }),
  );
  m.set(
    'VendorCredit',
    sourceOf(ctx, 'VendorCredit', (i, env) => {
      const r = ctx.rng('VendorCredit', i);
      const body = expenseBody(ctx, r, true);
      return {
        ...env,
        TxnDate: ctx.txnDate('VendorCredit', i),
        CurrencyRef: USD,
        Line: body.Line,
        VendorRef: ctx.ref('Vendor', ctx.pickIndex(r, 'Vendor')),
        APAccountRef: accountRef(ACCT.ap),
        TotalAmt: money(body.totalCents),
      };
    }),
  );
  m.set(
    'CreditCardPaymentTxn',
    sourceOf(ctx, 'CreditCardPaymentTxn', (i, env) => {
      const r = ctx.rng('CreditCardPaymentTxn', i);
      return {
        ...env,
        CreditCardAccountRef: accountRef(r.pick([ACCT.mastercard, ACCT.visa])),
        TxnDate: ctx.txnDate('CreditCardPaymentTxn', i),
        CurrencyRef: USD,
        ...(r.chance(0.5) ? { PrivateNote: 'Card payment' } : {}),
        Amount: money(r.cents(10, 3000)),
        BankAccountRef: accountRef(ACCT.checking),
      };
    }),
  );
  return m;
}
