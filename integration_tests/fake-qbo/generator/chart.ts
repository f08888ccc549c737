// The fixed chart of accounts of the sample company (a landscaping business, like Intuit's sandbox).

export interface AccountTemplate {
  Name: string;
  AccountType: string;
  AccountSubType: string;
  Classification: 'Asset' | 'Liability' | 'Equity' | 'Revenue' | 'Expense';
  balanceCents: number;
  parent?: number;
  currency?: string;
  inactive?: boolean;
}

export const ACCOUNTS: readonly AccountTemplate[] = [
  { Name: 'Checking', AccountType: 'Bank', AccountSubType: 'Checking', Classification: 'Asset', balanceCents: 1_201_000 },
  { Name: 'Savings', AccountType: 'Bank', AccountSubType: 'Savings', Classification: 'Asset', balanceCents: 80_000 },
  { Name: 'Accounts Receivable (A/R)', AccountType: 'Accounts Receivable', AccountSubType: 'AccountsReceivable', Classification: 'Asset', balanceCents: 528_152 },
  { Name: 'Inventory Asset', AccountType: 'Other Current Asset', AccountSubType: 'Inventory', Classification: 'Asset', balanceCents: 59_625 },
  { Name: 'Undeposited Funds', AccountType: 'Other Current Asset', AccountSubType: 'UndepositedFunds', Classification: 'Asset', balanceCents: 216_520 },
  { Name: 'Prepaid Expenses', AccountType: 'Other Current Asset', AccountSubType: 'PrepaidExpenses', Classification: 'Asset', balanceCents: 0 },
  { Name: 'Truck', AccountType: 'Fixed Asset', AccountSubType: 'Vehicles', Classification: 'Asset', balanceCents: 1_313_000 },
  { Name: 'Accounts Payable (A/P)', AccountType: 'Accounts Payable', AccountSubType: 'AccountsPayable', Classification: 'Liability', balanceCents: -160_267 },
  { Name: 'Mastercard', AccountType: 'Credit Card', AccountSubType: 'CreditCard', Classification: 'Liability', balanceCents: -15_752 },
  { Name: 'Visa', AccountType: 'Credit Card', AccountSubType: 'CreditCard', Classification: 'Liability', balanceCents: 0 },
  { Name: 'Board of Equalization Payable', AccountType: 'Other Current Liability', AccountSubType: 'GlobalTaxPayable', Classification: 'Liability', balanceCents: -37_094 },
  { Name: 'Loan Payable', AccountType: 'Other Current Liability', AccountSubType: 'OtherCurrentLiabilities', Classification: 'Liability', balanceCents: -400_000 },
  { Name: 'Notes Payable', AccountType: 'Long Term Liability', AccountSubType: 'NotesPayable', Classification: 'Liability', balanceCents: -2_500_000 },
  { Name: 'Opening Balance Equity', AccountType: 'Equity', AccountSubType: 'OpeningBalanceEquity', Classification: 'Equity', balanceCents: -933_750 },
  { Name: 'Retained Earnings', AccountType: 'Equity', AccountSubType: 'RetainedEarnings', Classification: 'Equity', balanceCents: 0 },
  { Name: "Owner's Equity", AccountType: 'Equity', AccountSubType: 'OwnersEquity', Classification: 'Equity', balanceCents: 0 },
  { Name: 'Services', AccountType: 'Income', AccountSubType: 'ServiceFeeIncome', Classification: 'Revenue', balanceCents: 0 },
  { Name: 'Sales of Product Income', AccountType: 'Income', AccountSubType: 'SalesOfProductIncome', Classification: 'Revenue', balanceCents: 0 },
  { Name: 'Landscaping Services', AccountType: 'Income', AccountSubType: 'ServiceFeeIncome', Classification: 'Revenue', balanceCents: 0 },
  { Name: 'Discounts given', AccountType: 'Income', AccountSubType: 'DiscountsRefundsGiven', Classification: 'Revenue', balanceCents: 0 },
  { Name: 'Interest Earned', AccountType: 'Other Income', AccountSubType: 'InterestEarned', Classification: 'Revenue', balanceCents: 0 },
  { Name: 'Cost of Goods Sold', AccountType: 'Cost of Goods Sold', AccountSubType: 'SuppliesMaterialsCogs', Classification: 'Expense', balanceCents: 0 },
  { Name: 'Advertising', AccountType: 'Expense', AccountSubType: 'AdvertisingPromotional', Classification: 'Expense', balanceCents: 0 },
  { Name: 'Bank Charges', AccountType: 'Expense', AccountSubType: 'BankCharges', Classification: 'Expense', balanceCents: 0 },
  { Name: 'Insurance', AccountType: 'Expense', AccountSubType: 'Insurance', Classification: 'Expense', balanceCents: 0 },
  { Name: 'Legal & Professional Fees', AccountType: 'Expense', AccountSubType: 'LegalProfessionalFees', Classification: 'Expense', balanceCents: 0 },
  { Name: 'Meals and Entertainment', AccountType: 'Expense', AccountSubType: 'EntertainmentMeals', Classification: 'Expense', balanceCents: 0 },
  { Name: 'Office Expenses', AccountType: 'Expense', AccountSubType: 'OfficeGeneralAdministrativeExpenses', Classification: 'Expense', balanceCents: 0 },
  { Name: 'Rent or Lease', AccountType: 'Expense', AccountSubType: 'RentOrLeaseOfBuildings', Classification: 'Expense', balanceCents: 0 },
  { Name: 'Repair & Maintenance', AccountType: 'Expense', AccountSubType: 'RepairMaintenance', Classification: 'Expense', balanceCents: 0 },
  { Name: 'Utilities', AccountType: 'Expense', AccountSubType: 'Utilities', Classification: 'Expense', balanceCents: 0 },
  { Name: 'Telephone', AccountType: 'Expense', AccountSubType: 'Utilities', Classification: 'Expense', balanceCents: 0, parent: 31 },
  { Name: 'Job Materials', AccountType: 'Expense', AccountSubType: 'SuppliesMaterials', Classification: 'Expense', balanceCents: 0 },
  { Name: 'Automobile', AccountType: 'Expense', AccountSubType: 'Auto', Classification: 'Expense', balanceCents: 0 },
  { Name: 'Fuel', AccountType: 'Expense', AccountSubType: 'Auto', Classification: 'Expense', balanceCents: 0, parent: 34 },
  { Name: 'Depreciation', AccountType: 'Other Expense', AccountSubType: 'Depreciation', Classification: 'Expense', balanceCents: 0 },
  { Name: 'Miscellaneous', AccountType: 'Other Expense', AccountSubType: 'OtherMiscellaneousExpense', Classification: 'Expense', balanceCents: 0 },
  { Name: 'Billable Expense Income', AccountType: 'Income', AccountSubType: 'OtherPrimaryIncome', Classification: 'Revenue', balanceCents: 0 },
  { Name: 'Euro Bank', AccountType: 'Bank', AccountSubType: 'Checking', Classification: 'Asset', balanceCents: 250_075, currency: 'EUR' },
  { Name: 'Old Savings (deleted)', AccountType: 'Bank', AccountSubType: 'Savings', Classification: 'Asset', balanceCents: 0, inactive: true },
];

/** Account Ids (1-based positions above) that the transaction generators post to. */
export const ACCT = {
  checking: 1,
  savings: 2,
  ar: 3,
  inventory: 4,
  undeposited: 5,
  ap: 8,
  mastercard: 9,
  visa: 10,
  services: 17,
  productIncome: 18,
  landscaping: 19,
  discounts: 20,
  interest: 21,
  cogs: 22,
  billableIncome: 38,
} as const;

/** Expense accounts used on bills, purchases and journal entries. */
export const EXPENSE_ACCOUNTS: readonly number[] = [23, 24, 25, 26, 27, 28, 29, 30, 32, 33, 35, 36, 37];

export function accountRef(id: number): { value: string; name: string } {
  const a = ACCOUNTS[id - 1];
  if (!a) throw new Error(`no account ${id}`);
  const parent = a.parent === undefined ? undefined : ACCOUNTS[a.parent - 1];
  return { value: String(id), name: parent ? `${parent.Name}:${a.Name}` : a.Name };
}
