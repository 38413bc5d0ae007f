import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BadgeWarning } from '../../../../shared/api/methods/badges';
import type { Attendee } from '../../../../shared/domain/attendee';
import { MusubiError } from '../../../../shared/errors';
import { useApi } from '../../api/context';
import { useErrorMessage } from '../../hooks/useErrorMessage';

/** The spooler's most common refusals, said in the UI language; anything else as the OS said it. */
export function printerReason(message: string, t: (key: string, values?: Record<string, string>) => string): string {
  const stopped = /^The printer is stopped(?:: (.*?))?\.?$/.exec(message);
  if (stopped) return t('badges.reasons.stopped', { detail: stopped[1] ?? '' });
  if (/does not exist/i.test(message)) return t('badges.reasons.missing');
  if (/not accepting jobs/i.test(message)) return t('badges.reasons.notAccepting');
  if (/unable to connect|scheduler is not running|CUPS is not available/i.test(message)) return t('badges.reasons.noSpooler');
  return message;
}

export interface PrintState {
  attendee: Attendee;
  status: 'printing' | 'printed' | 'failed';
  text: string;
  warnings: string[];
}

/**
 * Printing at the desk, kept apart from checking in: the check-in is already saved when the
 * print starts, so a printer that is off or out of labels shows its reason and a Retry, and
 * never undoes or blocks the check-in.
 */
export function useBadgePrinting() {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const [state, setState] = useState<PrintState | null>(null);

  function describeWarnings(warnings: BadgeWarning[]): string[] {
    const chars = [...new Set(warnings.flatMap((w) => w.characters ?? []))];
    const lines = chars.length ? [t('badges.glyphWarning', { chars: chars.join(' ') })] : [];
    if (warnings.some((w) => w.kind === 'truncated')) lines.push(t('badges.truncatedWarning'));
    return lines;
  }

  async function print(attendee: Attendee): Promise<void> {
    setState({ attendee, status: 'printing', text: t('badges.printing'), warnings: [] });
    try {
      const outcome = await api.printBadge({ attendeeId: attendee.id });
      setState({
        attendee: outcome.attendee,
        status: 'printed',
        text: t('badges.printed', { name: attendee.name, printer: outcome.printer }),
        warnings: describeWarnings(outcome.warnings),
      });
    } catch (error) {
      const text =
        error instanceof MusubiError && error.where === 'station-printer'
          ? t('badges.noPrinter')
          : t('badges.printFailed', { reason: error instanceof MusubiError ? printerReason(error.message, (key, values) => t(key, values ?? {})) : errorMessage(error) });
      setState({ attendee, status: 'failed', text, warnings: [] });
    }
  }

  /** After a check-in: prints when this station prints on check-in. */
  async function printIfAutomatic(attendee: Attendee): Promise<void> {
    try {
      const settings = await api.getPrintSettings();
      if (settings.autoPrint) await print(attendee);
    } catch {
      // Reading the setting failed: no automatic print, the check-in stands; Reprint still works.
    }
  }

  return { state, print, printIfAutomatic, dismiss: () => setState(null) };
}
