import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BadgeSizeOptions } from '../../../components/BadgeSizeOptions';
import { BADGE_QR_CHOICES, type BadgeDesign, type BadgeFieldChoices } from '../../../../../shared/domain/badge-design';
import { BADGE_SIZES, type BadgeSize, type EventSettings } from '../../../../../shared/domain/settings';
import { useApi } from '../../../api/context';
import { useErrorMessage } from '../../../hooks/useErrorMessage';
import { useLiveQuery } from '../../../hooks/useLiveQuery';
import { pdfObjectUrl } from '../../../pdf-file';
import { fileToBase64 } from '../import/read-file';
import { logoRefusalText } from './logo-refusal';

const QR_LABELS = { none: 'badgeDesign.qrNone', ticket: 'badgeDesign.qrTicket', vcard: 'badgeDesign.qrVcard' } as const;
const FIELD_LABELS = { company: 'badgeDesign.company', title: 'badgeDesign.jobTitle', nickname: 'badgeDesign.nickname', lookingFor: 'badgeDesign.lookingFor' } as const;

/**
 * What the badges show (event name, logo, and per size which fields and which QR), with the real
 * badge PDF beside the choices. The draft is previewed as it changes and only saved on "Save".
 */
export function BadgeDesignPanel() {
  const { data: settings } = useLiveQuery((api) => api.getEvent());
  if (!settings) return null;
  return <BadgeDesignFields settings={settings} />;
}

