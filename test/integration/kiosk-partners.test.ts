import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/service/dispatch';
import type { KioskCheckInOutcome, KioskLookup } from '../../shared/api/methods/kiosk';
import type { PartialAttendeeFields } from '../../shared/domain/attendee';
import type { Caller } from '../../shared/api/roles';
import { manualClock, openTestStation, type TestStation } from '../helpers/service';

/** What a kiosk gets right after its check-in, through the real service on a real SQLite file. */
const kiosk: Caller = { role: 'kiosk', station: 'kiosk-a' };

async function call<T>(station: TestStation, name: string, input: unknown, caller: Caller = kiosk): Promise<T> {
  const result = await dispatch(station.service.api, name, input, caller);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Someone already in the room (checked in at the desk). */
async function inTheRoom(station: TestStation, fields: PartialAttendeeFields): Promise<string> {
  const person = await station.service.api.addAttendee({ email: `${fields.ticketCode ?? 'x'}@example.jp`, phone: '090-1111-2222', ...fields });
  await station.service.api.checkIn({ attendeeId: person.id, source: 'search' });
  return person.id;
}

async function lookUp(station: TestStation, code: string, caller: Caller = kiosk): Promise<string> {
  const answer = await call<KioskLookup>(station, 'kioskFindByCode', { code }, caller);
  if (answer.status !== 'found') throw new Error(`${code}: ${answer.status}`);
  return answer.lookupId;
}

describe('partner suggestions at the kiosk', () => {
  it('come with the check-in: at most three consenting, present people other than the person, without ids or contact data', async () => {
    const station = openTestStation({ wallClock: manualClock().now });
    const { api } = station.service;
    await api.addAttendee({ name: '来場 者', ticketCode: 'ME-1', email: 'me@example.jp', industry: 'it', goals: ['hiring'], lookingFor: ['healthcare'], partnerConsent: true });
    const consenting = ['医療 一', '医療 二', '医療 三', '医療 四'];
    for (const [i, name] of consenting.entries()) {
      await inTheRoom(station, { name, ticketCode: `YES-${i}`, company: `病院${i}`, industry: 'healthcare', goals: ['job'], partnerConsent: true });
    }
    await inTheRoom(station, { name: '同意 しない', ticketCode: 'NO-1', industry: 'healthcare', goals: ['job'], partnerConsent: false });
    await api.addAttendee({ name: '未着 の人', ticketCode: 'AWAY-1', industry: 'healthcare', goals: ['job'], partnerConsent: true });
    const gone = await inTheRoom(station, { name: '帰った 人', ticketCode: 'LEFT-1', industry: 'healthcare', goals: ['job'], partnerConsent: true });
    await api.setPresence({ attendeeId: gone, state: 'left' });

    const outcome = await call<KioskCheckInOutcome>(station, 'kioskCheckIn', { lookupId: await lookUp(station, 'ME-1') });
    expect(outcome.status).toBe('checked-in');
    expect(outcome.suggestions).toHaveLength(3);
    for (const partner of outcome.suggestions) {
      expect(consenting).toContain(partner.name);
      expect(Object.keys(partner).sort()).toEqual(['company', 'goals', 'industry', 'name', 'reasons']);
      expect(partner.reasons.length).toBeGreaterThan(0);
    }
    const json = JSON.stringify(outcome.suggestions);
    expect(json).not.toMatch(/example\.jp|090-|来場 者|同意 しない|未着|帰った|[0-9a-f]{8}-[0-9a-f]{4}-/);
    // The same engine as the desk's: the desk asking for this person now sees the same people.
    const me = await api.findByTicketCode({ ticketCode: 'ME-1' });
    const desk = await api.suggestPartners({ attendeeId: me?.id ?? '' });
    expect(desk.suggestions.map((s) => s.name)).toEqual(outcome.suggestions.map((s) => s.name));
    station.close();
  });

  it('suggest nobody when nobody in the room agreed', async () => {
    const station = openTestStation({ wallClock: manualClock().now });
    await station.service.api.addAttendee({ name: 'Alone', ticketCode: 'A-1', industry: 'it', goals: ['ideas'] });
    await inTheRoom(station, { name: 'Private', ticketCode: 'P-1', industry: 'finance', goals: ['ideas'] });
    const outcome = await call<KioskCheckInOutcome>(station, 'kioskCheckIn', { lookupId: await lookUp(station, 'A-1') });
    expect(outcome.suggestions).toEqual([]);
    station.close();
  });
});
