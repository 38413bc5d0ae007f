import { describe, expect, it } from 'vitest';
import { cliLanguage } from '../../electron/cli/i18n/language';
import { en, ja } from '../../electron/cli/i18n/messages';
import { formatLocalDateTime } from '../../shared/text/local-time';

describe('the CLI language', () => {
  it.each([
    { argv: ['import', 'a.csv'], env: {}, expected: 'en' },
    { argv: ['import', 'a.csv'], env: { LANG: 'ja_JP.UTF-8' }, expected: 'ja' },
    { argv: ['import', 'a.csv'], env: { LANG: 'ja_JP.eucJP' }, expected: 'ja' },
    { argv: ['import', 'a.csv'], env: { LANG: 'ja' }, expected: 'ja' },
    { argv: ['import', 'a.csv'], env: { LANG: 'C.UTF-8' }, expected: 'en' },
    { argv: ['import', 'a.csv'], env: { LANG: 'jam_JM' }, expected: 'en' },
    // POSIX order: LC_ALL over LC_MESSAGES over LANG; an empty variable does not count.
    { argv: ['search', 'x'], env: { LC_ALL: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' }, expected: 'en' },
    { argv: ['search', 'x'], env: { LC_ALL: '', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_GB' }, expected: 'ja' },
    { argv: ['search', 'x'], env: { MUSUBI_LANG: 'en', LC_ALL: 'ja_JP.UTF-8' }, expected: 'en' },
    // --lang wins, before or after the command, with a space or "=".
    { argv: ['--lang', 'ja', 'search', 'x'], env: { LANG: 'en_US' }, expected: 'ja' },
    { argv: ['search', 'x', '--lang=en'], env: { LANG: 'ja_JP.UTF-8' }, expected: 'en' },
    // Not a language flag: a query after "--", an unknown value (commander refuses it).
    { argv: ['search', '--', '--lang', 'ja'], env: {}, expected: 'en' },
    { argv: ['search', 'x', '--lang', 'fr'], env: { LANG: 'ja_JP.UTF-8' }, expected: 'ja' },
  ])('$argv with $env speaks $expected', ({ argv, env, expected }) => {
    expect(cliLanguage(argv, env)).toBe(expected);
  });

  it('has every English message in Japanese, with the same placeholders', () => {
    const flatten = (value: object, prefix = ''): [string, string][] =>
      Object.entries(value).flatMap(([key, inner]) =>
        typeof inner === 'string' ? [[prefix + key, inner] as [string, string]] : flatten(inner as object, `${prefix}${key}.`),
      );
    const english = new Map(flatten(en));
    const japanese = new Map(flatten(ja));
    expect([...japanese.keys()].sort()).toEqual([...english.keys()].sort());
    const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
    for (const [key, text] of english) {
      expect(placeholders(japanese.get(key) ?? ''), key).toEqual(placeholders(text));
      expect(japanese.get(key), key).not.toBe('');
    }
  });
});

describe('local times with their offset', () => {
  const moment = '2026-12-01T22:05:09.123Z';
  it.each([
    { zone: 'Asia/Tokyo', expected: '2026-12-02 07:05:09 +09:00' },
    { zone: 'UTC', expected: '2026-12-01 22:05:09 +00:00' },
    { zone: 'America/New_York', expected: '2026-12-01 17:05:09 -05:00' },
    { zone: 'Asia/Kolkata', expected: '2026-12-02 03:35:09 +05:30' },
  ])('reads $expected in $zone', ({ zone, expected }) => {
    expect(formatLocalDateTime(moment, zone)).toBe(expected);
  });

  it('follows summer time and midnight', () => {
    expect(formatLocalDateTime('2026-07-01T04:00:00Z', 'America/New_York')).toBe('2026-07-01 00:00:00 -04:00');
  });

  it('leaves a text that is not a time as it is', () => {
    expect(formatLocalDateTime('not a time')).toBe('not a time');
  });
});
