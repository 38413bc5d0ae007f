import { describe, expect, it } from 'vitest';
import { rosterStateOf } from '../../shared/domain/roster-state';

const checkin = { checkinId: 'c', at: '2026-12-02T10:00:00.000Z', station: 'Door A', source: 'search' as const };
const person = (over: Partial<Parameters<typeof rosterStateOf>[0]>) => ({ checkedIn: null, walkIn: false, registrationStatus: 'registered' as const, removed: false, ...over });

describe('where a person stands on the organizer list', () => {
  it('is not arrived only when registered, not a walk-in and not checked in', () => {
    expect(rosterStateOf(person({}))).toBe('expected');
    expect(rosterStateOf(person({ registrationStatus: 'cancelled' }))).toBe('cancelled');
    expect(rosterStateOf(person({ registrationStatus: 'waitlisted' }))).toBe('waitlisted');
    expect(rosterStateOf(person({ registrationStatus: 'pending' }))).toBe('pending');
    expect(rosterStateOf(person({ walkIn: true }))).toBe('walk-in');
  });

  it('says checked in for anyone in, cancelled or not, and removed above all', () => {
    expect(rosterStateOf(person({ checkedIn: checkin }))).toBe('checked-in');
    expect(rosterStateOf(person({ checkedIn: checkin, registrationStatus: 'cancelled' }))).toBe('checked-in');
    expect(rosterStateOf(person({ checkedIn: checkin, removed: true }))).toBe('removed');
    expect(rosterStateOf(person({ registrationStatus: 'cancelled', removed: true }))).toBe('removed');
  });
});
