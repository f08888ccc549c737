// Which optional QuickBooks features a company has, from its CompanyInfo and Preferences, for `check`:
// the streams that depend on them read 0 records (with a WARN) when the company lacks them.
import type { JsonObject } from '../cdk/index.js';

/** One line per feature: "multicurrency: off (company_currencies, exchange_rates read 0 records)". */
export function describeCompanyFeatures(info: JsonObject | undefined, prefs: JsonObject | undefined): string[] {
  const lines: string[] = [];
  const country = typeof info?.['Country'] === 'string' ? info['Country'] : undefined;
  if (country !== undefined) {
    const regional: string[] = [];
    if (country !== 'FR') regional.push('journal_codes (France only)');
    if (country === 'US') regional.push('tax_payments (outside the US only)');
    lines.push(`country: ${country}${regional.length > 0 ? ` (no ${regional.join(', ')})` : ''}`);
  }
  const multi = flag(prefs, 'CurrencyPrefs', 'MultiCurrencyEnabled');
  if (multi !== undefined) lines.push(`multicurrency: ${onOff(multi)}${multi ? '' : ' (company_currencies and exchange_rates read 0 records)'}`);
  const salesTax = flag(prefs, 'TaxPrefs', 'UsingSalesTax');
  if (salesTax !== undefined) lines.push(`sales tax: ${onOff(salesTax)}`);
  const automated = flag(prefs, 'TaxPrefs', 'PartnerTaxEnabled');
  if (automated !== undefined) lines.push(`automated sales tax: ${onOff(automated)}${automated ? '' : ' (tax_classifications may read 0 records)'}`);
  const classes = flag(prefs, 'AccountingInfoPrefs', 'ClassTrackingPerTxnLine') ?? flag(prefs, 'AccountingInfoPrefs', 'ClassTrackingPerTxn');
  if (classes !== undefined) lines.push(`class tracking: ${onOff(classes)}`);
  const locations = flag(prefs, 'AccountingInfoPrefs', 'TrackDepartments');
  if (locations !== undefined) lines.push(`location tracking: ${onOff(locations)}`);
  return lines;
}

function flag(prefs: JsonObject | undefined, group: string, key: string): boolean | undefined {
  const section = prefs?.[group];
  if (section === null || typeof section !== 'object' || Array.isArray(section)) return undefined;
  const value = (section as JsonObject)[key];
  return typeof value === 'boolean' ? value : undefined;
}

const onOff = (value: boolean): string => (value ? 'on' : 'off');
