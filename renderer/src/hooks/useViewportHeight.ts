import { useEffect, useState } from 'react';

/** The window's inner height in CSS pixels, following resizes (a projector switched on, full screen). */
export function useViewportHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const follow = (): void => setHeight(window.innerHeight);
    window.addEventListener('resize', follow);
    return () => window.removeEventListener('resize', follow);
  }, []);
  return height;
}
