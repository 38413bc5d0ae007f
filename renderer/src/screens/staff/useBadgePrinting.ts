import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutoPrint, AutoPrintResult, BadgeWarning, PrintOutcome } from '../../../../shared/api/methods/badges';
import type { Attendee } from '../../../../shared/domain/attendee';
import { MusubiError } from '../../../../shared/errors';
import { useApi } from '../../api/context';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { printFailureText } from './print-failure';

export interface PrintState {
  attendee: Attendee;
  status: 'printing' | 'printed' | 'failed';
  text: string;
  warnings: string[];
}

/**
 * How the desk shows printing, kept apart from checking in: whether a badge prints after a
 * check-in is decided by the station (its setting), which starts the job and hands back an id;
 * this hook only waits for that result, or prints on request (Print, Reprint, Retry). A printer
 * that is off or out of labels shows its reason and a Retry, and never undoes the check-in.
 */
export function useBadgePrinting() {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const [state, setState] = useState<PrintState | null>(null);
  // Only the latest print's answer may change the banner (a slow earlier one arrives late).
  const latest = useRef(0);

  function describeWarnings(warnings: BadgeWarning[]): string[] {
    const chars = [...new Set(warnings.flatMap((w) => w.characters ?? []))];
    const lines = chars.length ? [t('badges.glyphWarning', { chars: chars.join(' ') })] : [];
    if (warnings.some((w) => w.kind === 'truncated')) lines.push(t('badges.truncatedWarning'));
    return lines;
  }

  async function track(attendee: Attendee, job: () => Promise<PrintOutcome | null>): Promise<void> {
    const mine = ++latest.current;
    setState({ attendee, status: 'printing', text: t('badges.printing'), warnings: [] });
    try {
      const outcome = await job();
      if (mine !== latest.current) return;
      if (!outcome) return setState(null);
      setState({
        attendee: outcome.attendee,
        status: 'printed',
        text: t('badges.printed', { name: attendee.name, printer: outcome.printer }),
        warnings: describeWarnings(outcome.warnings),
      });
    } catch (error) {
      if (mine !== latest.current) return;
      setState({ attendee, status: 'failed', text: printFailureText(error, (key, values) => t(key, values ?? {}), errorMessage), warnings: [] });
    }
  }

  /** Prints (or reprints) now, on request. */
  const print = (attendee: Attendee): Promise<void> => track(attendee, () => api.printBadge({ attendeeId: attendee.id }));

  /** After a check-in: shows the print the station started, if it started one. */
  function follow(attendee: Attendee, autoPrint: AutoPrint): Promise<void> {
    if (autoPrint.state === 'off') return Promise.resolve();
    return track(attendee, async () => outcomeOf(await api.autoPrintResult({ printId: autoPrint.printId })));
  }

  return { state, print, follow, dismiss: () => setState(null) };
}

/** The print's outcome, its failure thrown as the error it was; null when the station has no record. */
export function outcomeOf(result: AutoPrintResult): PrintOutcome | null {
  if (result.state === 'printed') return result.outcome;
  if (result.state === 'failed') throw MusubiError.fromShape(result.error);
  return null;
}
