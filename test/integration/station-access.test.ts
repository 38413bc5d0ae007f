import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevicePairing, DeviceSessionInfo } from '../../shared/api/methods/devices';
import type { SearchResult } from '../../shared/api/contract';
import { EVENTS_PATH, relative } from '../../shared/api/http-routes';
import { startStation, type RunningStation } from '../../electron/station/server';
import { openTestStation, type TestStation } from '../helpers/service';
import { rawRequest } from '../helpers/raw-http';
import { StationClient } from '../helpers/station-api';
import { tempDir } from '../helpers/temp';

const ORGANIZER_PIN = '482915';

/**
 * A station serving beyond loopback, tested on loopback only: bound to 127.0.0.2 with pairing
 * required, it treats every browser (this test's included) as a device on the venue network.
 */
let station: TestStation;
let http: RunningStation;
let organizer: StationClient;

async function pairedAs(role: 'desk' | 'kiosk' | 'room'): Promise<StationClient> {
  const pairing = await organizer.value<DevicePairing>('createDevicePairing', { role });
  const device = new StationClient(http.url);
  const answer = await device.pair(pairing.code);
  expect(answer.status).toBe(200);
  return device;
}

/** What a page on rebind.example makes the browser send once its name points at the station. */
function rebindingSearch(stationUrl: string, cookie: string, name = 'rebind.example') {
  const { hostname, port } = new URL(stationUrl);
  const body = JSON.stringify({ query: '' });
  const request = [
    'POST /api/searchAttendees HTTP/1.1',
    `Host: ${name}:${port}`,
    `Origin: http://${name}:${port}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...(cookie ? [`Cookie: ${cookie}`] : []),
    'Connection: close',
    '',
    body,
  ].join('\r\n');
  return rawRequest(Number(port), hostname, [request], { untilClose: true });
}

beforeAll(async () => {
  station = openTestStation();
  await station.service.access.pins.set('organizer', ORGANIZER_PIN);
  http = await startStation({ service: station.service, staticDir: tempDir(), host: '127.0.0.2', port: 0, requirePairing: true });
  organizer = new StationClient(http.url);
  expect((await organizer.login(ORGANIZER_PIN)).status).toBe(200);
  await organizer.value('addAttendee', { name: '河野 太郎', email: 'kono@example.jp', company: '結び商事', ticketCode: 'T-0001' });
  await organizer.value('addAttendee', { name: 'Emi Watanabe', email: 'emi@example.com', ticketCode: 'T-0002' });
});
afterAll(async () => {
  await http.close();
  station.close();
});

describe('a station beyond loopback', () => {
  it('will not start without an organizer PIN', async () => {
    const bare = openTestStation();
    await expect(startStation({ service: bare.service, staticDir: tempDir(), host: '127.0.0.2', port: 0, requirePairing: true })).rejects.toThrow(
      /organizer-pin/,
    );
    bare.close();
  });

  it('answers 401 to a browser without a session, for the API and the event stream', async () => {
    const stranger = new StationClient(http.url);
    const search = await stranger.call('searchAttendees', { query: 'kono' });
    expect(search.status).toBe(401);
    expect(search.text).not.toContain('kono@example.jp');
    expect((await stranger.call('whoAmI')).status).toBe(401);
    const events = await fetch(new URL(relative(EVENTS_PATH), http.url));
    expect(events.status).toBe(401);
  });

  it('refuses a wrong organizer PIN', async () => {
    const guesser = new StationClient(http.url);
    expect((await guesser.login('000000')).status).toBe(401);
    expect(guesser.cookie).toBe('');
  });

  it('gives the paired browser an HttpOnly, SameSite=Strict session for the role of its code, once', async () => {
    const pairing = await organizer.value<DevicePairing>('createDevicePairing', { role: 'desk', label: 'Door B' });
    expect(pairing.pairUrls[0]).toBe(`${http.url}pair#code=${pairing.code}`);
    const response = await fetch(new URL('session/pair', http.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: pairing.code.toLowerCase() }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const desk = new StationClient(http.url);
    desk.cookie = cookie.split(';')[0] ?? '';
    expect(await desk.value('whoAmI')).toMatchObject({ role: 'desk', kioskLocked: false });
    // The code is spent: a second tablet cannot use it.
    expect((await new StationClient(http.url).pair(pairing.code)).status).toBe(401);
  });

  it('answers a kiosk 403 for the roster, the export, the hub key and the purge, and changes nothing', async () => {
    const kiosk = await pairedAs('kiosk');
    expect(await kiosk.value('whoAmI')).toMatchObject({ role: 'kiosk' });
    const before = await organizer.value<SearchResult>('searchAttendees', { query: '' });
    for (const [method, input] of [
      ['searchAttendees', { query: 'kono' }],
      ['exportAttendance', { format: 'csv' }],
      ['getPairingCode', undefined],
      ['purgePersonalData', { confirm: true }],
      ['createDevicePairing', { role: 'desk' }],
    ] as const) {
      const answer = await kiosk.call(method, input);
      expect(answer.status, method).toBe(403);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(answer.text, method).not.toMatch(/kono@example\.jp|河野/);
    }
    const after = await organizer.value<SearchResult>('searchAttendees', { query: '' });
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).toContain('kono@example.jp');
  });

  it('lists paired devices for the organizer and answers 401 once one is revoked', async () => {
    const room = await pairedAs('room');
    expect((await room.call('whoAmI')).status).toBe(200);
    const listed = await organizer.value<DeviceSessionInfo[]>('listDeviceSessions');
    const roomSession = listed.find((session) => session.role === 'room');
    expect(roomSession).toBeDefined();
    expect(listed.filter((session) => session.current).map((session) => session.role)).toEqual(['organizer']);
    const remaining = await organizer.value<DeviceSessionInfo[]>('revokeDeviceSession', { id: roomSession?.id });
    expect(remaining.some((session) => session.id === roomSession?.id)).toBe(false);
    const afterRevoke = await room.call('whoAmI');
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.body).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const events = await fetch(new URL(relative(EVENTS_PATH), http.url), { headers: { cookie: room.cookie } });
    expect(events.status).toBe(401);
  });

  it('refuses a DNS-rebinding page (Host and Origin naming another site) before reading anything', async () => {
    const rebinding = await rebindingSearch(http.url, organizer.cookie);
    expect(rebinding.status).toBe(421);
    expect(rebinding.received).not.toMatch(/kono@example\.jp|河野|Watanabe/);
  });
});

