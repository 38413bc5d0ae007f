import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { findByTicketCode } from '../../electron/core/attendees/queries';
import { runMusubi } from '../helpers/processes';
import { openTestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';

describe('musubi checkin (scripted check-in)', () => {
  it('checks in by ticket code once, reports "already" the second time and refuses an unknown code', async () => {
    const file = path.join(tempDir(), 'door.db');
    const station = openTestStation({ file });
    await station.service.api.addAttendee({ name: '田中 一郎', ticketCode: 'C-7' });
    station.close();

    const first = await runMusubi(['checkin', 'Ｃ-7', '--db', file, '--station', 'Script door']);
    expect(first).toMatchObject({ code: 0, stdout: 'C-7: checked in at Script door\n' });
    expect(first.stdout).not.toContain('田中');
    const again = await runMusubi(['checkin', 'C-7', '--db', file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^C-7: already checked in at Script door /);
    const unknown = await runMusubi(['checkin', 'NOPE', '--db', file]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No attendee has the ticket code NOPE/);

    const db = openDatabase(file);
    expect(findByTicketCode(db, 'C-7')?.checkedIn).toMatchObject({ station: 'Script door', source: 'cli' });
    db.close();
  });

  it('refuses (exit 1, nothing written) a ticket type the station\'s check-in list does not admit, and a cancelled registration, unless --override', async () => {
    const file = path.join(tempDir(), 'lists.db');
    const station = openTestStation({ file });
    const { api } = station.service;
    await api.updateEvent({
      checkinLists: [
        { id: 'seminar', ja: 'セミナー', en: 'Seminar', ticketTypes: [] },
        { id: 'party', ja: '懇親会', en: 'Party', ticketTypes: ['懇親会付き'] },
      ],
    });
    await api.setStationList({ list: 'party' });
    await api.addAttendee({ name: '佐藤 花子', ticketCode: 'S-1', ticketType: 'セミナーのみ' });
    await api.addAttendee({ name: '鈴木 健二', ticketCode: 'P-1', ticketType: '懇親会付き', registrationStatus: 'cancelled' });
    await api.addAttendee({ name: '高橋 結衣', ticketCode: 'P-2', ticketType: '懇親会付き' });
    station.close();
    const checkedIn = (code: string): boolean => {
      const db = openDatabase(file);
      try {
        return findByTicketCode(db, code)?.checkedIn != null;
      } finally {
        db.close();
      }
    };

    const notAdmitted = await runMusubi(['checkin', 'S-1', '--db', file]);
    expect(notAdmitted).toMatchObject({ code: 1, stdout: '' });
    expect(notAdmitted.stderr).toBe('musubi: S-1: not checked in: this station checks people in to the list “Party”, which does not admit the ticket type “セミナーのみ”; use --override to check in anyway\n');
    const japanese = await runMusubi(['checkin', 'S-1', '--db', file, '--lang', 'ja']);
    expect(japanese).toMatchObject({ code: 1, stdout: '' });
    expect(japanese.stderr).toContain('受付リスト「懇親会」はチケットの種類「セミナーのみ」を対象にしていません');
    expect(checkedIn('S-1')).toBe(false);

    const cancelled = await runMusubi(['checkin', 'P-1', '--db', file, '--lang', 'ja']);
    expect(cancelled).toMatchObject({ code: 1, stdout: '' });
    expect(cancelled.stderr).toContain('P-1：受付していません。申込の状態が「キャンセル」です');
    expect(cancelled.stderr).not.toContain('鈴木');
    expect((await runMusubi(['checkin', 'P-1', '--db', file])).stderr).toContain('the registration is cancelled;');
    expect(checkedIn('P-1')).toBe(false);

    expect(await runMusubi(['checkin', 'P-2', '--db', file])).toMatchObject({ code: 0, stderr: '' });
    const overridden = await runMusubi(['checkin', 'S-1', '--db', file, '--override']);
    expect(overridden).toMatchObject({ code: 0, stdout: expect.stringMatching(/^S-1: checked in at /) });
    expect(checkedIn('S-1')).toBe(true);
  });

  it('musubi sync --once says clearly when the hub cannot be reached', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await runMusubi(['sync', '--db', path.join(tempDir(), 'x.db'), '--hub', `http://127.0.0.1:${port}`, '--key', 'some-event-key-0123456789', '--once']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The hub cannot be reached \(ECONNREFUSED\)/);
  });
});
