import type { z } from 'zod';
import { badgeMethods } from './methods/badges';
import { checkinMethods } from './methods/checkin';
import { dashboardMethods } from './methods/dashboard';
import { exportMethods } from './methods/export';
import { importMethods } from './methods/import';
import { kioskMethods } from './methods/kiosk';
import { syncMethods } from './methods/sync';

export type { CheckInOutcome, SearchResult, StatusSummary } from './methods/checkin';

/**
 * The one Musubi API (DESIGN.md "Architecture"): every call the UI may make, its zod input schema
 * and its output type, grouped by topic in ./methods. The Electron IPC handlers, the preload
 * bridge, the HTTP station routes and the renderer client are all derived from this object, so no
 * channel name is written by hand. Add a topic: a file in ./methods, one line here.
 */
export const contract = {
  ...checkinMethods,
  ...dashboardMethods,
  ...exportMethods,
  ...importMethods,
  ...syncMethods,
  ...badgeMethods,
  ...kioskMethods,
};

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
  /** The projection changed: re-read what is on screen. */
  changed: { reason: 'local' | 'sync' };
}
export type PushEventName = keyof PushEvents;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** The IPC channel of a method; only this function makes channel names. */
export function channelFor(name: MethodName): string {
  return `musubi:${name}`;
}
export function pushChannelFor(name: PushEventName): string {
  return `musubi-push:${name}`;
}
