import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PAIRABLE_ROLES, type DevicePairing, type PairableRole } from '../../../../../shared/api/methods/devices';
import { useApi } from '../../../api/context';
import { useSession } from '../../../api/session';
import { formatTime } from '../../../format';
import { useActionMessage } from '../../../hooks/useActionMessage';
import { useLiveQuery } from '../../../hooks/useLiveQuery';
import { useQrCode } from '../../../hooks/useQrCode';

function PairingCode({ pairing }: { pairing: DevicePairing }) {
  const { t, i18n } = useTranslation();
  const link = pairing.pairUrls[0];
  const qr = useQrCode(link);
  // No links: the station serves this machine only, so a tablet could not open one.
  const reachable = link !== undefined;
  return (
    <div className="pairing">
      {qr && reachable && <img src={qr} alt={t('access.devices.qrAlt')} />}
      <div className="pairing-text">
        <h3>{t('access.devices.codeFor', { role: t(`access.roles.${pairing.role}`) })}</h3>
        <p className="pairing-code mono" aria-label={t('access.devices.codeLabel')}>
          {pairing.code}
        </p>
        <p className="muted">{t('access.devices.expires', { time: formatTime(pairing.expiresAt, i18n.language) })}</p>
        {reachable ? pairing.pairUrls.map((url) => <p key={url} className="mono">{url.replace(/#.*$/, '')}</p>) : <p>{t('access.devices.loopbackOnly')}</p>}
      </div>
    </div>
  );
}

/**
 * Organizer: pair a tablet for one role (a one-time code, as text and as a QR of the pairing
 * link), the devices paired so far with a way to revoke each, and the staff PIN that unlocks a
 * self check-in screen.
 */
export function DevicesPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { state, refresh } = useSession();
  const [role, setRole] = useState<PairableRole>('kiosk');
  const [label, setLabel] = useState('');
  const [pairing, setPairing] = useState<DevicePairing>();
  const [staffPin, setStaffPin] = useState('');
  const { message, run } = useActionMessage();
  const [version, setVersion] = useState(0);
  const { data: sessions } = useLiveQuery((client) => client.listDeviceSessions(), String(version));

  const create = (event: FormEvent): void => {
    event.preventDefault();
    void run(async () => {
      setPairing(await api.createDevicePairing({ role, label: label.trim() || undefined }));
      setVersion((v) => v + 1);
    }, '');
  };
  const saveStaffPin = (event: FormEvent): void => {
    event.preventDefault();
    void run(async () => {
      await api.setStaffPin({ pin: staffPin });
      setStaffPin('');
      await refresh();
    }, t('access.devices.staffPinSaved'));
  };
  const revoke = (id: string): void =>
    void run(async () => {
      await api.revokeDeviceSession({ id });
      setVersion((v) => v + 1);
    }, t('access.devices.revoked'));

  return (
    <section className="panel devices-panel" aria-labelledby="devices-title">
      <h2 id="devices-title">{t('access.devices.title')}</h2>
      <p className="muted">{t('access.devices.intro')}</p>
      <form onSubmit={create} className="row">
        <label>
          {t('access.devices.roleLabel')}
          <select value={role} onChange={(event) => setRole(event.target.value as PairableRole)}>
            {PAIRABLE_ROLES.map((name) => (
              <option key={name} value={name}>
                {t(`access.roles.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('access.devices.nameLabel')}
          <input value={label} onChange={(event) => setLabel(event.target.value)} placeholder={t('access.devices.namePlaceholder')} maxLength={60} />
        </label>
        <button type="submit" className="primary">
          {t('access.devices.create')}
        </button>
      </form>
      {pairing && <PairingCode pairing={pairing} />}

      <h3>{t('access.devices.listTitle')}</h3>
      {sessions && sessions.length === 0 && <p>{t('access.devices.none')}</p>}
      {sessions && sessions.length > 0 && (
        <table className="devices-table">
          <thead>
            <tr>
              <th>{t('access.devices.name')}</th>
              <th>{t('access.devices.role')}</th>
              <th>{t('access.devices.since')}</th>
              <th>{t('access.devices.lastSeen')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <td>
                  {session.label} {session.current && t('access.devices.thisDevice')}
                </td>
                <td>{t(`access.roles.${session.role}`)}</td>
                <td>{formatTime(session.createdAt, i18n.language)}</td>
                <td>{formatTime(session.lastSeenAt, i18n.language)}</td>
                <td>
                  <button type="button" className="secondary" onClick={() => revoke(session.id)}>
                    {t('access.devices.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form onSubmit={saveStaffPin}>
        <h3>{t('access.devices.staffPinTitle')}</h3>
        <p className="muted">
          {t('access.devices.staffPinHelp')}{' '}
          {state.status === 'ready' && (state.who.staffPinSet ? t('access.devices.staffPinSet') : t('access.devices.staffPinNotSet'))}
        </p>
        <label>
          {t('access.unlock.pinLabel')}
          <input type="password" value={staffPin} onChange={(event) => setStaffPin(event.target.value)} autoComplete="new-password" minLength={4} />
        </label>
        <button type="submit" className="secondary" disabled={staffPin.length < 4}>
          {t('access.devices.staffPinSave')}
        </button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
