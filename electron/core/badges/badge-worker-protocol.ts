import type { Attendee } from '../../../shared/domain/attendee';
import type { BadgeSize } from '../../../shared/domain/settings';
import type { ApiErrorShape } from '../../../shared/errors';
import type { PrintJob } from '../printing';
import type { BadgeOptions, BadgeSettings } from './layout';

/** What the station asks the badge worker (badge-worker.ts); `id` pairs each request with its reply. */
export type BadgeWorkerRequest = { id: number } & (
  | { op: 'render'; attendee: Attendee; settings: BadgeSettings; size: BadgeSize; options: Pick<BadgeOptions, 'ticketQr'> }
  | { op: 'print'; file: string; job: PrintJob }
  /** The PDF itself: it reaches the spooler with no file written on the station's thread. */
  | { op: 'printBytes'; pdf: Uint8Array; job: PrintJob }
  | { op: 'listPrinters' }
);

export type BadgeWorkerReply = { id: number } & ({ ok: true; value: unknown } | { ok: false; error: ApiErrorShape });
