import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { exportOptionsSchema } from '../../../shared/api/methods/export';
import { EXPORT_COLUMNS, EXPORT_FORMATS, type ExportColumn } from '../../../shared/domain/export-columns';
import { exportAttendance, writePrivateFile } from '../../core/export/attendance-export';
import { openExistingDatabase } from '../existing-db';
import { t } from '../i18n/translate';
import { dbOptionHelp, resolveDbPath } from '../options';

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
    throw new InvalidArgumentError(t('export.unknownColumn', { names: unknown.join(', ') || t('export.none'), columns: EXPORT_COLUMNS.join(',') }));
  }
  return names as ExportColumn[];
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(t('export.description'))
    .option('--db <file>', dbOptionHelp())
    .addOption(new Option('--format <format>', t('export.format')).choices(EXPORT_FORMATS).default('csv'))
    .requiredOption('--out <file>', t('export.out'))
    .option('--columns <list>', t('export.columns', { columns: EXPORT_COLUMNS.join(',') }), parseColumns)
    .option('--email', t('export.email'))
    .option('--no-no-shows', t('export.noShows'))
    .addOption(new Option('--lang <language>', t('export.lang')).choices(['ja', 'en']).default('ja'))
    .action(async (flags: ExportFlags) => {
      const db = openExistingDatabase(resolveDbPath(flags.db));
      try {
        const defaults = exportOptionsSchema.parse({}).columns;
        const columns = flags.columns ?? (flags.email ? [...defaults.slice(0, 6), 'email' as const, ...defaults.slice(6)] : defaults);
        const options = exportOptionsSchema.parse({ format: flags.format, columns, includeNoShows: flags.noShows, language: flags.lang });
        const result = await exportAttendance(db, options);
        writePrivateFile(flags.out, result.bytes);
        console.log(t('export.done', { count: result.rows, file: flags.out, format: flags.format }));
        for (const w of result.warnings) {
          // Row and column only: the character itself is not personal data, the cell around it is.
          console.error(`${t('program.warning')}: ${t('export.unwritable', { row: w.row, column: w.column, character: w.character, codePoint: w.codePoint })}`);
        }
      } finally {
        db.close();
      }
    });
}
