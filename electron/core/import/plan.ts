import type { ImportCounts, ImportTarget } from '../../../shared/api/methods/import';
import { MAX_FIELD_LENGTH, type PartialAttendeeFields } from '../../../shared/domain/attendee';
import type { EventSettings } from '../../../shared/domain/settings';
import { normalizeTicketCode } from '../../../shared/text/ticket-code';
import type { Db } from '../db/types';
import { CatalogueMatcher, splitAnswers, yesNoAnswer } from './catalogue';
import { columnLetter, duplicateHeaders, headerLooksGarbled, headerPreview, isInvisibleOnly } from './header-checks';
import { detectHeaderRow, detectMapping } from './headers';
import { ProblemList } from './problems';
import { REPLACEMENT_CHARACTER, type RawTable } from './read-file';
import { textFieldsFromRow, type AttendeeRow } from '../attendees/queries';

/**
 * Turns the rows of an export into what an import would do, without writing anything: which
 * people are new, which existing ones change (matched by ticket code, else by e-mail), which rows
 * are left out and why. The same plan is shown in the preview and carried out by the commit.
 */
export interface PlannedNew {
  row: number;
  fields: PartialAttendeeFields;
}
export interface PlannedUpdate {
  row: number;
  id: string;
  fields: PartialAttendeeFields;
}

export interface ImportPlan {
  headerRow: number;
  headers: string[];
  detectedMapping: ImportTarget[];
  mapping: ImportTarget[];
  sampleRows: string[][];
  additions: PlannedNew[];
  updates: PlannedUpdate[];
  counts: ImportCounts;
  problems: ProblemList;
}

type ExistingRow = Pick<
  AttendeeRow,
  'id' | 'ticket_code' | 'ticket_type' | 'name' | 'name_kana' | 'company' | 'title' | 'industry' | 'goals' | 'looking_for' | 'email' | 'phone' | 'note' | 'partner_consent'
>;

const SAMPLE_ROWS = 5;
const NAME_TARGETS: ReadonlySet<ImportTarget> = new Set(['name', 'familyName', 'givenName']);
const ENCODING_NAMES: Record<string, string> = { 'utf-8': 'UTF-8', cp932: 'Shift_JIS (CP932)', 'euc-jp': 'EUC-JP' };
type TextField = 'name' | 'company' | 'title' | 'email' | 'phone' | 'ticketCode' | 'ticketType' | 'note';

// eslint-disable-next-line no-control-regex
const PLAIN_ASCII = /^[\x00-\x7f]*$/;
function ticketKey(code: string): string {
  return (PLAIN_ASCII.test(code) ? code.trim() : normalizeTicketCode(code)).toLowerCase();
}
function emailKey(email: string): string {
  return (PLAIN_ASCII.test(email) ? email : email.normalize('NFKC')).trim().toLowerCase();
}

/** Where the table starts and what its columns hold, as detected. */
export interface TableLayout {
  headerIndex: number;
  headerRow: number;
  headers: string[];
  detectedMapping: ImportTarget[];
}

export function detectLayout(table: RawTable): TableLayout {
  const headerIndex = detectHeaderRow(table.records);
  const headers = (table.records[headerIndex] ?? []).map((h) => h.trim());
  return { headerIndex, headerRow: table.rowNumbers[headerIndex] ?? 1, headers, detectedMapping: detectMapping(headers) };
}

/** Family and given name into one: "山田 太郎", but "John Smith" for a name in Latin letters. */
function joinName(family: string, given: string): string {
  if (!family || !given) return family || given;
  return /^[\p{Script=Latin}\s.'-]+$/u.test(family + given) ? `${given} ${family}` : `${family} ${given}`;
}

function existingFields(row: ExistingRow): PartialAttendeeFields {
  return { ...textFieldsFromRow(row), partnerConsent: row.partner_consent === 1 };
}

/**
 * The fields of an existing person that the row changes. An empty cell never clears a value (the
 * organizer may have typed it at the desk); a note from the import is added to the note, once.
 */
function changes(current: PartialAttendeeFields, incoming: PartialAttendeeFields): PartialAttendeeFields {
  const changed: PartialAttendeeFields = {};
  for (const [name, value] of Object.entries(incoming) as [keyof PartialAttendeeFields, unknown][]) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (name === 'note') {
      const note = current.note ?? '';
      if (!note.includes(value as string)) changed.note = note ? `${note}\n${value as string}` : (value as string);
      continue;
    }
    if (JSON.stringify(current[name]) !== JSON.stringify(value)) Object.assign(changed, { [name]: value });
  }
  return changed;
}

