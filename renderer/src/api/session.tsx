import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { WhoAmI } from '../../../shared/api/methods/devices';
import { MusubiError } from '../../../shared/errors';
import { useApi } from './context';
import { SESSION_LOST_EVENT } from './http-transport';

export type SessionState =
  | { status: 'loading' }
  /** The station knows no session for this browser (never paired, or revoked). */
  | { status: 'unpaired' }
  | { status: 'ready'; who: WhoAmI }
  | { status: 'failed'; error: unknown };

interface SessionValue {
  state: SessionState;
  /** Asks the station again (after pairing, entering or leaving kiosk mode). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Which role this browser holds, as the station says (`whoAmI`); the screens follow it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const ask = useCallback(
    (): Promise<SessionState> =>
      api.whoAmI().then(
        (who): SessionState => ({ status: 'ready', who }),
        (error: unknown): SessionState => (error instanceof MusubiError && error.code === 'unauthorized' ? { status: 'unpaired' } : { status: 'failed', error }),
      ),
    [api],
  );
  const refresh = useCallback(async () => setState(await ask()), [ask]);
  useEffect(() => {
    // A session revoked while the page is open: show the pairing screen at the next refused call.
    const lost = (): void => setState({ status: 'unpaired' });
    window.addEventListener(SESSION_LOST_EVENT, lost);
    return () => window.removeEventListener(SESSION_LOST_EVENT, lost);
  }, []);
  useEffect(() => {
    let active = true;
    void ask().then((next) => {
      if (active) setState(next);
    });
    return () => {
      active = false;
    };
  }, [ask]);
  return <SessionContext.Provider value={{ state, refresh }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
