/**
 * Legal forms staff leave out when they type a company: 株式会社 ABC, ABC(株), ABC Inc. are all "abc".
 * Stripped from the company before indexing, and from a query when something is left after it.
 * Works on NFKC text (㈱ is already "(株)").
 */
const JAPANESE_FORMS =
  /株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|公益社団法人|一般財団法人|公益財団法人|特定非営利活動法人|npo法人|学校法人|医療法人|社会福祉法人|独立行政法人|国立大学法人|\((?:株|有|同|社|財|医|学)\)/g;
const LATIN_FORMS = /(?<![a-z0-9])(?:inc|incorporated|co|ltd|limited|llc|corp|corporation|kk|k\.k|gmbh|plc|pte|company)(?![a-z0-9])\.?,?/g;

export function stripCompanyForms(text: string): string {
  let out = text.normalize('NFKC').toLowerCase();
  if (/[会社法人(]/.test(out)) out = out.replace(JAPANESE_FORMS, ' ');
  if (/[a-z]/.test(out)) out = out.replace(LATIN_FORMS, ' ');
  return out;
}
