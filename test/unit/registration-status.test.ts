import { describe, expect, it } from 'vitest';
import { registrationStatusOf } from '../../electron/core/import/registration-status';

describe('registration status values of the usual exports', () => {
  it.each([
    // Peatix
    ['支払い済み', 'registered'],
    ['キャンセル済み', 'cancelled'],
    ['支払い待ち', 'pending'],
    ['期限切れ', 'cancelled'],
    // connpass
    ['参加', 'registered'],
    ['補欠', 'waitlisted'],
    ['キャンセル', 'cancelled'],
    ['ｷｬﾝｾﾙ', 'cancelled'],
    // Eventbrite
    ['Attending', 'registered'],
    ['Not Attending', 'cancelled'],
    ['Refunded', 'cancelled'],
    ['Cancelled', 'cancelled'],
    ['Waitlist', 'waitlisted'],
    ['Pending', 'pending'],
    // Doorkeeper
    ['入金待ち', 'pending'],
    ['WAITLISTED', 'waitlisted'],
  ])('%s → %s', (value, status) => {
    expect(registrationStatusOf(value)).toBe(status);
  });

  it('does not guess at a value no export uses', () => {
    expect(registrationStatusOf('VIP')).toBeUndefined();
    expect(registrationStatusOf('')).toBeUndefined();
  });
});
