import type { PartialEventSettings } from '../../../shared/domain/settings';
import { MusubiError } from '../../../shared/errors';

function checkUniqueIds(list: readonly { id: string }[], where: string): void {
  const seen = new Set<string>();
  for (const [index, item] of list.entries()) {
    if (seen.has(item.id)) throw new MusubiError('invalid-input', `The id "${item.id}" is used twice.`, `${where}.${index}.id`);
    seen.add(item.id);
  }
}

/** Rules the schema cannot say: ids unique within industries, goals and check-in lists. */
export function validateSettingsChange(fields: PartialEventSettings): void {
  if (fields.industries) checkUniqueIds(fields.industries, 'industries');
  if (fields.goals) checkUniqueIds(fields.goals, 'goals');
  if (fields.checkinLists) checkUniqueIds(fields.checkinLists, 'checkinLists');
}
