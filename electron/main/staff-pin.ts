/**
 * The staff PIN check the kiosk's close guard uses. STAND-IN: it refuses every PIN until the
 * staff PIN module (electron/core/access/pin.ts: stored hashed, growing delay after wrong tries)
 * is wired here; until then a kiosk window is closed from the operating system. Failing closed is
 * the safe side for a kiosk.
 */
export function staffPinVerifier(): (pin: string) => Promise<boolean> {
  return () => Promise.resolve(false);
}
