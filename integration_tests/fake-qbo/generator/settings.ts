// Singletons (CompanyInfo, Preferences) and the read-only TaxClassification catalogue.
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import type { BaseSource } from '../store/source.js';
import type { GenContext } from './context.js';
import { sourceOf } from './lists.js';

export function settingsSources(ctx: GenContext): Map<string, BaseSource> {
  const m = new Map<string, BaseSource>();
  const start = ctx.txnDate('CompanyInfo', 0);
  const addr = { Id: '1', Line1: '2500 Garcia Ave', City: 'Mountain View', CountrySubDivisionCode: 'CA', Country: 'USA', PostalCode: '94043' };
  m.set(
    'CompanyInfo',
    sourceOf(ctx, 'CompanyInfo', (_i, env) => ({
      CompanyName: "Sandbox Company_US_1 Landscaping & Co's",
      LegalName: "Sandbox Landscaping & Co's LLC",
      CompanyAddr: addr,
      CustomerCommunicationAddr: addr,
      LegalAddr: addr,
      PrimaryPhone: { FreeFormNumber: '(650) 944-4444' },
      CompanyStartDate: start,
      FiscalYearStartMonth: 'January',
      Country: 'US',
      Email: { Address: 'noreply@example.com' },
      WebAddr: {},
      SupportedLanguages: 'en',
      DefaultTimeZone: 'America/Los_Angeles',
      NameValue: [
        { Name: 'NeoEnabled', Value: 'true' },
        { Name: 'IndustryType', Value: 'Landscaping Services' },
        { Name: 'IndustryCode', Value: '561730' },
        { Name: 'SubscriptionStatus', Value: 'PAID' },
        { Name: 'OfferingSku', Value: 'QuickBooks Online Plus' },
        { Name: 'PayrollFeature', Value: 'false' },
        { Name: 'AccountantFeature', Value: 'false' },
        { Name: 'QBOIndustryType', Value: 'Landscape Services' },
        { Name: 'AssignedTime', Value: `${start}T00:00:00-07:00` },
      ],
      ...env,
    })),
  );
  m.set(
    'Preferences',
    sourceOf(ctx, 'Preferences', (_i, env) => ({
      AccountingInfoPrefs: {
        FirstMonthOfFiscalYear: 'January',
        UseAccountNumbers: false,
        TaxYearMonth: 'January',
        ClassTrackingPerTxn: false,
        ClassTrackingPerTxnLine: true,
        TrackDepartments: true,
        DepartmentTerminology: 'Location',
        CustomerTerminology: 'Customers',
      },
      ProductAndServicesPrefs: { ForSales: true, ForPurchase: true, QuantityWithPriceAndRate: true, QuantityOnHand: true },
      SalesFormsPrefs: {
        CustomField: [
          {
            CustomField: [
              { Name: 'SalesFormsPrefs.UseSalesCustom1', Type: 'BooleanType', BooleanValue: true },
              { Name: 'SalesFormsPrefs.UseSalesCustom2', Type: 'BooleanType', BooleanValue: true },
              { Name: 'SalesFormsPrefs.UseSalesCustom3', Type: 'BooleanType', BooleanValue: true },
            ],
          },
          {
            CustomField: [
              { Name: 'SalesFormsPrefs.SalesCustomName1', Type: 'StringType', StringValue: 'Crew #' },
              { Name: 'SalesFormsPrefs.SalesCustomName2', Type: 'StringType', StringValue: 'Sales Rep' },
              { Name: 'SalesFormsPrefs.SalesCustomName3', Type: 'StringType', StringValue: 'PO Ref' },
            ],
          },
        ],
        AllowDeposit: true,
        AllowDiscount: true,
        AllowEstimates: true,
        AllowServiceDate: true,
        AllowShipping: false,
        CustomTxnNumbers: false,
        DefaultTerms: { value: '3' },
        ETransactionEnabledStatus: 'NotApplicable',
        IPNSupportEnabled: false,
        UsingPriceLevels: false,
        UsingProgressInvoicing: false,
      },
      EmailMessagesPrefs: {
        InvoiceMessage: { Subject: 'Invoice from Sandbox Landscaping', Message: 'Your invoice is attached.' },
      },
      VendorAndPurchasesPrefs: { BillableExpenseTracking: true, TrackingByCustomer: true, DefaultTerms: { value: '3' } },
      TimeTrackingPrefs: { UseServices: true, BillCustomers: true, ShowBillRateToAll: false, WorkWeekStartDate: 'Monday', MarkTimeEntriesBillable: true },
      TaxPrefs: { UsingSalesTax: true, PartnerTaxEnabled: true },
      CurrencyPrefs: { MultiCurrencyEnabled: true, HomeCurrency: { value: 'USD' } },
      ReportPrefs: { ReportBasis: 'Accrual', CalcAgingReportFromTxnDate: false },
      OtherPrefs: { NameValue: [{ Name: 'SalesFormsPrefs.DefaultCustomerMessage', Value: 'Thank you for your business!' }] },
      ...env,
    })),
  );
  return m;
}

/** GET /taxclassification: read-only, no MetaData, not queryable. */
export const TAX_CLASSIFICATIONS: readonly JsonObject[] = [
  { id: 'V1-00100000', code: 'V1-00100000', name: 'Professional Services', description: 'Professional services.', level: '1', applicableTo: ['Service'] },
  { id: 'EUC-01010101-V1-00100000', code: 'EUC-01010101', name: 'Tangible, custom software', description: 'Custom software (developed especially for purchaser) - Licensed (not sold), and delivered on a tangible format, such as on a CD or DVD.', level: '2', ParentRef: { name: 'Professional Services', value: 'V1-00100000' }, applicableTo: ['Inventory', 'Noninventory'] },
  { id: 'EUC-01010201-V1-00100000', code: 'EUC-01010201', name: 'Tangible, canned software', description: 'Canned software (off-the-shelf) - Licensed (not sold) which is delivered in a tangible format, such as on a CD or DVD.', level: '2', ParentRef: { name: 'Professional Services', value: 'V1-00100000' }, applicableTo: ['Inventory', 'Noninventory'] },
  { id: 'V1-00200000', code: 'V1-00200000', name: 'Food and beverage', description: 'Food and beverage products.', level: '1', applicableTo: ['Inventory', 'Noninventory'] },
  { id: 'EUC-02010101-V1-00200000', code: 'EUC-02010101', name: 'Prepared food', description: 'Prepared food sold by restaurants and caterers.', level: '2', ParentRef: { name: 'Food and beverage', value: 'V1-00200000' }, applicableTo: ['Inventory', 'Noninventory', 'Service'] },
];
