/**
 * Sounds a busy desk can tell apart without looking: one high beep for checked in, two middle
 * beeps for already checked in, one low long buzz for not found. Made with Web Audio, so no sound
 * files ship; where audio is unavailable (no device, a policy) the desk stays silent.
 */
export type FeedbackKind = 'checked-in' | 'already' | 'not-found';

const TONES: Record<FeedbackKind, { hz: number; ms: number; times: number }> = {
  'checked-in': { hz: 1320, ms: 120, times: 1 },
  already: { hz: 880, ms: 90, times: 2 },
  'not-found': { hz: 220, ms: 380, times: 1 },
};

let context: AudioContext | null = null;

export function playFeedback(kind: FeedbackKind): void {
  try {
    context ??= new AudioContext();
    const { hz, ms, times } = TONES[kind];
    const start = context.currentTime;
    for (let i = 0; i < times; i += 1) {
      const at = start + (i * ms * 1.6) / 1000;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = kind === 'not-found' ? 'square' : 'sine';
      oscillator.frequency.value = hz;
      gain.gain.setValueAtTime(0.2, at);
      gain.gain.exponentialRampToValueAtTime(0.001, at + ms / 1000);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + ms / 1000);
    }
  } catch {
    // No audio here: the colour and the words still say it.
  }
}
