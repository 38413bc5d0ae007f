/** The languages the `musubi` command speaks. */
export const CLI_LANGUAGES = ['ja', 'en'] as const;
export type CliLanguage = (typeof CLI_LANGUAGES)[number];

/**
 * The language to answer in: `--lang` on the command line, else MUSUBI_LANG, else the locale the
 * shell sets (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them). Any Japanese locale
 * (ja_JP.UTF-8, ja_JP.eucJP, ja) gives Japanese; anything else, or none, English.
 */
export function cliLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliLanguage {
  const fromFlag = langFlag(argv);
  if (fromFlag) return fromFlag;
  for (const name of ['MUSUBI_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return /^ja\b|^ja[_-]/i.test(value) ? 'ja' : 'en';
  }
  return 'en';
}

/** `--lang ja`, `--lang=en`; an unknown value is left to the option's own parser to refuse. */
function langFlag(argv: readonly string[]): CliLanguage | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') return undefined;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'ja' || value === 'en') return value;
  }
  return undefined;
}
