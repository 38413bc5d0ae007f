import { describe, expect, it } from 'vitest';
import { createCloseGuard } from '../../../electron/main/kiosk/close-guard';
import { promptHtml, promptTokenOf, promptUrl, readPromptSubmission } from '../../../electron/main/kiosk/pin-prompt';
import { decideKey, type KeyInput } from '../../../electron/main/security/shortcuts';
import { windowOptionsFor } from '../../../electron/main/security/window-options';

const TOKEN = '0123456789abcdef0123456789abcdef';

/** A stand-in for the staff PIN module: PIN 2468, and it counts the checks. */
function staffPin(correct = '2468'): { verifyStaffPin(pin: string): Promise<boolean>; tried: string[] } {
  const tried: string[] = [];
  return {
    tried,
    verifyStaffPin: (pin) => {
      tried.push(pin);
      return new Promise((resolve) => setTimeout(() => resolve(pin === correct), 5));
    },
  };
}

describe('closing a kiosk window needs the staff PIN', () => {
  it('stays shut until the right PIN, and a wrong PIN does not open it', async () => {
    const pin = staffPin();
    const guard = createCloseGuard(pin);
    expect(guard.mayClose()).toBe(false);
    expect(await guard.submitPin('1111')).toBe('wrong-pin');
    expect(guard.mayClose()).toBe(false);
    expect(await guard.submitPin('2468')).toBe('closing');
    expect(guard.mayClose()).toBe(true);
  });

  it('accepts full-width digits typed on a Japanese keyboard', async () => {
    const guard = createCloseGuard(staffPin());
    expect(await guard.submitPin('２４６８')).toBe('closing');
  });

  it('runs one check at a time: hammering the prompt gets "busy", not parallel guesses', async () => {
    const pin = staffPin();
    const guard = createCloseGuard(pin);
    const outcomes = await Promise.all(['0000', '2468', '1234'].map((p) => guard.submitPin(p)));
    expect(outcomes).toEqual(['wrong-pin', 'busy', 'busy']);
    expect(pin.tried).toEqual(['0000']);
    expect(guard.mayClose()).toBe(false);
  });

  it('stays shut when the PIN check itself fails, and for empty or oversized input', async () => {
    const guard = createCloseGuard({ verifyStaffPin: () => Promise.reject(new Error('db closed')) });
    expect(await guard.submitPin('2468')).toBe('wrong-pin');
    expect(await createCloseGuard(staffPin()).submitPin('')).toBe('wrong-pin');
    expect(await createCloseGuard(staffPin()).submitPin('9'.repeat(65))).toBe('wrong-pin');
    expect(guard.mayClose()).toBe(false);
  });

  it('lets the OS shut down without a PIN', () => {
    const guard = createCloseGuard(staffPin());
    guard.allowForShutdown();
    expect(guard.mayClose()).toBe(true);
  });
});

describe('the PIN prompt page', () => {
  it('reads only its own form submissions', () => {
    expect(readPromptSubmission(`app://musubi/shell/close-kiosk/submit?token=${TOKEN}&pin=2468`, TOKEN)).toEqual({ kind: 'pin', pin: '2468' });
    expect(readPromptSubmission(`app://musubi/shell/close-kiosk/submit?token=${TOKEN}&cancel=1&pin=`, TOKEN)).toEqual({ kind: 'cancel' });
    expect(readPromptSubmission(`app://musubi/shell/close-kiosk/submit?token=${'f'.repeat(32)}&pin=2468`, TOKEN)).toBeUndefined();
    expect(readPromptSubmission(`https://evil.example/shell/close-kiosk/submit?token=${TOKEN}&pin=2468`, TOKEN)).toBeUndefined();
    expect(readPromptSubmission('not a url', TOKEN)).toBeUndefined();
  });

  it('is served only for a well-formed token', () => {
    expect(promptTokenOf(promptUrl(TOKEN))).toEqual({ token: TOKEN, wrong: false });
    expect(promptTokenOf(promptUrl(TOKEN, true))).toEqual({ token: TOKEN, wrong: true });
    expect(promptTokenOf('app://musubi/shell/close-kiosk?token=<script>')).toBeUndefined();
    expect(promptTokenOf('app://musubi/index.html')).toBeUndefined();
  });

  it('submits with Close on Enter (the first button), has no script, and says it in both languages', () => {
    const html = promptHtml(TOKEN, true);
    expect(html).not.toMatch(/<script/i);
    expect(html.indexOf('終了 / Close')).toBeLessThan(html.indexOf('name="cancel"'));
    expect(html).toContain('PIN が違います。 / Wrong PIN.');
    expect(promptHtml(TOKEN, false)).not.toContain('Wrong PIN');
    expect(promptHtml('"><script>x</script>', false)).not.toContain('<script>x');
  });
});

