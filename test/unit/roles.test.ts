import { describe, expect, it } from 'vitest';
import { contract, isAllowed, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import { ROLES, type Role } from '../../shared/api/roles';
import { dispatch } from '../../electron/core/service/dispatch';
import type { ServiceImpl } from '../../electron/core/service/types';

/** Records which methods were actually run, to prove a refused call never reaches its handler. */
const ran: string[] = [];
const recording = new Proxy({} as ServiceImpl, {
  get: (_t, name) => () => {
    ran.push(String(name));
    return null;
  },
});

/**
 * Written by hand, not read from the contract: who may call the methods that reach personal data,
 * money-equivalent secrets (the hub key) or settings. A change here is a decision, not a refactor.
 */
const SENSITIVE: Partial<Record<MethodName, readonly Role[]>> = {
  exportAttendance: ['organizer'],
  purgePersonalData: ['organizer'],
  backupNow: ['organizer'],
  getDataSafety: ['organizer'],
  pairStation: ['organizer'],
  unpairStation: ['organizer'],
  getPairingCode: ['organizer'],
  listHubStations: ['organizer'],
  updateEvent: ['organizer'],
  updatePrintSettings: ['organizer'],
  previewImport: ['organizer'],
  commitImport: ['organizer'],
  allBadgesPdf: ['organizer'],
  addAttendee: ['organizer'],
  getDashboard: ['organizer'],
  getAccessStats: ['organizer'],
  searchAttendees: ['organizer', 'desk'],
  getAttendee: ['organizer', 'desk'],
  updateAttendee: ['organizer', 'desk'],
  findByTicketCode: ['organizer', 'desk'],
  checkIn: ['organizer', 'desk'],
  checkInByCode: ['organizer', 'desk'],
  undoCheckIn: ['organizer', 'desk'],
  registerWalkIn: ['organizer', 'desk'],
  setStationList: ['organizer', 'desk'],
  printBadge: ['organizer', 'desk'],
  kioskFindByCode: ['organizer', 'kiosk'],
  kioskFindByName: ['organizer', 'kiosk'],
  kioskCheckIn: ['organizer', 'kiosk'],
  kioskLeave: ['organizer', 'kiosk'],
  kioskWalkIn: ['organizer', 'kiosk'],
  updateKioskSettings: ['organizer'],
  getRoomView: ['organizer', 'room'],
  getEvent: ['organizer', 'desk', 'kiosk', 'room'],
};

/** Everything a kiosk or a room screen may call; anything more would show them a list of people. */
// whoAmI tells every screen its role; exitKioskMode is the staff PIN's way back out.
const KIOSK_MAY = new Set<string>(['kioskFindByCode', 'kioskFindByName', 'kioskCheckIn', 'kioskLeave', 'kioskWalkIn', 'getKioskSettings', 'autoPrintResult', 'getEvent', 'whoAmI', 'exitKioskMode']);
const ROOM_MAY = new Set<string>(['getRoomView', 'getPartnerRoom', 'getEvent', 'whoAmI']);

describe('who may call what', () => {
  it('matches the hand-written expectation for every sensitive method', () => {
    for (const [name, roles] of Object.entries(SENSITIVE)) {
      expect([...contract[name as MethodName].roles].sort(), name).toEqual([...roles].sort());
    }
  });

  it('gives a kiosk only the kiosk methods and a room screen only the room view', () => {
    expect(METHOD_NAMES.filter((name) => isAllowed('kiosk', name)).sort()).toEqual([...KIOSK_MAY].sort());
    expect(METHOD_NAMES.filter((name) => isAllowed('room', name)).sort()).toEqual([...ROOM_MAY].sort());
  });

  it('says no for names outside the contract', () => {
    expect(isAllowed('organizer', 'dropTables')).toBe(false);
    expect(isAllowed('organizer', 'constructor')).toBe(false);
  });

  // The table: every method × every role, through dispatch.
  for (const name of METHOD_NAMES) {
    for (const role of ROLES) {
      const allowed = contract[name].roles.includes(role);
      it(`${name} as ${role}: ${allowed ? 'allowed' : 'forbidden'}`, async () => {
        ran.length = 0;
        const result = await dispatch(recording, name, undefined, { role, station: `table-${role}` });
        expect(isAllowed(role, name)).toBe(allowed);
        if (allowed) {
          // Past the role check: run, or stopped by input validation, never refused for the role.
          expect(result.ok || result.error.code !== 'forbidden').toBe(true);
        } else {
          expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
          expect(ran).toEqual([]);
        }
      });
    }
  }
});
