import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BadgeSizeOptions } from '../../../components/BadgeSizeOptions';
import type { PrinterView, PrintSettings } from '../../../../../shared/api/methods/badges';
import { BADGE_SIZES, type BadgeSize } from '../../../../../shared/domain/settings';
import { useApi } from '../../../api/context';
import { JobProgressBar } from '../../../components/JobProgressBar';
import { useJobProgress } from '../../../hooks/useJobProgress';
import { useErrorMessage } from '../../../hooks/useErrorMessage';
import { savePdf } from '../../../pdf-file';
import { printFailureText } from '../../staff/print-failure';

/**
 * This station's printer, badge size and auto-print (kept on this station only), a test print,
 * and the files to prepare before the event: all badges on A4 sheets and the legend poster.
 */
export function BadgePanel() {
  const api = useApi();
  const [settings, setSettings] = useState<PrintSettings>();
  const [printers, setPrinters] = useState<PrinterView[]>([]);
  useEffect(() => {
    void api.getPrintSettings().then(setSettings, () => undefined);
    void api.listPrinters().then(setPrinters, () => setPrinters([]));
  }, [api]);
  if (!settings) return null;
  return <BadgePanelFields initial={settings} printers={printers} />;
}

function BadgePanelFields({ initial, printers }: { initial: PrintSettings; printers: PrinterView[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const [printer, setPrinter] = useState(initial.printer);
  const [badgeSize, setBadgeSize] = useState<BadgeSize | ''>(initial.badgeSize);
  const [autoPrint, setAutoPrint] = useState(initial.autoPrint);
  const [ticketQr, setTicketQr] = useState(initial.ticketQr);
  const [eventSize, setEventSize] = useState<BadgeSize>(initial.badgeSize ? 'card' : initial.effectiveSize);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const job = useJobProgress();

  useEffect(() => {
    void api.getEvent().then((event) => setEventSize(event.badgeSize), () => undefined);
  }, [api]);

  const describe = (error: unknown): string => printFailureText(error, (key, values) => t(key, values ?? {}), errorMessage);

  async function run(action: () => Promise<string>): Promise<void> {
    setBusy(true);
    try {
      setMessage(await action());
    } catch (error) {
      setMessage(describe(error));
    } finally {
      setBusy(false);
    }
  }

  const save = (event: FormEvent): Promise<void> => {
    event.preventDefault();
    return run(async () => {
      await api.updatePrintSettings({ printer, badgeSize, autoPrint, ticketQr });
      return t('badges.saved');
    });
  };

  // A printer saved earlier that the OS no longer lists stays selectable, so it is not lost silently.
  const names = printers.map((p) => p.name);
  const options = printer && !names.includes(printer) ? [...printers, { name: printer, isDefault: false, state: '?' }] : printers;

  return (
    <form className="panel badge-panel" onSubmit={(event) => void save(event)}>
      <h2>{t('badges.panelTitle')}</h2>
      <label>
        {t('badges.printer')}
        <select value={printer} onChange={(event) => setPrinter(event.target.value)}>
          <option value="">{t('badges.choosePrinter')}</option>
          {options.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
              {p.isDefault ? t('badges.defaultPrinter') : ''}
            </option>
          ))}
        </select>
      </label>
      {printers.length === 0 && <p className="muted">{t('badges.noPrinters')}</p>}
      <label>
        {t('badges.eventSizeLabel')}
        <select
          value={eventSize}
          onChange={(event) => {
            const size = event.target.value as BadgeSize;
            setEventSize(size);
            void run(async () => {
              await api.updateEvent({ badgeSize: size });
              return t('badges.saved');
            });
          }}
        >
          <BadgeSizeOptions />
        </select>
      </label>
      <label>
        {t('badges.size')}
        <select value={badgeSize} onChange={(event) => setBadgeSize(event.target.value as BadgeSize | '')}>
          <option value="">{t('badges.eventSize', { size: t(`badges.sizes.${eventSize}`) })}</option>
          {BADGE_SIZES.filter((size) => size !== 'a4-sheet').map((size) => (
            <option key={size} value={size}>
              {t(`badges.sizes.${size}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={autoPrint} onChange={(event) => setAutoPrint(event.target.checked)} />
        {t('badges.autoPrint')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={ticketQr} onChange={(event) => setTicketQr(event.target.checked)} />
        {t('badges.ticketQr')}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('badges.save')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await api.updatePrintSettings({ printer, badgeSize, autoPrint, ticketQr });
              const { printer: name } = await api.printTestBadge();
              return t('badges.testPrinted', { printer: name });
            })
          }
        >
          {t('badges.testPrint')}
        </button>
      </div>
      <h3>{t('badges.downloads')}</h3>
      <div className="actions wrap">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const { pdfBase64 } = await job.follow((progressId) => api.allBadgesPdf({ size: 'a4-sheet', progressId }));
              savePdf(pdfBase64, 'badges-a4.pdf');
              return t('badges.downloaded', { file: 'badges-a4.pdf' });
            })
          }
        >
          {t('badges.allBadges')}
        </button>
        {(['a4', 'a3'] as const).map((paper) => (
          <button
            key={paper}
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const { pdfBase64 } = await api.legendPdf({ paper });
                savePdf(pdfBase64, `legend-${paper}.pdf`);
                return t('badges.downloaded', { file: `legend-${paper}.pdf` });
              })
            }
          >
            {paper === 'a4' ? t('badges.legendA4') : t('badges.legendA3')}
          </button>
        ))}
      </div>
      <JobProgressBar progress={job.progress} />
      {message && <p role="status">{message}</p>}
    </form>
  );
}
