import type { exportMethods } from '../../../shared/api/methods/export';
import { exportAttendance, toExportFile } from '../export/attendance-export';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/** The attendance export, delivered as bytes for a browser download. */
export function createExportApi(ctx: ServiceContext): TopicImpl<keyof typeof exportMethods> {
  const { db, wallClock } = ctx;
  return {
    exportAttendance: async (options) => {
      const file = toExportFile(await exportAttendance(db, options, new Date(wallClock())));
      // The export is noted in `meta` (it unlocks the purge): let open screens re-read.
      queueMicrotask(() => ctx.changes.emit({ reason: 'local' }));
      return file;
    },
  };
}
