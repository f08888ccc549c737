// Customers (with sub-customers), vendors and employees. The first names are curated (apostrophes, unicode,
// emoji, quotes); beyond them names are composed from the index, so any count can be generated.
import type { JsonObject } from '../../../src/cdk/core/protocol.js';
import type { BaseSource } from '../store/source.js';
import type { Rng } from '../prng.js';
import { GenContext, money } from './context.js';
import { sourceOf } from './lists.js';

/** [display name, parent index or -1]. A parent always precedes its sub-customers. */
const CUSTOMERS: ReadonlyArray<[string, number]> = [
  ["Amy's Bird Sanctuary", -1],
  ['Café Zoë', -1],
  ['株式会社テスト', -1],
  ["Bill's Windsurf Shop", -1],
  ['Cool Cars', -1],
  ['Diego Rodriguez', -1],
  ['Dukes Basketball Camp', -1],
  ['Freeman Sporting Goods', -1],
  ['0969 Ocean View Road', 7],
  ['55 Twin Lane', 7],
  ['Geeta Kalapatapu', -1],
  ["Jeff's Jalopies", -1],
  ['John Melton', -1],
  ['Kate Whelan', -1],
  ['Kookies by Kathy', -1],
  ['Mark Cho', -1],
  ['Paulsen Medical Supplies', -1],
  ['Rago Travel Agency', -1],
  ['Red Rock Diner', -1],
  ['Rondonuwu Fruit and Vegi', -1],
  ['Shara Barnett', -1],
  ['Barnett Design', 20],
  ['Sonnenschein Family Store', -1],
  ['Sushi by Katsuyuki', -1],
  ['Travis Waldron', -1],
  ['Video Games by Dan', -1],
  ['Wedding Planning by Whitney', -1],
  ['Weiskopf Consulting', -1],
  ['Müller & Söhne GmbH', -1],
  ['O\'Brien "Quoted" Ltd', -1],
  ['Zoë\'s 🍰 Bakery', -1],
  ['Ωmega Ñandú Supplies', -1],
];
const VENDORS = [
  "Bob's Burger Joint",
  'Cal Telephone',
  'Norton Lumber and Building Materials',
  'Books by Bessie',
  'PG&E',
  'Hall Properties',
  'Lee Advertising',
  "Tania's Nursery",
  'Ünal Tedarik A.Ş.',
  '山田商事株式会社',
  "Diego's Road Warrior Bodyshop",
  'Computers by Jenni',
  "Chin's Gas and Oil",
  'Robertson & Associates',
  'Squeaky Kleen Car Wash',
  'Brosnahan Insurance Agency',
];
const EMPLOYEES: ReadonlyArray<[string, string]> = [
  ['Emily', 'Platt'],
  ['John', 'Johnson'],
  ['Bill', 'Miller'],
  ['Zoë', 'Ångström'],
  ['太郎', '田中'],
  ['Seán', "O'Connell"],
];
const FIRST = ['Acme', 'Blue', 'Golden', 'Green', 'Harbor', 'Maple', 'North', 'Pacific', 'Quartz', 'River', 'Summit', 'Sunset'];
const SECOND = ['Bakery', 'Builders', 'Cafe', 'Dental', 'Farms', 'Fitness', 'Florist', 'Garage', 'Hardware', 'Studio', 'Travel', 'Vineyard'];
const CITIES: ReadonlyArray<[string, string, string]> = [
  ['Bayshore', 'CA', '94326'],
  ['Half Moon Bay', 'CA', '94213'],
  ['Middlefield', 'CA', '94303'],
  ['San Jose', 'CA', '95112'],
  ['Sunnyvale', 'CA', '94086'],
];

const composed = (i: number, suffix: string): string =>
  `${FIRST[i % FIRST.length]} ${SECOND[Math.floor(i / FIRST.length) % SECOND.length]} ${suffix} ${i + 1}`;

export const customerName = (i: number): string => CUSTOMERS[i]?.[0] ?? composed(i, 'Co.');
/** Parent index of customer i, or -1. Generated customers: every 10th is a job of the one before. */
export const customerParent = (i: number): number => CUSTOMERS[i]?.[1] ?? (i % 10 === 9 ? i - 1 : -1);
/** A few of each list are inactive ("deleted" in the UI); never the curated first ones used in samples. */
const inactive = (i: number): boolean => i % 13 === 5;

function address(r: Rng, id: number): JsonObject {
  const [city, state, zip] = r.pick(CITIES);
  return {
    Id: String(id),
    Line1: `${r.between(10, 9999)} ${r.pick(['Finch St.', 'Ocean Dr.', 'Main St.', 'Cypress Hill Ave.', 'Twin Lane'])}`,
    City: city,
    CountrySubDivisionCode: state,
    PostalCode: zip,
    Lat: r.chance(0.3) ? 'INVALID' : (37 + r.next()).toFixed(7),
    Long: r.chance(0.3) ? 'INVALID' : (-122 - r.next()).toFixed(7),
  };
}

