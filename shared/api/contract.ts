import type { z } from 'zod';
import type { AllTopics, ChangeTopic } from './change-topics';
import { composeContract } from './compose';
import type { Role } from './roles';
import { accessStatsMethods } from './methods/access-stats';
import { attendeeMethods } from './methods/attendees';
import { badgeMethods } from './methods/badges';
import { checkinMethods } from './methods/checkin';
import { dashboardMethods } from './methods/dashboard';
import { dataSafetyMethods } from './methods/data-safety';
import { deviceMethods } from './methods/devices';
import { exportMethods } from './methods/export';
import { importMethods } from './methods/import';
import { jobMethods } from './methods/jobs';
import { kioskMethods } from './methods/kiosk';
import { roomMethods } from './methods/room';
import { rosterMethods } from './methods/roster';
import { searchMethods } from './methods/search';
import { partnerMethods } from './methods/partners';
import { settingsMethods } from './methods/settings';
import { syncMethods } from './methods/sync';

export type { CheckInOutcome, ScanCheckInOutcome, StatusSummary } from './methods/checkin';
export type { SearchResult } from './methods/search';

/**
 * The one Musubi API (docs/architecture.md "The parts"): every call the UI may make, its zod input schema
 * and its output type, grouped by topic in ./methods. The Electron IPC handlers, the preload
 * bridge, the HTTP station routes and the renderer client are all derived from this object, so no
 * channel name is written by hand. Add a topic: a file in ./methods, one line here.
 */
export const contract = composeContract([
  settingsMethods,
  attendeeMethods,
  searchMethods,
  checkinMethods,
  kioskMethods,
  dashboardMethods,
  roomMethods,
  exportMethods,
  dataSafetyMethods,
  importMethods,
  syncMethods,
  badgeMethods,
  accessStatsMethods,
  deviceMethods,
  partnerMethods,
  rosterMethods,
  jobMethods,
]);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/** What a caller passes (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What the implementation receives after validation (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

/** Events main (or the station) pushes to the page. */
export interface PushEvents {
  /**
   * The projection (or what a screen shows of the station) changed: re-read what is on screen
   * that depends on `topics`. Without topics (an older station), everything.
   */
  changed: { reason: 'local' | 'sync'; topics?: readonly ChangeTopic[] };
}
export type PushEventName = keyof PushEvents;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** Whether a caller with this role may call the method (false for a name not in the contract). */
export function isAllowed(role: Role, name: string): boolean {
  return isMethodName(name) && contract[name].roles.includes(role);
}

/** The IPC channel of a method; only this function makes channel names. */
export function channelFor(name: MethodName): string {
  return `musubi:${name}`;
}
export function pushChannelFor(name: PushEventName): string {
  return `musubi-push:${name}`;
}

/**
 * The topics whose changes can change the answers of these reads (a live read's calls): the
 * union of what each declares, or everything when one declares nothing, is not in the contract,
 * or when the read called no method at all.
 */
export function changeTopicsOf(names: Iterable<string>): ReadonlySet<ChangeTopic> | AllTopics {
  const topics = new Set<ChangeTopic>();
  let any = false;
  for (const name of names) {
    any = true;
    const declared = isMethodName(name) ? (contract[name] as { changesWith?: readonly ChangeTopic[] }).changesWith : undefined;
    if (!declared) return 'all';
    for (const topic of declared) topics.add(topic);
  }
  return any ? topics : 'all';
}

/** The roles that may call a method, as its contract entry declares them. */
export function rolesOf(name: MethodName): readonly Role[] {
  return contract[name].roles;
}
