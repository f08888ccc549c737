/* eslint-disable */
/**
 * GENERATED FILE: do not edit. Source: schemas/*.json (with schemas/shared/), via
 * `npm run types:gen` (node dist/scripts/types-gen.js). `npm run types:check` fails when stale.
 */

export type ModificationMetaData = null | {
  CreatedByRef?: ReferenceType;
  CreateTime?: null | string;
  LastModifiedByRef?: ReferenceType;
  LastUpdatedTime?: null | string;
  LastChangedInQB?: null | string;
  Synchronized?: null | boolean;
  [k: string]: unknown;
};
export type ReferenceType = null | {
  value?: null | string;
  name?: null | string;
  type?: null | string;
  [k: string]: unknown;
};
export type CustomField = null | {
  DefinitionId?: null | string;
  Name?: null | string;
  Type?: null | string;
  StringValue?: null | string;
  BooleanValue?: null | boolean;
  DateValue?: null | string;
  NumberValue?: null | number;
  [k: string]: unknown;
};
export type AttachableRef = null | {
  EntityRef?: ReferenceType;
  LineInfo?: null | string;
  IncludeOnSend?: null | boolean;
  CustomField?: null | CustomField[];
  AttachableRefEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type IntuitAnyType = null | {
  any?:
    | null
    | {
        name?: null | string;
        declaredType?: null | string;
        scope?: null | string;
        value?: null | {
          Name?: null | string;
          Value?: null | string;
          [k: string]: unknown;
        };
        nil?: null | boolean;
        globalScope?: null | boolean;
        typeSubstituted?: null | boolean;
        [k: string]: unknown;
      }[];
  [k: string]: unknown;
};
export type LinkedTxn = null | {
  TxnId?: null | string;
  TxnType?: null | string;
  TxnLineId?: null | string;
  [k: string]: unknown;
};
export type Line = null | {
  Id?: null | string;
  LineNum?: null | number;
  Description?: null | string;
  Amount?: null | number;
  Received?: null | number;
  LinkedTxn?: null | LinkedTxn[];
  DetailType?: null | string;
  PaymentLineDetail?: PaymentLineDetail;
  DiscountLineDetail?: DiscountLineDetail;
  TaxLineDetail?: TaxLineDetail;
  SalesItemLineDetail?: SalesItemLineDetail;
  DescriptionLineDetail?: DescriptionLineDetail;
  ItemBasedExpenseLineDetail?: ItemBasedExpenseLineDetail;
  AccountBasedExpenseLineDetail?: AccountBasedExpenseLineDetail;
  ReimburseLineDetail?: ReimburseLineDetail;
  DepositLineDetail?: DepositLineDetail;
  PurchaseOrderItemLineDetail?: PurchaseOrderItemLineDetail;
  SalesOrderItemLineDetail?: SalesOrderItemLineDetail;
  ItemReceiptLineDetail?: ItemReceiptLineDetail;
  JournalEntryLineDetail?: JournalEntryLineDetail;
  GroupLineDetail?: GroupLineDetail;
  SubTotalLineDetail?: SubTotalLineDetail;
  TDSLineDetail?: TDSLineDetail;
  ItemAdjustmentLineDetail?: ItemAdjustmentLineDetail;
  CustomField?: null | CustomField[];
  LineEx?: IntuitAnyType;
  ProjectRef?: ReferenceType;
  CostAmount?: null | number;
  HomeCostAmount?: null | number;
  CustomExtensions?: null | CustomExtensions[];
  [k: string]: unknown;
};
export type PaymentLineDetail = null | {
  ItemRef?: ReferenceType;
  ServiceDate?: null | string;
  ClassRef?: ReferenceType;
  Balance?: null | number;
  HomeBalance?: null | number;
  Discount?: DiscountOverride;
  PaymentLineEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type DiscountOverride = null | {
  DiscountRef?: ReferenceType;
  PercentBased?: null | boolean;
  DiscountPercent?: null | number;
  DiscountAccountRef?: ReferenceType;
  [k: string]: unknown;
};
export type DiscountLineDetail = null | {
  DiscountRef?: ReferenceType;
  PercentBased?: null | boolean;
  DiscountPercent?: null | number;
  DiscountAccountRef?: ReferenceType;
  ServiceDate?: null | string;
  ClassRef?: ReferenceType;
  TaxCodeRef?: ReferenceType;
  DiscountLineDetailEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type TaxLineDetail = null | {
  TaxRateRef?: ReferenceType;
  PercentBased?: null | boolean;
  TaxPercent?: null | number;
  NetAmountTaxable?: null | number;
  TaxInclusiveAmount?: null | number;
  OverrideDeltaAmount?: null | number;
  ServiceDate?: null | string;
  TaxLineDetailEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type SalesItemLineDetail = null | {
  ItemRef?: ReferenceType;
  ClassRef?: ReferenceType;
  UnitPrice?: null | number;
  UnitCostPrice?: null | number;
  RatePercent?: null | number;
  PriceLevelRef?: ReferenceType;
  MarkupInfo?: MarkupInfo;
  Qty?: null | number;
  UOMRef?: UOMRef;
  ItemAccountRef?: ReferenceType;
  InventorySiteRef?: ReferenceType;
  TaxCodeRef?: ReferenceType;
  TaxClassificationRef?: ReferenceType;
  ServiceDate?: null | string;
  TaxInclusiveAmt?: null | number;
  DiscountRate?: null | number;
  DiscountAmt?: null | number;
  DeferredRevenue?: null | boolean;
  RetainageAmount?: null | number;
  SalesItemLineDetailEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type MarkupInfo = null | {
  PercentBased?: null | boolean;
  Value?: null | number;
  Percent?: null | number;
  PriceLevelRef?: ReferenceType;
  MarkUpIncomeAccountRef?: ReferenceType;
  [k: string]: unknown;
};
export type UOMRef = null | {
  Unit?: null | string;
  UOMSetRef?: ReferenceType;
  [k: string]: unknown;
};
export type DescriptionLineDetail = null | {
  ServiceDate?: null | string;
  TaxCodeRef?: ReferenceType;
  DescriptionLineDetailEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type ItemBasedExpenseLineDetail = null | {
  ItemRef?: ReferenceType;
  ClassRef?: ReferenceType;
  UnitPrice?: null | number;
  UnitCostPrice?: null | number;
  RatePercent?: null | number;
  PriceLevelRef?: ReferenceType;
  MarkupInfo?: MarkupInfo;
  Qty?: null | number;
  UOMRef?: UOMRef;
  ItemAccountRef?: ReferenceType;
  InventorySiteRef?: ReferenceType;
  TaxCodeRef?: ReferenceType;
  TaxClassificationRef?: ReferenceType;
  CustomerRef?: ReferenceType;
  BillableStatus?: null | string;
  TaxInclusiveAmt?: null | number;
  ItemBasedExpenseLineDetailEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type AccountBasedExpenseLineDetail = null | {
  CustomerRef?: ReferenceType;
  ClassRef?: ReferenceType;
  AccountRef?: ReferenceType;
  BillableStatus?: null | string;
  MarkupInfo?: MarkupInfo;
  TaxAmount?: null | number;
  TaxCodeRef?: ReferenceType;
  TaxInclusiveAmt?: null | number;
  ExpenseDetailLineDetailEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type ReimburseLineDetail = null | {
  ItemRef?: ReferenceType;
  ClassRef?: ReferenceType;
  UnitPrice?: null | number;
  UnitCostPrice?: null | number;
  RatePercent?: null | number;
  PriceLevelRef?: ReferenceType;
  MarkupInfo?: MarkupInfo;
  Qty?: null | number;
  UOMRef?: UOMRef;
  ItemAccountRef?: ReferenceType;
  InventorySiteRef?: ReferenceType;
  TaxCodeRef?: ReferenceType;
  TaxClassificationRef?: ReferenceType;
  [k: string]: unknown;
};
export type DepositLineDetail = null | {
  Entity?: ReferenceType;
  ClassRef?: ReferenceType;
  AccountRef?: ReferenceType;
  PaymentMethodRef?: ReferenceType;
  CheckNum?: null | string;
  TxnType?: null | string;
  TaxCodeRef?: ReferenceType;
  TaxApplicableOn?: null | string;
  DepositLineDetailEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type PurchaseOrderItemLineDetail = null | {
  ItemRef?: ReferenceType;
  ClassRef?: ReferenceType;
  UnitPrice?: null | number;
  UnitCostPrice?: null | number;
  RatePercent?: null | number;
  PriceLevelRef?: ReferenceType;
  MarkupInfo?: MarkupInfo;
  Qty?: null | number;
  UOMRef?: UOMRef;
  ItemAccountRef?: ReferenceType;
  InventorySiteRef?: ReferenceType;
  TaxCodeRef?: ReferenceType;
  TaxClassificationRef?: ReferenceType;
  ServiceDate?: null | string;
  TaxInclusiveAmt?: null | number;
  DiscountRate?: null | number;
  DiscountAmt?: null | number;
  DeferredRevenue?: null | boolean;
  RetainageAmount?: null | number;
  SalesItemLineDetailEx?: IntuitAnyType;
  ManPartNum?: null | string;
  ManuallyClosed?: null | boolean;
  OpenQty?: null | number;
  PurchaseOrderItemLineDetailEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type SalesOrderItemLineDetail = null | {
  ItemRef?: ReferenceType;
  ClassRef?: ReferenceType;
  UnitPrice?: null | number;
  UnitCostPrice?: null | number;
  RatePercent?: null | number;
  PriceLevelRef?: ReferenceType;
  MarkupInfo?: MarkupInfo;
  Qty?: null | number;
  UOMRef?: UOMRef;
  ItemAccountRef?: ReferenceType;
  InventorySiteRef?: ReferenceType;
  TaxCodeRef?: ReferenceType;
  TaxClassificationRef?: ReferenceType;
  ServiceDate?: null | string;
  TaxInclusiveAmt?: null | number;
  DiscountRate?: null | number;
  DiscountAmt?: null | number;
  DeferredRevenue?: null | boolean;
  RetainageAmount?: null | number;
  SalesItemLineDetailEx?: IntuitAnyType;
  ManuallyClosed?: null | boolean;
  [k: string]: unknown;
};
export type ItemReceiptLineDetail = null | {
  ItemReceiptLineDetailEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type JournalEntryLineDetail = null | {
  PostingType?: null | string;
  Entity?: EntityTypeRef;
  AccountRef?: ReferenceType;
  ClassRef?: ReferenceType;
  DepartmentRef?: ReferenceType;
  TaxCodeRef?: ReferenceType;
  TaxRateRef?: ReferenceType;
  TaxApplicableOn?: null | string;
  TaxAmount?: null | number;
  TaxInclusiveAmt?: null | number;
  BillableStatus?: null | string;
  JournalCodeRef?: ReferenceType;
  JournalEntryLineDetailEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type EntityTypeRef = null | {
  Type?: null | string;
  EntityRef?: ReferenceType;
  [k: string]: unknown;
};
export type GroupLineDetail = null | {
  GroupItemRef?: ReferenceType;
  Quantity?: null | number;
  UOMRef?: UOMRef;
  ServiceDate?: null | string;
  Line?: null | GroupLineItem[];
  GroupLineDetailEx?: IntuitAnyType;
  [k: string]: unknown;
};
/**
 * A line inside a group line: a Line without GroupLineDetail (groups do not nest).
 */
export type GroupLineItem = null | {
  Id?: null | string;
  LineNum?: null | number;
  Description?: null | string;
  Amount?: null | number;
  Received?: null | number;
  LinkedTxn?: null | LinkedTxn[];
  DetailType?: null | string;
  PaymentLineDetail?: PaymentLineDetail;
  DiscountLineDetail?: DiscountLineDetail;
  TaxLineDetail?: TaxLineDetail;
  SalesItemLineDetail?: SalesItemLineDetail;
  DescriptionLineDetail?: DescriptionLineDetail;
  ItemBasedExpenseLineDetail?: ItemBasedExpenseLineDetail;
  AccountBasedExpenseLineDetail?: AccountBasedExpenseLineDetail;
  ReimburseLineDetail?: ReimburseLineDetail;
  DepositLineDetail?: DepositLineDetail;
  PurchaseOrderItemLineDetail?: PurchaseOrderItemLineDetail;
  SalesOrderItemLineDetail?: SalesOrderItemLineDetail;
  ItemReceiptLineDetail?: ItemReceiptLineDetail;
  JournalEntryLineDetail?: JournalEntryLineDetail;
  SubTotalLineDetail?: SubTotalLineDetail;
  TDSLineDetail?: TDSLineDetail;
  ItemAdjustmentLineDetail?: ItemAdjustmentLineDetail;
  CustomField?: null | CustomField[];
  LineEx?: IntuitAnyType;
  ProjectRef?: ReferenceType;
  CostAmount?: null | number;
  HomeCostAmount?: null | number;
  CustomExtensions?: null | CustomExtensions[];
  [k: string]: unknown;
};
export type SubTotalLineDetail = null | {
  ItemRef?: ReferenceType;
  ServiceDate?: null | string;
  [k: string]: unknown;
};
export type TDSLineDetail = null | {
  TDSAccountRef?: ReferenceType;
  TDSSectionTypeId?: null | number;
  TDSLineDetailEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type ItemAdjustmentLineDetail = null | {
  ItemRef?: ReferenceType;
  SalesPrice?: null | number;
  QtyDiff?: null | number;
  NewQty?: null | number;
  ClassRef?: ReferenceType;
  [k: string]: unknown;
};
export type CustomExtensions = null | {
  ExtensionType?: null | string;
  AssociatedValues?: null | CustomExtensionAssociatedValues[];
  [k: string]: unknown;
};
export type CustomExtensionAssociatedValues = null | {
  Key?: null | string;
  Value?: null | string;
  [k: string]: unknown;
};
export type TxnTaxDetail = null | {
  DefaultTaxCodeRef?: ReferenceType;
  TxnTaxCodeRef?: ReferenceType;
  TotalTax?: null | number;
  TaxReviewStatus?: null | string;
  TaxLine?: null | Line[];
  UseAutomatedSalesTax?: null | boolean;
  [k: string]: unknown;
};
export type Tag = null | {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  Name?: null | string;
  [k: string]: unknown;
};
export type TxnApprovalInfo = null | {
  ApprovalStatus?: null | string;
  ApprovalStatusDetail?: null | string;
  LastChangedByUser?: null | string;
  LastChangedDate?: null | string;
  [k: string]: unknown;
};
export type RecurringInfo = null | {
  Name?: null | string;
  RecurType?: null | string;
  Active?: null | boolean;
  ScheduleInfo?: RecurringScheduleInfo;
  [k: string]: unknown;
};
export type RecurringScheduleInfo = null | {
  IntervalType?: null | string;
  NumInterval?: null | number;
  DayOfMonth?: null | number;
  DayOfWeek?: null | string;
  WeekOfMonth?: null | number;
  MonthOfYear?: null | string;
  RemindDays?: null | number;
  DaysBefore?: null | number;
  MaxOccurrences?: null | number;
  StartDate?: null | string;
  EndDate?: null | string;
  NextDate?: null | string;
  PreviousDate?: null | string;
  [k: string]: unknown;
};
export type PhysicalAddress = null | {
  Id?: null | string;
  Line1?: null | string;
  Line2?: null | string;
  Line3?: null | string;
  Line4?: null | string;
  Line5?: null | string;
  City?: null | string;
  Country?: null | string;
  CountryCode?: null | string;
  County?: null | string;
  CountrySubDivisionCode?: null | string;
  PostalCode?: null | string;
  PostalCodeSuffix?: null | string;
  Lat?: null | string;
  Long?: null | string;
  Tag?: null | string;
  Note?: null | string;
  [k: string]: unknown;
};
export type CheckPayment = null | {
  CheckNum?: null | string;
  Status?: null | string;
  NameOnAcct?: null | string;
  AcctNum?: null | string;
  BankName?: null | string;
  CheckPaymentEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type CreditCardPayment = null | {
  CreditChargeInfo?: CreditChargeInfo;
  CreditChargeResponse?: CreditChargeResponse;
  [k: string]: unknown;
};
export type CreditChargeInfo = null | {
  Number?: null | string;
  Type?: null | string;
  NameOnAcct?: null | string;
  CcExpiryMonth?: null | number;
  CcExpiryYear?: null | number;
  BillAddrStreet?: null | string;
  PostalCode?: null | string;
  CommercialCardCode?: null | string;
  CCTxnMode?: null | string;
  CCTxnType?: null | string;
  PrevCCTransId?: null | string;
  Amount?: null | number;
  ProcessPayment?: null | boolean;
  CreditCardChargeInfoEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type CreditChargeResponse = null | {
  CCProcessor?: null | string;
  CCTransId?: null | string;
  Status?: null | string;
  ResultCode?: null | number;
  ResultMsg?: null | string;
  MerchantAcctNum?: null | string;
  CardSecurityCodeMatch?: null | string;
  AuthCode?: null | string;
  AvsStreet?: null | string;
  AvsZip?: null | string;
  SecurityCode?: null | string;
  ReconBatchId?: null | string;
  PaymentGroupingCode?: null | number;
  TxnAuthorizationTime?: null | string;
  TxnAuthorizationStamp?: null | number;
  ClientTransID?: null | string;
  CreditChargeResponseEx?: IntuitAnyType;
  [k: string]: unknown;
};
export type EmailAddress = null | {
  Id?: null | string;
  Address?: null | string;
  Default?: null | boolean;
  Tag?: null | string;
  [k: string]: unknown;
};
export type WebSiteAddress = null | {
  Id?: null | string;
  URI?: null | string;
  Default?: null | boolean;
  Tag?: null | string;
  [k: string]: unknown;
};
export type TelephoneNumber = null | {
  Id?: null | string;
  DeviceType?: null | string;
  CountryCode?: null | string;
  AreaCode?: null | string;
  ExchangeCode?: null | string;
  Extension?: null | string;
  FreeFormNumber?: null | string;
  Default?: null | boolean;
  Tag?: null | string;
  [k: string]: unknown;
};
export type ContactInfo = null | {
  Type?: null | string;
  Telephone?: TelephoneNumber;
  Email?: EmailAddress;
  WebSite?: WebSiteAddress;
  OtherContact?: GenericContactType;
  [k: string]: unknown;
};
export type GenericContactType = null | {
  Id?: null | string;
  Name?: null | string;
  Value?: null | string;
  Type?: null | string;
  Default?: null | boolean;
  Tag?: null | string;
  [k: string]: unknown;
};
export type NameValue = null | {
  Name?: null | string;
  Value?: null | string;
  [k: string]: unknown;
};
export type MemoRef = null | {
  value?: null | string;
  id?: null | string;
  [k: string]: unknown;
};
export type TransactionDeliveryInfo = null | {
  DeliveryType?: null | string;
  DeliveryTime?: null | string;
  DeliveryErrorType?: null | string;
  [k: string]: unknown;
};
export type VendorBankAccountDetail = null | {
  BankBranchIdentifier?: null | string;
  BankAccountNumber?: null | string;
  BankAccountName?: null | string;
  StatementText?: null | string;
  [k: string]: unknown;
};

/**
 * Record type of each stream, by stream name.
 */
export interface StreamRecords {
  accounts: Account;
  attachables: Attachable;
  bill_payments: BillPayment;
  bills: Bill;
  budgets: Budget;
  classes: Class;
  company_currencies: CompanyCurrency;
  company_info: CompanyInfo;
  credit_card_payments: CreditCardPaymentTxn;
  credit_memos: CreditMemo;
  customer_types: CustomerType;
  customers: Customer;
  departments: Department;
  deposits: Deposit;
  employees: Employee;
  estimates: Estimate;
  exchange_rates: ExchangeRate;
  invoices: Invoice;
  items: Item;
  journal_codes: JournalCode;
  journal_entries: JournalEntry;
  payment_methods: PaymentMethod;
  payments: Payment;
  preferences: Preferences;
  purchase_orders: PurchaseOrder;
  purchases: Purchase;
  recurring_transactions: RecurringTransaction;
  refund_receipts: RefundReceipt;
  reimburse_charges: ReimburseCharge;
  report_aged_payable_detail: ReportAgedPayableDetail;
  report_aged_payables: ReportAgedPayables;
  report_aged_receivable_detail: ReportAgedReceivableDetail;
  report_aged_receivables: ReportAgedReceivables;
  report_balance_sheet: ReportBalanceSheet;
  report_cash_flow: ReportCashFlow;
  report_customer_balance: ReportCustomerBalance;
  report_general_ledger: ReportGeneralLedger;
  report_profit_and_loss: ReportProfitAndLoss;
  report_profit_and_loss_detail: ReportProfitAndLossDetail;
  report_transaction_list: ReportTransactionList;
  report_trial_balance: ReportTrialBalance;
  report_vendor_balance: ReportVendorBalance;
  sales_receipts: SalesReceipt;
  tax_agencies: TaxAgency;
  tax_classifications: TaxClassification;
  tax_codes: TaxCode;
  tax_payments: TaxPayment;
  tax_rates: TaxRate;
  terms: Term;
  time_activities: TimeActivity;
  transfers: Transfer;
  vendor_credits: VendorCredit;
  vendors: Vendor;
}
/**
 * QuickBooks Online Account records (stream accounts).
 */
export interface Account {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  Name?: null | string;
  SubAccount?: null | boolean;
  ParentRef?: ReferenceType;
  Description?: null | string;
  FullyQualifiedName?: null | string;
  AccountAlias?: null | string;
  TxnLocationType?: null | string;
  Active?: null | boolean;
  Classification?: null | string;
  AccountType?: null | string;
  AccountSubType?: null | string;
  AccountPurposes?: null | ReferenceType[];
  AcctNum?: null | string;
  AcctNumExtn?: null | string;
  BankNum?: null | string;
  OpeningBalance?: null | number;
  OpeningBalanceDate?: null | string;
  CurrentBalance?: null | number;
  CurrentBalanceWithSubAccounts?: null | number;
  CurrencyRef?: ReferenceType;
  TaxAccount?: null | boolean;
  TaxCodeRef?: ReferenceType;
  OnlineBankingEnabled?: null | boolean;
  FIName?: null | string;
  JournalCodeRef?: ReferenceType;
  AccountEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Attachable records (stream attachables).
 */
export interface Attachable {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  FileName?: null | string;
  FileAccessUri?: null | string;
  TempDownloadUri?: null | string;
  Size?: null | number;
  ContentType?: null | string;
  Category?: null | string;
  Lat?: null | string;
  Long?: null | string;
  PlaceName?: null | string;
  Note?: null | string;
  Tag?: null | string;
  ThumbnailFileAccessUri?: null | string;
  ThumbnailTempDownloadUri?: null | string;
  AttachableEx?: IntuitAnyType;
  documentId?: null | string;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online BillPayment records (stream bill_payments).
 */
export interface BillPayment {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  VendorRef?: ReferenceType;
  VendorAddr?: PhysicalAddress;
  APAccountRef?: ReferenceType;
  PayType?: null | string;
  CheckPayment?: null | {
    BankAccountRef?: ReferenceType;
    PrintStatus?: null | string;
    CheckDetail?: CheckPayment;
    PayeeAddr?: PhysicalAddress;
    BillPaymentCheckEx?: IntuitAnyType;
    [k: string]: unknown;
  };
  CreditCardPayment?: null | {
    CCAccountRef?: ReferenceType;
    CCDetail?: CreditCardPayment;
    BillPaymentCreditCardEx?: IntuitAnyType;
    [k: string]: unknown;
  };
  TotalAmt?: null | number;
  BillPaymentEx?: IntuitAnyType;
  ProcessBillPayment?: null | boolean;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Bill records (stream bills).
 */
export interface Bill {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  VendorRef?: ReferenceType;
  APAccountRef?: ReferenceType;
  TotalAmt?: null | number;
  BillEmail?: EmailAddress;
  ReplyEmail?: EmailAddress;
  Memo?: null | string;
  GlobalTaxCalculation?: null | string;
  PayerRef?: ReferenceType;
  SalesTermRef?: ReferenceType;
  DueDate?: null | string;
  RemitToAddr?: PhysicalAddress;
  ShipAddr?: PhysicalAddress;
  VendorAddr?: PhysicalAddress;
  Balance?: null | number;
  HomeBalance?: null | number;
  BillEx?: IntuitAnyType;
  LessCIS?: null | number;
  IncludeInAnnualTPAR?: null | boolean;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Budget records (stream budgets).
 */
export interface Budget {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  Name?: null | string;
  StartDate?: null | string;
  EndDate?: null | string;
  BudgetType?: null | string;
  BudgetEntryType?: null | string;
  Active?: null | boolean;
  BudgetDetail?:
    | null
    | (null | {
        BudgetDate?: null | string;
        Amount?: null | number;
        AccountRef?: ReferenceType;
        CustomerRef?: ReferenceType;
        ClassRef?: ReferenceType;
        DepartmentRef?: ReferenceType;
        CustomExtensions?:
          | null
          | (null | {
              ExtensionType?: null | string;
              AssociatedValue?: null | {
                Key?: null | string;
                Value?: null | string;
                [k: string]: unknown;
              };
              [k: string]: unknown;
            })[];
        [k: string]: unknown;
      })[];
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Class records (stream classes).
 */
export interface Class {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  Name?: null | string;
  SubClass?: null | boolean;
  ParentRef?: ReferenceType;
  FullyQualifiedName?: null | string;
  Active?: null | boolean;
  ClassEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online CompanyCurrency records (stream company_currencies).
 */
export interface CompanyCurrency {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  Code?: null | string;
  Name?: null | string;
  Active?: null | boolean;
  CompanyCurrencyEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online CompanyInfo records (stream company_info).
 */
export interface CompanyInfo {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  CompanyName?: null | string;
  LegalName?: null | string;
  CompanyAddr?: PhysicalAddress;
  CustomerCommunicationAddr?: PhysicalAddress;
  LegalAddr?: PhysicalAddress;
  CompanyEmailAddr?: EmailAddress;
  CustomerCommunicationEmailAddr?: EmailAddress;
  CompanyURL?: WebSiteAddress;
  PrimaryPhone?: TelephoneNumber;
  OtherContactInfo?: null | ContactInfo[];
  CompanyFileName?: null | string;
  FlavorStratum?: null | string;
  SampleFile?: null | boolean;
  CompanyUserId?: null | string;
  CompanyUserAdminEmail?: null | string;
  CompanyStartDate?: null | string;
  EmployerId?: null | string;
  FiscalYearStartMonth?: null | string;
  TaxYearStartMonth?: null | string;
  QBVersion?: null | string;
  Country?: null | string;
  ShipAddr?: PhysicalAddress;
  OtherAddr?: null | PhysicalAddress[];
  Mobile?: TelephoneNumber;
  Fax?: TelephoneNumber;
  Email?: EmailAddress;
  WebAddr?: WebSiteAddress;
  LastImportedTime?: null | string;
  LastSyncTime?: null | string;
  SupportedLanguages?: null | string;
  DefaultTimeZone?: null | string;
  MultiByteCharsSupported?: null | boolean;
  NameValue?: null | NameValue[];
  FifoCalculationStatus?: null | string;
  CompanyInfoEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online CreditCardPaymentTxn records (stream credit_card_payments).
 */
export interface CreditCardPaymentTxn {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  CreditCardAccountRef?: ReferenceType;
  BankAccountRef?: ReferenceType;
  Amount?: null | number;
  VendorRef?: ReferenceType;
  CheckNum?: null | string;
  PrintStatus?: null | string;
  Memo?: null | string;
  CreditCardPaymentEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online CreditMemo records (stream credit_memos).
 */
export interface CreditMemo {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  AutoDocNumber?: null | boolean;
  CustomerRef?: ReferenceType;
  CustomerMemo?: MemoRef;
  BillAddr?: PhysicalAddress;
  ShipAddr?: PhysicalAddress;
  FreeFormAddress?: null | boolean;
  ShipFromAddr?: PhysicalAddress;
  RemitToRef?: ReferenceType;
  ClassRef?: ReferenceType;
  SalesTermRef?: ReferenceType;
  DueDate?: null | string;
  SalesRepRef?: ReferenceType;
  PONumber?: null | string;
  FOB?: null | string;
  ShipMethodRef?: ReferenceType;
  ShipDate?: null | string;
  TrackingNum?: null | string;
  GlobalTaxCalculation?: null | string;
  TotalAmt?: null | number;
  HomeTotalAmt?: null | number;
  ApplyTaxAfterDiscount?: null | boolean;
  ShippingTaxIncludedInTotalTax?: null | boolean;
  TemplateRef?: ReferenceType;
  PrintStatus?: null | string;
  EmailStatus?: null | string;
  BillEmail?: EmailAddress;
  BillEmailCc?: EmailAddress;
  BillEmailBcc?: EmailAddress;
  ARAccountRef?: ReferenceType;
  Balance?: null | number;
  HomeBalance?: null | number;
  FinanceCharge?: null | boolean;
  PaymentMethodRef?: ReferenceType;
  PaymentRefNum?: null | string;
  PaymentType?: null | string;
  CheckPayment?: CheckPayment;
  CreditCardPayment?: CreditCardPayment;
  DepositToAccountRef?: ReferenceType;
  DeliveryInfo?: TransactionDeliveryInfo;
  DiscountRate?: null | number;
  DiscountAmt?: null | number;
  GovtTxnRefIdentifier?: null | string;
  TaxExemptionRef?: ReferenceType;
  RemainingCredit?: null | number;
  InvoiceRef?: ReferenceType;
  CreditMemoEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online CustomerType records (stream customer_types).
 */
export interface CustomerType {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  Name?: null | string;
  ParentRef?: ReferenceType;
  FullyQualifiedName?: null | string;
  Active?: null | boolean;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Customer records (stream customers).
 */
export interface Customer {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  IntuitId?: null | string;
  Organization?: null | boolean;
  Title?: null | string;
  GivenName?: null | string;
  MiddleName?: null | string;
  FamilyName?: null | string;
  Suffix?: null | string;
  FullyQualifiedName?: null | string;
  CompanyName?: null | string;
  DisplayName?: null | string;
  PrintOnCheckName?: null | string;
  UserId?: null | string;
  Active?: null | boolean;
  V4IDPseudonym?: null | string;
  PrimaryPhone?: TelephoneNumber;
  AlternatePhone?: TelephoneNumber;
  Mobile?: TelephoneNumber;
  Fax?: TelephoneNumber;
  PrimaryEmailAddr?: EmailAddress;
  WebAddr?: WebSiteAddress;
  OtherContactInfo?: null | ContactInfo[];
  DefaultTaxCodeRef?: ReferenceType;
  Taxable?: null | boolean;
  BillAddr?: PhysicalAddress;
  ShipAddr?: PhysicalAddress;
  OtherAddr?: null | PhysicalAddress[];
  ContactName?: null | string;
  AltContactName?: null | string;
  Notes?: null | string;
  Job?: null | boolean;
  BillWithParent?: null | boolean;
  RootCustomerRef?: ReferenceType;
  ParentRef?: ReferenceType;
  Level?: null | number;
  CustomerTypeRef?: ReferenceType;
  SalesTermRef?: ReferenceType;
  SalesRepRef?: ReferenceType;
  TaxGroupCodeRef?: ReferenceType;
  TaxRateRef?: ReferenceType;
  PaymentMethodRef?: ReferenceType;
  CCDetail?: CreditChargeInfo;
  PriceLevelRef?: ReferenceType;
  Balance?: null | number;
  OpenBalanceDate?: null | string;
  BalanceWithJobs?: null | number;
  CreditLimit?: null | number;
  AcctNum?: null | string;
  CurrencyRef?: ReferenceType;
  OverDueBalance?: null | number;
  TotalRevenue?: null | number;
  TotalExpense?: null | number;
  PreferredDeliveryMethod?: null | string;
  ResaleNum?: null | string;
  JobInfo?: null | {
    Status?: null | string;
    StartDate?: null | string;
    ProjectedEndDate?: null | string;
    EndDate?: null | string;
    Description?: null | string;
    JobTypeRef?: ReferenceType;
    [k: string]: unknown;
  };
  TDSEnabled?: null | boolean;
  CustomerEx?: IntuitAnyType;
  SecondaryTaxIdentifier?: null | string;
  ARAccountRef?: ReferenceType;
  PrimaryTaxIdentifier?: null | string;
  TaxExemptionReasonId?: null | string;
  IsProject?: null | boolean;
  BusinessNumber?: null | string;
  GSTIN?: null | string;
  GSTRegistrationType?: null | string;
  IsCISContractor?: null | boolean;
  ClientCompanyId?: null | string;
  ClientEntityId?: null | string;
  Source?: null | string;
  TaxRegime?: null | string;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Department records (stream departments).
 */
export interface Department {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  Name?: null | string;
  SubDepartment?: null | boolean;
  ParentRef?: ReferenceType;
  FullyQualifiedName?: null | string;
  Active?: null | boolean;
  DepartmentEx?: IntuitAnyType;
  Address?: PhysicalAddress;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Deposit records (stream deposits).
 */
export interface Deposit {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  DepositToAccountRef?: ReferenceType;
  CashBack?: null | {
    AccountRef?: ReferenceType;
    Amount?: null | number;
    Memo?: null | string;
    [k: string]: unknown;
  };
  GlobalTaxCalculation?: null | string;
  TotalAmt?: null | number;
  HomeTotalAmt?: null | number;
  DepositEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Employee records (stream employees).
 */
export interface Employee {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  IntuitId?: null | string;
  Organization?: null | boolean;
  Title?: null | string;
  GivenName?: null | string;
  MiddleName?: null | string;
  FamilyName?: null | string;
  Suffix?: null | string;
  FullyQualifiedName?: null | string;
  CompanyName?: null | string;
  DisplayName?: null | string;
  PrintOnCheckName?: null | string;
  UserId?: null | string;
  Active?: null | boolean;
  V4IDPseudonym?: null | string;
  PrimaryPhone?: TelephoneNumber;
  AlternatePhone?: TelephoneNumber;
  Mobile?: TelephoneNumber;
  Fax?: TelephoneNumber;
  PrimaryEmailAddr?: EmailAddress;
  WebAddr?: WebSiteAddress;
  OtherContactInfo?: null | ContactInfo[];
  DefaultTaxCodeRef?: ReferenceType;
  EmployeeType?: null | string;
  EmployeeNumber?: null | string;
  SSN?: null | string;
  PrimaryAddr?: PhysicalAddress;
  OtherAddr?: null | PhysicalAddress[];
  BillableTime?: null | boolean;
  BillRate?: null | number;
  BirthDate?: null | string;
  Gender?: null | string;
  HiredDate?: null | string;
  ReleasedDate?: null | string;
  UseTimeEntry?: null | string;
  EmployeeEx?: IntuitAnyType;
  CostRate?: null | number;
  Notes?: null | string;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Estimate records (stream estimates).
 */
export interface Estimate {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  AutoDocNumber?: null | boolean;
  CustomerRef?: ReferenceType;
  CustomerMemo?: MemoRef;
  BillAddr?: PhysicalAddress;
  ShipAddr?: PhysicalAddress;
  FreeFormAddress?: null | boolean;
  ShipFromAddr?: PhysicalAddress;
  RemitToRef?: ReferenceType;
  ClassRef?: ReferenceType;
  SalesTermRef?: ReferenceType;
  DueDate?: null | string;
  SalesRepRef?: ReferenceType;
  PONumber?: null | string;
  FOB?: null | string;
  ShipMethodRef?: ReferenceType;
  ShipDate?: null | string;
  TrackingNum?: null | string;
  GlobalTaxCalculation?: null | string;
  TotalAmt?: null | number;
  HomeTotalAmt?: null | number;
  ApplyTaxAfterDiscount?: null | boolean;
  ShippingTaxIncludedInTotalTax?: null | boolean;
  TemplateRef?: ReferenceType;
  PrintStatus?: null | string;
  EmailStatus?: null | string;
  BillEmail?: EmailAddress;
  BillEmailCc?: EmailAddress;
  BillEmailBcc?: EmailAddress;
  ARAccountRef?: ReferenceType;
  Balance?: null | number;
  HomeBalance?: null | number;
  FinanceCharge?: null | boolean;
  PaymentMethodRef?: ReferenceType;
  PaymentRefNum?: null | string;
  PaymentType?: null | string;
  CheckPayment?: CheckPayment;
  CreditCardPayment?: CreditCardPayment;
  DepositToAccountRef?: ReferenceType;
  DeliveryInfo?: TransactionDeliveryInfo;
  DiscountRate?: null | number;
  DiscountAmt?: null | number;
  GovtTxnRefIdentifier?: null | string;
  TaxExemptionRef?: ReferenceType;
  ExpirationDate?: null | string;
  AcceptedBy?: null | string;
  AcceptedDate?: null | string;
  EstimateEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online ExchangeRate records (stream exchange_rates).
 */
export interface ExchangeRate {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  SourceCurrencyCode?: null | string;
  TargetCurrencyCode?: null | string;
  Rate?: null | number;
  AsOfDate?: null | string;
  ExchangeRateEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Invoice records (stream invoices).
 */
export interface Invoice {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  AutoDocNumber?: null | boolean;
  CustomerRef?: ReferenceType;
  CustomerMemo?: MemoRef;
  BillAddr?: PhysicalAddress;
  ShipAddr?: PhysicalAddress;
  FreeFormAddress?: null | boolean;
  ShipFromAddr?: PhysicalAddress;
  RemitToRef?: ReferenceType;
  ClassRef?: ReferenceType;
  SalesTermRef?: ReferenceType;
  DueDate?: null | string;
  SalesRepRef?: ReferenceType;
  PONumber?: null | string;
  FOB?: null | string;
  ShipMethodRef?: ReferenceType;
  ShipDate?: null | string;
  TrackingNum?: null | string;
  GlobalTaxCalculation?: null | string;
  TotalAmt?: null | number;
  HomeTotalAmt?: null | number;
  ApplyTaxAfterDiscount?: null | boolean;
  ShippingTaxIncludedInTotalTax?: null | boolean;
  TemplateRef?: ReferenceType;
  PrintStatus?: null | string;
  EmailStatus?: null | string;
  BillEmail?: EmailAddress;
  BillEmailCc?: EmailAddress;
  BillEmailBcc?: EmailAddress;
  ARAccountRef?: ReferenceType;
  Balance?: null | number;
  HomeBalance?: null | number;
  FinanceCharge?: null | boolean;
  PaymentMethodRef?: ReferenceType;
  PaymentRefNum?: null | string;
  PaymentType?: null | string;
  CheckPayment?: CheckPayment;
  CreditCardPayment?: CreditCardPayment;
  DepositToAccountRef?: ReferenceType;
  DeliveryInfo?: TransactionDeliveryInfo;
  DiscountRate?: null | number;
  DiscountAmt?: null | number;
  GovtTxnRefIdentifier?: null | string;
  TaxExemptionRef?: ReferenceType;
  Deposit?: null | number;
  AllowIPNPayment?: null | boolean;
  AllowOnlinePayment?: null | boolean;
  AllowOnlineCreditCardPayment?: null | boolean;
  AllowOnlineACHPayment?: null | boolean;
  AllowOnlinePayPalPayment?: null | boolean;
  AllowOnlineAffirmPayment?: null | boolean;
  EInvoiceStatus?: null | string;
  ECloudStatusTimeStamp?: null | string;
  CfdiUse?: null | number;
  Exportation?: null | string;
  GlobalInfo?: null | {
    Periodicity?: null | string;
    Month?: null | string;
    Year?: null | string;
    [k: string]: unknown;
  };
  invoiceStatus?: null | string;
  callToAction?: null | string;
  invoiceStatusLog?:
    | null
    | (null | {
        status?: null | string;
        statusDate?: null | string;
        callToAction?: null | string;
        [k: string]: unknown;
      })[];
  InvoiceEx?: IntuitAnyType;
  LessCIS?: null | number;
  InvoiceLink?: null | string;
  PaymentDetailsMessage?: null | string;
  ConvenienceFeeDetail?: null | {
    Id?: null | string;
    SyncToken?: null | string;
    MetaData?: ModificationMetaData;
    CustomField?: null | CustomField[];
    AttachableRef?: null | AttachableRef[];
    domain?: null | string;
    status?: null | string;
    sparse?: null | boolean;
    ConvenienceFeeType?: null | string;
    ConvenienceFeePercent?: null | number;
    [k: string]: unknown;
  };
  EnabledSurchargeInfo?: null | {
    Enabled?: null | boolean;
    Card?: null | {
      Enabled?: null | boolean;
      [k: string]: unknown;
    };
    ACH?: null | {
      Enabled?: null | boolean;
      [k: string]: unknown;
    };
    [k: string]: unknown;
  };
  InvoiceLinkSecurityCode?: null | string;
  InvoiceLinkExpiryDate?: null | string;
  AutoPayEligible?: null | boolean;
  SchedulePayEligible?: null | boolean;
  ScheduledPaymentId?: null | string;
  GratuityEnabled?: null | boolean;
  FinancingProductType?: null | string;
  SubscriptionPaymentsSetting?: null | string;
  TxnRetainageDetail?: null | {
    RetainageAmount?: null | number;
    RetainageOpenBalance?: null | number;
    [k: string]: unknown;
  };
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Item records (stream items).
 */
export interface Item {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  Name?: null | string;
  Sku?: null | string;
  Description?: null | string;
  Active?: null | boolean;
  SubItem?: null | boolean;
  ParentRef?: ReferenceType;
  Level?: null | number;
  FullyQualifiedName?: null | string;
  Taxable?: null | boolean;
  SalesTaxIncluded?: null | boolean;
  PercentBased?: null | boolean;
  UnitPrice?: null | number;
  RatePercent?: null | number;
  Type?: null | string;
  PaymentMethodRef?: ReferenceType;
  UOMSetRef?: ReferenceType;
  IncomeAccountRef?: ReferenceType;
  PurchaseDesc?: null | string;
  PurchaseTaxIncluded?: null | boolean;
  PurchaseCost?: null | number;
  ExpenseAccountRef?: ReferenceType;
  COGSAccountRef?: ReferenceType;
  AssetAccountRef?: ReferenceType;
  PrefVendorRef?: ReferenceType;
  AvgCost?: null | number;
  TrackQtyOnHand?: null | boolean;
  QtyOnHand?: null | number;
  QtyOnPurchaseOrder?: null | number;
  QtyOnSalesOrder?: null | number;
  ReorderPoint?: null | number;
  ManPartNum?: null | string;
  DepositToAccountRef?: ReferenceType;
  SalesTaxCodeRef?: ReferenceType;
  PurchaseTaxCodeRef?: ReferenceType;
  InvStartDate?: null | string;
  BuildPoint?: null | number;
  PrintGroupedItems?: null | boolean;
  SpecialItem?: null | boolean;
  SpecialItemType?: null | string;
  ItemGroupDetail?: null | {
    ItemGroupLine?:
      | null
      | (null | {
          ItemRef?: ReferenceType;
          Qty?: null | number;
          UOMRef?: UOMRef;
          [k: string]: unknown;
        })[];
    [k: string]: unknown;
  };
  ItemAssemblyDetail?: null | {
    ItemAssemblyLine?:
      | null
      | (null | {
          ItemRef?: ReferenceType;
          Qty?: null | number;
          UOMRef?: UOMRef;
          [k: string]: unknown;
        })[];
    [k: string]: unknown;
  };
  AbatementRate?: null | number;
  ReverseChargeRate?: null | number;
  ServiceType?: null | string;
  ItemCategoryType?: null | string;
  ItemEx?: IntuitAnyType;
  TaxClassificationRef?: ReferenceType;
  UQCDisplayText?: null | string;
  UQCId?: null | string;
  ClassRef?: ReferenceType;
  Source?: null | string;
  DeferredRevenue?: null | boolean;
  CustomExtensions?: null | CustomExtensions[];
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online JournalCode records (stream journal_codes).
 */
export interface JournalCode {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  Name?: null | string;
  Type?: null | string;
  Description?: null | string;
  Active?: null | boolean;
  JournalCodeEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online JournalEntry records (stream journal_entries).
 */
export interface JournalEntry {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  Adjustment?: null | boolean;
  HomeCurrencyAdjustment?: null | boolean;
  EnteredInHomeCurrency?: null | boolean;
  GlobalTaxCalculation?: null | string;
  TotalAmt?: null | number;
  HomeTotalAmt?: null | number;
  JournalEntryEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  TaxRateRef?: ReferenceType;
  [k: string]: unknown;
}
/**
 * QuickBooks Online PaymentMethod records (stream payment_methods).
 */
export interface PaymentMethod {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  Name?: null | string;
  Active?: null | boolean;
  Type?: null | string;
  PaymentMethodEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Payment records (stream payments).
 */
export interface Payment {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  CustomerRef?: ReferenceType;
  RemitToRef?: ReferenceType;
  ARAccountRef?: ReferenceType;
  DepositToAccountRef?: ReferenceType;
  PaymentMethodRef?: ReferenceType;
  PaymentRefNum?: null | string;
  PaymentType?: null | string;
  CheckPayment?: CheckPayment;
  CreditCardPayment?: CreditCardPayment;
  TotalAmt?: null | number;
  UnappliedAmt?: null | number;
  ProcessPayment?: null | boolean;
  PaymentExtendedType?: null | string;
  PaymentEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Preferences records (stream preferences).
 */
export interface Preferences {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  AccountingInfoPrefs?: null | {
    UseAccountNumbers?: null | boolean;
    DefaultARAccount?: ReferenceType;
    DefaultAPAccount?: ReferenceType;
    RequiresAccounts?: null | boolean;
    TrackDepartments?: null | boolean;
    DepartmentTerminology?: null | string;
    ClassTrackingPerTxn?: null | boolean;
    ClassTrackingPerTxnLine?: null | boolean;
    AutoJournalEntryNumber?: null | boolean;
    FirstMonthOfFiscalYear?: null | string;
    TaxYearMonth?: null | string;
    TaxForm?: null | string;
    BookCloseDate?: null | string;
    OtherContactInfo?: null | ContactInfo[];
    CustomerTerminology?: null | string;
    [k: string]: unknown;
  };
  AdvancedInventoryPrefs?: null | {
    MLIAvailable?: null | boolean;
    MLIEnabled?: null | boolean;
    EnhancedInventoryReceivingEnabled?: null | boolean;
    TrackingSerialOrLotNumber?: null | boolean;
    TrackingOnSalesTransactionsEnabled?: null | boolean;
    TrackingOnPurchaseTransactionsEnabled?: null | boolean;
    TrackingOnInventoryAdjustmentEnabled?: null | boolean;
    TrackingOnBuildAssemblyEnabled?: null | boolean;
    FIFOEnabled?: null | boolean;
    FIFOEffectiveDate?: null | string;
    RowShelfBinEnabled?: null | boolean;
    BarcodeEnabled?: null | boolean;
    [k: string]: unknown;
  };
  ProductAndServicesPrefs?: null | {
    ForSales?: null | boolean;
    ForPurchase?: null | boolean;
    InventoryAndPurchaseOrder?: null | boolean;
    QuantityWithPriceAndRate?: null | boolean;
    QuantityOnHand?: null | boolean;
    UOM?: null | string;
    RevenueRecognition?: null | boolean;
    RevenueRecognitionFrequency?: null | string;
    [k: string]: unknown;
  };
  SalesFormsPrefs?: null | {
    UsingProgressInvoicing?: null | boolean;
    CustomField?:
      | null
      | (null | {
          Id?: null | string;
          SyncToken?: null | string;
          MetaData?: ModificationMetaData;
          CustomField?: null | CustomField[];
          AttachableRef?: null | AttachableRef[];
          domain?: null | string;
          status?: null | string;
          sparse?: null | boolean;
          EntityType?: null | string;
          Name?: null | string;
          Hidden?: null | boolean;
          Required?: null | boolean;
          AppId?: null | string;
          [k: string]: unknown;
        })[];
    CustomTxnNumbers?: null | boolean;
    DelayedCharges?: null | boolean;
    SalesEmailCc?: EmailAddress;
    SalesEmailBcc?: EmailAddress;
    EmailCopyToCompany?: null | boolean;
    AllowDeposit?: null | boolean;
    AllowDiscount?: null | boolean;
    DefaultDiscountAccount?: null | string;
    AllowEstimates?: null | boolean;
    EstimateMessage?: null | string;
    ETransactionEnabledStatus?: null | string;
    ETransactionAttachPDF?: null | boolean;
    ETransactionPaymentEnabled?: null | boolean;
    IPNSupportEnabled?: null | boolean;
    InvoiceMessage?: null | string;
    AllowServiceDate?: null | boolean;
    AllowShipping?: null | boolean;
    DefaultShippingAccount?: null | string;
    DefaultItem?: ReferenceType;
    DefaultTerms?: ReferenceType;
    DefaultDeliveryMethod?: null | string;
    AutoApplyCredit?: null | boolean;
    AutoApplyPayments?: null | boolean;
    PrintItemWithZeroAmount?: null | boolean;
    DefaultShipMethodRef?: ReferenceType;
    DefaultMarkup?: null | number;
    TrackReimbursableExpensesAsIncome?: null | boolean;
    UsingSalesOrders?: null | boolean;
    UsingPriceLevels?: null | boolean;
    DefaultFOB?: null | string;
    DefaultCustomerMessage?: null | string;
    [k: string]: unknown;
  };
  EmailMessagesPrefs?: null | {
    NameValue?: null | NameValue[];
    InvoiceMessage?: null | {
      Subject?: null | string;
      Message?: null | string;
      [k: string]: unknown;
    };
    EstimateMessage?: null | {
      Subject?: null | string;
      Message?: null | string;
      [k: string]: unknown;
    };
    SalesReceiptMessage?: null | {
      Subject?: null | string;
      Message?: null | string;
      [k: string]: unknown;
    };
    StatementMessage?: null | {
      Subject?: null | string;
      Message?: null | string;
      [k: string]: unknown;
    };
    [k: string]: unknown;
  };
  PrintDocumentPrefs?: null | {
    NameValue?: null | NameValue[];
    [k: string]: unknown;
  };
  VendorAndPurchasesPrefs?: null | {
    EnableBills?: null | boolean;
    TrackingByCustomer?: null | boolean;
    BillableExpenseTracking?: null | boolean;
    DefaultTerms?: ReferenceType;
    DefaultMarkup?: null | number;
    DefaultMarkupAccount?: ReferenceType;
    AutomaticBillPayment?: null | boolean;
    TPAREnabled?: null | boolean;
    POCustomField?:
      | null
      | (null | {
          Id?: null | string;
          SyncToken?: null | string;
          MetaData?: ModificationMetaData;
          CustomField?: null | CustomField[];
          AttachableRef?: null | AttachableRef[];
          domain?: null | string;
          status?: null | string;
          sparse?: null | boolean;
          EntityType?: null | string;
          Name?: null | string;
          Hidden?: null | boolean;
          Required?: null | boolean;
          AppId?: null | string;
          [k: string]: unknown;
        })[];
    MsgToVendors?: null | string;
    UsingInventory?: null | boolean;
    UsingMultiLocationInventory?: null | boolean;
    DaysBillsAreDue?: null | number;
    DiscountAccountRef?: ReferenceType;
    [k: string]: unknown;
  };
  TimeTrackingPrefs?: null | {
    UseServices?: null | boolean;
    DefaultTimeItem?: ReferenceType;
    BillCustomers?: null | boolean;
    ShowBillRateToAll?: null | boolean;
    WorkWeekStartDate?: null | string;
    TimeTrackingEnabled?: null | boolean;
    MarkTimeEntriesBillable?: null | boolean;
    MarkExpensesAsBillable?: null | boolean;
    [k: string]: unknown;
  };
  TaxPrefs?: null | {
    UsingSalesTax?: null | boolean;
    PartnerTaxEnabled?: null | boolean;
    HideTaxManagement?: null | boolean;
    TaxGroupCodeRef?: ReferenceType;
    TaxRateRef?: ReferenceType;
    PaySalesTax?: null | string;
    NonTaxableSalesTaxCodeRef?: ReferenceType;
    TaxableSalesTaxCodeRef?: ReferenceType;
    [k: string]: unknown;
  };
  FinanceChargesPrefs?: null | {
    AnnualInterestRate?: null | number;
    MinFinChrg?: null | number;
    GracePeriod?: null | number;
    CalcFinChrgFromTxnDate?: null | boolean;
    AssessFinChrgForOverdueCharges?: null | boolean;
    FinChrgAccountRef?: ReferenceType;
    [k: string]: unknown;
  };
  CurrencyPrefs?: null | {
    MultiCurrencyEnabled?: null | boolean;
    HomeCurrency?: ReferenceType;
    [k: string]: unknown;
  };
  ReportPrefs?: null | {
    ReportBasis?: null | string;
    CalcAgingReportFromTxnDate?: null | boolean;
    [k: string]: unknown;
  };
  OtherPrefs?: null | {
    NameValue?: null | NameValue[];
    [k: string]: unknown;
  };
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online PurchaseOrder records (stream purchase_orders).
 */
export interface PurchaseOrder {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  VendorRef?: ReferenceType;
  APAccountRef?: ReferenceType;
  TotalAmt?: null | number;
  BillEmail?: EmailAddress;
  ReplyEmail?: EmailAddress;
  Memo?: null | string;
  GlobalTaxCalculation?: null | string;
  TaxCodeRef?: ReferenceType;
  ClassRef?: ReferenceType;
  ReimbursableInfoRef?: ReferenceType;
  SalesTermRef?: ReferenceType;
  DueDate?: null | string;
  ExpectedDate?: null | string;
  VendorAddr?: PhysicalAddress;
  ShipTo?: ReferenceType;
  DropShipToEntity?: ReferenceType;
  InventorySiteRef?: ReferenceType;
  ShipAddr?: PhysicalAddress;
  ShipMethodRef?: ReferenceType;
  FOB?: null | string;
  POEmail?: EmailAddress;
  TemplateRef?: ReferenceType;
  PrintStatus?: null | string;
  EmailStatus?: null | string;
  ManuallyClosed?: null | boolean;
  POStatus?: null | string;
  PurchaseOrderEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Purchase records (stream purchases).
 */
export interface Purchase {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  AccountRef?: ReferenceType;
  PaymentMethodRef?: ReferenceType;
  PaymentRefNum?: null | string;
  PaymentType?: null | string;
  CheckPayment?: CheckPayment;
  CreditCardPayment?: CreditCardPayment;
  EntityRef?: ReferenceType;
  Credit?: null | boolean;
  RemitToAddr?: PhysicalAddress;
  TotalAmt?: null | number;
  TxnId?: null | string;
  TxnNum?: null | string;
  Memo?: null | string;
  PrintStatus?: null | string;
  GlobalTaxCalculation?: null | string;
  PurchaseEx?: IntuitAnyType;
  LessCIS?: null | number;
  IncludeInAnnualTPAR?: null | boolean;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online RecurringTransaction records (stream recurring_transactions).
 */
export interface RecurringTransaction {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  VendorRef?: ReferenceType;
  APAccountRef?: ReferenceType;
  TotalAmt?: null | number;
  BillEmail?: EmailAddress;
  ReplyEmail?: EmailAddress;
  Memo?: null | string;
  GlobalTaxCalculation?: null | string;
  PayerRef?: ReferenceType;
  SalesTermRef?: ReferenceType;
  DueDate?: null | string;
  RemitToAddr?: PhysicalAddress;
  ShipAddr?: PhysicalAddress;
  VendorAddr?: PhysicalAddress;
  Balance?: null | number;
  HomeBalance?: null | number;
  BillEx?: IntuitAnyType;
  LessCIS?: null | number;
  IncludeInAnnualTPAR?: null | boolean;
  AutoDocNumber?: null | boolean;
  CustomerRef?: ReferenceType;
  CustomerMemo?: MemoRef;
  BillAddr?: PhysicalAddress;
  FreeFormAddress?: null | boolean;
  ShipFromAddr?: PhysicalAddress;
  RemitToRef?: ReferenceType;
  ClassRef?: ReferenceType;
  SalesRepRef?: ReferenceType;
  PONumber?: null | string;
  FOB?: null | string;
  ShipMethodRef?: ReferenceType;
  ShipDate?: null | string;
  TrackingNum?: null | string;
  HomeTotalAmt?: null | number;
  ApplyTaxAfterDiscount?: null | boolean;
  ShippingTaxIncludedInTotalTax?: null | boolean;
  TemplateRef?: ReferenceType;
  PrintStatus?: null | string;
  EmailStatus?: null | string;
  BillEmailCc?: EmailAddress;
  BillEmailBcc?: EmailAddress;
  ARAccountRef?: ReferenceType;
  FinanceCharge?: null | boolean;
  PaymentMethodRef?: ReferenceType;
  PaymentRefNum?: null | string;
  PaymentType?: null | string;
  CheckPayment?: CheckPayment;
  CreditCardPayment?: CreditCardPayment;
  DepositToAccountRef?: ReferenceType;
  DeliveryInfo?: TransactionDeliveryInfo;
  DiscountRate?: null | number;
  DiscountAmt?: null | number;
  GovtTxnRefIdentifier?: null | string;
  TaxExemptionRef?: ReferenceType;
  Deposit?: null | number;
  AllowIPNPayment?: null | boolean;
  AllowOnlinePayment?: null | boolean;
  AllowOnlineCreditCardPayment?: null | boolean;
  AllowOnlineACHPayment?: null | boolean;
  AllowOnlinePayPalPayment?: null | boolean;
  AllowOnlineAffirmPayment?: null | boolean;
  EInvoiceStatus?: null | string;
  ECloudStatusTimeStamp?: null | string;
  CfdiUse?: null | number;
  Exportation?: null | string;
  GlobalInfo?: null | {
    Periodicity?: null | string;
    Month?: null | string;
    Year?: null | string;
    [k: string]: unknown;
  };
  invoiceStatus?: null | string;
  callToAction?: null | string;
  invoiceStatusLog?:
    | null
    | (null | {
        status?: null | string;
        statusDate?: null | string;
        callToAction?: null | string;
        [k: string]: unknown;
      })[];
  InvoiceEx?: IntuitAnyType;
  InvoiceLink?: null | string;
  PaymentDetailsMessage?: null | string;
  ConvenienceFeeDetail?: null | {
    Id?: null | string;
    SyncToken?: null | string;
    MetaData?: ModificationMetaData;
    CustomField?: null | CustomField[];
    AttachableRef?: null | AttachableRef[];
    domain?: null | string;
    status?: null | string;
    sparse?: null | boolean;
    ConvenienceFeeType?: null | string;
    ConvenienceFeePercent?: null | number;
    [k: string]: unknown;
  };
  EnabledSurchargeInfo?: null | {
    Enabled?: null | boolean;
    Card?: null | {
      Enabled?: null | boolean;
      [k: string]: unknown;
    };
    ACH?: null | {
      Enabled?: null | boolean;
      [k: string]: unknown;
    };
    [k: string]: unknown;
  };
  InvoiceLinkSecurityCode?: null | string;
  InvoiceLinkExpiryDate?: null | string;
  AutoPayEligible?: null | boolean;
  SchedulePayEligible?: null | boolean;
  ScheduledPaymentId?: null | string;
  GratuityEnabled?: null | boolean;
  FinancingProductType?: null | string;
  SubscriptionPaymentsSetting?: null | string;
  TxnRetainageDetail?: null | {
    RetainageAmount?: null | number;
    RetainageOpenBalance?: null | number;
    [k: string]: unknown;
  };
  ExpirationDate?: null | string;
  AcceptedBy?: null | string;
  AcceptedDate?: null | string;
  EstimateEx?: IntuitAnyType;
  SalesReceiptEx?: IntuitAnyType;
  RemainingCredit?: null | number;
  InvoiceRef?: ReferenceType;
  CreditMemoEx?: IntuitAnyType;
  CashBack?: null | {
    AccountRef?: ReferenceType;
    Amount?: null | number;
    Memo?: null | string;
    [k: string]: unknown;
  };
  DepositEx?: IntuitAnyType;
  Adjustment?: null | boolean;
  HomeCurrencyAdjustment?: null | boolean;
  EnteredInHomeCurrency?: null | boolean;
  JournalEntryEx?: IntuitAnyType;
  AccountRef?: ReferenceType;
  EntityRef?: ReferenceType;
  Credit?: null | boolean;
  TxnId?: null | string;
  TxnNum?: null | string;
  PurchaseEx?: IntuitAnyType;
  TaxCodeRef?: ReferenceType;
  ReimbursableInfoRef?: ReferenceType;
  ExpectedDate?: null | string;
  ShipTo?: ReferenceType;
  DropShipToEntity?: ReferenceType;
  InventorySiteRef?: ReferenceType;
  POEmail?: EmailAddress;
  ManuallyClosed?: null | boolean;
  POStatus?: null | string;
  PurchaseOrderEx?: IntuitAnyType;
  RefundReceiptEx?: IntuitAnyType;
  FromAccountRef?: ReferenceType;
  ToAccountRef?: ReferenceType;
  Amount?: null | number;
  TransferEx?: IntuitAnyType;
  VendorCreditEx?: IntuitAnyType;
  /**
   * Connector field: the wrapper key of the RecurringTransaction row (Bill, Invoice, ...).
   */
  RecurringTxnType?: null | string;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online RefundReceipt records (stream refund_receipts).
 */
export interface RefundReceipt {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  AutoDocNumber?: null | boolean;
  CustomerRef?: ReferenceType;
  CustomerMemo?: MemoRef;
  BillAddr?: PhysicalAddress;
  ShipAddr?: PhysicalAddress;
  FreeFormAddress?: null | boolean;
  ShipFromAddr?: PhysicalAddress;
  RemitToRef?: ReferenceType;
  ClassRef?: ReferenceType;
  SalesTermRef?: ReferenceType;
  DueDate?: null | string;
  SalesRepRef?: ReferenceType;
  PONumber?: null | string;
  FOB?: null | string;
  ShipMethodRef?: ReferenceType;
  ShipDate?: null | string;
  TrackingNum?: null | string;
  GlobalTaxCalculation?: null | string;
  TotalAmt?: null | number;
  HomeTotalAmt?: null | number;
  ApplyTaxAfterDiscount?: null | boolean;
  ShippingTaxIncludedInTotalTax?: null | boolean;
  TemplateRef?: ReferenceType;
  PrintStatus?: null | string;
  EmailStatus?: null | string;
  BillEmail?: EmailAddress;
  BillEmailCc?: EmailAddress;
  BillEmailBcc?: EmailAddress;
  ARAccountRef?: ReferenceType;
  Balance?: null | number;
  HomeBalance?: null | number;
  FinanceCharge?: null | boolean;
  PaymentMethodRef?: ReferenceType;
  PaymentRefNum?: null | string;
  PaymentType?: null | string;
  CheckPayment?: CheckPayment;
  CreditCardPayment?: CreditCardPayment;
  DepositToAccountRef?: ReferenceType;
  DeliveryInfo?: TransactionDeliveryInfo;
  DiscountRate?: null | number;
  DiscountAmt?: null | number;
  GovtTxnRefIdentifier?: null | string;
  TaxExemptionRef?: ReferenceType;
  RemainingCredit?: null | number;
  RefundReceiptEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online ReimburseCharge records (stream reimburse_charges).
 */
export interface ReimburseCharge {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  CustomerRef?: ReferenceType;
  HasBeenInvoiced?: null | boolean;
  Amount?: null | number;
  HomeTotalAmt?: null | number;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QBO AgedPayableDetail report, one record per row (and per section summary) per period.
 */
export interface ReportAgedPayableDetail {
  /**
   * Stable primary key: hash of report, basis, period, request range, section path, row identity and occurrence.
   */
  _row_key: string;
  /**
   * QBO report name, e.g. ProfitAndLoss.
   */
  report_name: string;
  /**
   * Accrual or Cash as requested; null for reports without a basis.
   */
  accounting_method?: null | string;
  summarize_column_by?: null | string;
  start_date?: null | string;
  end_date?: null | string;
  report_date?: null | string;
  /**
   * Balances are as of this date (as-of and aging reports).
   */
  as_of_date?: null | string;
  /**
   * First day of the period the row belongs to.
   */
  period_start: string;
  /**
   * Last day of the period the row belongs to.
   */
  period_end: string;
  currency?: null | string;
  /**
   * Header.Time: when QBO produced the report.
   */
  report_generated_at?: null | string;
  row_kind: 'data' | 'section_summary' | 'report_total';
  /**
   * Position of the row in the report (1-based), for display order.
   */
  row_number?: number;
  /**
   * First cell as QBO shows it (localized).
   */
  row_label?: null | string;
  /**
   * The row's own group attribute (e.g. NetIncome in CashFlow).
   */
  row_group?: null | string;
  /**
   * Titles of the enclosing sections, outermost first.
   */
  section_path?: string[];
  /**
   * group attribute of the innermost enclosing section that has one (Income, NetIncome...).
   */
  section_group?: null | string;
  account_id?: null | string;
  account_name?: null | string;
  customer_id?: null | string;
  customer_name?: null | string;
  vendor_id?: null | string;
  vendor_name?: null | string;
  transaction_id?: null | string;
  transaction_type?: null | string;
  tx_date?: null | string;
  txn_type?: null | string;
  doc_num?: null | string;
  due_date?: null | string;
  past_due?: null | number;
  subt_amount?: null | number;
  subt_open_bal?: null | number;
  vend_name?: null | string;
  extra_doc_num?: null | string;
  is_no_post?: null | string;
  is_adj?: null | string;
  is_cleared?: null | string;
  is_ap_paid?: null | string;
  is_ar_paid?: null | string;
  chk_print_state?: null | string;
  printed?: null | string;
  olb_status?: null | string;
  name?: null | string;
  name_id?: null | string;
  cust_name?: null | string;
  emp_name?: null | string;
  emp_name_id?: null | string;
  dept_name?: null | string;
  dept_name_id?: null | string;
  klass_name?: null | string;
  klass_name_id?: null | string;
  item_name?: null | string;
  item_name_id?: null | string;
  memo?: null | string;
  cust_msg?: null | string;
  col_account_name?: null | string;
  split_acc?: null | string;
  split_acc_id?: null | string;
  other_account?: null | string;
  other_account_id?: null | string;
  pmt_mthd?: null | string;
  term_name?: null | string;
  ship_via?: null | string;
  tracking_num?: null | string;
  sales_cust1?: null | string;
  sales_cust2?: null | string;
  sales_cust3?: null | string;
  create_by?: null | string;
  last_mod_by?: null | string;
  create_date?: null | string;
  last_mod_date?: null | string;
  inv_date?: null | string;
  cust_bill_addr?: null | string;
  cust_comp_name?: null | string;
  cust_pri_cont?: null | string;
  cust_pri_email?: null | string;
  cust_pri_tel?: null | string;
  vend_bill_addr?: null | string;
  vend_comp_name?: null | string;
  vend_pri_cont?: null | string;
  vend_pri_email?: null | string;
  vend_pri_tel?: null | string;
  col_currency?: null | string;
  quantity?: null | number;
  rate?: null | number;
  exch_rate?: null | number;
  amount?: null | number;
  nat_amount?: null | number;
  subt_home_amount?: null | number;
  subt_nat_amount?: null | number;
  subt_nat_home_amount?: null | number;
  subt_neg_amount?: null | number;
  subt_neg_home_amount?: null | number;
  rbal_nat_amount?: null | number;
  debt_amt?: null | number;
  credit_amt?: null | number;
  open_bal?: null | number;
  subt_home_open_bal?: null | number;
  subt_neg_open_bal?: null | number;
  subt_neg_home_open_bal?: null | number;
  nat_home_open_bal?: null | number;
  nat_foreign_open_bal?: null | number;
  nat_foreign_amount?: null | number;
  foreign_amount?: null | number;
  foreign_open_bal?: null | number;
  neg_foreign_amount?: null | number;
  neg_foreign_open_bal?: null | number;
  tax_amount?: null | number;
  home_tax_amount?: null | number;
  home_net_amount?: null | number;
  foreign_tax_amount?: null | number;
  foreign_net_amount?: null | number;
  /**
   * Numeric columns this report schema does not declare (a column key new to the connector), in column order.
   */
  extra_amounts?:
    | null
    | {
        column: string;
        value?: null | number;
        [k: string]: unknown;
      }[];
  /**
   * Other columns this report schema does not declare (text, dates, <key>_id of referenced entities), in column order.
   */
  extra_columns?:
    | null
    | {
        column: string;
        value?: null | string;
        [k: string]: unknown;
      }[];
  [k: string]: unknown;
}
/**
 * QBO AgedPayables report, one record per row (and per section summary) per period.
 */
export interface ReportAgedPayables {
  /**
   * Stable primary key: hash of report, basis, period, request range, section path, row identity and occurrence.
   */
  _row_key: string;
  /**
   * QBO report name, e.g. ProfitAndLoss.
   */
  report_name: string;
  /**
   * Accrual or Cash as requested; null for reports without a basis.
   */
  accounting_method?: null | string;
  summarize_column_by?: null | string;
  start_date?: null | string;
  end_date?: null | string;
  report_date?: null | string;
  /**
   * Balances are as of this date (as-of and aging reports).
   */
  as_of_date?: null | string;
  /**
   * First day of the period the row belongs to.
   */
  period_start: string;
  /**
   * Last day of the period the row belongs to.
   */
  period_end: string;
  currency?: null | string;
  /**
   * Header.Time: when QBO produced the report.
   */
  report_generated_at?: null | string;
  row_kind: 'data' | 'section_summary' | 'report_total';
  /**
   * Position of the row in the report (1-based), for display order.
   */
  row_number?: number;
  /**
   * First cell as QBO shows it (localized).
   */
  row_label?: null | string;
  /**
   * The row's own group attribute (e.g. NetIncome in CashFlow).
   */
  row_group?: null | string;
  /**
   * Titles of the enclosing sections, outermost first.
   */
  section_path?: string[];
  /**
   * group attribute of the innermost enclosing section that has one (Income, NetIncome...).
   */
  section_group?: null | string;
  account_id?: null | string;
  account_name?: null | string;
  customer_id?: null | string;
  customer_name?: null | string;
  vendor_id?: null | string;
  vendor_name?: null | string;
  transaction_id?: null | string;
  transaction_type?: null | string;
  vendor?: null | string;
  current?: null | number;
  due_1_30?: null | number;
  due_31_60?: null | number;
  due_61_90?: null | number;
  due_91_over?: null | number;
  total?: null | number;
  /**
   * Numeric columns this report schema does not declare (a column key new to the connector), in column order.
   */
  extra_amounts?:
    | null
    | {
        column: string;
        value?: null | number;
        [k: string]: unknown;
      }[];
  /**
   * Other columns this report schema does not declare (text, dates, <key>_id of referenced entities), in column order.
   */
  extra_columns?:
    | null
    | {
        column: string;
        value?: null | string;
        [k: string]: unknown;
      }[];
  [k: string]: unknown;
}
/**
 * QBO AgedReceivableDetail report, one record per row (and per section summary) per period.
 */
export interface ReportAgedReceivableDetail {
  /**
   * Stable primary key: hash of report, basis, period, request range, section path, row identity and occurrence.
   */
  _row_key: string;
  /**
   * QBO report name, e.g. ProfitAndLoss.
   */
  report_name: string;
  /**
   * Accrual or Cash as requested; null for reports without a basis.
   */
  accounting_method?: null | string;
  summarize_column_by?: null | string;
  start_date?: null | string;
  end_date?: null | string;
  report_date?: null | string;
  /**
   * Balances are as of this date (as-of and aging reports).
   */
  as_of_date?: null | string;
  /**
   * First day of the period the row belongs to.
   */
  period_start: string;
  /**
   * Last day of the period the row belongs to.
   */
  period_end: string;
  currency?: null | string;
  /**
   * Header.Time: when QBO produced the report.
   */
  report_generated_at?: null | string;
  row_kind: 'data' | 'section_summary' | 'report_total';
  /**
   * Position of the row in the report (1-based), for display order.
   */
  row_number?: number;
  /**
   * First cell as QBO shows it (localized).
   */
  row_label?: null | string;
  /**
   * The row's own group attribute (e.g. NetIncome in CashFlow).
   */
  row_group?: null | string;
  /**
   * Titles of the enclosing sections, outermost first.
   */
  section_path?: string[];
  /**
   * group attribute of the innermost enclosing section that has one (Income, NetIncome...).
   */
  section_group?: null | string;
  account_id?: null | string;
  account_name?: null | string;
  customer_id?: null | string;
  customer_name?: null | string;
  vendor_id?: null | string;
  vendor_name?: null | string;
  transaction_id?: null | string;
  transaction_type?: null | string;
  tx_date?: null | string;
  txn_type?: null | string;
  doc_num?: null | string;
  due_date?: null | string;
  past_due?: null | number;
  subt_amount?: null | number;
  subt_open_bal?: null | number;
  cust_name?: null | string;
  extra_doc_num?: null | string;
  is_no_post?: null | string;
  is_adj?: null | string;
  is_cleared?: null | string;
  is_ap_paid?: null | string;
  is_ar_paid?: null | string;
  chk_print_state?: null | string;
  printed?: null | string;
  olb_status?: null | string;
  name?: null | string;
  name_id?: null | string;
  vend_name?: null | string;
  emp_name?: null | string;
  emp_name_id?: null | string;
  dept_name?: null | string;
  dept_name_id?: null | string;
  klass_name?: null | string;
  klass_name_id?: null | string;
  item_name?: null | string;
  item_name_id?: null | string;
  memo?: null | string;
  cust_msg?: null | string;
  col_account_name?: null | string;
  split_acc?: null | string;
  split_acc_id?: null | string;
  other_account?: null | string;
  other_account_id?: null | string;
  pmt_mthd?: null | string;
  term_name?: null | string;
  ship_via?: null | string;
  tracking_num?: null | string;
  sales_cust1?: null | string;
  sales_cust2?: null | string;
  sales_cust3?: null | string;
  create_by?: null | string;
  last_mod_by?: null | string;
  create_date?: null | string;
  last_mod_date?: null | string;
  inv_date?: null | string;
  cust_bill_addr?: null | string;
  cust_comp_name?: null | string;
  cust_pri_cont?: null | string;
  cust_pri_email?: null | string;
  cust_pri_tel?: null | string;
  vend_bill_addr?: null | string;
  vend_comp_name?: null | string;
  vend_pri_cont?: null | string;
  vend_pri_email?: null | string;
  vend_pri_tel?: null | string;
  col_currency?: null | string;
  quantity?: null | number;
  rate?: null | number;
  exch_rate?: null | number;
  amount?: null | number;
  nat_amount?: null | number;
  subt_home_amount?: null | number;
  subt_nat_amount?: null | number;
  subt_nat_home_amount?: null | number;
  subt_neg_amount?: null | number;
  subt_neg_home_amount?: null | number;
  rbal_nat_amount?: null | number;
  debt_amt?: null | number;
  credit_amt?: null | number;
  open_bal?: null | number;
  subt_home_open_bal?: null | number;
  subt_neg_open_bal?: null | number;
  subt_neg_home_open_bal?: null | number;
  nat_home_open_bal?: null | number;
  nat_foreign_open_bal?: null | number;
  nat_foreign_amount?: null | number;
  foreign_amount?: null | number;
  foreign_open_bal?: null | number;
  neg_foreign_amount?: null | number;
  neg_foreign_open_bal?: null | number;
  tax_amount?: null | number;
  home_tax_amount?: null | number;
  home_net_amount?: null | number;
  foreign_tax_amount?: null | number;
  foreign_net_amount?: null | number;
  /**
   * Numeric columns this report schema does not declare (a column key new to the connector), in column order.
   */
  extra_amounts?:
    | null
    | {
        column: string;
        value?: null | number;
        [k: string]: unknown;
      }[];
  /**
   * Other columns this report schema does not declare (text, dates, <key>_id of referenced entities), in column order.
   */
  extra_columns?:
    | null
    | {
        column: string;
        value?: null | string;
        [k: string]: unknown;
      }[];
  [k: string]: unknown;
}
/**
 * QBO AgedReceivables report, one record per row (and per section summary) per period.
 */
export interface ReportAgedReceivables {
  /**
   * Stable primary key: hash of report, basis, period, request range, section path, row identity and occurrence.
   */
  _row_key: string;
  /**
   * QBO report name, e.g. ProfitAndLoss.
   */
  report_name: string;
  /**
   * Accrual or Cash as requested; null for reports without a basis.
   */
  accounting_method?: null | string;
  summarize_column_by?: null | string;
  start_date?: null | string;
  end_date?: null | string;
  report_date?: null | string;
  /**
   * Balances are as of this date (as-of and aging reports).
   */
  as_of_date?: null | string;
  /**
   * First day of the period the row belongs to.
   */
  period_start: string;
  /**
   * Last day of the period the row belongs to.
   */
  period_end: string;
  currency?: null | string;
  /**
   * Header.Time: when QBO produced the report.
   */
  report_generated_at?: null | string;
  row_kind: 'data' | 'section_summary' | 'report_total';
  /**
   * Position of the row in the report (1-based), for display order.
   */
  row_number?: number;
  /**
   * First cell as QBO shows it (localized).
   */
  row_label?: null | string;
  /**
   * The row's own group attribute (e.g. NetIncome in CashFlow).
   */
  row_group?: null | string;
  /**
   * Titles of the enclosing sections, outermost first.
   */
  section_path?: string[];
  /**
   * group attribute of the innermost enclosing section that has one (Income, NetIncome...).
   */
  section_group?: null | string;
  account_id?: null | string;
  account_name?: null | string;
  customer_id?: null | string;
  customer_name?: null | string;
  vendor_id?: null | string;
  vendor_name?: null | string;
  transaction_id?: null | string;
  transaction_type?: null | string;
  customer?: null | string;
  current?: null | number;
  due_1_30?: null | number;
  due_31_60?: null | number;
  due_61_90?: null | number;
  due_91_over?: null | number;
  total?: null | number;
  /**
   * Numeric columns this report schema does not declare (a column key new to the connector), in column order.
   */
  extra_amounts?:
    | null
    | {
        column: string;
        value?: null | number;
        [k: string]: unknown;
      }[];
  /**
   * Other columns this report schema does not declare (text, dates, <key>_id of referenced entities), in column order.
   */
  extra_columns?:
    | null
    | {
        column: string;
        value?: null | string;
        [k: string]: unknown;
      }[];
  [k: string]: unknown;
}
/**
 * QBO BalanceSheet report, one record per row (and per section summary) per period.
 */
export interface ReportBalanceSheet {
  /**
   * Stable primary key: hash of report, basis, period, request range, section path, row identity and occurrence.
   */
  _row_key: string;
  /**
   * QBO report name, e.g. ProfitAndLoss.
   */
  report_name: string;
  /**
   * Accrual or Cash as requested; null for reports without a basis.
   */
  accounting_method?: null | string;
  summarize_column_by?: null | string;
  start_date?: null | string;
  end_date?: null | string;
  report_date?: null | string;
  /**
   * Balances are as of this date (as-of and aging reports).
   */
  as_of_date?: null | string;
  /**
   * First day of the period the row belongs to.
   */
  period_start: string;
  /**
   * Last day of the period the row belongs to.
   */
  period_end: string;
  currency?: null | string;
  /**
   * Header.Time: when QBO produced the report.
   */
  report_generated_at?: null | string;
  row_kind: 'data' | 'section_summary' | 'report_total';
  /**
   * Position of the row in the report (1-based), for display order.
   */
  row_number?: number;
  /**
   * First cell as QBO shows it (localized).
   */
  row_label?: null | string;
  /**
   * The row's own group attribute (e.g. NetIncome in CashFlow).
   */
  row_group?: null | string;
  /**
   * Titles of the enclosing sections, outermost first.
   */
  section_path?: string[];
  /**
   * group attribute of the innermost enclosing section that has one (Income, NetIncome...).
   */
  section_group?: null | string;
  account_id?: null | string;
  account_name?: null | string;
  customer_id?: null | string;
  customer_name?: null | string;
  vendor_id?: null | string;
  vendor_name?: null | string;
  transaction_id?: null | string;
  transaction_type?: null | string;
  account?: null | string;
  total?: null | number;
  /**
   * Numeric columns this report schema does not declare (a column key new to the connector), in column order.
   */
  extra_amounts?:
    | null
    | {
        column: string;
        value?: null | number;
        [k: string]: unknown;
      }[];
  /**
   * Other columns this report schema does not declare (text, dates, <key>_id of referenced entities), in column order.
   */
  extra_columns?:
    | null
    | {
        column: string;
        value?: null | string;
        [k: string]: unknown;
      }[];
  [k: string]: unknown;
}
/**
 * QBO CashFlow report, one record per row (and per section summary) per period.
 */
export interface ReportCashFlow {
  /**
   * Stable primary key: hash of report, basis, period, request range, section path, row identity and occurrence.
   */
  _row_key: string;
  /**
   * QBO report name, e.g. ProfitAndLoss.
   */
  report_name: string;
  /**
   * Accrual or Cash as requested; null for reports without a basis.
   */
  accounting_method?: null | string;
  summarize_column_by?: null | string;
  start_date?: null | string;
  end_date?: null | string;
  report_date?: null | string;
  /**
   * Balances are as of this date (as-of and aging reports).
   */
  as_of_date?: null | string;
  /**
   * First day of the period the row belongs to.
   */
  period_start: string;
  /**
   * Last day of the period the row belongs to.
   */
  period_end: string;
  currency?: null | string;
  /**
   * Header.Time: when QBO produced the report.
   */
  report_generated_at?: null | string;
  row_kind: 'data' | 'section_summary' | 'report_total';
  /**
   * Position of the row in the report (1-based), for display order.
   */
  row_number?: number;
  /**
   * First cell as QBO shows it (localized).
   */
  row_label?: null | string;
  /**
   * The row's own group attribute (e.g. NetIncome in CashFlow).
   */
  row_group?: null | string;
  /**
   * Titles of the enclosing sections, outermost first.
   */
  section_path?: string[];
  /**
   * group attribute of the innermost enclosing section that has one (Income, NetIncome...).
   */
  section_group?: null | string;
  account_id?: null | string;
  account_name?: null | string;
  customer_id?: null | string;
  customer_name?: null | string;
  vendor_id?: null | string;
  vendor_name?: null | string;
  transaction_id?: null | string;
  transaction_type?: null | string;
  account?: null | string;
  total?: null | number;
  /**
   * Numeric columns this report schema does not declare (a column key new to the connector), in column order.
   */
  extra_amounts?:
    | null
    | {
        column: string;
        value?: null | number;
        [k: string]: unknown;
      }[];
  /**
   * Other columns this report schema does not declare (text, dates, <key>_id of referenced entities), in column order.
   */
  extra_columns?:
    | null
    | {
        column: string;
        value?: null | string;
        [k: string]: unknown;
      }[];
  [k: string]: unknown;
}
/**
 * QBO CustomerBalance report, one record per row (and per section summary) per period.
 */
export interface ReportCustomerBalance {
  /**
   * Stable primary key: hash of report, basis, period, request range, section path, row identity and occurrence.
   */
  _row_key: string;
  /**
   * QBO report name, e.g. ProfitAndLoss.
   */
  report_name: string;
  /**
   * Accrual or Cash as requested; null for reports without a basis.
   */
  accounting_method?: null | string;
  summarize_column_by?: null | string;
  start_date?: null | string;
  end_date?: null | string;
  report_date?: null | string;
  /**
   * Balances are as of this date (as-of and aging reports).
   */
  as_of_date?: null | string;
  /**
   * First day of the period the row belongs to.
   */
  period_start: string;
  /**
   * Last day of the period the row belongs to.
   */
  period_end: string;
  currency?: null | string;
  /**
   * Header.Time: when QBO produced the report.
   */
  report_generated_at?: null | string;
  row_kind: 'data' | 'section_summary' | 'report_total';
  /**
   * Position of the row in the report (1-based), for display order.
   */
  row_number?: number;
  /**
   * First cell as QBO shows it (localized).
   */
  row_label?: null | string;
  /**
   * The row's own group attribute (e.g. NetIncome in CashFlow).
   */
  row_group?: null | string;
  /**
   * Titles of the enclosing sections, outermost first.
   */
  section_path?: string[];
  /**
   * group attribute of the innermost enclosing section that has one (Income, NetIncome...).
   */
  section_group?: null | string;
  account_id?: null | string;
  account_name?: null | string;
  customer_id?: null | string;
  customer_name?: null | string;
  vendor_id?: null | string;
  vendor_name?: null | string;
  transaction_id?: null | string;
  transaction_type?: null | string;
  customer?: null | string;
  total?: null | number;
  /**
   * Numeric columns this report schema does not declare (a column key new to the connector), in column order.
   */
  extra_amounts?:
    | null
    | {
        column: string;
        value?: null | number;
        [k: string]: unknown;
      }[];
  /**
   * Other columns this report schema does not declare (text, dates, <key>_id of referenced entities), in column order.
   */
  extra_columns?:
    | null
    | {
        column: string;
        value?: null | string;
        [k: string]: unknown;
      }[];
  [k: string]: unknown;
}
/**
 * QBO GeneralLedger report, one record per row (and per section summary) per period.
 */
export interface ReportGeneralLedger {
  /**
   * Stable primary key: hash of report, basis, period, request range, section path, row identity and occurrence.
   */
  _row_key: string;
  /**
   * QBO report name, e.g. ProfitAndLoss.
   */
  report_name: string;
  /**
   * Accrual or Cash as requested; null for reports without a basis.
   */
  accounting_method?: null | string;
  summarize_column_by?: null | string;
  start_date?: null | string;
  end_date?: null | string;
  report_date?: null | string;
  /**
   * Balances are as of this date (as-of and aging reports).
   */
  as_of_date?: null | string;
  /**
   * First day of the period the row belongs to.
   */
  period_start: string;
  /**
   * Last day of the period the row belongs to.
   */
  period_end: string;
  currency?: null | string;
  /**
   * Header.Time: when QBO produced the report.
   */
  report_generated_at?: null | string;
  row_kind: 'data' | 'section_summary' | 'report_total';
  /**
   * Position of the row in the report (1-based), for display order.
   */
  row_number?: number;
  /**
   * First cell as QBO shows it (localized).
   */
  row_label?: null | string;
  /**
   * The row's own group attribute (e.g. NetIncome in CashFlow).
   */
  row_group?: null | string;
  /**
   * Titles of the enclosing sections, outermost first.
   */
  section_path?: string[];
  /**
   * group attribute of the innermost enclosing section that has one (Income, NetIncome...).
   */
  section_group?: null | string;
  account_id?: null | string;
  account_name?: null | string;
  customer_id?: null | string;
  customer_name?: null | string;
  vendor_id?: null | string;
  vendor_name?: null | string;
  transaction_id?: null | string;
  transaction_type?: null | string;
  tx_date?: null | string;
  txn_type?: null | string;
  doc_num?: null | string;
  name?: null | string;
  name_id?: null | string;
  cust_name?: null | string;
  vend_name?: null | string;
  emp_name?: null | string;
  emp_name_id?: null | string;
  memo?: null | string;
  col_account_name?: null | string;
  split_acc?: null | string;
  split_acc_id?: null | string;
  is_adj?: null | string;
  subt_nat_amount?: null | number;
  debt_amt?: null | number;
  credit_amt?: null | number;
  rbal_nat_amount?: null | number;
  extra_doc_num?: null | string;
  is_no_post?: null | string;
  is_cleared?: null | string;
  is_ap_paid?: null | string;
  is_ar_paid?: null | string;
  chk_print_state?: null | string;
  printed?: null | string;
  olb_status?: null | string;
  dept_name?: null | string;
  dept_name_id?: null | string;
  klass_name?: null | string;
  klass_name_id?: null | string;
  item_name?: null | string;
  item_name_id?: null | string;
  cust_msg?: null | string;
  other_account?: null | string;
  other_account_id?: null | string;
  pmt_mthd?: null | string;
  term_name?: null | string;
  ship_via?: null | string;
  tracking_num?: null | string;
  sales_cust1?: null | string;
  sales_cust2?: null | string;
  sales_cust3?: null | string;
  create_by?: null | string;
  last_mod_by?: null | string;
  create_date?: null | string;
  last_mod_date?: null | string;
  due_date?: null | string;
  inv_date?: null | string;
  cust_bill_addr?: null | string;
  cust_comp_name?: null | string;
  cust_pri_cont?: null | string;
  cust_pri_email?: null | string;
  cust_pri_tel?: null | string;
  vend_bill_addr?: null | string;
  vend_comp_name?: null | string;
  vend_pri_cont?: null | string;
  vend_pri_email?: null | string;
  vend_pri_tel?: null | string;
  col_currency?: null | string;
  past_due?: null | number;
  quantity?: null | number;
  rate?: null | number;
  exch_rate?: null | number;
  amount?: null | number;
  nat_amount?: null | number;
  subt_amount?: null | number;
  subt_home_amount?: null | number;
  subt_nat_home_amount?: null | number;
  subt_neg_amount?: null | number;
  subt_neg_home_amount?: null | number;
  open_bal?: null | number;
  subt_open_bal?: null | number;
  subt_home_open_bal?: null | number;
  subt_neg_open_bal?: null | number;
  subt_neg_home_open_bal?: null | number;
  nat_home_open_bal?: null | number;
  nat_foreign_open_bal?: null | number;
  nat_foreign_amount?: null | number;
  foreign_amount?: null | number;
  foreign_open_bal?: null | number;
  neg_foreign_amount?: null | number;
  neg_foreign_open_bal?: null | number;
  tax_amount?: null | number;
  home_tax_amount?: null | number;
  home_net_amount?: null | number;
  foreign_tax_amount?: null | number;
  foreign_net_amount?: null | number;
  /**
   * Numeric columns this report schema does not declare (a column key new to the connector), in column order.
   */
  extra_amounts?:
    | null
    | {
        column: string;
        value?: null | number;
        [k: string]: unknown;
      }[];
  /**
   * Other columns this report schema does not declare (text, dates, <key>_id of referenced entities), in column order.
   */
  extra_columns?:
    | null
    | {
        column: string;
        value?: null | string;
        [k: string]: unknown;
      }[];
  [k: string]: unknown;
}
/**
 * QBO ProfitAndLoss report, one record per row (and per section summary) per period.
 */
export interface ReportProfitAndLoss {
  /**
   * Stable primary key: hash of report, basis, period, request range, section path, row identity and occurrence.
   */
  _row_key: string;
  /**
   * QBO report name, e.g. ProfitAndLoss.
   */
  report_name: string;
  /**
   * Accrual or Cash as requested; null for reports without a basis.
   */
  accounting_method?: null | string;
  summarize_column_by?: null | string;
  start_date?: null | string;
  end_date?: null | string;
  report_date?: null | string;
  /**
   * Balances are as of this date (as-of and aging reports).
   */
  as_of_date?: null | string;
  /**
   * First day of the period the row belongs to.
   */
  period_start: string;
  /**
   * Last day of the period the row belongs to.
   */
  period_end: string;
  currency?: null | string;
  /**
   * Header.Time: when QBO produced the report.
   */
  report_generated_at?: null | string;
  row_kind: 'data' | 'section_summary' | 'report_total';
  /**
   * Position of the row in the report (1-based), for display order.
   */
  row_number?: number;
  /**
   * First cell as QBO shows it (localized).
   */
  row_label?: null | string;
  /**
   * The row's own group attribute (e.g. NetIncome in CashFlow).
   */
  row_group?: null | string;
  /**
   * Titles of the enclosing sections, outermost first.
   */
  section_path?: string[];
  /**
   * group attribute of the innermost enclosing section that has one (Income, NetIncome...).
   */
  section_group?: null | string;
  account_id?: null | string;
  account_name?: null | string;
  customer_id?: null | string;
  customer_name?: null | string;
  vendor_id?: null | string;
  vendor_name?: null | string;
  transaction_id?: null | string;
  transaction_type?: null | string;
  account?: null | string;
  total?: null | number;
  /**
   * Numeric columns this report schema does not declare (a column key new to the connector), in column order.
   */
  extra_amounts?:
    | null
    | {
        column: string;
        value?: null | number;
        [k: string]: unknown;
      }[];
  /**
   * Other columns this report schema does not declare (text, dates, <key>_id of referenced entities), in column order.
   */
  extra_columns?:
    | null
    | {
        column: string;
        value?: null | string;
        [k: string]: unknown;
      }[];
  [k: string]: unknown;
}
/**
 * QBO ProfitAndLossDetail report, one record per row (and per section summary) per period.
 */
export interface ReportProfitAndLossDetail {
  /**
   * Stable primary key: hash of report, basis, period, request range, section path, row identity and occurrence.
   */
  _row_key: string;
  /**
   * QBO report name, e.g. ProfitAndLoss.
   */
  report_name: string;
  /**
   * Accrual or Cash as requested; null for reports without a basis.
   */
  accounting_method?: null | string;
  summarize_column_by?: null | string;
  start_date?: null | string;
  end_date?: null | string;
  report_date?: null | string;
  /**
   * Balances are as of this date (as-of and aging reports).
   */
  as_of_date?: null | string;
  /**
   * First day of the period the row belongs to.
   */
  period_start: string;
  /**
   * Last day of the period the row belongs to.
   */
  period_end: string;
  currency?: null | string;
  /**
   * Header.Time: when QBO produced the report.
   */
  report_generated_at?: null | string;
  row_kind: 'data' | 'section_summary' | 'report_total';
  /**
   * Position of the row in the report (1-based), for display order.
   */
  row_number?: number;
  /**
   * First cell as QBO shows it (localized).
   */
  row_label?: null | string;
  /**
   * The row's own group attribute (e.g. NetIncome in CashFlow).
   */
  row_group?: null | string;
  /**
   * Titles of the enclosing sections, outermost first.
   */
  section_path?: string[];
  /**
   * group attribute of the innermost enclosing section that has one (Income, NetIncome...).
   */
  section_group?: null | string;
  account_id?: null | string;
  account_name?: null | string;
  customer_id?: null | string;
  customer_name?: null | string;
  vendor_id?: null | string;
  vendor_name?: null | string;
  transaction_id?: null | string;
  transaction_type?: null | string;
  tx_date?: null | string;
  txn_type?: null | string;
  doc_num?: null | string;
  name?: null | string;
  name_id?: null | string;
  memo?: null | string;
  split_acc?: null | string;
  split_acc_id?: null | string;
  subt_nat_amount?: null | number;
  rbal_nat_amount?: null | number;
  extra_doc_num?: null | string;
  is_no_post?: null | string;
  is_adj?: null | string;
  is_cleared?: null | string;
  is_ap_paid?: null | string;
  is_ar_paid?: null | string;
  chk_print_state?: null | string;
  printed?: null | string;
  olb_status?: null | string;
  cust_name?: null | string;
  vend_name?: null | string;
  emp_name?: null | string;
  emp_name_id?: null | string;
  dept_name?: null | string;
  dept_name_id?: null | string;
  klass_name?: null | string;
  klass_name_id?: null | string;
  item_name?: null | string;
  item_name_id?: null | string;
  cust_msg?: null | string;
  col_account_name?: null | string;
  other_account?: null | string;
  other_account_id?: null | string;
  pmt_mthd?: null | string;
  term_name?: null | string;
  ship_via?: null | string;
  tracking_num?: null | string;
  sales_cust1?: null | string;
  sales_cust2?: null | string;
  sales_cust3?: null | string;
  create_by?: null | string;
  last_mod_by?: null | string;
  create_date?: null | string;
  last_mod_date?: null | string;
  due_date?: null | string;
  inv_date?: null | string;
  cust_bill_addr?: null | string;
  cust_comp_name?: null | string;
  cust_pri_cont?: null | string;
  cust_pri_email?: null | string;
  cust_pri_tel?: null | string;
  vend_bill_addr?: null | string;
  vend_comp_name?: null | string;
  vend_pri_cont?: null | string;
  vend_pri_email?: null | string;
  vend_pri_tel?: null | string;
  col_currency?: null | string;
  past_due?: null | number;
  quantity?: null | number;
  rate?: null | number;
  exch_rate?: null | number;
  amount?: null | number;
  nat_amount?: null | number;
  subt_amount?: null | number;
  subt_home_amount?: null | number;
  subt_nat_home_amount?: null | number;
  subt_neg_amount?: null | number;
  subt_neg_home_amount?: null | number;
  debt_amt?: null | number;
  credit_amt?: null | number;
  open_bal?: null | number;
  subt_open_bal?: null | number;
  subt_home_open_bal?: null | number;
  subt_neg_open_bal?: null | number;
  subt_neg_home_open_bal?: null | number;
  nat_home_open_bal?: null | number;
  nat_foreign_open_bal?: null | number;
  nat_foreign_amount?: null | number;
  foreign_amount?: null | number;
  foreign_open_bal?: null | number;
  neg_foreign_amount?: null | number;
  neg_foreign_open_bal?: null | number;
  tax_amount?: null | number;
  home_tax_amount?: null | number;
  home_net_amount?: null | number;
  foreign_tax_amount?: null | number;
  foreign_net_amount?: null | number;
  /**
   * Numeric columns this report schema does not declare (a column key new to the connector), in column order.
   */
  extra_amounts?:
    | null
    | {
        column: string;
        value?: null | number;
        [k: string]: unknown;
      }[];
  /**
   * Other columns this report schema does not declare (text, dates, <key>_id of referenced entities), in column order.
   */
  extra_columns?:
    | null
    | {
        column: string;
        value?: null | string;
        [k: string]: unknown;
      }[];
  [k: string]: unknown;
}
/**
 * QBO TransactionList report, one record per row (and per section summary) per period.
 */
export interface ReportTransactionList {
  /**
   * Stable primary key: hash of report, basis, period, request range, section path, row identity and occurrence.
   */
  _row_key: string;
  /**
   * QBO report name, e.g. ProfitAndLoss.
   */
  report_name: string;
  /**
   * Accrual or Cash as requested; null for reports without a basis.
   */
  accounting_method?: null | string;
  summarize_column_by?: null | string;
  start_date?: null | string;
  end_date?: null | string;
  report_date?: null | string;
  /**
   * Balances are as of this date (as-of and aging reports).
   */
  as_of_date?: null | string;
  /**
   * First day of the period the row belongs to.
   */
  period_start: string;
  /**
   * Last day of the period the row belongs to.
   */
  period_end: string;
  currency?: null | string;
  /**
   * Header.Time: when QBO produced the report.
   */
  report_generated_at?: null | string;
  row_kind: 'data' | 'section_summary' | 'report_total';
  /**
   * Position of the row in the report (1-based), for display order.
   */
  row_number?: number;
  /**
   * First cell as QBO shows it (localized).
   */
  row_label?: null | string;
  /**
   * The row's own group attribute (e.g. NetIncome in CashFlow).
   */
  row_group?: null | string;
  /**
   * Titles of the enclosing sections, outermost first.
   */
  section_path?: string[];
  /**
   * group attribute of the innermost enclosing section that has one (Income, NetIncome...).
   */
  section_group?: null | string;
  account_id?: null | string;
  account_name?: null | string;
  customer_id?: null | string;
  customer_name?: null | string;
  vendor_id?: null | string;
  vendor_name?: null | string;
  transaction_id?: null | string;
  transaction_type?: null | string;
  tx_date?: null | string;
  txn_type?: null | string;
  doc_num?: null | string;
  is_no_post?: null | string;
  name?: null | string;
  name_id?: null | string;
  dept_name?: null | string;
  dept_name_id?: null | string;
  memo?: null | string;
  col_account_name?: null | string;
  other_account?: null | string;
  other_account_id?: null | string;
  subt_nat_home_amount?: null | number;
  extra_doc_num?: null | string;
  is_adj?: null | string;
  is_cleared?: null | string;
  is_ap_paid?: null | string;
  is_ar_paid?: null | string;
  chk_print_state?: null | string;
  printed?: null | string;
  olb_status?: null | string;
  cust_name?: null | string;
  vend_name?: null | string;
  emp_name?: null | string;
  emp_name_id?: null | string;
  klass_name?: null | string;
  klass_name_id?: null | string;
  item_name?: null | string;
  item_name_id?: null | string;
  cust_msg?: null | string;
  split_acc?: null | string;
  split_acc_id?: null | string;
  pmt_mthd?: null | string;
  term_name?: null | string;
  ship_via?: null | string;
  tracking_num?: null | string;
  sales_cust1?: null | string;
  sales_cust2?: null | string;
  sales_cust3?: null | string;
  create_by?: null | string;
  last_mod_by?: null | string;
  create_date?: null | string;
  last_mod_date?: null | string;
  due_date?: null | string;
  inv_date?: null | string;
  cust_bill_addr?: null | string;
  cust_comp_name?: null | string;
  cust_pri_cont?: null | string;
  cust_pri_email?: null | string;
  cust_pri_tel?: null | string;
  vend_bill_addr?: null | string;
  vend_comp_name?: null | string;
  vend_pri_cont?: null | string;
  vend_pri_email?: null | string;
  vend_pri_tel?: null | string;
  col_currency?: null | string;
  past_due?: null | number;
  quantity?: null | number;
  rate?: null | number;
  exch_rate?: null | number;
  amount?: null | number;
  nat_amount?: null | number;
  subt_amount?: null | number;
  subt_home_amount?: null | number;
  subt_nat_amount?: null | number;
  subt_neg_amount?: null | number;
  subt_neg_home_amount?: null | number;
  rbal_nat_amount?: null | number;
  debt_amt?: null | number;
  credit_amt?: null | number;
  open_bal?: null | number;
  subt_open_bal?: null | number;
  subt_home_open_bal?: null | number;
  subt_neg_open_bal?: null | number;
  subt_neg_home_open_bal?: null | number;
  nat_home_open_bal?: null | number;
  nat_foreign_open_bal?: null | number;
  nat_foreign_amount?: null | number;
  foreign_amount?: null | number;
  foreign_open_bal?: null | number;
  neg_foreign_amount?: null | number;
  neg_foreign_open_bal?: null | number;
  tax_amount?: null | number;
  home_tax_amount?: null | number;
  home_net_amount?: null | number;
  foreign_tax_amount?: null | number;
  foreign_net_amount?: null | number;
  /**
   * Numeric columns this report schema does not declare (a column key new to the connector), in column order.
   */
  extra_amounts?:
    | null
    | {
        column: string;
        value?: null | number;
        [k: string]: unknown;
      }[];
  /**
   * Other columns this report schema does not declare (text, dates, <key>_id of referenced entities), in column order.
   */
  extra_columns?:
    | null
    | {
        column: string;
        value?: null | string;
        [k: string]: unknown;
      }[];
  [k: string]: unknown;
}
/**
 * QBO TrialBalance report, one record per row (and per section summary) per period.
 */
export interface ReportTrialBalance {
  /**
   * Stable primary key: hash of report, basis, period, request range, section path, row identity and occurrence.
   */
  _row_key: string;
  /**
   * QBO report name, e.g. ProfitAndLoss.
   */
  report_name: string;
  /**
   * Accrual or Cash as requested; null for reports without a basis.
   */
  accounting_method?: null | string;
  summarize_column_by?: null | string;
  start_date?: null | string;
  end_date?: null | string;
  report_date?: null | string;
  /**
   * Balances are as of this date (as-of and aging reports).
   */
  as_of_date?: null | string;
  /**
   * First day of the period the row belongs to.
   */
  period_start: string;
  /**
   * Last day of the period the row belongs to.
   */
  period_end: string;
  currency?: null | string;
  /**
   * Header.Time: when QBO produced the report.
   */
  report_generated_at?: null | string;
  row_kind: 'data' | 'section_summary' | 'report_total';
  /**
   * Position of the row in the report (1-based), for display order.
   */
  row_number?: number;
  /**
   * First cell as QBO shows it (localized).
   */
  row_label?: null | string;
  /**
   * The row's own group attribute (e.g. NetIncome in CashFlow).
   */
  row_group?: null | string;
  /**
   * Titles of the enclosing sections, outermost first.
   */
  section_path?: string[];
  /**
   * group attribute of the innermost enclosing section that has one (Income, NetIncome...).
   */
  section_group?: null | string;
  account_id?: null | string;
  account_name?: null | string;
  customer_id?: null | string;
  customer_name?: null | string;
  vendor_id?: null | string;
  vendor_name?: null | string;
  transaction_id?: null | string;
  transaction_type?: null | string;
  account?: null | string;
  debit?: null | number;
  credit?: null | number;
  total?: null | number;
  /**
   * Numeric columns this report schema does not declare (a column key new to the connector), in column order.
   */
  extra_amounts?:
    | null
    | {
        column: string;
        value?: null | number;
        [k: string]: unknown;
      }[];
  /**
   * Other columns this report schema does not declare (text, dates, <key>_id of referenced entities), in column order.
   */
  extra_columns?:
    | null
    | {
        column: string;
        value?: null | string;
        [k: string]: unknown;
      }[];
  [k: string]: unknown;
}
/**
 * QBO VendorBalance report, one record per row (and per section summary) per period.
 */
export interface ReportVendorBalance {
  /**
   * Stable primary key: hash of report, basis, period, request range, section path, row identity and occurrence.
   */
  _row_key: string;
  /**
   * QBO report name, e.g. ProfitAndLoss.
   */
  report_name: string;
  /**
   * Accrual or Cash as requested; null for reports without a basis.
   */
  accounting_method?: null | string;
  summarize_column_by?: null | string;
  start_date?: null | string;
  end_date?: null | string;
  report_date?: null | string;
  /**
   * Balances are as of this date (as-of and aging reports).
   */
  as_of_date?: null | string;
  /**
   * First day of the period the row belongs to.
   */
  period_start: string;
  /**
   * Last day of the period the row belongs to.
   */
  period_end: string;
  currency?: null | string;
  /**
   * Header.Time: when QBO produced the report.
   */
  report_generated_at?: null | string;
  row_kind: 'data' | 'section_summary' | 'report_total';
  /**
   * Position of the row in the report (1-based), for display order.
   */
  row_number?: number;
  /**
   * First cell as QBO shows it (localized).
   */
  row_label?: null | string;
  /**
   * The row's own group attribute (e.g. NetIncome in CashFlow).
   */
  row_group?: null | string;
  /**
   * Titles of the enclosing sections, outermost first.
   */
  section_path?: string[];
  /**
   * group attribute of the innermost enclosing section that has one (Income, NetIncome...).
   */
  section_group?: null | string;
  account_id?: null | string;
  account_name?: null | string;
  customer_id?: null | string;
  customer_name?: null | string;
  vendor_id?: null | string;
  vendor_name?: null | string;
  transaction_id?: null | string;
  transaction_type?: null | string;
  vendor?: null | string;
  total?: null | number;
  /**
   * Numeric columns this report schema does not declare (a column key new to the connector), in column order.
   */
  extra_amounts?:
    | null
    | {
        column: string;
        value?: null | number;
        [k: string]: unknown;
      }[];
  /**
   * Other columns this report schema does not declare (text, dates, <key>_id of referenced entities), in column order.
   */
  extra_columns?:
    | null
    | {
        column: string;
        value?: null | string;
        [k: string]: unknown;
      }[];
  [k: string]: unknown;
}
/**
 * QuickBooks Online SalesReceipt records (stream sales_receipts).
 */
export interface SalesReceipt {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  AutoDocNumber?: null | boolean;
  CustomerRef?: ReferenceType;
  CustomerMemo?: MemoRef;
  BillAddr?: PhysicalAddress;
  ShipAddr?: PhysicalAddress;
  FreeFormAddress?: null | boolean;
  ShipFromAddr?: PhysicalAddress;
  RemitToRef?: ReferenceType;
  ClassRef?: ReferenceType;
  SalesTermRef?: ReferenceType;
  DueDate?: null | string;
  SalesRepRef?: ReferenceType;
  PONumber?: null | string;
  FOB?: null | string;
  ShipMethodRef?: ReferenceType;
  ShipDate?: null | string;
  TrackingNum?: null | string;
  GlobalTaxCalculation?: null | string;
  TotalAmt?: null | number;
  HomeTotalAmt?: null | number;
  ApplyTaxAfterDiscount?: null | boolean;
  ShippingTaxIncludedInTotalTax?: null | boolean;
  TemplateRef?: ReferenceType;
  PrintStatus?: null | string;
  EmailStatus?: null | string;
  BillEmail?: EmailAddress;
  BillEmailCc?: EmailAddress;
  BillEmailBcc?: EmailAddress;
  ARAccountRef?: ReferenceType;
  Balance?: null | number;
  HomeBalance?: null | number;
  FinanceCharge?: null | boolean;
  PaymentMethodRef?: ReferenceType;
  PaymentRefNum?: null | string;
  PaymentType?: null | string;
  CheckPayment?: CheckPayment;
  CreditCardPayment?: CreditCardPayment;
  DepositToAccountRef?: ReferenceType;
  DeliveryInfo?: TransactionDeliveryInfo;
  DiscountRate?: null | number;
  DiscountAmt?: null | number;
  GovtTxnRefIdentifier?: null | string;
  TaxExemptionRef?: ReferenceType;
  SalesReceiptEx?: IntuitAnyType;
  LessCIS?: null | number;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online TaxAgency records (stream tax_agencies).
 */
export interface TaxAgency {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  IntuitId?: null | string;
  Organization?: null | boolean;
  Title?: null | string;
  GivenName?: null | string;
  MiddleName?: null | string;
  FamilyName?: null | string;
  Suffix?: null | string;
  FullyQualifiedName?: null | string;
  CompanyName?: null | string;
  DisplayName?: null | string;
  PrintOnCheckName?: null | string;
  UserId?: null | string;
  Active?: null | boolean;
  V4IDPseudonym?: null | string;
  PrimaryPhone?: TelephoneNumber;
  AlternatePhone?: TelephoneNumber;
  Mobile?: TelephoneNumber;
  Fax?: TelephoneNumber;
  PrimaryEmailAddr?: EmailAddress;
  WebAddr?: WebSiteAddress;
  OtherContactInfo?: null | ContactInfo[];
  DefaultTaxCodeRef?: ReferenceType;
  ContactName?: null | string;
  AltContactName?: null | string;
  Notes?: null | string;
  BillAddr?: PhysicalAddress;
  ShipAddr?: PhysicalAddress;
  OtherAddr?: null | PhysicalAddress[];
  TaxCountry?: null | string;
  TaxIdentifier?: null | string;
  TaxIdEffectiveDate?: null | string;
  BusinessNumber?: null | string;
  ParentRef?: ReferenceType;
  VendorTypeRef?: ReferenceType;
  TermRef?: ReferenceType;
  PrefillAccountRef?: ReferenceType;
  Balance?: null | number;
  BillRate?: null | number;
  OpenBalanceDate?: null | string;
  CreditLimit?: null | number;
  AcctNum?: null | string;
  Vendor1099?: null | boolean;
  T4AEligible?: null | boolean;
  T5018Eligible?: null | boolean;
  CurrencyRef?: ReferenceType;
  TDSEnabled?: null | boolean;
  TDSEntityTypeId?: null | number;
  TDSSectionTypeId?: null | number;
  TDSOverrideThreshold?: null | boolean;
  TaxReportingBasis?: null | string;
  APAccountRef?: ReferenceType;
  VendorEx?: IntuitAnyType;
  GSTIN?: null | string;
  GSTRegistrationType?: null | string;
  IsSubContractor?: null | boolean;
  SubcontractorType?: null | string;
  CISRate?: null | string;
  HasTPAR?: null | boolean;
  VendorPaymentBankDetail?: VendorBankAccountDetail;
  Source?: null | string;
  CostRate?: null | number;
  AgencyVerificationStatus?: null | string;
  AgencyVerificationStatusMsg?: null | string;
  AgencyVerificationTSUTC?: null | string;
  CompanyRegistrationNumber?: null | string;
  SalesTaxCodeRef?: ReferenceType;
  SalesTaxCountry?: null | string;
  SalesTaxReturnRef?: ReferenceType;
  TaxRegistrationNumber?: null | string;
  ReportingPeriod?: null | string;
  TaxTrackedOnPurchases?: null | boolean;
  TaxOnPurchasesAccountRef?: ReferenceType;
  TaxTrackedOnSales?: null | boolean;
  TaxTrackedOnSalesAccountRef?: ReferenceType;
  TaxOnTax?: null | boolean;
  LastFileDate?: null | string;
  TaxAgencyExt?: IntuitAnyType;
  TaxAgencyConfig?: null | string;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online TaxClassification records (stream tax_classifications).
 */
export interface TaxClassification {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  Code?: null | string;
  Name?: null | string;
  Description?: null | string;
  Level?: null | string;
  ParentRef?: ReferenceType;
  ApplicableTo?: null | string[];
  id?: null | string;
  code?: null | string;
  name?: null | string;
  description?: null | string;
  level?: null | string;
  applicableTo?: null | string[];
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online TaxCode records (stream tax_codes).
 */
export interface TaxCode {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  Name?: null | string;
  Description?: null | string;
  Active?: null | boolean;
  Hidden?: null | boolean;
  Taxable?: null | boolean;
  TaxGroup?: null | boolean;
  SalesTaxRateList?: null | {
    TaxRateDetail?:
      | null
      | (null | {
          TaxRateRef?: ReferenceType;
          TaxTypeApplicable?: null | string;
          TaxOrder?: null | number;
          TaxOnTaxOrder?: null | number;
          [k: string]: unknown;
        })[];
    originatingGroupId?: null | string;
    [k: string]: unknown;
  };
  PurchaseTaxRateList?: null | {
    TaxRateDetail?:
      | null
      | (null | {
          TaxRateRef?: ReferenceType;
          TaxTypeApplicable?: null | string;
          TaxOrder?: null | number;
          TaxOnTaxOrder?: null | number;
          [k: string]: unknown;
        })[];
    originatingGroupId?: null | string;
    [k: string]: unknown;
  };
  AdjustmentTaxRateList?: null | {
    TaxRateDetail?:
      | null
      | (null | {
          TaxRateRef?: ReferenceType;
          TaxTypeApplicable?: null | string;
          TaxOrder?: null | number;
          TaxOnTaxOrder?: null | number;
          [k: string]: unknown;
        })[];
    originatingGroupId?: null | string;
    [k: string]: unknown;
  };
  TaxCodeEx?: IntuitAnyType;
  TaxCodeConfigType?: null | string;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online TaxPayment records (stream tax_payments).
 */
export interface TaxPayment {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  PaymentDate?: null | string;
  PaymentAccountRef?: ReferenceType;
  PaymentAmount?: null | number;
  Description?: null | string;
  Refund?: null | boolean;
  TxnDate?: null | string;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online TaxRate records (stream tax_rates).
 */
export interface TaxRate {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  Name?: null | string;
  Description?: null | string;
  Active?: null | boolean;
  RateValue?: null | number;
  AgencyRef?: ReferenceType;
  TaxReturnLineRef?: ReferenceType;
  EffectiveTaxRate?:
    | null
    | {
        RateValue?: null | number;
        EffectiveDate?: null | string;
        EndDate?: null | string;
        EffectiveTaxRateEx?: IntuitAnyType;
        [k: string]: unknown;
      }
    | (null | {
        RateValue?: null | number;
        EffectiveDate?: null | string;
        EndDate?: null | string;
        EffectiveTaxRateEx?: IntuitAnyType;
        [k: string]: unknown;
      })[];
  SpecialTaxType?: null | string;
  DisplayType?: null | string;
  TaxRateEx?: IntuitAnyType;
  OriginalTaxRate?: ReferenceType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Term records (stream terms).
 */
export interface Term {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  Name?: null | string;
  Active?: null | boolean;
  Type?: null | string;
  DiscountPercent?: null | number;
  DueDays?: null | number;
  DiscountDays?: null | number;
  DayOfMonthDue?: null | number;
  DueNextMonthDays?: null | number;
  DiscountDayOfMonth?: null | number;
  SalesTermEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online TimeActivity records (stream time_activities).
 */
export interface TimeActivity {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  TimeZone?: null | string;
  TxnDate?: null | string;
  NameOf?: null | string;
  EmployeeRef?: ReferenceType;
  VendorRef?: ReferenceType;
  OtherNameRef?: ReferenceType;
  CustomerRef?: ReferenceType;
  DepartmentRef?: ReferenceType;
  ItemRef?: ReferenceType;
  ClassRef?: ReferenceType;
  PayrollItemRef?: ReferenceType;
  ProjectRef?: ReferenceType;
  TimeChargeId?: null | number;
  BillableStatus?: null | string;
  Taxable?: null | boolean;
  HourlyRate?: null | number;
  CostRate?: null | number;
  Hours?: null | number;
  Minutes?: null | number;
  Seconds?: null | number;
  BreakHours?: null | number;
  BreakMinutes?: null | number;
  BreakSeconds?: null | number;
  StartTime?: null | string;
  EndTime?: null | string;
  Description?: null | string;
  TimeActivityEx?: IntuitAnyType;
  HoursInEmployeeTimeZone?: null | boolean;
  TransactionLocationType?: null | string;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Transfer records (stream transfers).
 */
export interface Transfer {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  FromAccountRef?: ReferenceType;
  ToAccountRef?: ReferenceType;
  Amount?: null | number;
  ClassRef?: ReferenceType;
  TransferEx?: IntuitAnyType;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online VendorCredit records (stream vendor_credits).
 */
export interface VendorCredit {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  DocNumber?: null | string;
  TxnDate?: null | string;
  TxnSubType?: null | string;
  DepartmentRef?: ReferenceType;
  CurrencyRef?: ReferenceType;
  ExchangeRate?: null | number;
  PrivateNote?: null | string;
  TxnStatus?: null | string;
  LinkedTxn?: null | LinkedTxn[];
  Line?: null | Line[];
  TxnTaxDetail?: TxnTaxDetail;
  TxnSource?: null | string;
  TaxFormType?: null | string;
  TaxFormNum?: null | string;
  TransactionLocationType?: null | string;
  Tag?: null | Tag[];
  TxnApprovalInfo?: TxnApprovalInfo;
  RecurDataRef?: ReferenceType;
  RecurringInfo?: RecurringInfo;
  ProjectRef?: ReferenceType;
  TotalCostAmount?: null | number;
  HomeTotalCostAmount?: null | number;
  VendorRef?: ReferenceType;
  APAccountRef?: ReferenceType;
  TotalAmt?: null | number;
  BillEmail?: EmailAddress;
  ReplyEmail?: EmailAddress;
  Memo?: null | string;
  GlobalTaxCalculation?: null | string;
  VendorAddr?: PhysicalAddress;
  VendorCreditEx?: IntuitAnyType;
  Balance?: null | number;
  IncludeInAnnualTPAR?: null | boolean;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
/**
 * QuickBooks Online Vendor records (stream vendors).
 */
export interface Vendor {
  Id?: null | string;
  SyncToken?: null | string;
  MetaData?: ModificationMetaData;
  CustomField?: null | CustomField[];
  AttachableRef?: null | AttachableRef[];
  domain?: null | string;
  status?: null | string;
  sparse?: null | boolean;
  IntuitId?: null | string;
  Organization?: null | boolean;
  Title?: null | string;
  GivenName?: null | string;
  MiddleName?: null | string;
  FamilyName?: null | string;
  Suffix?: null | string;
  FullyQualifiedName?: null | string;
  CompanyName?: null | string;
  DisplayName?: null | string;
  PrintOnCheckName?: null | string;
  UserId?: null | string;
  Active?: null | boolean;
  V4IDPseudonym?: null | string;
  PrimaryPhone?: TelephoneNumber;
  AlternatePhone?: TelephoneNumber;
  Mobile?: TelephoneNumber;
  Fax?: TelephoneNumber;
  PrimaryEmailAddr?: EmailAddress;
  WebAddr?: WebSiteAddress;
  OtherContactInfo?: null | ContactInfo[];
  DefaultTaxCodeRef?: ReferenceType;
  ContactName?: null | string;
  AltContactName?: null | string;
  Notes?: null | string;
  BillAddr?: PhysicalAddress;
  ShipAddr?: PhysicalAddress;
  OtherAddr?: null | PhysicalAddress[];
  TaxCountry?: null | string;
  TaxIdentifier?: null | string;
  TaxIdEffectiveDate?: null | string;
  BusinessNumber?: null | string;
  ParentRef?: ReferenceType;
  VendorTypeRef?: ReferenceType;
  TermRef?: ReferenceType;
  PrefillAccountRef?: ReferenceType;
  Balance?: null | number;
  BillRate?: null | number;
  OpenBalanceDate?: null | string;
  CreditLimit?: null | number;
  AcctNum?: null | string;
  Vendor1099?: null | boolean;
  T4AEligible?: null | boolean;
  T5018Eligible?: null | boolean;
  CurrencyRef?: ReferenceType;
  TDSEnabled?: null | boolean;
  TDSEntityTypeId?: null | number;
  TDSSectionTypeId?: null | number;
  TDSOverrideThreshold?: null | boolean;
  TaxReportingBasis?: null | string;
  APAccountRef?: ReferenceType;
  VendorEx?: IntuitAnyType;
  GSTIN?: null | string;
  GSTRegistrationType?: null | string;
  IsSubContractor?: null | boolean;
  SubcontractorType?: null | string;
  CISRate?: null | string;
  HasTPAR?: null | boolean;
  VendorPaymentBankDetail?: VendorBankAccountDetail;
  Source?: null | string;
  CostRate?: null | number;
  AgencyVerificationStatus?: null | string;
  AgencyVerificationStatusMsg?: null | string;
  AgencyVerificationTSUTC?: null | string;
  CompanyRegistrationNumber?: null | string;
  /**
   * Connector field: copy of MetaData.LastUpdatedTime (RFC 3339), the incremental cursor.
   */
  airbyte_cursor?: null | string;
  /**
   * Connector field: deletion time of a hard-deleted record (tombstone seen through CDC); null otherwise.
   */
  _ab_cdc_deleted_at?: null | string;
  [k: string]: unknown;
}
