import type { PartnerReport } from '../../../shared/api/methods/partners';
import type { Industry } from '../../../shared/domain/settings';
import type { Cell } from './attendance-rows';

const TEXT = {
  ja: {
    sheet: '交流相手の紹介',
    headers: ['項目', '人数', ''],
    shownTo: 'おすすめを表示した人',
    crossIndustry: 'うち他業種の方を紹介された人',
    complementary: 'うち目的の合う他業種の方を紹介された人',
    consenting: '紹介への表示に同意した人',
    sector: ['業種', '探している人', '来場者'],
  },
  en: {
    sheet: 'Partner suggestions',
    headers: ['Item', 'People', ''],
    shownTo: 'People shown suggestions',
    crossIndustry: '…shown someone from another industry',
    complementary: '…shown a complementary person from another industry',
    consenting: 'People who agreed to be suggested',
    sector: ['Sector', 'Looking for it', 'Attendees from it'],
  },
};

/** The event report's partner figures as a sheet: the counts, then demand vs supply by sector. */
export function partnerSheet(report: PartnerReport, industries: readonly Industry[], language: 'ja' | 'en'): { name: string; headers: string[]; rows: Cell[][] } {
  const text = TEXT[language];
  const label = (id: string) => industries.find((i) => i.id === id)?.[language] ?? id;
  return {
    name: text.sheet,
    headers: text.headers,
    rows: [
      [text.shownTo, report.shownTo, ''],
      [text.crossIndustry, report.crossIndustry, ''],
      [text.complementary, report.complementaryCrossIndustry, ''],
      [text.consenting, report.consenting, ''],
      ['', '', ''],
      text.sector,
      ...report.demand.map((row): Cell[] => [label(row.industry), row.seeking, row.present]),
    ],
  };
}
