import { API_PREFIX, apiPath, relative } from '../../shared/api/http-routes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startStation, type RunningStation } from '../../electron/station/server';
import { openTestStation, type TestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';

let station: TestStation;
let http: RunningStation;

beforeAll(async () => {
  station = openTestStation();
  http = await startStation({ service: station.service, staticDir: tempDir(), port: 0 });
});
afterAll(async () => {
  await http.close();
  station.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(new URL(relative(path), http.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('station HTTP API', () => {
  it('binds loopback by default and serves the contract as POST /api/<method>', async () => {
    expect(http.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const added = await (await post(apiPath('addAttendee'), { name: 'Kenji Ohno' })).json();
    expect(added).toMatchObject({ ok: true, value: { name: 'Kenji Ohno', checkedIn: null } });
  });

  it('answers validation errors as results that name the field', async () => {
    const response = await post(apiPath('checkIn'), { attendeeId: 42 });
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid-input', where: 'attendeeId' } });
  });

  it('404s an unknown method and 413s an oversized body', async () => {
    expect((await post(`${API_PREFIX}dropEverything`, {})).status).toBe(404);
    const huge = await post(apiPath('addAttendee'), { name: 'x'.repeat(MAX_BODY_BYTES + 10) });
    expect(huge.status).toBe(413);
  });

  it('refuses calls from another site (CSRF)', async () => {
    const response = await post(apiPath('getStatus'), {}, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });

  it('explains when the screens are not built', async () => {
    const response = await fetch(http.url);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build/);
  });
});
