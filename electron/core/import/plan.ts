import type { ImportCounts, ImportTarget, MissingPerson } from '../../../shared/api/methods/import';
import { MAX_FIELD_LENGTH, type PartialAttendeeFields } from '../../../shared/domain/attendee';
import type { AnswerMap, EventSettings } from '../../../shared/domain/settings';
import { normalizeTicketCode } from '../../../shared/text/ticket-code';
import { ChunkSizer, SLICE_TARGET_MS } from '../db/slices';
import type { Db } from '../db/types';
import { AnswerResolver, AnswerTallies } from './answer-map';
import { splitAnswers, yesNoAnswer } from './catalogue';
import { detached } from './detached';
import { columnLetter, duplicateHeaders, headerLooksGarbled, headerPreview, isInvisibleOnly } from './header-checks';
import { detectHeaderRow, detectMapping } from './headers';
import { ProblemList } from './problems';
import { registrationStatusOf } from './registration-status';
import { REPLACEMENT_CHARACTER } from './read-file';
import { allBatches, type TableStream } from './table-stream';
import { textFieldsFromRow, type AttendeeRow } from '../attendees/queries';

/**
 * Turns the rows of an export into what an import would do, without writing anything: which
 * people are new, which existing ones change (matched by ticket code, else by e-mail), which rows
 * are left out and why. The same plan is shown in the preview and carried out by the commit.
 * Planned people go to a `PlanSink` as they are found (the commit stages them, the preview only
 * counts), so a large file is never held as rows, drafts and entries at once.
 */
export interface PlanSink {
  add(planned: PlannedNew): void;
  update(planned: PlannedUpdate): void;
}
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
  counts: ImportCounts;
  problems: ProblemList;
  /** The distinct industry, goal and looking-for answers and what each maps to. */
  answers: AnswerTallies;
  /** The event's answer map with this import's choices added; undefined when it does not change. */
  answerMapToSave: AnswerMap | undefined;
  /** The first `MISSING_PEOPLE_SHOWN` of the people counted in `counts.missing`. */
  missingPeople: MissingPerson[];
}

/** The preview names this many of the people missing from the file; the count says how many there are. */
const MISSING_PEOPLE_SHOWN = 20;

type ExistingRow = Pick<
  AttendeeRow,
  | 'id'
  | 'ticket_code'
  | 'ticket_type'
  | 'name'
  | 'name_kana'
  | 'nickname'
  | 'company'
  | 'title'
  | 'industry'
  | 'goals'
  | 'looking_for'
  | 'email'
  | 'phone'
  | 'note'
  | 'partner_consent'
  | 'vcard_opt_in'
  | 'registration_status'
  | 'walk_in'
  | 'checkin_id'
>;

const SAMPLE_ROWS = 5;
const NAME_TARGETS: ReadonlySet<ImportTarget> = new Set(['name', 'familyName', 'givenName']);
const ENCODING_NAMES: Record<string, string> = { 'utf-8': 'UTF-8', cp932: 'Shift_JIS (CP932)', 'euc-jp': 'EUC-JP' };
type TextField = 'name' | 'nickname' | 'company' | 'title' | 'email' | 'phone' | 'ticketCode' | 'ticketType' | 'note';

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

/** Looked for in the records read ahead (`TableStream.head`): the header is one of the first 15. */
export function detectLayout(table: Pick<TableStream, 'head'>): TableLayout {
  const { records, rowNumbers } = table.head;
  const headerIndex = detectHeaderRow(records);
  const headers = (records[headerIndex] ?? []).map((h) => h.trim());
  return { headerIndex, headerRow: rowNumbers[headerIndex] ?? 1, headers, detectedMapping: detectMapping(headers) };
}

