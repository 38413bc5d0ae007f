import type { CheckinList } from '../../domain/settings';
import { method, noInput, returns } from '../method';

/** Arrivals in one 5-minute window (official check-ins by scan time). */
export interface ArrivalBucket {
  /** Start of the window, ISO 8601 UTC. */
  start: string;
  count: number;
}

/**
 * Present attendees by industry (rows) and goal (columns). Ids follow the event settings' order; ''
 * is "not given". An attendee with two goals counts once in each goal column but once in
 * `industryTotals`, so rows do not sum to the totals.
 */
export interface MixMatrix {
  industries: string[];
  goals: string[];
  cells: number[][];
  industryTotals: number[];
  goalTotals: number[];
}

/**
 * Everything the dashboard and the room view show. Counts only: no names, companies or e-mails, so
 * the room view can be put on a venue screen.
 */
export interface Dashboard {
  /** Registered attendees (walk-ins excluded, and cancelled, waitlisted or unpaid registrations). */
  expected: number;
  /** Cancelled, waitlisted or unpaid registrations, counted apart from `expected`. */
  notExpected: number;
  /** Everyone checked in, walk-ins included. */
  checkedIn: number;
  /** Registered attendees checked in. */
  registeredCheckedIn: number;
  /** Walk-ins (all are checked in on registration). */
  walkIns: number;
  /** Registered attendees not (yet) checked in. */
  noShows: number;
  /** Attendees with more than one live check-in. */
  conflicts: number;
  arrivals: ArrivalBucket[];
  mix: MixMatrix;
  /** Official check-ins per station, most first. */
  stations: { station: string; count: number }[];
  /** Per check-in list (empty for an event without lists): who may come to it and who has. */
  lists: { list: CheckinList; expected: number; checkedIn: number }[];
  /** The ticket types the registrations hold and how many people hold each, for setting up the lists. */
  ticketTypes: { ticketType: string; count: number }[];
}

export const dashboardMethods = {
  getDashboard: method(noInput, returns<Dashboard>(), { roles: ['organizer'] }),
};
