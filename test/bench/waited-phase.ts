/**
 * Files a desk request under the phase whose work it waited on, for door-busy's opt-in figures.
 * A request is sent in one phase but may wait on the next one's first long step (or on what the
 * station still does for a phase whose call has answered, while the next one starts): it is filed
 * under the phase whose stretch of time holds most of its wait, from send to answer.
 */
export interface PhaseSpan {
  name: string;
  /** When the phase's work was started (performance.now()). Phases follow each other without gaps. */
  start: number;
}

/**
 * `spans` in order of start; each lasts until the next one starts, the first from the beginning
 * (the warm-up's requests) and the last for ever (what runs after it is its aftermath). Equal
 * shares go to the later phase; a wait of no length goes to the phase it fell in.
 */
export function waitedPhase(spans: readonly PhaseSpan[], sent: number, answered: number): string | undefined {
  let best: string | undefined;
  let bestShare = 0;
  for (let i = 0; i < spans.length; i++) {
    const start = i === 0 ? Number.NEGATIVE_INFINITY : spans[i]!.start;
    const end = spans[i + 1]?.start ?? Number.POSITIVE_INFINITY;
    const share = Math.min(end, answered) - Math.max(start, sent);
    const holdsSend = sent >= start && sent < end;
    if (share > bestShare || (share === bestShare && share > 0) || (best === undefined && holdsSend)) {
      best = spans[i]!.name;
      bestShare = Math.max(share, bestShare);
    }
  }
  return best;
}
