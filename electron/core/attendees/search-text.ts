import type { AttendeeFields } from '../../../shared/domain/attendee';
import { normalizeForSearch } from '../../../shared/text/normalize';

/** Separates fields in the search column so that a query never matches across two fields. */
export const FIELD_SEPARATOR = '\u0001';

/** The normalised text a plain substring search looks in, computed once at write time. */
export function buildSearchText(fields: Pick<AttendeeFields, 'ticketCode' | 'name' | 'nameKana' | 'company' | 'email'>): string {
  return [fields.ticketCode, fields.name, fields.nameKana, fields.company, fields.email]
    .map(normalizeForSearch)
    .join(FIELD_SEPARATOR);
}
