import { BrowserWindow, dialog } from 'electron';
import { describeFailure } from './failure-report';

let showing = false;

/**
 * The one error policy of the desktop app: anything unexpected is logged as its kind, code and
 * place (failure-report.ts, never its message: it may hold personal data) and shown to staff in a
 * dialog that does not block the app. One dialog at a time, so a repeating error does not bury the
 * screen; the app keeps running, because check-ins are saved one by one and nothing is lost.
 */
export function reportFailure(origin: 'exception' | 'rejection' | 'renderer', error: unknown): void {
  const report = describeFailure(origin, error);
  console.error(report.log);
  if (showing) return;
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  showing = true;
  const options = { type: 'error' as const, title: report.title, message: report.title, detail: report.detail, buttons: ['OK'] };
  const shown = parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
  void shown.finally(() => {
    showing = false;
  });
}

/** A warning for the staff that needs no action from the app (e.g. the station's printer is gone). */
export function warnStaff(detail: string): void {
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const options = { type: 'warning' as const, title: 'Musubi', message: 'Musubi', detail, buttons: ['OK'] };
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

export function installErrorPolicy(): void {
  process.on('uncaughtException', (error) => reportFailure('exception', error));
  process.on('unhandledRejection', (reason) => reportFailure('rejection', reason));
}