function BadgeDesignFields({ settings }: { settings: EventSettings }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<BadgeDesign>(settings.badgeDesign);
  const [size, setSize] = useState<BadgeSize>(settings.badgeSize);
  const [sample, setSample] = useState<'ja' | 'latin'>('ja');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);

  const shown = useRef<string>(undefined);
  useEffect(
    () => () => {
      if (shown.current) URL.revokeObjectURL(shown.current);
    },
    [],
  );

  const unsaved = JSON.stringify(draft) !== JSON.stringify(settings.badgeDesign);
  const choices = draft.sizes[size];
  const logo = settings.badgeLogo;

  // The preview follows the draft, the size, the sample person, the logo and the event's name.
  useEffect(() => {
    let active = true;
    const timer = setTimeout(() => {
      api.badgePreview({ size, sample, design: draft }).then(
        (badge) => {
          if (!active) return;
          const made = pdfObjectUrl(badge.pdfBase64);
          if (shown.current) URL.revokeObjectURL(shown.current);
          shown.current = made;
          setPreview(made);
        },
        (error: unknown) => active && setMessage(errorMessage(error)),
      );
    }, 200);
    return () => {
      active = false;
      clearTimeout(timer);
    };
    // errorMessage is a new function each render; the inputs that change the badge are listed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, draft, size, sample, logo?.sha256, settings.eventName, settings.industries, settings.goals]);

  const setChoice = (change: Partial<BadgeFieldChoices>): void =>
    setDraft((current) => ({ ...current, sizes: { ...current.sizes, [size]: { ...current.sizes[size], ...change } } }));

  async function run(action: () => Promise<string>, describe: (error: unknown) => string = errorMessage): Promise<void> {
    setBusy(true);
    try {
      setMessage(await action());
    } catch (error) {
      setMessage(describe(error));
    } finally {
      setBusy(false);
    }
  }

  const chooseLogo = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    void run(
      async () => {
        await api.setBadgeLogo({ dataBase64: await fileToBase64(file) });
        return t('badgeDesign.logoSaved');
      },
      (error) => logoRefusalText(error, (key, values) => t(key, values ?? {}), errorMessage),
    );
  };

  return (
    <section className="panel badge-design-panel" aria-labelledby="badge-design-title">
      <h2 id="badge-design-title">{t('badgeDesign.title')}</h2>
      <p className="muted">{t('badgeDesign.intro')}</p>
      <div className="badge-design">
        <div className="badge-design-choices">
          <label className="checkbox">
            <input type="checkbox" checked={draft.showEventName} onChange={(event) => setDraft({ ...draft, showEventName: event.target.checked })} />
            {t('badgeDesign.eventName')}
          </label>
          {draft.showEventName && !settings.eventName.trim() && <p className="muted">{t('badgeDesign.noEventName')}</p>}

          <fieldset>
            <legend>{t('badgeDesign.logo')}</legend>
            <p className="muted">{logo ? t('badgeDesign.logoNow', { mime: logo.mime === 'image/png' ? 'PNG' : 'JPEG', width: logo.width, height: logo.height, size: Math.ceil(logo.bytes / 1024) }) : t('badgeDesign.logoNone')}</p>
            <input ref={fileInput} type="file" accept="image/png,image/jpeg" hidden onChange={chooseLogo} aria-label={t('badgeDesign.chooseLogo')} />
            <div className="actions wrap">
              <button type="button" className="secondary" disabled={busy} onClick={() => fileInput.current?.click()}>
                {t('badgeDesign.chooseLogo')}
              </button>
              {logo && (
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      await api.clearBadgeLogo();
                      return t('badgeDesign.logoRemoved');
                    })
                  }
                >
                  {t('badgeDesign.removeLogo')}
                </button>
              )}
            </div>
            <p className="muted small">{t('badgeDesign.logoHint')}</p>
          </fieldset>

          <label>
            {t('badgeDesign.size')}
            <select value={size} onChange={(event) => setSize(event.target.value as BadgeSize)}>
              <BadgeSizeOptions />
            </select>
          </label>

          <fieldset>
            <legend>{t('badgeDesign.fields')}</legend>
            {(['company', 'title', 'nickname', 'lookingFor'] as const).map((field) => (
              <label key={field} className="checkbox">
                <input type="checkbox" checked={choices[field]} onChange={(event) => setChoice({ [field]: event.target.checked })} />
                {t(FIELD_LABELS[field])}
              </label>
            ))}
            <div role="radiogroup" aria-label={t('badgeDesign.qr')} className="badge-design-qr">
              <span>{t('badgeDesign.qr')}</span>
              {BADGE_QR_CHOICES.map((qr) => (
                <label key={qr} className="checkbox">
                  <input type="radio" name="badge-qr" checked={choices.qr === qr} onChange={() => setChoice({ qr })} />
                  {t(QR_LABELS[qr])}
                </label>
              ))}
            </div>
            {choices.qr === 'vcard' && <p className="muted small">{t('badgeDesign.qrVcardHint')}</p>}
            <p className="muted small">{t('badgeDesign.always')}</p>
            <button
              type="button"
              className="link"
              onClick={() => setDraft({ ...draft, sizes: Object.fromEntries(BADGE_SIZES.map((s) => [s, choices])) as BadgeDesign['sizes'] })}
            >
              {t('badgeDesign.copyToAll')}
            </button>
          </fieldset>

          <div className="actions wrap">
            <button
              type="button"
              className="primary"
              disabled={busy || !unsaved}
              onClick={() =>
                void run(async () => {
                  await api.updateEvent({ badgeDesign: draft });
                  return t('badgeDesign.saved');
                })
              }
            >
              {t('badgeDesign.save')}
            </button>
            {unsaved && <span className="tag">{t('badgeDesign.unsaved')}</span>}
          </div>
          {message && <p role="status">{message}</p>}
        </div>

        <div className="badge-design-preview">
          <label>
            {t('badgeDesign.sample')}
            <select value={sample} onChange={(event) => setSample(event.target.value as 'ja' | 'latin')}>
              <option value="ja">{t('badgeDesign.sampleJa')}</option>
              <option value="latin">{t('badgeDesign.sampleLatin')}</option>
            </select>
          </label>
          {preview ? (
            <iframe src={`${preview}#toolbar=0&navpanes=0&view=Fit`} title={t('badgeDesign.previewTitle')} />
          ) : (
            <p className="muted">{t('badgeDesign.previewLoading')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
