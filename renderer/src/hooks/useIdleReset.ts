import { useEffect, useRef } from 'react';

/**
 * Calls `onIdle` after `ms` without a key press, pointer or touch while `active` — a kiosk must not
 * leave the previous attendee's card on screen for the next person.
 */
export function useIdleReset(active: boolean, ms: number, onIdle: () => void): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  });
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => latest.current(), ms);
    const restart = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), ms);
    };
    const events = ['keydown', 'pointerdown', 'touchstart'] as const;
    for (const name of events) window.addEventListener(name, restart);
    return () => {
      clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, restart);
    };
  }, [active, ms]);
}
