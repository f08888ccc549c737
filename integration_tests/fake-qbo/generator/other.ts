// Journal entries (debits equal credits), deposits, transfers, time activities, attachables, recurring
// transaction templates, reimburse charges and tax payments.
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import type { BaseSource } from '../store/source.js';
import { accountRef, ACCT, EXPENSE_ACCOUNTS } from './chart.js';
import { GenContext, money } from './context.js';
import { itemTemplate } from './items.js';
import { sourceOf } from './lists.js';
import { USD } from './sales.js';

export function otherSources(ctx: GenContext): Map<string, BaseSource> {
  const m = new Map<string, BaseSource>();
  m.set(
    'JournalEntry',
    sourceOf(ctx, 'JournalEntry', (i, env) => {
      const r = ctx.rng('JournalEntry', i);
      const debits = Array.from({ length: 1 + r.int(3) }, () => r.cents(10, 5000));
      const total = debits.reduce((a, b) => a + b, 0);
      const split = r.chance(0.5) && total > 100 ? Math.floor(total / 3) : 0;
      const credits = split > 0 ? [split, total - split] : [total];
      const line = (k: number, amount: number, posting: 'Debit' | 'Credit', account: number): JsonObject => ({
        Id: String(k),
        Description: posting === 'Debit' ? r.pick(['Four sprinkler heads damaged', 'Depreciation', 'Accrual', 'Reclass']) : 'Offset',
        Amount: money(amount),
        DetailType: 'JournalEntryLineDetail',
        JournalEntryLineDetail: {
          PostingType: posting,
          AccountRef: accountRef(account),
          ...(r.chance(0.3) ? { Entity: { Type: 'Customer', EntityRef: ctx.ref('Customer', ctx.pickIndex(r, 'Customer')) } } : {}),
        },
      });
      const lines = [
        ...debits.map((a, k) => line(k, a, 'Debit', r.pick(EXPENSE_ACCOUNTS))),
        ...credits.map((a, k) => line(debits.length + k, a, 'Credit', r.pick([ACCT.checking, ACCT.savings, ACCT.ap]))),
      ];
      return {
        Adjustment: r.chance(0.1),
        ...env,
        DocNumber: `JE-${i + 1}`,
        TxnDate: ctx.txnDate('JournalEntry', i),
        CurrencyRef: USD,
        Line: lines,
        TxnTaxDetail: {},
      };
    }),
  );
  m.set(
    'Deposit',
    sourceOf(ctx, 'Deposit', (i, env) => {
      const r = ctx.rng('Deposit', i);
      const amounts = Array.from({ length: 1 + r.int(3) }, () => r.cents(20, 4000));
      return {
        DepositToAccountRef: accountRef(ACCT.checking),
        ...env,
        TxnDate: ctx.txnDate('Deposit', i),
        CurrencyRef: USD,
        ...(r.chance(0.4) ? { PrivateNote: 'Weekly deposit' } : {}),
        Line: amounts.map((a, k) => ({
          Id: String(k + 1),
          LineNum: k + 1,
          Amount: money(a),
          DetailType: 'DepositLineDetail',
          DepositLineDetail: {
            ...(r.chance(0.5) ? { Entity: { ...ctx.ref('Customer', ctx.pickIndex(r, 'Customer')), type: 'CUSTOMER' } } : {}),
            AccountRef: accountRef(r.pick([ACCT.services, ACCT.landscaping, ACCT.interest])),
            PaymentMethodRef: ctx.ref('PaymentMethod', r.int(2)),
          },
        })),
        TotalAmt: money(amounts.reduce((a, b) => a + b, 0)),
      };
    }),
  );
  m.set(
    'Transfer',
    sourceOf(ctx, 'Transfer', (i, env) => {
      const r = ctx.rng('Transfer', i);
      const up = r.chance(0.5);
      return {
        FromAccountRef: accountRef(up ? ACCT.checking : ACCT.savings),
        ToAccountRef: accountRef(up ? ACCT.savings : ACCT.checking),
        Amount: money(r.cents(100, 20000)),
        ...env,
        TxnDate: ctx.txnDate('Transfer', i),
        CurrencyRef: USD,
        ...(r.chance(0.5) ? { PrivateNote: 'Monthly savings transfer' } : {}),
      };
    }),
  );
  m.set(
    'TimeActivity',
    sourceOf(ctx, 'TimeActivity', (i, env) => {
      const r = ctx.rng('TimeActivity', i);
      const vendor = r.chance(0.15);
      const item = ctx.pickIndex(r, 'Item');
      const hours = r.between(0, 8);
      return {
        TxnDate: ctx.txnDate('TimeActivity', i),
        NameOf: vendor ? 'Vendor' : 'Employee',
        ...(vendor ? { VendorRef: ctx.ref('Vendor', ctx.pickIndex(r, 'Vendor')) } : { EmployeeRef: ctx.ref('Employee', ctx.pickIndex(r, 'Employee')) }),
        CustomerRef: ctx.ref('Customer', ctx.pickIndex(r, 'Customer')),
        ItemRef: ctx.ref('Item', item),
        BillableStatus: r.pick(['Billable', 'NotBillable', 'HasBeenBilled']),
        Taxable: false,
        HourlyRate: money(itemTemplate(item).priceCents),
        Hours: hours,
        Minutes: hours === 0 ? 15 * (1 + r.int(3)) : r.pick([0, 0, 15, 30, 45]),
        Description: r.pick(['Garden Lighting', 'Weekly maintenance', 'Design consultation', 'Pflege – Gärten']),
        ...env,
      };
    }),
  );
  m.set(
    'Attachable',
    sourceOf(ctx, 'Attachable', (i, env) => {
      const r = ctx.rng('Attachable', i);
      const target = ctx.pickIndex(r, 'Invoice');
      const note = r.chance(0.3);
      return {
        AttachableRef: [{ EntityRef: { type: 'Invoice', value: String(target + 1) }, IncludeOnSend: false }],
        ...(note
          ? { Note: 'This is an attached note.' }
          : {
              FileName: `receipt_${i + 1}.pdf`,
              FileAccessUri: `/v3/company/attachments/${i + 1}`,
              TempDownloadUri: `https://fake-qbo.local/attachments/${i + 1}?sig=x`,
              Size: r.between(1000, 900000),
              ContentType: 'application/pdf',
            }),
        ...env,
      };
    }),
  );
  m.set(
    'RecurringTransaction',
    sourceOf(ctx, 'RecurringTransaction', (i, env) => {
      // Query rows wrap the template transaction: {"Bill": {... RecurringInfo ...}}.
      const r = ctx.rng('RecurringTransaction', i);
      const date = ctx.txnDate('RecurringTransaction', i);
      const amount = r.cents(20, 500);
      const info = {
        Name: r.pick(['Telephone Bill', 'Monthly Maintenance', 'Office Rent', 'Lawn Service']),
        RecurType: 'Automated',
        Active: i % 5 !== 4,
        ScheduleInfo: {
          IntervalType: 'Monthly',
          NumInterval: 1,
          DayOfMonth: 1,
          NextDate: GenContext.addDays(date, 30),
          PreviousDate: date,
        },
      };
      if (i % 2 === 0) {
        return {
          Bill: {
            ...env,
            RecurringInfo: info,
            RecurDataRef: { value: String(i + 1) },
            CurrencyRef: USD,
            TotalAmt: money(amount),
            APAccountRef: accountRef(ACCT.ap),
            VendorRef: ctx.ref('Vendor', ctx.pickIndex(r, 'Vendor')),
            Line: [
              {
                Id: '1',
                LineNum: 1,
                Description: info.Name,
                Amount: money(amount),
                DetailType: 'AccountBasedExpenseLineDetail',
                AccountBasedExpenseLineDetail: { AccountRef: accountRef(32), BillableStatus: 'NotBillable', TaxCodeRef: { value: 'NON' } },
              },
            ],
            Balance: money(amount),
            SalesTermRef: { value: '3' },
          },
        };
      }
      const item = ctx.pickIndex(r, 'Item');
      return {
        Invoice: {
          ...env,
          RecurringInfo: info,
          RecurDataRef: { value: String(i + 1) },
          CurrencyRef: USD,
          Line: [
            {
              Id: '1',
              LineNum: 1,
              Amount: money(amount),
              DetailType: 'SalesItemLineDetail',
              SalesItemLineDetail: { ItemRef: ctx.ref('Item', item), Qty: 1, UnitPrice: money(amount), TaxCodeRef: { value: 'NON' } },
            },
            { Amount: money(amount), DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} },
          ],
          TxnTaxDetail: { TotalTax: 0 },
          CustomerRef: ctx.ref('Customer', ctx.pickIndex(r, 'Customer')),
          TotalAmt: money(amount),
          Balance: money(amount),
          ApplyTaxAfterDiscount: false,
        },
      };
    }),
  );
  m.set(
    'ReimburseCharge',
    sourceOf(ctx, 'ReimburseCharge', (i, env) => {
      const r = ctx.rng('ReimburseCharge', i);
      const base = r.cents(5, 300);
      const markup = Math.round(base * 0.1);
      const invoiced = r.chance(0.5);
      const inv = ctx.pickIndex(r, 'Invoice');
      const linked = invoiced ? [{ TxnId: String(inv + 1), TxnType: 'Invoice' }] : [];
      return {
        ...env,
        HasBeenInvoiced: invoiced,
        TxnDate: ctx.txnDate('ReimburseCharge', i),
        CurrencyRef: USD,
        LinkedTxn: linked,
        Amount: money(base + markup),
        Line: [
          {
            Id: '1',
            LineNum: 1,
            Amount: money(base),
            DetailType: 'ReimburseLineDetail',
            LinkedTxn: linked,
            ReimburseLineDetail: { ItemAccountRef: accountRef(ACCT.billableIncome), TaxCodeRef: { value: 'NON' }, MarkupInfo: { Percent: 10 } },
          },
          {
            Id: '2',
            LineNum: 2,
            Description: '10% markup',
            Amount: money(markup),
            DetailType: 'ReimburseLineDetail',
            LinkedTxn: linked,
            ReimburseLineDetail: { ItemAccountRef: accountRef(ACCT.billableIncome), TaxCodeRef: { value: 'NON' }, MarkupInfo: { Percent: 10 } },
          },
        ],
        CustomerRef: ctx.ref('Customer', ctx.pickIndex(r, 'Customer')),
      };
    }),
  );
  m.set(
    'TaxPayment',
    sourceOf(ctx, 'TaxPayment', (i, env) => {
      const r = ctx.rng('TaxPayment', i);
      const refund = i % 4 === 3;
      return {
        ...env,
        PaymentDate: ctx.txnDate('TaxPayment', i),
        PaymentAmount: money(r.cents(50, 2500)),
        PaymentAccountRef: accountRef(ACCT.checking),
        Refund: refund,
        Description: refund ? 'Sales tax refund' : 'Quarterly sales tax',
      };
    }),
  );
  return m;
}
