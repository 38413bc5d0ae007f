import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { access } from './topics/access';
import { dashboard } from './topics/dashboard';
import { exportTopic } from './topics/export';
import { ja } from './ja';
import { importMessages } from './topics/import';
import { sync } from './topics/sync';
import { badges } from './topics/badges';
import { badgeDesign } from './topics/badge-design';
import { partners } from './topics/partners';
import { door } from './topics/door';
import { roster } from './topics/roster';
import { jobs } from './topics/jobs';
import { kiosk } from './topics/kiosk';
import { lists } from './topics/lists';

export const LANGUAGES = [
  { code: 'ja', label: '日本語' },
  { code: 'en', label: 'English' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

/**
 * Topic message files (./topics/<topic>.ts, each `{ en, ja }`), mounted under their topic name.
 * Add a topic: one line in TOPICS.
 */
const TOPICS: Record<string, { en: object; ja: object }> = {
  dashboard,
  export: exportTopic,
  import: importMessages,
  sync,
  badges,
  badgeDesign,
  access,
  partners,
  door,
  roster,
  jobs,
  kiosk,
  lists,
};

function topicMessages(language: 'en' | 'ja'): Record<string, object> {
  return Object.fromEntries(Object.entries(TOPICS).map(([name, messages]) => [name, messages[language]]));
}

const STORAGE_KEY = 'musubi.language';

function savedLanguage(): LanguageCode {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'ja';
}

/** Japanese is the default; the choice is remembered per browser or station. */
export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: {
      ja: { translation: { ...ja, ...topicMessages('ja') } },
      en: { translation: { ...en, ...topicMessages('en') } },
    },
    lng: savedLanguage(),
    fallbackLng: 'ja',
    interpolation: { escapeValue: false },
  });
  i18next.on('languageChanged', (lng) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
