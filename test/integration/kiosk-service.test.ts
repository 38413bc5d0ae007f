import { describe, expect, it } from 'vitest';
import { readEntries } from '../../electron/core/log/append';
import { dispatch } from '../../electron/core/service/dispatch';
import { KIOSK_LIMITS } from '../../electron/core/service/kiosk-guard';
import type { KioskLookup } from '../../shared/api/methods/kiosk';
import type { Caller } from '../../shared/api/roles';
import { callers, manualClock, openTestStation, type TestStation } from '../helpers/service';

const kioskA: Caller = { role: 'kiosk', station: 'kiosk-a' };
const kioskB: Caller = { role: 'kiosk', station: 'kiosk-b' };

async function stationWithPeople(): Promise<{ station: TestStation; clock: ReturnType<typeof manualClock> }> {
  const clock = manualClock();
  const station = openTestStation({ wallClock: clock.now });
  const { api } = station.service;
  await api.addAttendee({ name: '山田 花子', nameKana: 'ヤマダ ハナコ', company: '結び商事', email: 'Hanako.Yamada@example.com', phone: '090-1234-5678', ticketCode: 'PX-0001', industry: 'it' });
  await api.addAttendee({ name: 'Ken Sato', company: 'Acme', email: 'ken@example.org', phone: '03-0000-0000', ticketCode: '1234567' });
  // Two people with the same name and the same local part at different domains.
  await api.addAttendee({ name: '佐藤 一郎', email: 'ichiro@a.example', ticketCode: 'DUP-1' });
  await api.addAttendee({ name: '佐藤 一郎', email: 'ichiro@b.example', ticketCode: 'DUP-2' });
  return { station, clock };
}