function key(keyName: string, mods: Partial<Omit<KeyInput, 'key' | 'type'>> = {}): KeyInput {
  return { type: 'keyDown', key: keyName, control: false, meta: false, alt: false, shift: false, ...mods };
}

describe('shortcuts on a kiosk', () => {
  it.each([
    ['F5', key('F5')],
    ['Ctrl+R', key('r', { control: true })],
    ['⌘R', key('r', { meta: true })],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['F12', key('F12')],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['⌘⌥I', key('i', { meta: true, alt: true })],
    ['Ctrl+P', key('p', { control: true })],
    ['Ctrl+U', key('u', { control: true })],
    ['Ctrl+N', key('n', { control: true })],
    ['Ctrl++', key('+', { control: true })],
    ['Alt+←', key('ArrowLeft', { alt: true })],
    ['BrowserBack', key('BrowserBack')],
  ])('swallows %s', (_name, input) => {
    expect(decideKey(input, 'kiosk', true)).toBe('swallow');
  });

  it.each([
    ['Alt+F4', key('F4', { alt: true })],
    ['Ctrl+Q', key('q', { control: true })],
    ['⌘Q', key('q', { meta: true })],
    ['Ctrl+W', key('w', { control: true })],
  ])('turns %s into the staff PIN prompt', (_name, input) => {
    expect(decideKey(input, 'kiosk', true)).toBe('close');
  });

  it('lets typing and a barcode scanner through', () => {
    for (const k of ['a', 'A', '7', 'Enter', 'Backspace', 'あ', 'Tab', 'Escape']) expect(decideKey(key(k), 'kiosk', true)).toBe('pass');
    expect(decideKey(key('A', { shift: true }), 'kiosk', true)).toBe('pass');
    expect(decideKey({ ...key('r', { control: true }), type: 'keyUp' }, 'kiosk', true)).toBe('pass');
  });

  it('keeps developer tools away from every packaged window, but not from development', () => {
    expect(decideKey(key('F12'), 'organizer', true)).toBe('swallow');
    expect(decideKey(key('I', { control: true, shift: true }), 'desk', true)).toBe('swallow');
    expect(decideKey(key('F12'), 'organizer', false)).toBe('pass');
    // Staff may reload their own desk.
    expect(decideKey(key('r', { control: true }), 'desk', true)).toBe('pass');
  });
});

describe('window options', () => {
  it('locks every window down the same way, whatever its role', () => {
    for (const role of ['organizer', 'desk', 'kiosk', 'room'] as const) {
      const { webPreferences } = windowOptionsFor({ role, isPackaged: true, preload: '/app/preload.cjs' });
      expect(webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
        devTools: false,
        preload: '/app/preload.cjs',
      });
    }
  });

  it('puts only the kiosk in kiosk mode, and gives developer tools only to an unpackaged run', () => {
    expect(windowOptionsFor({ role: 'kiosk', isPackaged: true, preload: 'p' })).toMatchObject({ kiosk: true, fullscreen: true });
    expect(windowOptionsFor({ role: 'desk', isPackaged: true, preload: 'p' })).toMatchObject({ kiosk: false });
    expect(windowOptionsFor({ role: 'desk', isPackaged: false, preload: 'p' }).webPreferences.devTools).toBe(true);
  });
});
