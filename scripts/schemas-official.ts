// Top-level columns whose type airbyte/source-quickbooks 4.x declares differently from the Intuit
// XSD. A drop-in replacement keeps the official column type so an existing connection's tables do
// not change type (Airbyte CAT discovery backward compatibility). The generator applies these after
// the XSD; schemas-check accepts them in place of the XSD's type. Source: the official manifest.yaml
// (airbytehq/airbyte commit 6030a386), transcribed in test/fixtures/airbyte-official/.
type Schema = { [key: string]: unknown };

/** entity -> column -> the official column, built from the XSD-derived one (undefined when the XSD lacks it). */
export const OFFICIAL_COLUMNS: Readonly<Record<string, Readonly<Record<string, (generated: Schema | undefined) => Schema>>>> = {
  // xs:date in the XSD; the official declares date-time, and changing it would change the column type.
  // The records carry them as midnight-UTC date-times (src/streams/official-date-times.ts).
  Budget: { StartDate: dateTime, EndDate: dateTime },
  Employee: { BirthDate: dateTime, ReleasedDate: dateTime },
  // xs:long in the XSD; the official's number is the wider type.
  Attachable: { Size: () => ({ type: ['null', 'number'] }) },
  // Not in the XSD's JournalEntry, but in the official schema (a reference like every *Ref).
  JournalEntry: { TaxRateRef: () => ({ $ref: 'shared/ref.json' }) },
  // The official declares anyOf(object, array): QBO sends one object or a list. The same values
  // are accepted by one node typed both ways (no combinator, which Airbyte's typing handles the same).
  TaxRate: { EffectiveTaxRate: objectOrArray },
};

function dateTime(): Schema {
  return { type: ['null', 'string'], format: 'date-time' };
}

function objectOrArray(generated: Schema | undefined): Schema {
  const item = generated?.['items'] as Schema | undefined;
  if (item === undefined) throw new Error('EffectiveTaxRate: expected the XSD-derived array of objects');
  return { type: ['null', 'object', 'array'], additionalProperties: true, properties: item['properties'], items: item };
}
