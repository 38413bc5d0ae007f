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

describe('the kiosk\'s two questions', () => {
  it('saves "show me to others" and "contact QR on my badge" with the check-in, so the next arrival is suggested this person', async () => {
    const station = openTestStation({ wallClock: manualClock().now });
    const { api } = station.service;
    await api.addAttendee({ name: '先に 来た人', ticketCode: 'FIRST', email: 'first@example.jp', industry: 'healthcare', goals: ['job'] });
    await api.addAttendee({ name: '後から 来た人', ticketCode: 'SECOND', email: 'second@example.jp', industry: 'it', goals: ['hiring'] });

    const found = await call<KioskLookup>(station, 'kioskFindByCode', { code: 'FIRST' });
    expect(found).toMatchObject({ status: 'found', person: { partnerConsent: false, vcardOptIn: false } });
    if (found.status !== 'found') throw new Error('not found');
    await call(station, 'kioskCheckIn', { lookupId: found.lookupId, partnerConsent: true, vcardOptIn: true });
    expect(await api.findByTicketCode({ ticketCode: 'FIRST' })).toMatchObject({ partnerConsent: true, vcardOptIn: true, checkedIn: { source: 'kiosk' } });

    const second = await call<KioskCheckInOutcome>(station, 'kioskCheckIn', { lookupId: await lookUp(station, 'SECOND') });
    expect(second.suggestions.map((s) => s.name)).toEqual(['先に 来た人']);
    // Pre-filled next time from what was saved.
    const again = await call<KioskLookup>(station, 'kioskFindByCode', { code: 'FIRST' });
    expect(again).toMatchObject({ person: { partnerConsent: true, vcardOptIn: true } });
    station.close();
  });

  it('writes nothing for an answer that does not change anything', async () => {
    const station = openTestStation({ wallClock: manualClock().now });
    await station.service.api.addAttendee({ name: 'Same', ticketCode: 'S-1', partnerConsent: true });
    const before = (await station.service.api.findByTicketCode({ ticketCode: 'S-1' })) ?? undefined;
    await call(station, 'kioskCheckIn', { lookupId: await lookUp(station, 'S-1'), partnerConsent: true, vcardOptIn: false });
    const upserts = station.db.prepare("SELECT COUNT(*) AS n FROM entries WHERE type = 'attendee.upsert' AND attendee_id = ?").get(before?.id) as { n: number };
    expect(upserts.n).toBe(1);
    station.close();
  });
});

describe('"I have left" at the kiosk', () => {
  it('takes a person who scans again out of the room, only through a fresh lookup of this kiosk, and welcomes them back', async () => {
    const station = openTestStation({ wallClock: manualClock().now });
    const { api } = station.service;
    await api.addAttendee({ name: '帰る 人', ticketCode: 'BYE-1', industry: 'energy', goals: ['partners'], partnerConsent: true });
    await api.addAttendee({ name: '残る 人', ticketCode: 'STAY-1', industry: 'it', goals: ['partners'] });
    await call(station, 'kioskCheckIn', { lookupId: await lookUp(station, 'BYE-1') });

    // Not checked in yet: refused, nothing written.
    expect(await dispatch(station.service.api, 'kioskLeave', { lookupId: await lookUp(station, 'STAY-1') }, kiosk)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Another kiosk's lookup does not work here.
    const foreign = await lookUp(station, 'BYE-1', { role: 'kiosk', station: 'kiosk-b' });
    expect(await dispatch(station.service.api, 'kioskLeave', { lookupId: foreign }, kiosk)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await api.findByTicketCode({ ticketCode: 'BYE-1' }))?.left).toBe(false);

    const rescan = await call<KioskLookup>(station, 'kioskFindByCode', { code: 'BYE-1' });
    expect(rescan).toMatchObject({ status: 'found', person: { checkedIn: true, left: false } });
    if (rescan.status !== 'found') throw new Error('not found');
    expect(await call(station, 'kioskLeave', { lookupId: rescan.lookupId })).toEqual({ status: 'left' });
    expect((await api.findByTicketCode({ ticketCode: 'BYE-1' }))?.left).toBe(true);
    // Used once.
    expect(await dispatch(station.service.api, 'kioskLeave', { lookupId: rescan.lookupId }, kiosk)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // No longer suggested to anyone.
    const stay = await call<KioskCheckInOutcome>(station, 'kioskCheckIn', { lookupId: await lookUp(station, 'STAY-1') });
    expect(stay.suggestions).toEqual([]);

    // Back: a check-in from the kiosk marks them present again, without a second check-in.
    const back = await call<KioskCheckInOutcome>(station, 'kioskCheckIn', { lookupId: await lookUp(station, 'BYE-1') });
    expect(back).toMatchObject({ status: 'back', person: { left: false }, print: { state: 'off' } });
    expect((await api.findByTicketCode({ ticketCode: 'BYE-1' }))?.conflicts).toEqual([]);
    expect((await call<KioskCheckInOutcome>(station, 'kioskCheckIn', { lookupId: await lookUp(station, 'STAY-1') })).status).toBe('already-checked-in');
    station.close();
  });
});
