import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedFields } from '../../shared/domain/attendee';

describe('changedFields: what a desk edit sends', () => {
  const before = { company: '株式会社あおば', industry: 'it', goals: ['hiring', 'ideas'], lookingFor: [], vcardOptIn: true };

  it('sends nothing when nothing was changed', () => {
    expect(changedFields(before, { ...before, goals: ['hiring', 'ideas'] })).toEqual({});
  });

  it('sends only the changed field, never an unchanged contact-QR choice', () => {
    expect(changedFields(before, { ...before, company: '株式会社あおば 本社' })).toEqual({ company: '株式会社あおば 本社' });
  });

  it('compares lists item by item: order, a removed and an added goal all count', () => {
    expect(changedFields(before, { ...before, goals: ['ideas', 'hiring'] })).toEqual({ goals: ['ideas', 'hiring'] });
    expect(changedFields(before, { ...before, goals: ['hiring'] })).toEqual({ goals: ['hiring'] });
    expect(changedFields(before, { ...before, lookingFor: ['food'] })).toEqual({ lookingFor: ['food'] });
  });

  it('a field the form had no value for before counts as changed', () => {
    expect(changedFields({}, { company: '' })).toEqual({ company: '' });
  });

  it('applying the changes to the old values gives the edited values', () => {
    const values = fc.record({
      company: fc.constantFrom('', 'A社', 'B社'),
      industry: fc.constantFrom('', 'it', 'food'),
      goals: fc.subarray(['hiring', 'ideas', 'partners']),
      vcardOptIn: fc.boolean(),
    });
    fc.assert(
      fc.property(values, values, (old, edited) => {
        const changes = changedFields(old, edited);
        expect({ ...old, ...changes }).toEqual(edited);
        for (const name of Object.keys(changes)) expect(JSON.stringify(old[name as keyof typeof old])).not.toBe(JSON.stringify(edited[name as keyof typeof edited]));
      }),
    );
  });
});
