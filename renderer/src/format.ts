/** "18:03" in the station's time zone: staff read times, not dates, at the door. */
export function formatTime(iso: string, language: string): string {
  return new Date(iso).toLocaleTimeString(language === 'en' ? 'en-GB' : 'ja-JP', { hour: '2-digit', minute: '2-digit' });
}

