/**
 * The Vite dev server's URL, honoured only in an unpackaged run (`npm start` during development).
 * A packaged build ignores it whatever the environment says: otherwise anyone who can set an
 * environment variable on the kiosk could point the app's window, and its API, at their own page.
 */
export function devServerUrlFor(env: Record<string, string | undefined>, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const raw = env.VITE_DEV_SERVER_URL;
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    // Only a server on this machine: the dev server is Vite on loopback.
    const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    return (url.protocol === 'http:' || url.protocol === 'https:') && loopback ? url.href : undefined;
  } catch {
    return undefined;
  }
}