export function peopleSources(ctx: GenContext): Map<string, BaseSource> {
  const m = new Map<string, BaseSource>();
  const fqn = (i: number): string => {
    const p = customerParent(i);
    return p >= 0 ? `${fqn(p)}:${customerName(i)}` : customerName(i);
  };
  ctx.names.set('Customer', (i) => (inactive(i) ? `${customerName(i)} (deleted)` : customerName(i)));
  m.set(
    'Customer',
    sourceOf(ctx, 'Customer', (i, env) => {
      const r = ctx.rng('Customer', i);
      const parent = customerParent(i);
      const active = !inactive(i);
      const balance = r.chance(0.5) ? r.cents(0, 5000) : 0;
      const name = customerName(i);
      const display = active ? name : `${name} (deleted)`;
      const job = parent >= 0;
      const person = name.split(' ');
      const out: JsonObject = {
        Taxable: r.chance(0.6),
        BillAddr: address(r, 2 * i + 2),
        ShipAddr: address(r, 2 * i + 3),
        Job: job,
        BillWithParent: job,
        ...(job ? { ParentRef: { value: String(parent + 1) }, Level: 1 } : {}),
        Balance: money(balance),
        BalanceWithJobs: money(balance),
        CurrencyRef: { value: 'USD', name: 'United States Dollar' },
        PreferredDeliveryMethod: r.pick(['Print', 'Email', 'None']),
        ...(i % 4 === 1 ? { CustomerTypeRef: { value: String(1 + (i % 3)) } } : {}),
        ...env,
        ...(person.length === 2 && !job ? { GivenName: person[0], FamilyName: person[1] } : {}),
        FullyQualifiedName: active ? fqn(i) : `${fqn(i)} (deleted)`,
        ...(job ? {} : { CompanyName: name }),
        DisplayName: display,
        PrintOnCheckName: name,
        Active: active,
        PrimaryPhone: { FreeFormNumber: `(650) 555-${String(1000 + (i % 9000)).padStart(4, '0')}` },
        PrimaryEmailAddr: { Address: `contact${i + 1}@example.com` },
      };
      return out;
    }),
  );
  const vendorName = (i: number): string => VENDORS[i] ?? composed(i, 'Supply');
  ctx.names.set('Vendor', (i) => (inactive(i) ? `${vendorName(i)} (deleted)` : vendorName(i)));
  m.set(
    'Vendor',
    sourceOf(ctx, 'Vendor', (i, env) => {
      const r = ctx.rng('Vendor', i);
      const active = !inactive(i);
      const name = vendorName(i);
      return {
        BillAddr: address(r, 1000 + i),
        Balance: money(r.chance(0.4) ? r.cents(0, 3000) : 0),
        Vendor1099: r.chance(0.2),
        CurrencyRef: { value: 'USD', name: 'United States Dollar' },
        ...env,
        CompanyName: name,
        DisplayName: active ? name : `${name} (deleted)`,
        PrintOnCheckName: name,
        Active: active,
        PrimaryPhone: { FreeFormNumber: `(415) 555-${String(2000 + (i % 8000)).padStart(4, '0')}` },
        ...(r.chance(0.5) ? { AcctNum: String(r.between(10000, 99999)) } : {}),
        ...(i % 3 === 0 ? { TermRef: { value: '3' } } : {}),
      };
    }),
  );
  const employee = (i: number): [string, string] => EMPLOYEES[i] ?? [FIRST[i % FIRST.length] as string, `Worker${i + 1}`];
  ctx.names.set('Employee', (i) => employee(i).join(' '));
  m.set(
    'Employee',
    sourceOf(ctx, 'Employee', (i, env) => {
      const r = ctx.rng('Employee', i);
      const [given, family] = employee(i);
      const active = i % 7 !== 6;
      return {
        BillableTime: r.chance(0.5),
        ...(r.chance(0.5) ? { HourlyRate: r.between(15, 60) + r.pick([0, 0.5, 0.25]) } : {}),
        ...env,
        GivenName: given,
        FamilyName: family,
        DisplayName: active ? `${given} ${family}` : `${given} ${family} (deleted)`,
        PrintOnCheckName: `${given} ${family}`,
        Active: active,
        PrimaryAddr: address(r, 5000 + i),
        PrimaryPhone: { FreeFormNumber: `408-555-${String(3000 + (i % 7000)).padStart(4, '0')}` },
        SSN: 'XXX-XX-XXXX',
        HiredDate: GenContext.addDays(ctx.txnDate('Employee', i), -r.int(900)),
      };
    }),
  );
  return m;
}
