// airbyte/source-quickbooks declares a few date columns as date-time (budgets.StartDate/EndDate,
// employees.BirthDate/ReleasedDate) and this connector keeps that column type so existing tables do
// not change. QBO sends plain dates there; a destination casts them to midnight UTC, so the record
// says exactly that: "2024-01-01" -> "2024-01-01T00:00:00Z", a value its declared format accepts.
import type { JsonObject } from '../cdk/index.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A row normaliser that turns the named top-level plain dates into midnight-UTC date-times. */
export function datesAsDateTimes(...columns: string[]): (row: JsonObject) => JsonObject {
  return (row) => {
    for (const column of columns) {
      const value = row[column];
      if (typeof value === 'string' && DATE.test(value)) row[column] = `${value}T00:00:00Z`;
    }
    return row;
  };
}
