/**
 * "100,000": a count as organizers read it, grouped by thousands in both languages (Japanese
 * writes 100,000 too). The same as the `{{count, number}}` placeholders of the UI and CLI text, for
 * a count written without one: a dashboard tile, the PDF roster's heading.
 */
export function formatCount(count: number, language: string): string {
  return count.toLocaleString(language === 'en' ? 'en-GB' : 'ja-JP');
}
