/**
 * `import.warnings_<file>`: how many import warnings an organizer reads for the messy
 * exports (test/helpers/messy-exports.ts: a 40-person Peatix-style file, a 20-person connpass-style
 * Shift_JIS file, a 5,000-row file) once the answers are mapped and saved with the event; beside it,
 * the first preview's count (suggestions only) and what a row-by-row report of every answer not
 * literally in the event's lists came to. Counts, not timings: the same on any machine.
 */
import { MESSY_EXPORTS } from '../helpers/messy-exports';
import { measureImportWarnings } from '../helpers/warning-counts';
import { report } from './report';

for (const messy of MESSY_EXPORTS) {
  const counts = await measureImportWarnings(messy.fileName, messy.bytes());
  report(`import.warnings_first_${messy.name}`, counts.first, { rows: counts.rows, per_row_unlisted: counts.perRowUnlisted });
  report(`import.warnings_${messy.name}`, counts.afterMapping, { rows: counts.rows, first: counts.first, per_row_unlisted: counts.perRowUnlisted });
}
