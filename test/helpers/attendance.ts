import { appendEntries, readEntries } from '../../electron/core/log/append';
import { manualClock, openTestStation, type TestStation } from './service';

/**
 * A small event with the awkward data real registration lists carry: a formula-like name, commas,
 * quotes and a line break in a company, katakana and hiragana readings, characters Shift_JIS lacks,
 * a walk-in, a no-show, a badge printed twice and a second check-in at another door (a conflict).
 */
export const PEOPLE = [
  { ticketCode: 'TK-001', name: '山田 太郎', nameKana: 'ヤマダ タロウ', company: '結び商事', title: '部長', industry: 'it', goals: ['ideas', 'hiring'], email: 'taro@example.com' },
  { ticketCode: 'TK-002', name: '=HYPERLINK("http://evil.example","click")', nameKana: 'いとう', company: 'Acme, "Robotics"\n第二工場', title: '', industry: 'manufacturing', goals: ['network'], email: 'x@example.com' },
  { ticketCode: 'TK-003', name: '髙橋 﨑子', nameKana: 'たかはし さきこ', company: '@risk 株式会社', title: '課長〜部長代理−補佐', industry: 'finance', goals: ['partners'], email: 'saki@example.com' },
  { ticketCode: 'TK-004', name: 'Zoë 😀 Müller', nameKana: '', company: '+81 Labs', title: '㉑世紀室長', industry: 'it', goals: [], email: 'zoe@example.com' },
  { ticketCode: 'TK-005', name: '相田 みつ', nameKana: 'あいだ みつ', company: '来なかった社', title: '', industry: 'education', goals: ['learning'], email: 'aida@example.com' },
] as const;

export interface SeededEvent {
  station: TestStation;
  ids: Record<string, string>;
  clock: ReturnType<typeof manualClock>;
}

export async function seedEvent(file?: string): Promise<SeededEvent> {
  const clock = manualClock(Date.parse('2026-11-24T09:00:00Z'));
  const station = openTestStation({ file, station: 'Door A', wallClock: clock.now });
  const { api } = station.service;
  await api.updateEvent({ eventName: '異業種交流会 秋' });
  const ids: Record<string, string> = {};
  for (const person of PEOPLE) {
    const added = await api.addAttendee({ ...person, goals: [...person.goals] });
    ids[person.ticketCode] = added.id;
  }
  for (const code of ['TK-001', 'TK-002', 'TK-003', 'TK-004']) {
    clock.advance(3 * 60_000);
    await api.checkIn({ attendeeId: ids[code] ?? '', source: 'qr' });
  }
  clock.advance(60_000);
  const walkIn = await api.registerWalkIn({ name: '飛び込み 花子', nameKana: 'とびこみ はなこ', company: '当日株式会社', industry: 'retail', goals: ['network'] });
  ids.walkIn = walkIn.attendee.id;
  station.service.context.record([{ type: 'badge.printed', attendeeId: ids['TK-001'] ?? '', data: { printer: 'QL-820', copies: 2 } }]);

  // Door B checks 山田 in again while offline; the entries arrive by sync.
  const doorB = openTestStation({ station: 'Door B', wallClock: () => clock.now() + 30_000 });
  appendEntries(doorB.db, readEntries(station.db));
  // Offline, Door B did not know he was in: its own check-in entry, as its scanner would record it.
  doorB.service.context.record([{ type: 'checkin', attendeeId: ids['TK-001'] ?? '', data: { source: 'qr', scannedAt: new Date(clock.now() + 30_000).toISOString() } }]);
  appendEntries(station.db, readEntries(doorB.db));
  doorB.close();
  return { station, ids, clock };
}
