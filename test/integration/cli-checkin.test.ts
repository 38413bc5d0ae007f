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
