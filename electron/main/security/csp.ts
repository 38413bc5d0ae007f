import { APP_ORIGIN } from './app-origin';

/**
 * The Content-Security-Policy main sends with every app:// page (the renderer's index.html has the
 * same rules in a meta tag for the browser station). Nothing is allowed unless listed: scripts and
 * styles only from the app's own files, no eval, no plugins, no <base>, no framing of the app.
 * - style-src 'unsafe-inline': the chart library sets inline style attributes; styles cannot run code.
 * - img-src data:/blob: the QR codes and badge previews are made in the page.
 * - frame-src blob: the badge preview shows a PDF made in the page.
 * - media-src blob: mediastream: the camera preview when scanning a ticket QR.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob: mediastream:",
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The PIN prompt has no script at all; its one form may only submit to the app itself. */
export const PROMPT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `form-action ${APP_ORIGIN}`,
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
