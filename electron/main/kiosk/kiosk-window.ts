import { randomBytes } from 'node:crypto';
import { BrowserWindow } from 'electron';
import { createCloseGuard, type CloseGuard } from './close-guard';
import { promptUrl, readPromptSubmission } from './pin-prompt';

/** The live prompts' tokens: the protocol serves the prompt page only for these. */
export class KioskPrompts {
  private readonly live = new Set<string>();
  private readonly guards = new Set<CloseGuard>();

  open(): string {
    const token = randomBytes(16).toString('hex');
    this.live.add(token);
    return token;
  }

  close(token: string): void {
    this.live.delete(token);
  }

  isLive = (token: string): boolean => this.live.has(token);

  track(guard: CloseGuard): () => void {
    this.guards.add(guard);
    return () => this.guards.delete(guard);
  }

  /** The OS is shutting down or logging off: let every kiosk close. */
  allowAllForShutdown(): void {
    for (const guard of this.guards) guard.allowForShutdown();
  }
}

const PROMPT_TIMEOUT_MS = 60_000;

/**
 * Every close of a kiosk window (Alt+F4, ⌘Q, the OS) is cancelled and opens the staff PIN prompt
 * instead: a small modal window with JavaScript off, no preload and the prompt's own token. Its
 * form's submission is caught in will-navigate and never loaded; a correct PIN closes the kiosk,
 * Cancel or a minute without an answer closes the prompt.
 */
export function guardKioskClose(
  kiosk: BrowserWindow,
  ctx: { prompts: KioskPrompts; verifyStaffPin(pin: string): Promise<boolean> },
): void {
  const guard = createCloseGuard({ verifyStaffPin: (pin) => ctx.verifyStaffPin(pin) });
  const untrack = ctx.prompts.track(guard);
  let prompt: BrowserWindow | undefined;

  const openPrompt = (): void => {
    if (prompt && !prompt.isDestroyed()) {
      prompt.focus();
      return;
    }
    const token = ctx.prompts.open();
    const win = new BrowserWindow({
      parent: kiosk,
      modal: true,
      alwaysOnTop: true,
      width: 420,
      height: 300,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      title: 'Musubi',
      webPreferences: {
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        devTools: false,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    prompt = win;
    const timer = setTimeout(() => !win.isDestroyed() && win.close(), PROMPT_TIMEOUT_MS);
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (event, url) => {
      event.preventDefault();
      const answer = readPromptSubmission(url, token);
      if (!answer || answer.kind === 'cancel') {
        win.close();
        return;
      }
      void guard.submitPin(answer.pin).then((outcome) => {
        if (win.isDestroyed()) return;
        if (outcome === 'closing') {
          win.close();
          kiosk.close();
        } else if (outcome === 'wrong-pin') void win.loadURL(promptUrl(token, true));
      });
    });
    win.on('closed', () => {
      clearTimeout(timer);
      ctx.prompts.close(token);
      prompt = undefined;
    });
    void win.loadURL(promptUrl(token));
  };

  kiosk.on('close', (event) => {
    if (guard.mayClose()) return;
    event.preventDefault();
    openPrompt();
  });
  // Windows ends the session without asking: do not hold up a shutdown.
  kiosk.on('session-end', () => guard.allowForShutdown());
  kiosk.on('closed', untrack);
}