describe('a station on loopback', () => {
  let local: TestStation;
  let loopback: RunningStation;
  beforeAll(async () => {
    local = openTestStation();
    loopback = await startStation({ service: local.service, staticDir: tempDir(), port: 0 });
    await new StationClient(loopback.url).value('addAttendee', { name: '河野 太郎', email: 'kono@example.jp' });
  });
  afterAll(async () => {
    await loopback.close();
    local.close();
  });

  it('serves this machine as organizer without a session', async () => {
    expect(await new StationClient(loopback.url).value('whoAmI')).toMatchObject({ role: 'organizer', kioskLocked: false });
  });

  it('refuses a DNS-rebinding page: the roster is not read', async () => {
    // The control: the same request with the station's own name reads the roster.
    expect((await rebindingSearch(loopback.url, '', '127.0.0.1')).received).toContain('kono@example.jp');
    const answer = await rebindingSearch(loopback.url, '');
    expect(answer.status).toBe(421);
    expect(answer.received).not.toMatch(/kono@example\.jp|河野/);
  });

  it('locks a browser that entered kiosk mode: kiosk answers until the staff PIN', async () => {
    const browser = new StationClient(loopback.url);
    const first = await browser.call('enterKioskMode', {});
    expect(first.body).toMatchObject({ ok: false, error: { code: 'invalid-input', where: 'staffPin' } });
    expect(await browser.value('enterKioskMode', { staffPin: '2468' })).toMatchObject({ role: 'kiosk', kioskLocked: true });
    expect(browser.cookie).not.toBe('');

    expect((await browser.call('searchAttendees', { query: '' })).status).toBe(403);
    expect((await browser.call('exportAttendance', { format: 'csv' })).status).toBe(403);
    // Logging out or pairing again does not lift the lock; a wrong PIN does not either.
    expect((await browser.post('/session/logout', undefined)).status).toBe(403);
    expect((await browser.call('exitKioskMode', { pin: '1111' })).body).toMatchObject({ ok: false, error: { where: 'pin' } });
    expect(await browser.value('whoAmI')).toMatchObject({ role: 'kiosk' });

    expect(await browser.value('exitKioskMode', { pin: '2468' })).toMatchObject({ role: 'organizer', kioskLocked: false });
    expect(browser.cookie).toBe('');
    expect(JSON.stringify(await browser.value('searchAttendees', { query: '' }))).toContain('kono@example.jp');
  });
});
