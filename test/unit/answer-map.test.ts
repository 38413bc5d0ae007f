import { describe, expect, it } from 'vitest';
import { AnswerResolver, AnswerTallies, catalogueOfField, suggestCategory } from '../../electron/core/import/answer-map';
import { DEFAULT_GOALS, DEFAULT_INDUSTRIES } from '../../shared/domain/defaults';

describe('suggested categories for registration answers', () => {
  it.each([
    ['金融', 'finance'],
    ['製造業', 'manufacturing'],
    ['製造', 'manufacturing'],
    ['ＩＴ関連', 'it'],
    ['情報通信業', 'it'],
    ['銀行', 'finance'],
    ['保険業界', 'finance'],
    ['Manufacturing industry', 'manufacturing'],
    ['finance', 'finance'],
    ['不動産', 'real-estate'],
    ['建設業', 'real-estate'],
    ['医療', 'healthcare'],
    ['大学', 'education'],
    ['ソフトウェア開発', 'it'],
    ['メーカー', 'manufacturing'],
    ['官公庁', 'public'],
    ['広告代理店', 'media'],
    ['飲食業', 'food'],
    ['大学生', 'student'],
  ])('industry %s → %s', (answer, id) => {
    expect(suggestCategory(answer, DEFAULT_INDUSTRIES)).toBe(id);
  });

  it.each([
    ['人脈を広げたい', 'network'],
    ['人脈作り', 'network'],
    ['情報収集のため', 'learning'],
    ['協業先を探したい', 'partners'],
    ['採用活動', 'hiring'],
    ['転職活動', 'job'],
    ['新しいアイデアが欲しい', 'ideas'],
    ['Networking', 'network'],
    ['Find partners', 'partners'],
  ])('goal %s → %s', (answer, id) => {
    expect(suggestCategory(answer, DEFAULT_GOALS)).toBe(id);
  });

  it.each([['宇宙'], ['世界征服'], ['特になし'], [''], ['Items']])('no suggestion for %s', (answer) => {
    expect(suggestCategory(answer, DEFAULT_INDUSTRIES)).toBeUndefined();
  });

  it('makes no suggestion when an answer fits two categories equally', () => {
    // 金融 and 製造 both appear: the organizer decides.
    expect(suggestCategory('金融・製造', DEFAULT_INDUSTRIES)).toBeUndefined();
  });

  it('matches Latin hints as whole words only', () => {
    expect(suggestCategory('Recruiting', DEFAULT_INDUSTRIES)).toBeUndefined();
  });

  it('ignores okurigana: 申し込み and 申込 are one answer', () => {
    const goals = [{ id: 'apply', ja: '申込', en: 'Apply', mark: 'star' as const }, ...DEFAULT_GOALS];
    expect(suggestCategory('申し込み', goals)).toBe('apply');
  });
});

describe('resolving answers', () => {
  it('prefers the organizer’s choice, then the saved one, then the list, then a suggestion', () => {
    const resolver = new AnswerResolver(DEFAULT_INDUSTRIES, { 製造業: 'other', '金融': '' }, { 'ＩＴ': 'media' });
    expect(resolver.resolve('IT')).toMatchObject({ id: 'media', how: 'chosen' });
    expect(resolver.resolve('製造業')).toMatchObject({ id: 'other', how: 'saved' });
    expect(resolver.resolve('金融')).toMatchObject({ id: '', how: 'saved' });
    expect(resolver.resolve('ＩＴ・通信')).toMatchObject({ id: 'it', how: 'listed' });
    expect(resolver.resolve('銀行')).toMatchObject({ id: 'finance', how: 'suggested' });
    expect(resolver.resolve('宇宙')).toMatchObject({ id: undefined, how: 'none' });
  });

  it('ignores a saved choice of a category the event no longer has', () => {
    const resolver = new AnswerResolver(DEFAULT_INDUSTRIES, { 宇宙: 'space' }, {});
    expect(resolver.resolve('宇宙').how).toBe('none');
  });

  it('saves choices and used suggestions, not labels of the list, and says when nothing changes', () => {
    const resolver = new AnswerResolver(DEFAULT_INDUSTRIES, {}, { 宇宙: 'other' });
    const tallies = new AnswerTallies();
    for (const [answer, row] of [['宇宙', 2], ['宇宙', 3], ['銀行', 4], ['IT・通信', 5], ['謎', 6]] as const) {
      tallies.count('industries', 'industry', answer, resolver.resolve(answer), { row, column: '業種' });
    }
    const [first, ...rest] = tallies.all();
    expect(first).toMatchObject({ value: '宇宙', rows: 2, firstRow: 2 });
    expect(rest.map((t) => [t.value, t.rows, t.firstRow, t.resolution.how])).toEqual(
      expect.arrayContaining([['銀行', 1, 4, 'suggested'], ['IT・通信', 1, 5, 'listed'], ['謎', 1, 6, 'none']]),
    );
    const saved = tallies.mapToSave({ industries: {}, goals: {} });
    expect(saved).toEqual({ industries: { 宇宙: 'other', 銀行: 'finance' }, goals: {} });
    expect(tallies.mapToSave(saved!)).toBeUndefined();
  });

  it('reads the field names the command line accepts', () => {
    expect(['industry', 'lookingFor', 'looking-for', 'goals', 'goal', 'company'].map(catalogueOfField)).toEqual([
      'industries', 'industries', 'industries', 'goals', 'goals', undefined,
    ]);
  });
});
