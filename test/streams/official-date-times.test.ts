// Plain QBO dates in columns airbyte/source-quickbooks declares as date-time.
import { describe, expect, it } from 'vitest';
import { entityDef } from '../../src/streams/entity-registry.js';
import { datesAsDateTimes } from '../../src/streams/official-date-times.js';

describe('datesAsDateTimes', () => {
  it('turns the named plain dates into midnight UTC and leaves everything else alone', () => {
    const row = { StartDate: '2024-01-01', EndDate: '2024-12-31T00:00:00-08:00', TxnDate: '2024-03-01', Other: 5 };
    expect(datesAsDateTimes('StartDate', 'EndDate', 'Missing')(row)).toEqual({
      StartDate: '2024-01-01T00:00:00Z',
      EndDate: '2024-12-31T00:00:00-08:00',
      TxnDate: '2024-03-01',
      Other: 5,
    });
  });

  it('is what budgets and employees rows go through', () => {
    expect(entityDef('budgets')?.normalize?.({ Id: '1', StartDate: '2014-01-01', EndDate: '2014-12-31' })).toMatchObject({ StartDate: '2014-01-01T00:00:00Z', EndDate: '2014-12-31T00:00:00Z' });
    expect(entityDef('employees')?.normalize?.({ Id: '1', BirthDate: '1984-10-02' })).toMatchObject({ BirthDate: '1984-10-02T00:00:00Z' });
  });
});
