/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell a spreadsheet would read as a formula
 * — one starting with = + - @, a tab or a carriage return — is written with a leading single quote,
 * so Excel and LibreOffice show it as text and never evaluate it. Registration data comes from
 * strangers' web forms, so a "name" like =HYPERLINK(...) is a real attack. Numbers we write ourselves
 * (badge prints) are numbers, not text, and are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
