import type { KioskCheckInOutcome, KioskLookup, KioskPartner, KioskPerson, kioskMethods } from '../../../shared/api/methods/kiosk';
import type { SuggestedPartner } from '../../../shared/api/methods/partners';
import type { Caller } from '../../../shared/api/roles';
import type { Attendee, PartialAttendeeFields } from '../../../shared/domain/attendee';
import { MusubiError } from '../../../shared/errors';
import { normalizeForSearch } from '../../../shared/text/normalize';
import { checkinDraft, checkInOnce } from '../attendees/check-in';
import type { BadgePrinter } from '../badges/badge-printer';
import { getAttendee } from '../attendees/queries';
import type { Db } from '../db/types';
import { readKioskSettings, writeKioskSettings } from '../kiosk/kiosk-settings';
import { renderPartnerSlip } from '../kiosk/partner-slip';
import { suggestPartnersFor } from '../partners/suggest';
import { readSettings } from '../settings/queries';
import { changedFields, newAttendeeDrafts } from './attendee-drafts';
import { stationList } from '../checkin-lists/station-list';
import type { ServiceContext } from './context';
import { KioskGuard } from './kiosk-guard';
import { holderOfPayload } from './ticket-lookup';
import type { TopicImpl } from './types';

/** In-process callers (the CLI, tests) that pass no caller share this one kiosk identity. */
const IN_PROCESS: Caller = { role: 'organizer', station: 'in-process' };

/** Only what the kiosk screen shows. Built field by field so nothing else can slip through. */
export function kioskPersonOf(attendee: Attendee): KioskPerson {
  return {
    name: attendee.name,
    nameKana: attendee.nameKana,
    company: attendee.company,
    industry: attendee.industry,
    goals: [...attendee.goals],
    lookingFor: [...attendee.lookingFor],
    checkedIn: attendee.checkedIn !== null,
    partnerConsent: attendee.partnerConsent,
    vcardOptIn: attendee.vcardOptIn,
    left: attendee.checkedIn !== null && attendee.left,
  };
}

/** A suggestion as the kiosk shows it: the person's id stays on the station. */
function kioskPartnerOf({ name, company, industry, goals, reasons }: SuggestedPartner): KioskPartner {
  return { name, company, industry, goals: [...goals], reasons };
}