/** Family and given name into one: "山田 太郎", but "John Smith" for a name in Latin letters. */
function joinName(family: string, given: string): string {
  if (!family || !given) return family || given;
  return /^[\p{Script=Latin}\s.'-]+$/u.test(family + given) ? `${given} ${family}` : `${family} ${given}`;
}

function existingFields(row: ExistingRow): PartialAttendeeFields {
  return { ...textFieldsFromRow(row), partnerConsent: row.partner_consent === 1, vcardOptIn: row.vcard_opt_in === 1 };
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
    // Text and flags compare as they are; only the lists (goals, looking for) need their JSON.
    const before = current[name];
    const same = before === value || (Array.isArray(value) && JSON.stringify(before) === JSON.stringify(value));
    if (!same) Object.assign(changed, { [name]: value });
  }
  return changed;
}

/**
 * One warning per distinct answer that maps to nothing, with how many rows gave it: 9,000 rows
 * with the same three free-text answers are three lines to act on, not 9,000 to scroll through.
 */
function reportUnmappedAnswers(problems: ProblemList, answers: AnswerTallies): void {
  for (const tally of answers.all()) {
    if (tally.resolution.how !== 'none') continue;
    const list = tally.catalogue === 'goals' ? 'goals' : 'industries';
    const rows = tally.rows === 1 ? '1 row' : `${tally.rows} rows`;
    problems.add(
      tally.catalogue === 'goals' ? 'unknown-goal' : 'unknown-industry',
      'warning',
      `“${tally.value}” (${rows}) is not one of the event’s ${list}; it is kept in the note. Map it to a category in the preview.`,
      { row: tally.firstRow, column: tally.column, value: tally.value, rows: tally.rows },
    );
  }
  if (answers.overflowRows > 0) {
    problems.add('unknown-industry', 'warning', `${answers.overflowRows} more answers were not listed one by one (too many different answers); they are kept in the note.`, {
      row: 0,
      rows: answers.overflowRows,
    });
  }
}

/** The ticket codes and e-mails of people already here that the file holds, read straight from its cells as the rows are planned. */
interface PresentInFile {
  /** False when the file has neither a ticket-code nor an e-mail column: nobody can be missed. */
  identifies: boolean;
  tickets: Set<string>;
  emails: Set<string>;
}

/**
 * The people an earlier import brought in whom this file no longer lists: their ticket code and
 * e-mail are on none of its rows (read straight from the cells, so a row left out for an error
 * still counts as present). People checked in, walk-ins and those already cancelled are not
 * counted, nor anyone when the file has neither a ticket-code nor an e-mail column. When asked,
 * each becomes an update of the registration status alone: nothing else of theirs changes.
 */
async function planMissing(
  plan: ImportPlan,
  sink: PlanSink,
  present: PresentInFile,
  existing: readonly ExistingRow[],
  updated: ReadonlySet<string>,
  cancel: boolean,
  slices: PlanSlices,
): Promise<void> {
  if (!present.identifies) return;
  // In slices too: everyone already here is looked up (~100 ms for 50,000 people on the shared
  // machine, the longest block of a re-import when it was one stretch).
  for (let i = 0; i < existing.length; i++) {
    if (i % ROWS_BETWEEN_CLOCK_CHECKS === 0 && slices.over()) await slices.pause();
    const person = existing[i];
    if (!person) continue;
    if (person.walk_in === 1 || person.checkin_id !== null || person.registration_status === 'cancelled') continue;
    if (!person.ticket_code && !person.email) continue;
    if (person.ticket_code && present.tickets.has(ticketKey(person.ticket_code))) continue;
    if (person.email && present.emails.has(emailKey(person.email))) continue;
    plan.counts.missing++;
    if (plan.missingPeople.length < MISSING_PEOPLE_SHOWN) {
      plan.missingPeople.push({ name: person.name, ticketCode: person.ticket_code, company: person.company });
    }
    if (!cancel || updated.has(person.id)) continue;
    sink.update({ row: 0, id: person.id, fields: { registrationStatus: 'cancelled' } });
    plan.counts.cancelled++;
  }
}

