import type { exportMethods } from '../../../shared/api/methods/export';
import { exportAttendance, toExportFile } from '../export/attendance-export';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/** The attendance export, delivered as bytes for a browser download. */
export function createExportApi(ctx: ServiceContext): TopicImpl<keyof typeof exportMethods> {
  const { db, wallClock } = ctx;
  return {
    // The export is noted in `meta` (it unlocks the purge): a write open screens must see.
    exportAttendance: (options) => ctx.write(async () => toExportFile(await exportAttendance(db, options, new Date(wallClock())))),
  };
}
