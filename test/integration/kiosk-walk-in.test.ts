import { describe, expect, it } from 'vitest';
import { readEntries } from '../../electron/core/log/append';
import { dispatch } from '../../electron/core/service/dispatch';
import { KIOSK_LIMITS } from '../../electron/core/service/kiosk-guard';
import type { KioskCheckInOutcome } from '../../shared/api/methods/kiosk';
import type { Caller } from '../../shared/api/roles';
import { callers, manualClock, openTestStation } from '../helpers/service';

/** "I haven't registered" at the kiosk, through the real service on a real SQLite file. */
const kiosk: Caller = { role: 'kiosk', station: 'kiosk-walk' };
const walker = { name: '飛び入り 太郎', nameKana: 'とびいり たろう', company: '当日商会', industry: 'retail', goals: ['network'], lookingFor: ['it'], email: 'taro@example.jp' };

describe('walk-ins at the kiosk', () => {
  it('are refused while the station does not allow them, and nothing is written', async () => {
    const station = openTestStation({ wallClock: manualClock().now });
    const before = readEntries(station.db).length;
    expect(await dispatch(station.service.api, 'kioskWalkIn', walker, kiosk)).toMatchObject({ ok: false, error: { code: 'forbidden', where: 'walkIn' } });
    expect(readEntries(station.db).length).toBe(before);
    expect((await station.service.api.getKioskSettings())).toEqual({ walkIn: false, partnerSlip: false });
    // Only the organizer changes the setting.
    expect(await dispatch(station.service.api, 'updateKioskSettings', { walkIn: true }, kiosk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(station.service.api, 'updateKioskSettings', { walkIn: true }, callers.desk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    station.close();
  });

  it('when allowed, register, check in and count a walk-in, with the answers to both questions, and suggest people', async () => {
    const station = openTestStation({ wallClock: manualClock().now });
    const { api } = station.service;
    const other = await api.addAttendee({ name: 'IT 花子', company: 'Net', industry: 'it', goals: ['network'], partnerConsent: true });
    await api.checkIn({ attendeeId: other.id, source: 'search' });
    await api.updateKioskSettings({ walkIn: true });
    const result = await dispatch(station.service.api, 'kioskWalkIn', { ...walker, partnerConsent: true, vcardOptIn: true }, kiosk);
    if (!result.ok) throw new Error(result.error.message);
    const outcome = result.value as KioskCheckInOutcome;
    expect(outcome).toMatchObject({ status: 'checked-in', person: { name: '飛び入り 太郎', checkedIn: true, partnerConsent: true, vcardOptIn: true } });
    expect(outcome.suggestions.map((s) => s.name)).toEqual(['IT 花子']);
    expect(JSON.stringify(outcome)).not.toContain('taro@example.jp');
    const saved = (await api.searchAttendees({ query: '飛び入り', limit: 5 })).items[0];
    expect(saved).toMatchObject({ walkIn: true, email: 'taro@example.jp', company: '当日商会', industry: 'retail', checkedIn: { source: 'kiosk' } });
    expect(await api.getStatus()).toMatchObject({ walkIns: 1, expected: 1, checkedIn: 1 });
    station.close();
  });

  it('check the name, the e-mail and the catalogues, and are rate-limited with the lookups', async () => {
    const station = openTestStation({ wallClock: manualClock().now });
    await station.service.api.updateKioskSettings({ walkIn: true });
    const refusal = async (input: object) => {
      const result = await dispatch(station.service.api, 'kioskWalkIn', { ...walker, ...input }, kiosk);
      return result.ok ? 'accepted' : `${result.error.code} ${result.error.where ?? ''}`;
    };
    expect(await refusal({ name: '  ' })).toMatch(/^invalid-input/);
    expect(await refusal({ email: 'not-an-address' })).toMatch(/^invalid-input/);
    expect(await refusal({ industry: 'made-up' })).toBe('invalid-input industry');
    expect(await refusal({ goals: ['made-up'] })).toBe('invalid-input goals');
    const statuses: string[] = [];
    for (let i = 0; i < KIOSK_LIMITS.lookupsPerWindow + 2; i++) {
      const result = await dispatch(station.service.api, 'kioskWalkIn', { ...walker, name: `飛び入り ${i}`, email: '' }, kiosk);
      statuses.push(result.ok ? (result.value as { status: string }).status : result.error.code);
    }
    expect(statuses.filter((s) => s === 'checked-in').length).toBeLessThanOrEqual(KIOSK_LIMITS.lookupsPerWindow);
    expect(statuses.slice(-2)).toEqual(['ask-staff', 'ask-staff']);
    expect((await station.service.api.getStatus()).walkIns).toBe(statuses.filter((s) => s === 'checked-in').length);
    station.close();
  });
});
