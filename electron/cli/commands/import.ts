import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { IMPORT_TARGETS, type ImportAnswer, type ImportProblem, type ImportTarget } from '../../../shared/api/methods/import';
import { MusubiError } from '../../../shared/errors';
import { openDatabase } from '../../core/db/open';
import { commitImport, importLayout, previewImport } from '../../core/import/run-import';
import { createService } from '../../core/service/service';
import { t } from '../i18n/translate';
import { dbOptionHelp, resolveDbPath } from '../options';
import { parseValueMaps } from '../value-map';

interface ImportFlags {
  db?: string;
  map: string[];
  valueMap: string[];
  cancelMissing?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

function collect(value: string, previous: string[]): string[] {
  if (!/^.+=.+$/.test(value)) throw new InvalidArgumentError(t('import.mapSyntax'));
  return [...previous, value];
}

/** A column named by its header, its letter (A, B, … AA) or its 1-based number. */
function columnIndex(headers: readonly string[], name: string): number {
  const byHeader = headers.findIndex((h) => h === name);
  if (byHeader >= 0) return byHeader;
  if (/^\d+$/.test(name)) return Number(name) - 1;
  if (/^[A-Z]{1,2}$/.test(name)) return [...name].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  return -1;
}

function applyMaps(headers: readonly string[], detected: readonly ImportTarget[], maps: readonly string[]): ImportTarget[] {
  const mapping = [...detected];
  for (const entry of maps) {
    const at = entry.lastIndexOf('=');
    const column = entry.slice(0, at).trim();
    const field = entry.slice(at + 1).trim();
    if (!(IMPORT_TARGETS as readonly string[]).includes(field)) {
      throw new MusubiError('invalid-input', t('import.unknownField', { field, fields: IMPORT_TARGETS.join(', ') }), `--map ${entry}`);
    }
    const index = columnIndex(headers, column);
    if (index < 0 || index >= headers.length) {
      throw new MusubiError('invalid-input', t('import.noColumn', { column, columns: headers.join(', ') }), `--map ${entry}`);
    }
    mapping[index] = field as ImportTarget;
  }
  return mapping;
}

function list(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Answers mapped by a suggestion are said, so that an organizer who scripts the import knows what was guessed. */
function printSuggestions(answers: readonly ImportAnswer[]): void {
  for (const a of answers) {
    if (a.how !== 'suggested') continue;
    console.error(t('import.suggested', { value: a.value, count: a.rows, id: a.categoryId ?? '', field: a.fields[0] ?? 'industry' }));
  }
}

/** Where a problem is, in the user's language (core's `where` is English). */
function problemPlace(p: ImportProblem, file: string): string {
  if (p.row === 0) return t('importProblem.atFile', { file });
  return p.column !== undefined ? t('importProblem.atCell', { file, row: p.row, column: p.column }) : t('importProblem.atRow', { file, row: p.row });
}

/** A problem in the user's language, worded from its code and details (core's `message` is English). */
function problemText(p: ImportProblem): string {
  const values = { value: p.value ?? '', rows: p.rows ?? 1 };
  // The one problem without a value: the answers past the listed ones, counted together.
  if ((p.code === 'unknown-industry' || p.code === 'unknown-goal') && p.value === undefined) return t('importProblem.moreAnswers', values);
  return t(`importProblem.${p.code}`, values);
}

function printProblems(problems: readonly ImportProblem[], more: number, file: string): void {
  for (const p of problems) console.error(`${t(`program.${p.severity}`)}: ${problemPlace(p, file)}: ${problemText(p)}`);
  if (more > 0) console.error(t('import.more', { count: more }));
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(t('import.description'))
    .argument('<file>', t('import.file'))
    .option('--db <file>', dbOptionHelp())
    .option('--map <column>=<field>', t('import.map', { fields: IMPORT_TARGETS.join(', ') }), collect, [])
    .option('--value-map <file|field:answer=id>', t('import.valueMap'), list, [])
    .option('--cancel-missing', t('import.cancelMissing'))
    .option('--dry-run', t('import.dryRun'))
    .option('--json', t('import.json'))
    .action(async (file: string, flags: ImportFlags) => {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (error) {
        throw new MusubiError('import-failed', t('program.cannotRead', { file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }), file);
      }
      const fileName = path.basename(file);
      // Checkpointed by a worker as the station's file is: the import waits for the checkpoint to
      // catch up every 20,000 rows (run-import.ts). Folded once at the end instead, the WAL of
      // 300,000 people grew to gigabytes and every page read searched its whole index: 20 s
      // against 12 s through the station.
      const db = openDatabase(resolveDbPath(flags.db), { checkpointInBackground: true });
      try {
        const answerMap = parseValueMaps(flags.valueMap);
        let mapping: ImportTarget[] | undefined;
        if (flags.map.length > 0) {
          const layout = await importLayout({ fileName, bytes });
          mapping = applyMaps(layout.headers, layout.detectedMapping, flags.map);
        }
        const summary = flags.dryRun
          ? await previewImport(db, { fileName, bytes, mapping, answerMap, cancelMissing: flags.cancelMissing }).then((p) => ({
              imported: p.counts.new,
              updated: p.counts.updated,
              cancelled: p.counts.cancelled,
              missing: p.counts.missing,
              unchanged: p.counts.unchanged,
              skipped: p.counts.skipped,
              problems: p.problems,
              problemCount: p.problemCount,
              answers: p.answers,
            }))
          : await (() => {
              const service = createService({ db });
              return commitImport(db, service.recorder, service.identity.name, { fileName, bytes, mapping, answerMap, cancelMissing: flags.cancelMissing });
            })();
        const ok = summary.imported + summary.updated + summary.unchanged > 0;
        if (flags.json) {
          console.log(
            JSON.stringify({
              imported: summary.imported,
              updated: summary.updated,
              unchanged: summary.unchanged,
              skipped: summary.skipped,
              cancelled: summary.cancelled,
              dryRun: flags.dryRun === true,
              problems: summary.problems.map((p) => ({ row: p.row, column: p.column ?? null, severity: p.severity, code: p.code, message: p.message, rows: p.rows ?? 1 })),
              problemCount: summary.problemCount,
              answers: summary.answers.map((a) => ({ field: a.fields[0] ?? null, value: a.value, rows: a.rows, categoryId: a.categoryId, how: a.how })),
            }),
          );
        } else {
          const counts = { imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged, skipped: summary.skipped, file: fileName };
          console.log(t(flags.dryRun ? 'import.wouldDo' : 'import.done', counts));
          if (summary.cancelled > 0) console.log(t(flags.dryRun ? 'import.wouldCancel' : 'import.cancelled', { count: summary.cancelled, file: fileName }));
          printSuggestions(summary.answers);
          printProblems(summary.problems, summary.problemCount - summary.problems.length, fileName);
        }
        if (!ok) process.exitCode = 1;
      } finally {
        // PASSIVE: folds what it can without waiting on a station that reads the same file.
        db.pragma('wal_checkpoint(PASSIVE)');
        db.close();
      }
    });
}
