import type { importMethods } from '../../../shared/api/methods/import';
import { MusubiError } from '../../../shared/errors';
import { yieldToEventLoop } from '../db/slices';
import { commitImport, previewImport, type ImportFile } from '../import/run-import';
import { searchIndexFor } from '../search/attendee-index';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/**
 * Base64 characters checked and decoded per slice (a multiple of 4: whole groups). 1 M characters
 * take ~8 ms on the shared machine at load 2; 4 M took 34 ms, the longest block of an import.
 */
const BASE64_SLICE = 1 << 20;
const BASE64_BODY = /^[A-Za-z0-9+/]*$/;
const BASE64_END = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The file from its base64, checked and decoded a few megabytes at a time with the event loop
 * between, straight into one buffer of the file's size (pieces joined at the end would hold the
 * file twice over while the import's peak builds up).
 */
async function fileOf(input: {
  fileName: string;
  contentBase64: string;
  mapping?: ImportFile['mapping'];
  answerMap?: ImportFile['answerMap'];
  cancelMissing?: boolean;
}): Promise<ImportFile> {
  const text = input.contentBase64;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = Buffer.allocUnsafeSlow(Math.max(0, Math.floor((text.length * 3) / 4) - padding));
  let written = 0;
  for (let at = 0; at < text.length; at += BASE64_SLICE) {
    const piece = text.slice(at, at + BASE64_SLICE);
    const last = at + BASE64_SLICE >= text.length;
    if (!(last ? BASE64_END : BASE64_BODY).test(piece)) {
      throw new MusubiError('invalid-input', 'The file content is not valid base64.', 'contentBase64');
    }
    written += bytes.write(piece, written, 'base64');
    if (!last) await yieldToEventLoop();
  }
  return { fileName: input.fileName, bytes: bytes.subarray(0, written), mapping: input.mapping, answerMap: input.answerMap, cancelMissing: input.cancelMissing };
}

/** Importing registration exports: preview (writes nothing) and commit (one transaction). */
export function createImportApi(ctx: ServiceContext): TopicImpl<keyof typeof importMethods> {
  return {
    previewImport: async (input) => previewImport(ctx.db, await fileOf(input)),
    commitImport: async (input) => {
      const file = await fileOf(input);
      const summary = await ctx.write(() => commitImport(ctx.db, ctx.recorder, ctx.identity.name, file));
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
