import { useState } from 'react';

/**
 * A checkbox saved at once to the station: the answer clicked shows at once and stays until the
 * station's answer for it changes (the screen re-reads after the change notice, which may come
 * before or after the call returns), so the box never flicks back to the old state in between; a
 * failed save shows the station's answer again.
 */
export function useClickedAnswer<T>(stationAnswer: boolean, save: (next: boolean) => Promise<T>, onSaved?: (saved: T) => void) {
  /** What was clicked, and the station's answer it was clicked over. */
  const [clicked, setClicked] = useState<{ value: boolean; over: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const checked = clicked && clicked.over === stationAnswer ? clicked.value : stationAnswer;
  const change = (next: boolean): void => {
    setClicked({ value: next, over: stationAnswer });
    setBusy(true);
    void save(next)
      .then(
        (saved) => onSaved?.(saved),
        () => setClicked(null),
      )
      .finally(() => setBusy(false));
  };
  return { checked, busy, change };
}