/** An e-mail address compared without width, case or surrounding space. */
function normalizeEmail(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

/** The secret matches the whole address or its part before the last @ (never an empty part). */
function secretMatches(email: string, secret: string): boolean {
  const address = normalizeEmail(email);
  const given = normalizeEmail(secret);
  if (!address || !given) return false;
  const at = address.lastIndexOf('@');
  return given === address || (at > 0 && given === address.slice(0, at));
}

/** The one attendee with this name (or reading) and this secret; none when nobody or several match. */
function holderOfNameAndSecret(db: Db, name: string, secret: string): string | undefined {
  const wanted = normalizeForSearch(name);
  if (!wanted) return undefined;
  // Narrowed in SQL by the secret (LIKE ignores ASCII case), so a lookup does not fold every name.
  const given = normalizeEmail(secret).replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = db
    .prepare(`SELECT id, name, name_kana, email FROM attendees WHERE removed = 0 AND email LIKE ? ESCAPE '\\'`)
    .all(given.includes('@') ? given : `${given}@%`) as { id: string; name: string; name_kana: string; email: string }[];
  const matches = rows.filter(
    (row) => (normalizeForSearch(row.name) === wanted || normalizeForSearch(row.name_kana) === wanted) && secretMatches(row.email, secret),
  );
  return matches.length === 1 ? matches[0]?.id : undefined;
}

/** Goal and looking-for ids must be in the event's catalogues: a kiosk may not invent categories. */
function checkCatalogue(db: Db, goals: string[] | undefined, lookingFor: string[] | undefined, industry?: string): void {
  const settings = readSettings(db);
  if (industry && !settings.industries.some((i) => i.id === industry)) {
    throw new MusubiError('invalid-input', 'industry: not one of the event\'s industries.', 'industry');
  }
  const goalIds = new Set(settings.goals.map((g) => g.id));
  const industryIds = new Set(settings.industries.map((i) => i.id));
  const badGoal = goals?.find((id) => !goalIds.has(id));
  if (badGoal !== undefined) throw new MusubiError('invalid-input', 'goals: not one of the event\'s goals.', 'goals');
  const badIndustry = lookingFor?.find((id) => !industryIds.has(id));
  if (badIndustry !== undefined) throw new MusubiError('invalid-input', 'lookingFor: not one of the event\'s industries.', 'lookingFor');
}

/**
 * The kiosk's three methods. Each lookup first asks the per-kiosk guard (too many lookups or
 * misses → "ask the staff"); a found person comes back as a KioskPerson with a lookup id bound
 * to this kiosk, which `kioskCheckIn` redeems once.
 */
export function createKioskApi(ctx: ServiceContext, badges: BadgePrinter): TopicImpl<keyof typeof kioskMethods> {
  const { db, record, wallClock, accessStats } = ctx;
  const guard = new KioskGuard(wallClock);

  function lookup(caller: Caller, find: () => string | undefined): KioskLookup {
    if (!guard.admit(caller.station)) {
      accessStats.refused('kiosk-rate-limited', caller);
      return { status: 'ask-staff' };
    }
    const attendeeId = find();
    if (attendeeId === undefined) {
      guard.missed(caller.station);
      accessStats.refused('kiosk-miss', caller);
      return { status: 'not-found' };
    }
    const attendee = getAttendee(db, attendeeId);
    // A cancelled, waitlisted or unpaid registration is for the staff to decide (they can override).
    if (attendee.registrationStatus !== 'registered' && !attendee.checkedIn) return { status: 'ask-staff' };
    return { status: 'found', lookupId: guard.issue(attendeeId, caller.station), person: kioskPersonOf(attendee) };
  }

  /**
   * The partner slip, once the badge has printed (not at all when it failed: the slip would only
   * fail the same way). A failed slip is dropped: the check-in and the badge stand.
   */
  function slipAfterBadge(printId: string, partners: KioskPartner[], language: 'ja' | 'en'): void {
    void badges
      .finished(printId)
      .then(async (state) => {
        if (state !== 'printed') return;
        const size = badges.settings().effectiveSize;
        const pdf = await renderPartnerSlip(partners, readSettings(db), size, language);
        await badges.printPdf(pdf, size, 1, 'Musubi partner slip');
      })
      .catch(() => undefined);
  }

  /**
   * After a kiosk check-in is saved: the badge (as at the desk, per this station's setting), up to
   * three suggestions keyed by this check-in (never by an id the kiosk could send; the desk's
   * engine), and the slip when the station prints one.
   */
  function afterCheckIn(attendeeId: string, outcome: Pick<KioskCheckInOutcome, 'status' | 'person'>, language: 'ja' | 'en' | undefined): KioskCheckInOutcome {
    const print = outcome.status === 'checked-in' ? badges.autoPrint(attendeeId) : { state: 'off' as const };
    // Not admitted by this door's list: not in the room, so nobody to meet yet (the staff decide).
    if (outcome.status === 'not-admitted') return { ...outcome, print, suggestions: [], slip: false };
    const suggestions = suggestPartnersFor(ctx, attendeeId).slice(0, 3).map(kioskPartnerOf);
    const slip = print.state === 'started' && suggestions.length > 0 && readKioskSettings(db).partnerSlip;
    if (slip) slipAfterBadge(print.printId, suggestions, language ?? 'ja');
    return { ...outcome, print, suggestions, slip };
  }

  /** The person of a lookup this kiosk made a few minutes ago; it cannot be used again. */
  function redeem(lookupId: string, caller: Caller): string {
    const attendeeId = guard.redeem(lookupId, caller.station);
    if (attendeeId === undefined) {
      accessStats.refused('kiosk-stale-lookup', caller);
      throw new MusubiError('not-found', 'This lookup has expired. Please scan or search again.', 'lookupId');
    }
    return attendeeId;
  }

  return {
    kioskFindByCode: ({ code }, caller = IN_PROCESS) => lookup(caller, () => holderOfPayload(db, code)),

    kioskFindByName: ({ name, secret }, caller = IN_PROCESS) => lookup(caller, () => holderOfNameAndSecret(db, name, secret)),

    kioskCheckIn: ({ lookupId, goals, lookingFor, partnerConsent, vcardOptIn, language }, caller = IN_PROCESS) => {
      // Checked before the lookup is spent, so a bad choice on the screen can be corrected.
      checkCatalogue(db, goals, lookingFor);
      const attendeeId = redeem(lookupId, caller);
      const outcome = db.transaction(() => {
        const current = getAttendee(db, attendeeId);
        const fields: PartialAttendeeFields = {};
        if (goals !== undefined) fields.goals = goals;
        if (lookingFor !== undefined) fields.lookingFor = lookingFor;
        // The same field setPartnerConsent writes; saved before the check-in, so the room sees both at once.
        if (partnerConsent !== undefined) fields.partnerConsent = partnerConsent;
        if (vcardOptIn !== undefined) fields.vcardOptIn = vcardOptIn;
        const changed = changedFields(current, fields);
        if (Object.keys(changed).length > 0) record([{ type: 'attendee.upsert', attendeeId, data: { fields: changed } }]);
        // The desk's rule: someone already in is told so, and nothing more is written, except
        // that someone who had said "I have left" is in the room again.
        const { status, attendee } = checkInOnce(ctx, attendeeId, 'kiosk');
        // Changed since the lookup (a re-import marked them cancelled): the staff decide, nothing is kept.
        if (status === 'not-registered') throw new MusubiError('conflict', 'Please ask the staff at the desk.', 'lookupId');
        if (status === 'already-checked-in' && attendee.left) {
          record([{ type: 'attendee.presence', attendeeId, data: { state: 'back' } }]);
          return { status: 'back', person: kioskPersonOf(getAttendee(db, attendeeId)) } as const;
        }
        return { status, person: kioskPersonOf(attendee) } as const;
      }).immediate();
      return afterCheckIn(attendeeId, outcome, language);
    },

    kioskWalkIn: ({ language, ...fields }, caller = IN_PROCESS) => {
      // Decided here, not by the screen: a kiosk whose station does not take walk-ins cannot add people.
      if (!readKioskSettings(db).walkIn) {
        accessStats.refused('forbidden', caller);
        throw new MusubiError('forbidden', 'This kiosk does not take walk-ins; please ask the staff.', 'walkIn');
      }
      if (!guard.admit(caller.station)) {
        accessStats.refused('kiosk-rate-limited', caller);
        return { status: 'ask-staff' } as const;
      }
      checkCatalogue(db, fields.goals, fields.lookingFor, fields.industry);
      const attendeeId = db.transaction(() => {
        const { id, drafts } = newAttendeeDrafts(db, { ...fields, walkIn: true });
        // A walk-in is admitted to the list of the door that registered them.
        record([...drafts, checkinDraft(wallClock, id, 'kiosk', stationList(db, readSettings(db)))]);
        return id;
      }).immediate();
      return afterCheckIn(attendeeId, { status: 'checked-in', person: kioskPersonOf(getAttendee(db, attendeeId)) }, language);
    },

    getKioskSettings: () => readKioskSettings(db),

    updateKioskSettings: (change) => {
      ctx.write(() => writeKioskSettings(db, change), ['settings']);
      return readKioskSettings(db);
    },

    kioskLeave: ({ lookupId }, caller = IN_PROCESS) => {
      const attendeeId = redeem(lookupId, caller);
      return db.transaction(() => {
        const attendee = getAttendee(db, attendeeId);
        if (!attendee.checkedIn) throw new MusubiError('conflict', 'This person is not checked in.', 'lookupId');
        if (!attendee.left) record([{ type: 'attendee.presence', attendeeId, data: { state: 'left' } }]);
        return { status: 'left' } as const;
      }).immediate();
    },
  };
}
