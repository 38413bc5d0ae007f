import { DEFAULT_BADGE_DESIGN } from './badge-design';
import type { EventAssets, EventSettings, Goal, Industry } from './settings';

/**
 * Default industries. The first eight colours are the Okabe–Ito colour-blind-safe set; the other
 * five were chosen to stay as far as possible from them and from each other, for normal vision and
 * under simulated deuteranopia, protanopia and tritanopia (test/unit/palette.test.ts checks the
 * CIEDE2000 distances). The label always accompanies the colour on a badge, so colour is never the
 * only cue (WCAG 1.4.1).
 */
export const DEFAULT_INDUSTRIES: Industry[] = [
  { id: 'it', ja: 'IT・通信', en: 'IT & Telecom', color: '#0072B2' },
  { id: 'manufacturing', ja: '製造', en: 'Manufacturing', color: '#E69F00' },
  { id: 'finance', ja: '金融・保険', en: 'Finance & Insurance', color: '#009E73' },
  { id: 'healthcare', ja: '医療・ヘルスケア', en: 'Healthcare', color: '#CC79A7' },
  { id: 'education', ja: '教育・研究', en: 'Education & Research', color: '#56B4E9' },
  { id: 'public', ja: '行政・公共', en: 'Government & Public', color: '#4D0099' },
  { id: 'retail', ja: '小売・流通', en: 'Retail & Distribution', color: '#D55E00' },
  { id: 'real-estate', ja: '不動産・建設', en: 'Real Estate & Construction', color: '#B30033' },
  { id: 'energy', ja: 'エネルギー・環境', en: 'Energy & Environment', color: '#004D00' },
  { id: 'media', ja: 'メディア・広告', en: 'Media & Advertising', color: '#F0E442' },
  { id: 'food', ja: '食品・農業', en: 'Food & Agriculture', color: '#B3FFE6' },
  { id: 'student', ja: '学生', en: 'Student', color: '#000000' },
  { id: 'other', ja: 'その他', en: 'Other', color: '#CCCCE6' },
];

/** Default goals: the reasons people come to a 異業種交流会 (new ideas, a wider network, partners, …). */
export const DEFAULT_GOALS: Goal[] = [
  { id: 'ideas', ja: 'アイデア創出', en: 'New ideas', mark: 'star' },
  { id: 'network', ja: '人脈拡大', en: 'Wider network', mark: 'circle' },
  { id: 'hiring', ja: '採用', en: 'Hiring', mark: 'square' },
  { id: 'job', ja: '転職・就職', en: 'Job seeking', mark: 'triangle' },
  { id: 'partners', ja: '協業・パートナー探し', en: 'Partners', mark: 'diamond' },
  { id: 'learning', ja: '情報収集', en: 'Learning', mark: 'hexagon' },
];

export const DEFAULT_EVENT_SETTINGS: EventSettings = {
  eventName: '',
  eventDate: '',
  industries: DEFAULT_INDUSTRIES,
  goals: DEFAULT_GOALS,
  badgeSize: 'card',
  answerMap: { industries: {}, goals: {} },
  badgeDesign: DEFAULT_BADGE_DESIGN,
  badgeLogo: null,
  checkinLists: [],
};

/** No logo until the organizer uploads one. */
export const DEFAULT_EVENT_ASSETS: EventAssets = { badgeLogoImage: '' };
