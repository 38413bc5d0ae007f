import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PAIR_PAGE_PATH } from '../../../../shared/api/http-routes';
import { MusubiError } from '../../../../shared/errors';
import { stationSession } from '../../api/session-http';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/** The code a pairing link carries: `/pair#code=7KQ2-MX9D`. */
function codeFromLocation(): string {
  if (window.location.pathname !== PAIR_PAGE_PATH) return '';
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('code') ?? '';
}

/**
 * What an unpaired browser sees: the pairing code (typed, or carried by the QR's link) and the
 * organizer login. Once the station has set the session cookie, the page starts again at "/",
 * where the station's answer to whoAmI decides the screen.
 */
export function PairScreen() {
  const { t } = useTranslation();
  const [code, setCode] = useState(codeFromLocation);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState('');
  const fromLink = useRef(code !== '');

  const done = (): void => window.location.replace('/');
  async function pair(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    setMessage('');
    try {
      await stationSession.pair(code);
      done();
    } catch {
      setMessage(t('access.pair.failed'));
    }
  }
  async function login(event: FormEvent): Promise<void> {
    event.preventDefault();
    setMessage('');
    try {
      await stationSession.login(pin);
      done();
    } catch (error) {
      setMessage(t('access.login.failed', { message: error instanceof MusubiError ? error.message : '' }));
    }
  }
  useEffect(() => {
    // Opened from the QR code: pair straight away, no typing on the tablet.
    if (fromLink.current) {
      fromLink.current = false;
      void pair();
    }
  });

  return (
    <main className="pair-screen">
      <LanguageSwitch />
      <section className="panel" aria-labelledby="pair-title">
        <h1 id="pair-title">{t('access.pair.title')}</h1>
        <p>{t('access.pair.intro')}</p>
        <form onSubmit={(event) => void pair(event)}>
          <label>
            {t('access.pair.codeLabel')}
            <input value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="XXXX-XXXX" />
          </label>
          <button type="submit" className="primary" disabled={code.trim() === ''}>
            {t('access.pair.submit')}
          </button>
        </form>
      </section>
      <section className="panel" aria-labelledby="login-title">
        <h2 id="login-title">{t('access.login.title')}</h2>
        <form onSubmit={(event) => void login(event)}>
          <label>
            {t('access.login.pinLabel')}
            <input type="password" value={pin} onChange={(event) => setPin(event.target.value)} autoComplete="current-password" />
          </label>
          <button type="submit" className="secondary" disabled={pin === ''}>
            {t('access.login.submit')}
          </button>
        </form>
      </section>
      {message && <p role="alert">{message}</p>}
    </main>
  );
}
