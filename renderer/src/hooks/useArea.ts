import { useEffect, useState } from 'react';
import { areaFromHash, type Area } from '../areas';

/** The current area from the URL hash, so a reload or a bookmark opens the same screen. */
export function useArea(): [Area, (area: Area) => void] {
  const [area, setArea] = useState<Area>(() => areaFromHash(window.location.hash));
  useEffect(() => {
    const onHashChange = (): void => setArea(areaFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return [area, (next: Area) => (window.location.hash = `#/${next}`)];
}
