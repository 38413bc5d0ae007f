import fs from 'node:fs';
import { MusubiError } from '../../shared/errors';
import { openDatabase } from '../core/db/open';
import type { Db } from '../core/db/types';
import { t } from './i18n/translate';

/**
 * Opens a database that must already exist: exporting, backing up or purging a mistyped path
 * should say so, not quietly create an empty event and write an empty list.
 */
export function openExistingDatabase(file: string): Db {
  if (!fs.existsSync(file)) throw new MusubiError('not-found', t('program.noDatabase', { file }), '--db');
  return openDatabase(file);
}
