import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { SESSION_PATHS } from '../../shared/api/http-routes';
import { fail, ok } from '../../shared/api/result';
import type { StationAccess } from '../core/access/station-access';
import { limitBody, readJsonBody } from './http/json-body';
import { dropSession, holdSession, lookUpCaller } from './session-cookie';

const SMALL_BODY = 4096;
const pairInput = z.object({ code: z.string().min(1).max(40) }).strict();
const loginInput = z.object({ pin: z.string().min(1).max(64) }).strict();

/**
 * Getting and giving up a session, before the browser has a role: redeeming a one-time pairing
 * code, logging in with the organizer PIN, logging out. A browser locked into kiosk mode cannot
 * leave it this way: only the staff PIN (exitKioskMode) or the organizer PIN does.
 */
export function registerSessionRoutes(app: Hono, access: StationAccess, trustLoopback: boolean): void {
  const kioskLocked = (c: Context): boolean => {
    const found = lookUpCaller(c, access, trustLoopback);
    return found.kind === 'caller' && (found.caller.device?.current?.kioskReturn ?? null) !== null;
  };
  const leaveCurrent = (c: Context): void => {
    const found = lookUpCaller(c, access, trustLoopback);
    const current = found.kind === 'caller' ? found.caller.device?.current : null;
    if (current) access.sessions.revoke(current.id);
  };

  app.post(SESSION_PATHS.pair, limitBody(SMALL_BODY), async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const input = pairInput.safeParse(body.value);
    if (!input.success) return c.json(fail({ code: 'invalid-input', message: 'Send {"code": "<pairing code>"}.', where: 'code' }), 400);
    if (kioskLocked(c)) return c.json(fail({ code: 'forbidden', message: 'This browser is in kiosk mode; leave it with the staff PIN first.' }), 403);
    const issued = access.sessions.redeem(input.data.code);
    if (!issued) return c.json(fail({ code: 'unauthorized', message: 'This pairing code is unknown, already used or expired.', where: 'code' }), 401);
    leaveCurrent(c);
    holdSession(c, issued.token);
    return c.json(ok({ role: issued.session.role, label: issued.session.label }));
  });

  app.post(SESSION_PATHS.login, limitBody(SMALL_BODY), async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const input = loginInput.safeParse(body.value);
    if (!input.success) return c.json(fail({ code: 'invalid-input', message: 'Send {"pin": "<organizer PIN>"}.', where: 'pin' }), 400);
    if (!access.pins.isSet('organizer')) {
      return c.json(fail({ code: 'unauthorized', message: 'No organizer PIN is set on this station (musubi station --organizer-pin).' }), 401);
    }
    const check = await access.pins.check('organizer', input.data.pin, `address:${getConnInfo(c).remote.address ?? 'unknown'}`);
    if (!check.ok) {
      const wait = Math.ceil(check.retryAfterMs / 1000);
      return c.json(fail({ code: 'unauthorized', message: wait > 0 ? `Wrong PIN. Try again in ${wait} s.` : 'Wrong PIN.', where: 'pin' }), 401);
    }
    leaveCurrent(c);
    const issued = access.sessions.issue('organizer', 'Organizer (PIN)');
    holdSession(c, issued.token);
    return c.json(ok({ role: issued.session.role, label: issued.session.label }));
  });

  app.post(SESSION_PATHS.logout, async (c) => {
    if (kioskLocked(c)) return c.json(fail({ code: 'forbidden', message: 'This browser is in kiosk mode; leave it with the staff PIN.' }), 403);
    leaveCurrent(c);
    dropSession(c);
    return c.json(ok(null));
  });
}
