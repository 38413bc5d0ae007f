/**
 * Whether a kiosk window may close. A kiosk stays up until staff enter the staff PIN: an attendee
 * pressing Alt+F4 or ⌘Q gets the PIN prompt, not the desktop. The PIN is checked by the injected
 * `verifyStaffPin` (electron/core/access/pin.ts: a slow hash, a growing delay after wrong tries),
 * never compared here. Pure state, no Electron: kiosk-window.ts wires it to the window.
 */
export interface CloseGuardDeps {
  verifyStaffPin(pin: string): Promise<boolean>;
}

export type PinOutcome = 'closing' | 'wrong-pin' | 'busy';

export interface CloseGuard {
  /** Asked on every close attempt: true lets the window close (only after a correct PIN). */
  mayClose(): boolean;
  /** Staff typed a PIN in the prompt. */
  submitPin(pin: string): Promise<PinOutcome>;
  /** The operating system is shutting down or logging off: do not hold it up. */
  allowForShutdown(): void;
}

/** A PIN as typed: digits (full-width ones from a Japanese keyboard count), at most 64 characters. */
export function normalisePin(raw: string): string | undefined {
  const pin = raw.normalize('NFKC').trim();
  return pin.length >= 1 && pin.length <= 64 ? pin : undefined;
}

export function createCloseGuard({ verifyStaffPin }: CloseGuardDeps): CloseGuard {
  let unlocked = false;
  let checking = false;
  return {
    mayClose: () => unlocked,
    allowForShutdown: () => {
      unlocked = true;
    },
    async submitPin(raw) {
      // One check at a time: hammering the prompt must not run checks in parallel past the delay.
      if (checking) return 'busy';
      const pin = normalisePin(raw);
      if (pin === undefined) return 'wrong-pin';
      checking = true;
      try {
        unlocked = (await verifyStaffPin(pin)) === true;
      } catch {
        unlocked = false;
      } finally {
        checking = false;
      }
      return unlocked ? 'closing' : 'wrong-pin';
    },
  };
}
