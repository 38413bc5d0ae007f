import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { IMPORT_TARGETS, type ImportAnswer, type ImportProblem, type ImportTarget } from '../../../shared/api/methods/import';
import { MusubiError } from '../../../shared/errors';
import { openDatabase } from '../../core/db/open';
import { commitImport, importLayout, previewImport } from '../../core/import/run-import';
import { createService } from '../../core/service/service';
import { DB_OPTION_HELP, resolveDbPath } from '../options';
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
  if (!/^.+=.+$/.test(value)) throw new InvalidArgumentError('use <column>=<field>, e.g. "会社名=company" or "C=ignore"');
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
      throw new MusubiError('invalid-input', `Unknown field "${field}"; use one of ${IMPORT_TARGETS.join(', ')}.`, `--map ${entry}`);
    }
    const index = columnIndex(headers, column);
    if (index < 0 || index >= headers.length) {
      throw new MusubiError('invalid-input', `No column "${column}" in the file; its columns are: ${headers.join(', ')}.`, `--map ${entry}`);
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
    if (a.how === 'suggested') console.error(`note: “${a.value}” (${a.rows} rows) mapped to ${a.categoryId ?? ''} as suggested; change it with --value-map '${a.fields[0] ?? 'industry'}:${a.value}=<id>'`);
  }
}

function printProblems(problems: readonly ImportProblem[], more: number): void {
  for (const p of problems) console.error(`${p.severity}: ${p.where}: ${p.message}`);
  if (more > 0) console.error(`… and ${more} more problems`);
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import a registration export (CSV or XLSX; UTF-8 or Shift_JIS); re-importing updates people')
    .argument('<file>', 'the CSV or XLSX file')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--map <column>=<field>', `map a column (header, letter or number) to a field: ${IMPORT_TARGETS.join(', ')}`, collect, [])
    .option(
      '--value-map <file|field:answer=id>',
      'map registration answers to the event\'s categories: a JSON file {"industry": {"製造業": "manufacturing"}} or one choice like industry:製造業=manufacturing (saved with the event)',
      list,
      [],
    )
    .option('--cancel-missing', 'mark registered people who are not in this file (a newer export) as cancelled; check-ins are kept')
    .option('--dry-run', 'show what would change and write nothing')
    .option('--json', 'print a summary object {imported, updated, skipped, problems}')
    .action(async (file: string, flags: ImportFlags) => {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (error) {
        throw new MusubiError('import-failed', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, file);
      }
      const fileName = path.basename(file);
      const db = openDatabase(resolveDbPath(flags.db));
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
          const verb = flags.dryRun ? 'Would import' : 'Imported';
          console.log(`${verb} ${summary.imported} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.skipped} skipped rows from ${fileName}.`);
          if (summary.cancelled > 0) console.log(`${flags.dryRun ? 'Would mark' : 'Marked'} ${summary.cancelled} people who are not in ${fileName} as cancelled.`);
          printSuggestions(summary.answers);
          printProblems(summary.problems, summary.problemCount - summary.problems.length);
        }
        if (!ok) process.exitCode = 1;
      } finally {
        db.close();
      }
    });
}
