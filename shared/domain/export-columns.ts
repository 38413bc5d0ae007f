/**
 * The columns of the attendance export (CSV, XLSX, PDF), in the order they are written.
 * E-mail is personal contact data an organizer rarely needs on a roster, so it is off by default.
 */
export const EXPORT_COLUMNS = [
  'ticketCode',
  'name',
  'nameKana',
  'company',
  'title',
  'industry',
  'goals',
  'email',
  'status',
  'checkedInAt',
  'station',
  'badgePrints',
  'conflict',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export const DEFAULT_EXPORT_COLUMNS: ExportColumn[] = EXPORT_COLUMNS.filter((c) => c !== 'email');

export const EXPORT_FORMATS = ['csv', 'csv-sjis', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Headers and fixed words of the export, in the organizer's language. */
export const EXPORT_HEADERS: Record<'ja' | 'en', Record<ExportColumn, string>> = {
  ja: {
    ticketCode: '受付番号',
    name: '氏名',
    nameKana: 'ふりがな',
    company: '会社名',
    title: '役職',
    industry: '業種',
    goals: '参加目的',
    email: 'メールアドレス',
    status: '受付状況',
    checkedInAt: '受付時刻',
    station: '受付場所',
    badgePrints: '名札印刷数',
    conflict: '重複受付',
  },
  en: {
    ticketCode: 'Ticket code',
    name: 'Name',
    nameKana: 'Reading',
    company: 'Company',
    title: 'Title',
    industry: 'Industry',
    goals: 'Goals',
    email: 'E-mail',
    status: 'Status',
    checkedInAt: 'Checked in at',
    station: 'Station',
    badgePrints: 'Badge prints',
    conflict: 'Conflict',
  },
};

export type AttendanceStatus = 'checked-in' | 'not-checked-in' | 'walk-in';

export const STATUS_WORDS: Record<'ja' | 'en', Record<AttendanceStatus, string>> = {
  ja: { 'checked-in': '受付済', 'not-checked-in': '未受付', 'walk-in': '当日参加' },
  en: { 'checked-in': 'Checked in', 'not-checked-in': 'Not checked in', 'walk-in': 'Walk-in' },
};

export const CONFLICT_WORDS: Record<'ja' | 'en', string> = { ja: 'あり', en: 'Yes' };
