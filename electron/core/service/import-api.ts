import type { importMethods } from '../../../shared/api/methods/import';
import { MusubiError } from '../../../shared/errors';
import { commitImport, previewImport, type ImportFile } from '../import/run-import';
import { searchIndexFor } from '../search/attendee-index';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

function fileOf(input: { fileName: string; contentBase64: string; mapping?: ImportFile['mapping']; answerMap?: ImportFile['answerMap']; cancelMissing?: boolean }): ImportFile {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64)) {
    throw new MusubiError('invalid-input', 'The file content is not valid base64.', 'contentBase64');
  }
  return { fileName: input.fileName, bytes: Buffer.from(input.contentBase64, 'base64'), mapping: input.mapping, answerMap: input.answerMap, cancelMissing: input.cancelMissing };
}

/** Importing registration exports: preview (writes nothing) and commit (one transaction). */
export function createImportApi(ctx: ServiceContext): TopicImpl<keyof typeof importMethods> {
  return {
    previewImport: (input) => previewImport(ctx.db, fileOf(input)),
    commitImport: async (input) => {
      const summary = await ctx.write(() => commitImport(ctx.db, ctx.recorder, ctx.identity.name, fileOf(input)));
      if (summary.imported + summary.updated > 0) {
        // Rebuild the search index now, while the organizer reads the summary, not at the next keystroke.
        setTimeout(() => {
          if (ctx.db.open) searchIndexFor(ctx.db).warm();
        }, 0);
      }
      return summary;
    },
  };
}
