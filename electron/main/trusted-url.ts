/**
 * Which URLs the app's own window may show. Parsed with `new URL`, never matched as strings, so
 * tricks like `https://evil.example/?next=file://…` or `file://evil/..` do not pass.
 * Plain function without `electron`, so it is tested under Node.
 */
export function isTrustedAppUrl(raw: string | undefined, rendererIndex: string, devServerUrl?: string): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    if (url.origin === dev.origin) return true;
  }
  if (url.protocol !== 'file:' || url.host !== '') return false;
  const index = new URL(rendererIndex);
  return url.pathname === index.pathname;
}
