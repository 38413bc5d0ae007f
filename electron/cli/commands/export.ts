import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { exportOptionsSchema } from '../../../shared/api/methods/export';
import { EXPORT_COLUMNS, EXPORT_FORMATS, type ExportColumn } from '../../../shared/domain/export-columns';
import { exportAttendance, writePrivateFile } from '../../core/export/attendance-export';
import { openExistingDatabase } from '../existing-db';
import { DB_OPTION_HELP, resolveDbPath } from '../options';

interface ExportFlags {
  db?: string;
  format: (typeof EXPORT_FORMATS)[number];
  out: string;
  columns?: ExportColumn[];
  email?: boolean;
  noShows: boolean;
  lang: 'ja' | 'en';
}

function parseColumns(value: string): ExportColumn[] {
  const names = value.split(',').map((c) => c.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(EXPORT_COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new InvalidArgumentError(`unknown column ${unknown.join(', ') || '(none)'}; choose from ${EXPORT_COLUMNS.join(',')}`);
  }
  return names as ExportColumn[];
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write the attendance list as CSV (Excel, UTF-8), CSV (Shift_JIS), XLSX or a PDF roster')
    .option('--db <file>', DB_OPTION_HELP)
    .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).default('csv'))
    .requiredOption('--out <file>', 'file to write (created readable by you only)')
    .option('--columns <list>', `comma-separated columns (default: all but email): ${EXPORT_COLUMNS.join(',')}`, parseColumns)
    .option('--email', 'add the e-mail column to the default columns')
    .option('--no-no-shows', 'leave out registered attendees who did not check in')
    .addOption(new Option('--lang <language>', 'language of headers and labels').choices(['ja', 'en']).default('ja'))
    .action(async (flags: ExportFlags) => {
      const db = openExistingDatabase(resolveDbPath(flags.db));
      try {
        const defaults = exportOptionsSchema.parse({}).columns;
        const columns = flags.columns ?? (flags.email ? [...defaults.slice(0, 6), 'email' as const, ...defaults.slice(6)] : defaults);
        const options = exportOptionsSchema.parse({ format: flags.format, columns, includeNoShows: flags.noShows, language: flags.lang });
        const result = await exportAttendance(db, options);
        writePrivateFile(flags.out, result.bytes);
        console.log(`Wrote ${result.rows} attendees to ${flags.out} (${flags.format}).`);
        for (const w of result.warnings) {
          // Row and column only: the character itself is not personal data, the cell around it is.
          console.error(`warning: row ${w.row}, column "${w.column}": ${w.character} (${w.codePoint}) cannot be written in this format; written as 〓`);
        }
      } finally {
        db.close();
      }
    });
}