async function call<T>(station: TestStation, name: string, input: unknown, caller: Caller): Promise<T> {
  const result = await dispatch(station.service.api, name, input, caller);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

function expectNoContactDetails(answer: unknown): void {
  const json = JSON.stringify(answer);
  expect(json).not.toMatch(/@|example\.(com|org)|090-1234|03-0000|email|phone/i);
}

describe('kiosk lookups', () => {
  it('finds one person by the plain code or a ticket URL, with nothing but what the kiosk shows', async () => {
    const { station } = await stationWithPeople();
    for (const code of ['PX-0001', 'ｐｘ－０００１', 'https://tickets.example/e/77/t/PX-0001', 'https://example.connpass.com/event/9/ticket/?code=PX-0001']) {
      const answer = await call<KioskLookup>(station, 'kioskFindByCode', { code }, kioskA);
      expect(answer, code).toMatchObject({ status: 'found', person: { name: '山田 花子', company: '結び商事', checkedIn: false } });
      expect(Object.keys(answer.status === 'found' ? answer.person : {}).sort()).toEqual(
        ['checkedIn', 'company', 'goals', 'industry', 'lookingFor', 'name', 'nameKana', 'partnerConsent', 'vcardOptIn', 'left'].sort(),
      );
      expectNoContactDetails(answer);
    }
    expect(await call(station, 'kioskFindByCode', { code: 'https://tickets.example/t/1234567' }, kioskA)).toMatchObject({ person: { name: 'Ken Sato' } });
    station.close();
  });

  it('the desk resolves the same payloads with the same parser', async () => {
    const { station } = await stationWithPeople();
    const found = await call<{ name: string } | null>(station, 'findByTicketCode', { ticketCode: 'https://tickets.example/e/77/t/PX-0001' }, callers.desk);
    expect(found?.name).toBe('山田 花子');
    expect(await call(station, 'findByTicketCode', { ticketCode: 'https://tickets.example/e/77/t/NOPE' }, callers.desk)).toBeNull();
    station.close();
  });

  it('finds one person by name (or reading) plus the e-mail or its part before the @', async () => {
    const { station } = await stationWithPeople();
    for (const [name, secret] of [
      ['山田花子', 'hanako.yamada'],
      ['山田　花子', 'HANAKO.YAMADA@EXAMPLE.COM'],
      ['やまだ はなこ', 'ｈａｎａｋｏ．ｙａｍａｄａ'],
    ]) {
      const answer = await call(station, 'kioskFindByName', { name, secret }, kioskA);
      expect(answer, `${name} / ${secret}`).toMatchObject({ status: 'found', person: { name: '山田 花子' } });
      expectNoContactDetails(answer);
    }
    // Right name, wrong secret; a partial name; the domain alone: nobody.
    for (const [name, secret] of [
      ['山田花子', 'hanako'],
      ['山田', 'hanako.yamada'],
      ['山田花子', 'example.com'],
      ['山田花子', '%'],
      ['山田花子', 'hanako.yamada@'],
    ]) {
      expect(await call(station, 'kioskFindByName', { name, secret }, kioskB), `${name} / ${secret}`).toEqual({ status: 'not-found' });
    }
    station.close();
  });

  it('answers not-found rather than choose when two people share the name and the secret', async () => {
    const { station } = await stationWithPeople();
    expect(await call(station, 'kioskFindByName', { name: '佐藤一郎', secret: 'ichiro' }, kioskA)).toEqual({ status: 'not-found' });
    expect(await call(station, 'kioskFindByName', { name: '佐藤一郎', secret: 'ichiro@b.example' }, kioskA)).toMatchObject({ status: 'found' });
    station.close();
  });

  it('a kiosk stepping through 50 sequential ticket codes gets at most the rate limit of answers, and the organizer sees it', async () => {
    const { station } = await stationWithPeople();
    const { api } = station.service;
    for (let i = 1; i <= 50; i++) await api.addAttendee({ name: `参加者 ${i}`, email: `p${i}@example.com`, ticketCode: `SEQ-${String(i).padStart(3, '0')}` });
    const answers: KioskLookup[] = [];
    for (let i = 1; i <= 50; i++) answers.push(await call<KioskLookup>(station, 'kioskFindByCode', { code: `SEQ-${String(i).padStart(3, '0')}` }, kioskA));
    const found = answers.filter((a) => a.status === 'found');
    expect(found.length).toBeLessThanOrEqual(KIOSK_LIMITS.lookupsPerWindow);
    expect(answers.filter((a) => a.status === 'ask-staff').length).toBe(50 - found.length);
    expectNoContactDetails(answers);
    // Another kiosk is not blocked by the first one's guessing.
    expect(await call(station, 'kioskFindByCode', { code: 'PX-0001' }, kioskB)).toMatchObject({ status: 'found' });
    const stats = await api.getAccessStats();
    expect(stats.byKind['kiosk-rate-limited']).toBe(50 - found.length);
    expect(stats.byRole.kiosk).toBe(50 - found.length);
    station.close();
  });

  it('limits wrong lookups per kiosk, then lifts the limit after the cooldown', async () => {
    const { station, clock } = await stationWithPeople();
    const statuses: string[] = [];
    for (let i = 0; i < KIOSK_LIMITS.missesPerWindow + 2; i++) {
      statuses.push((await call<KioskLookup>(station, 'kioskFindByCode', { code: `WRONG-${i}` }, kioskA)).status);
    }
    expect(statuses).toEqual([...Array<string>(KIOSK_LIMITS.missesPerWindow).fill('not-found'), 'ask-staff', 'ask-staff']);
    // Even a right code is refused while the kiosk cools down.
    expect(await call(station, 'kioskFindByCode', { code: 'PX-0001' }, kioskA)).toEqual({ status: 'ask-staff' });
    clock.advance(KIOSK_LIMITS.cooldownMs + 1);
    expect(await call(station, 'kioskFindByCode', { code: 'PX-0001' }, kioskA)).toMatchObject({ status: 'found' });
    const stats = await station.service.api.getAccessStats();
    expect(stats.byKind['kiosk-miss']).toBe(KIOSK_LIMITS.missesPerWindow);
    expect(stats.byKind['kiosk-rate-limited']).toBe(3);
    station.close();
  });
});

describe('kiosk check-in', () => {
  it('checks in the person of a fresh lookup once, saving changed goals, and only for the kiosk that looked them up', async () => {
    const { station } = await stationWithPeople();
    const settings = await station.service.api.getEvent();
    const goal = settings.goals[0]?.id ?? '';
    const industry = settings.industries[1]?.id ?? '';
    const answer = await call<KioskLookup>(station, 'kioskFindByCode', { code: 'PX-0001' }, kioskA);
    if (answer.status !== 'found') throw new Error('not found');
    const before = readEntries(station.db).length;

    const foreign = await dispatch(station.service.api, 'kioskCheckIn', { lookupId: answer.lookupId }, kioskB);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'not-found', where: 'lookupId' } });
    expect(readEntries(station.db).length).toBe(before);

    const outcome = await call(station, 'kioskCheckIn', { lookupId: answer.lookupId, goals: [goal], lookingFor: [industry] }, kioskA);
    expect(outcome).toMatchObject({ status: 'checked-in', person: { name: '山田 花子', goals: [goal], lookingFor: [industry], checkedIn: true } });
    expectNoContactDetails(outcome);
    const attendee = await station.service.api.findByTicketCode({ ticketCode: 'PX-0001' });
    expect(attendee).toMatchObject({ goals: [goal], lookingFor: [industry], checkedIn: { source: 'kiosk' } });

    // Used once: the same lookup cannot check in again.
    expect(await dispatch(station.service.api, 'kioskCheckIn', { lookupId: answer.lookupId }, kioskA)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const again = await call<KioskLookup>(station, 'kioskFindByCode', { code: 'PX-0001' }, kioskA);
    if (again.status !== 'found') throw new Error('not found');
    expect(await call(station, 'kioskCheckIn', { lookupId: again.lookupId }, kioskA)).toMatchObject({ status: 'already-checked-in' });
    expect((await station.service.api.getAccessStats()).byKind['kiosk-stale-lookup']).toBe(2);
    station.close();
  });

  it('refuses an expired lookup, and goals that are not the event\'s', async () => {
    const { station, clock } = await stationWithPeople();
    const first = await call<KioskLookup>(station, 'kioskFindByCode', { code: '1234567' }, kioskA);
    if (first.status !== 'found') throw new Error('not found');
    clock.advance(KIOSK_LIMITS.lookupTtlMs + 1);
    expect(await dispatch(station.service.api, 'kioskCheckIn', { lookupId: first.lookupId }, kioskA)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const second = await call<KioskLookup>(station, 'kioskFindByCode', { code: '1234567' }, kioskA);
    if (second.status !== 'found') throw new Error('not found');
    expect(await dispatch(station.service.api, 'kioskCheckIn', { lookupId: second.lookupId, goals: ['made-up'] }, kioskA)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', where: 'goals' },
    });
    station.close();
  });
});