export function planImport(db: Db, fileName: string, table: RawTable, settings: EventSettings, givenMapping?: ImportTarget[]): ImportPlan {
  const problems = new ProblemList(fileName);
  const { headerIndex, headerRow, headers, detectedMapping } = detectLayout(table);
  const mapping = givenMapping ?? detectedMapping;
  const counts: ImportCounts = { rows: 0, new: 0, updated: 0, unchanged: 0, skipped: 0 };
  const plan: ImportPlan = { headerRow, headers, detectedMapping, mapping, sampleRows: [], additions: [], updates: [], counts, problems };

  const columnsOf = (target: ImportTarget): number[] => mapping.flatMap((t, i) => (t === target ? [i] : []));
  const hasName = columnsOf('name').length > 0 || columnsOf('familyName').length > 0 || columnsOf('givenName').length > 0;
  if (table.mixed) {
    const { firstLine, firstEncoding, otherLine, otherEncoding } = table.mixed;
    problems.add(
      'mixed-encoding',
      'error',
      `${fileName} mixes encodings: line ${firstLine} is ${ENCODING_NAMES[firstEncoding]} but line ${otherLine} is ${ENCODING_NAMES[otherEncoding]}. Save the whole file as UTF-8 or Shift_JIS.`,
      { row: 0, value: String(otherLine) },
    );
  } else if (table.format === 'csv' && headerLooksGarbled(headers, detectedMapping)) {
    // Said instead of "no name column", which is true but sends the organizer the wrong way.
    const reads = headerPreview(headers);
    problems.add(
      'wrong-encoding',
      'error',
      `${fileName} looks like a file in another encoding; the header reads “${reads}”. Save it as UTF-8 or Shift_JIS.`,
      { row: 0, value: reads },
    );
  } else if (!hasName) {
    problems.add('no-name-column', 'error', 'No column is mapped to the name; choose which column holds it.', { row: 0 });
  }
  for (const { column, sameAs } of duplicateHeaders(headers)) {
    const first = `${columnLetter(sameAs)} (${headers[sameAs] ?? ''})`;
    problems.add(
      'duplicate-header',
      'warning',
      `Column ${columnLetter(column)} has the same header as column ${first}; choose a field for each of them.`,
      { row: headerRow, column: headers[column] || `#${column + 1}`, value: columnLetter(sameAs) },
    );
  }

  const industries = new CatalogueMatcher(settings.industries);
  const goals = new CatalogueMatcher(settings.goals);
  const existing = db
    .prepare(
      `SELECT id, ticket_code, ticket_type, name, name_kana, company, title, industry, goals, looking_for, email, phone, note, partner_consent
       FROM attendees WHERE removed = 0`,
    )
    .all() as ExistingRow[];
  const byTicket = new Map<string, ExistingRow>();
  const byEmail = new Map<string, ExistingRow[]>();
  for (const row of existing) {
    if (row.ticket_code) byTicket.set(ticketKey(row.ticket_code), row);
    if (row.email) {
      const key = emailKey(row.email);
      byEmail.set(key, [...(byEmail.get(key) ?? []), row]);
    }
  }
  const ticketRows = new Map<string, number>();
  const matchedRows = new Map<string, number>();
  const mapped = mapping.map((target, column) => ({ target, column, header: headers[column] || `#${column + 1}` })).filter((m) => m.target !== 'ignore');

  // Only bytes the decoder could not read become U+FFFD; in a clean file it was there on purpose.
  const encodingSuspect = table.lossy;
  for (let r = headerIndex + 1; r < table.records.length; r++) {
    const record = table.records[r] ?? [];
    const row = table.rowNumbers[r] ?? r + 1;
    if (record.every((cell) => cell.trim() === '')) continue;
    counts.rows++;
    if (plan.sampleRows.length < SAMPLE_ROWS) plan.sampleRows.push(headers.map((_, i) => record[i] ?? ''));
    if (table.format === 'csv' && record.length !== headers.length) {
      problems.add('wrong-field-count', 'error', `This row has ${record.length} fields; the header has ${headers.length}.`, {
        row,
        value: String(record.length),
      });
      continue;
    }
    if (!hasName) continue;

    const fields: PartialAttendeeFields = {};
    const parts = { familyName: '', givenName: '', familyKana: '', givenKana: '' };
    const notes: string[] = [];
    let bad = false;
    for (const { target, column, header } of mapped) {
      const raw = record[column] ?? '';
      if (raw.length > MAX_FIELD_LENGTH) {
        problems.add('cell-too-long', 'error', `This cell holds ${raw.length} characters; at most ${MAX_FIELD_LENGTH} fit.`, { row, column: header, value: String(raw.length) });
        bad = true;
        continue;
      }
      if (encodingSuspect && raw.includes(REPLACEMENT_CHARACTER)) {
        problems.add('undecodable', 'error', 'This cell holds bytes that are not valid text in the file’s encoding.', { row, column: header });
        bad = true;
        continue;
      }
      // Spaces alone are an empty cell; other blanks (NBSP, zero-width, BOM) alone are a hidden empty name.
      if (/[^ \t\r\n]/.test(raw) && isInvisibleOnly(raw)) {
        if (NAME_TARGETS.has(target)) {
          problems.add('invisible-name', 'error', 'This name holds only invisible characters (zero-width or other blank spaces).', { row, column: header });
          bad = true;
        }
        continue;
      }
      const value = raw.trim();
      if (value === '') continue;
      switch (target) {
        case 'familyName':
        case 'givenName':
        case 'familyKana':
        case 'givenKana':
          parts[target] = value;
          break;
        case 'industry': {
          const id = industries.match(value);
          if (id) fields.industry = id;
          else {
            problems.add('unknown-industry', 'warning', `“${value}” is not one of the event’s industries; it is kept in the note.`, { row, column: header, value });
            notes.push(`${header}: ${value}`);
          }
          break;
        }
        case 'goals':
        case 'lookingFor': {
          const matcher = target === 'goals' ? goals : industries;
          const ids: string[] = [];
          for (const answer of splitAnswers(value)) {
            const id = matcher.match(answer);
            if (id) {
              if (!ids.includes(id)) ids.push(id);
            } else {
              problems.add(target === 'goals' ? 'unknown-goal' : 'unknown-industry', 'warning', `“${answer}” is not in the event’s list; it is kept in the note.`, { row, column: header, value: answer });
              notes.push(`${header}: ${answer}`);
            }
          }
          if (ids.length > 0) fields[target] = ids;
          break;
        }
        case 'note':
          notes.unshift(value);
          break;
        case 'ticketCode':
          fields.ticketCode = normalizeTicketCode(value);
          break;
        case 'nameKana':
          // Half-width katakana (ｺｳﾉ) from older systems becomes full width for badges and lists.
          fields.nameKana = value.normalize('NFKC');
          break;
        case 'partnerConsent': {
          // Anything but a clear yes or no leaves the field as it is (default: no consent).
          const answer = yesNoAnswer(value);
          if (answer !== undefined) fields.partnerConsent = answer;
          break;
        }
        case 'ignore':
          break;
        default:
          fields[target satisfies TextField] = value;
      }
    }
    if (bad) continue;
    if (!fields.name) fields.name = joinName(parts.familyName, parts.givenName);
    if (!fields.nameKana) {
      const kana = joinName(parts.familyKana, parts.givenKana).normalize('NFKC');
      if (kana) fields.nameKana = kana;
    }
    if (!fields.name) {
      problems.add('missing-name', 'error', 'This row has no name.', { row, column: mapped.find((m) => ['name', 'familyName'].includes(m.target))?.header });
      continue;
    }
    const note = notes.join('\n');
    if (note.length > MAX_FIELD_LENGTH) {
      problems.add('cell-too-long', 'error', `The note for this row would hold ${note.length} characters; at most ${MAX_FIELD_LENGTH} fit.`, { row });
      continue;
    }
    if (note) fields.note = note;

    let target: ExistingRow | undefined;
    if (fields.ticketCode) {
      const key = ticketKey(fields.ticketCode);
      const earlier = ticketRows.get(key);
      if (earlier !== undefined) {
        const column = mapped.find((m) => m.target === 'ticketCode')?.header;
        problems.add('duplicate-ticket', 'error', `Ticket code ${fields.ticketCode} is also on row ${earlier}.`, { row, column, value: String(earlier) });
        continue;
      }
      ticketRows.set(key, row);
      target = byTicket.get(key);
    }
    if (!target && fields.email) {
      const candidates = (byEmail.get(emailKey(fields.email)) ?? []).filter((c) => !fields.ticketCode || !c.ticket_code);
      if (candidates.length === 1) target = candidates[0];
    }
    if (target) {
      const earlier = matchedRows.get(target.id);
      if (earlier !== undefined) {
        problems.add('duplicate-person', 'error', `This row is the same person as row ${earlier} (same ticket code or e-mail).`, { row, value: String(earlier) });
        continue;
      }
      matchedRows.set(target.id, row);
      const changed = changes(existingFields(target), fields);
      if (Object.keys(changed).length === 0) counts.unchanged++;
      else {
        plan.updates.push({ row, id: target.id, fields: changed });
        counts.updated++;
      }
    } else {
      plan.additions.push({ row, fields });
      counts.new++;
    }
  }
  counts.skipped = problems.failedRows.size;
  return plan;
}
