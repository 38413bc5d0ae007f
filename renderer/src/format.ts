/** "18:03" in the station's time zone: staff read times, not dates, at the door. */
export function formatTime(iso: string, language: string): string {
  return new Date(iso).toLocaleTimeString(language === 'en' ? 'en-GB' : 'ja-JP', { hour: '2-digit', minute: '2-digit' });
}

/**
 * "100,000": a count as organizers read it, grouped in both languages. The same as the
 * `{{count, number}}` placeholders of the UI text, for a number shown on its own (a dashboard tile).
 */
export function formatCount(count: number, language: string): string {
  return count.toLocaleString(language === 'en' ? 'en-GB' : 'ja-JP');
}
