import i18next, { type i18n } from 'i18next';
import { MusubiError } from '../../../shared/errors';
import { formatLocalDateTime } from '../../../shared/text/local-time';
import type { CliLanguage } from './language';
import { en, ja } from './messages';

/** "backup.done", "badges.field.name" …; plural keys are named without their `_one`/`_other`. */
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K) : `${K}.${Paths<T[K]>}`;
}[keyof T & string];
export type CliMessage = Paths<typeof en>;

/**
 * The CLI's messages, in the language chosen at start-up (`setCliLanguage`). One process runs one
 * command, so one language per process is enough: commands call `t` without passing it around.
 */
let instance: i18n = createInstance('en');

function createInstance(language: CliLanguage): i18n {
  const created = i18next.createInstance();
  // initAsync: false — the resources are in memory, so the instance is ready when init returns.
  void created.init({
    resources: { en: { translation: en }, ja: { translation: ja } },
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return created;
}

export function setCliLanguage(language: CliLanguage): void {
  instance = createInstance(language);
}

export function cliLanguageInUse(): CliLanguage {
  return instance.language === 'ja' ? 'ja' : 'en';
}

export function t(key: CliMessage, values?: Record<string, string | number>): string {
  return instance.t(key, values ?? {});
}

/** A stored moment as the organizer reads it: local time with the UTC offset. */
export function localTime(iso: string): string {
  return formatLocalDateTime(iso);
}

const JAPANESE_TEXT = /[\u3040-\u30ff\u4e00-\u9fff]/;

/**
 * One line for an error: `musubi: <message> (<where>)`. Messages the CLI writes are already in the
 * user's language; messages from core are English, so in Japanese a Japanese lead says what kind
 * of error it is ("見つかりません: …") before the English details.
 */
export function errorLine(error: MusubiError): string {
  const where = error.where ? ` (${error.where})` : '';
  const needsLead = cliLanguageInUse() === 'ja' && !JAPANESE_TEXT.test(error.message);
  const lead = needsLead ? `${t(`errorCode.${error.code}`)}: ` : '';
  return `musubi: ${lead}${error.message}${where}`;
}

/** Commander's own words around our texts: the help option and the help command. */
export function helpTexts(): { option: string; command: string } {
  return { option: t('program.help'), command: t('program.helpCommand') };
}