/** Existing people are read at most this many at a time (fewer when reading them is slow). */
const EXISTING_PAGE = 2000;
/** The slice deadline is looked at every this many rows. */
const ROWS_BETWEEN_CLOCK_CHECKS = 64;

/** How a plan shares the thread: it asks `over()` as it goes and awaits `pause()` when it says so. */
export interface PlanSlices {
  over: () => boolean;
  /** Lets the event loop run (and the caller stage what was planned); the next slice starts after it. */
  pause: () => Promise<void>;
}

/**
 * Plans an import in slices, reading the table's rows as it goes: each batch of rows is planned
 * and let go before the next is read, so the file's rows are never all held. Awaits
 * `slices.pause()` whenever `slices.over()` says its slice is used up, and returns the plan's
 * summary. A reader error past the first rows (a malformed record, a limit) is thrown from here,
 * after some people were already given to the sink: the caller must be able to drop them.
 */
export async function planImportSlices(
  db: Db,
  fileName: string,
  table: TableStream,
  settings: EventSettings,
  choices: { mapping?: ImportTarget[]; answers?: Partial<AnswerMap>; cancelMissing?: boolean },
  sink: PlanSink,
  slices: PlanSlices,
  /** Passed in by a caller that must know of a file-level error before the plan is done. */
  problems = new ProblemList(fileName),
): Promise<ImportPlan> {
  const sliceOver = slices.over;
  const givenMapping = choices.mapping;
  const givenAnswers = choices.answers ?? {};
  const { headerIndex, headerRow, headers, detectedMapping } = detectLayout(table);
  const mapping = givenMapping ?? detectedMapping;
  const counts: ImportCounts = { rows: 0, new: 0, updated: 0, unchanged: 0, skipped: 0, missing: 0, cancelled: 0 };
  const answers = new AnswerTallies();
  const plan: ImportPlan = {
    headerRow,
    headers,
    detectedMapping,
    mapping,
    sampleRows: [],
    counts,
    problems,
    answers,
    answerMapToSave: undefined,
    missingPeople: [],
  };

  const columnsOf = (target: ImportTarget): number[] => mapping.flatMap((t, i) => (t === target ? [i] : []));
  const hasRealName = columnsOf('name').length > 0 || columnsOf('familyName').length > 0 || columnsOf('givenName').length > 0;
  // An export with a display name and no real-name column at all (connpass without a name question):
  // the display name is all there is to call the person by, so it stands in for the name, said once.
  const nicknameAsName = !hasRealName && columnsOf('nickname').length > 0;
  const hasName = hasRealName || nicknameAsName;
  const unknownStatuses = new Map<string, { value: string; rows: number; firstRow: number; column: string }>();
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
  } else if (nicknameAsName) {
    const column = headers[columnsOf('nickname')[0] ?? 0] ?? '';
    problems.add(
      'display-name-as-name',
      'warning',
      `No column holds the real name (氏名, or 姓 and 名); the display name “${column}” is used as the name. Choose the real-name column if the file has one.`,
      { row: 0, column, value: column },
    );
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

  const industries = new AnswerResolver(settings.industries, settings.answerMap.industries, givenAnswers.industries ?? {});
  const goals = new AnswerResolver(settings.goals, settings.answerMap.goals, givenAnswers.goals ?? {});
  const byTicket = new Map<string, ExistingRow>();
  const byEmail = new Map<string, ExistingRow[]>();
  // Everyone already here, for "missing from this file" (without a ticket code or e-mail they cannot be missed).
  const identifiable: ExistingRow[] = [];
  // `+removed`: without it SQLite reads each page through attendees_by_reading (removed, …) and
  // sorts every person to find the page, so reading 100,000 people in pages took ~2 s, not ~0.1 s.
  const existingPage = db.prepare(
    `SELECT rowid, id, ticket_code, ticket_type, name, name_kana, nickname, company, title, industry, goals, looking_for, email, phone, note,
       partner_consent, vcard_opt_in, registration_status, walk_in, checkin_id
     FROM attendees WHERE +removed = 0 AND rowid > ? ORDER BY rowid LIMIT ?`,
  );
  const indexExisting = (page: readonly ExistingRow[]): void => {
    for (const row of page) {
      if (row.ticket_code) byTicket.set(ticketKey(row.ticket_code), row);
      if (row.email) {
        const key = emailKey(row.email);
        const same = byEmail.get(key);
        if (same) same.push(row);
        else byEmail.set(key, [row]);
      }
      if (row.ticket_code || row.email) identifiable.push(row);
    }
  };
  // Pages sized by time, at most EXISTING_PAGE: a slice ends after the page that passes its
  // deadline, so a page of half a slice keeps the slice near its target on a loaded machine too.
  const pages = new ChunkSizer(100, EXISTING_PAGE, 500, SLICE_TARGET_MS / 2);
  let page: (ExistingRow & { rowid: number })[] = [];
  for (let after = 0; ; ) {
    pages.run((size) => {
      page = existingPage.all(after, size) as (ExistingRow & { rowid: number })[];
      indexExisting(page);
      return page.length;
    });
    const last = page.at(-1);
    if (!last) break;
    after = last.rowid;
    if (sliceOver()) await slices.pause();
  }
  const ticketColumns = mapping.flatMap((t, i) => (t === 'ticketCode' ? [i] : []));
  const emailColumns = mapping.flatMap((t, i) => (t === 'email' ? [i] : []));
  const present: PresentInFile = { identifies: ticketColumns.length + emailColumns.length > 0, tickets: new Set(), emails: new Set() };
  const updated = new Set<string>();
  const ticketRows = new Map<string, number>();
  const matchedRows = new Map<string, number>();
  const mapped = mapping.map((target, column) => ({ target, column, header: headers[column] || `#${column + 1}` })).filter((m) => m.target !== 'ignore');

  // Only bytes the decoder could not read become U+FFFD; in a clean file it was there on purpose.
  const encodingSuspect = table.lossy;
  const planRow = (record: string[], row: number): void => {
    if (record.every((cell) => cell.trim() === '')) return;
    // Present in the file even when the row is left out for an error below.
    // Copies (detached): the cells are slices of the reader's chunk, which a kept slice keeps whole.
    // Only keys someone already here has are kept: "missing from this file" asks about them alone,
    // and a first import of 300,000 people would otherwise hold every code and e-mail twice over.
    for (const c of ticketColumns) {
      const key = record[c]?.trim() ? ticketKey(normalizeTicketCode(record[c].trim())) : '';
      if (key && byTicket.has(key)) present.tickets.add(detached(key));
    }
    for (const c of emailColumns) {
      const key = record[c]?.trim() ? emailKey(record[c]) : '';
      if (key && byEmail.has(key)) present.emails.add(detached(key));
    }
    counts.rows++;
    if (plan.sampleRows.length < SAMPLE_ROWS) plan.sampleRows.push(headers.map((_, i) => record[i] ?? ''));
    if (table.format === 'csv' && record.length !== headers.length) {
      problems.add('wrong-field-count', 'error', `This row has ${record.length} fields; the header has ${headers.length}.`, {
        row,
        value: String(record.length),
      });
      return;
    }
    if (!hasName) return;

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
        case 'industry':
        case 'goals':
        case 'lookingFor': {
          // One industry per person: the whole cell is the answer. Goals and looking-for hold several.
          const resolver = target === 'goals' ? goals : industries;
          const ids: string[] = [];
          for (const answer of target === 'industry' ? [value] : splitAnswers(value)) {
            const resolution = resolver.resolve(answer);
            answers.count(target === 'goals' ? 'goals' : 'industries', target, answer, resolution, { row, column: header });
            if (resolution.id) {
              if (!ids.includes(resolution.id)) ids.push(resolution.id);
            } else notes.push(`${header}: ${answer}`); // not mapped (or "no category"): kept in the note
          }
          if (target === 'industry') {
            if (ids[0]) fields.industry = ids[0];
          } else if (ids.length > 0) fields[target] = ids;
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
        case 'partnerConsent':
        case 'vcardOptIn': {
          // Anything but a clear yes or no leaves the field as it is (default: no consent).
          const answer = yesNoAnswer(value);
          if (answer !== undefined) fields[target] = answer;
          break;
        }
        case 'registrationStatus': {
          const status = registrationStatusOf(value);
          if (status) fields.registrationStatus = status;
          else {
            // Not a status any export uses: the person is imported as registered, and the value said once.
            const key = value.normalize('NFKC').toLowerCase();
            const seen = unknownStatuses.get(key);
            if (seen) seen.rows++;
            else if (unknownStatuses.size < 100) unknownStatuses.set(key, { value, rows: 1, firstRow: row, column: header });
          }
          break;
        }
        case 'ignore':
          break;
        default:
          fields[target satisfies TextField] = value;
      }
    }
    if (bad) return;
    if (!fields.name) fields.name = joinName(parts.familyName, parts.givenName);
    if (nicknameAsName && fields.nickname) {
      fields.name = fields.nickname;
      delete fields.nickname; // the same text twice would print twice on the badge
    }
    if (!fields.nameKana) {
      const kana = joinName(parts.familyKana, parts.givenKana).normalize('NFKC');
      if (kana) fields.nameKana = kana;
    }
    if (!fields.name) {
      problems.add('missing-name', 'error', 'This row has no name.', { row, column: mapped.find((m) => ['name', 'familyName'].includes(m.target))?.header });
      return;
    }
    const note = notes.join('\n');
    if (note.length > MAX_FIELD_LENGTH) {
      problems.add('cell-too-long', 'error', `The note for this row would hold ${note.length} characters; at most ${MAX_FIELD_LENGTH} fit.`, { row });
      return;
    }
    if (note) fields.note = note;

    let target: ExistingRow | undefined;
    if (fields.ticketCode) {
      const key = ticketKey(fields.ticketCode);
      const earlier = ticketRows.get(key);
      if (earlier !== undefined) {
        const column = mapped.find((m) => m.target === 'ticketCode')?.header;
        problems.add('duplicate-ticket', 'error', `Ticket code ${fields.ticketCode} is also on row ${earlier}.`, { row, column, value: String(earlier) });
        return;
      }
      ticketRows.set(detached(key), row);
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
        return;
      }
      matchedRows.set(target.id, row);
      const changed = changes(existingFields(target), fields);
      if (Object.keys(changed).length === 0) counts.unchanged++;
      else {
        sink.update({ row, id: target.id, fields: changed });
        updated.add(target.id);
        counts.updated++;
      }
    } else {
      sink.add({ row, fields });
      counts.new++;
    }
  };
  // Records before the header (a title above the table) and the header itself are not people.
  let index = 0;
  for await (const batch of allBatches(table)) {
    for (let i = 0; i < batch.records.length; i++, index++) {
      if (index <= headerIndex) continue;
      if ((index - headerIndex) % ROWS_BETWEEN_CLOCK_CHECKS === 0 && sliceOver()) await slices.pause();
      planRow(batch.records[i] ?? [], batch.rowNumbers[i] ?? index + 1);
    }
  }
  counts.skipped = problems.failedRows.size;
  if (hasName) await planMissing(plan, sink, present, identifiable, updated, choices.cancelMissing === true, slices);
  for (const { value, rows, firstRow, column } of unknownStatuses.values()) {
    problems.add('unknown-status', 'warning', `“${value}” (${rows === 1 ? '1 row' : `${rows} rows`}) is not a registration status Musubi knows; these people are imported as registered.`, {
      row: firstRow,
      column,
      value,
      rows,
    });
  }
  reportUnmappedAnswers(problems, answers);
  plan.answerMapToSave = answers.mapToSave(settings.answerMap);
  return plan;
}
