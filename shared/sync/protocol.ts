import { z } from 'zod';
import { entrySchema } from '../domain/entry';

/**
 * Sync protocol v1 (docs/sync-protocol.md): the shapes both ends agree on. The hub validates
 * requests with these schemas and the station validates the hub's answers with them, so a broken
 * peer is a clear `protocol` error, never a half-applied batch.
 */
export const PROTOCOL_VERSION = 1;

/** Most entries one push may carry, and most one pull may return. */
export const MAX_BATCH = 5000;
/** Largest request body the hub reads (413 beyond). 5000 entries of ~500 bytes fit with room. */
export const MAX_PUSH_BYTES = 8 * 1024 * 1024;

/** An event id as it appears in the hub's paths (derived from the key, see event-id.ts). */
export const eventIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'an event id of 3–64 lower-case letters, digits or dashes');

export const pushRequestSchema = z.object({ entries: z.array(entrySchema).max(MAX_BATCH) });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  cursor: z.number().int().min(0),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullResponseSchema = z.object({
  entries: z.array(entrySchema),
  cursor: z.number().int().min(0),
  more: z.boolean(),
  /**
   * An addition to v1: the hub's store id, random per store. Cursors are only meaningful for one
   * store, so a station that sees another id (a new hub at the same address) starts over.
   */
  hub: z.string().max(64).optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const healthResponseSchema = z.object({ ok: z.literal(true), version: z.number().int() });

/** Stations the hub has heard from (an addition to v1 for the organizer's "stations seen" list). */
export const hubStationSchema = z.object({
  station: z.string(),
  lastSeenAt: z.string(),
  pushed: z.number().int().min(0),
});
export type HubStation = z.infer<typeof hubStationSchema>;
export const stationsResponseSchema = z.object({ stations: z.array(hubStationSchema) });

/** Error body of every non-2xx answer. */
export const hubErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Header a station uses to say who it is (so the hub can list stations seen). */
export const STATION_HEADER = 'x-musubi-station';
