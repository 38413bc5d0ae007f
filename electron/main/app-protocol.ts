import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { promptHtml, promptTokenOf } from './kiosk/pin-prompt';
import { APP_SCHEME } from './security/app-origin';
import { CONTENT_SECURITY_POLICY, PROMPT_CONTENT_SECURITY_POLICY } from './security/csp';
import { contentTypeOf, resolveAppPath } from './security/protocol-path';

/** Must run before `app` is ready: app:// is a standard, secure scheme (a real origin, like https). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Cross-Origin-Opener-Policy': 'same-origin' };

/**
 * Serves the built renderer (dist/renderer) on app://musubi/ and the kiosk's PIN prompt. Only GET;
 * a path that does not resolve inside the folder (protocol-path.ts) is a 404 without a word about why.
 */
export function serveAppProtocol(rendererRoot: string, isPromptTokenLive: (token: string) => boolean): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    const prompt = promptTokenOf(request.url);
    if (prompt && isPromptTokenLive(prompt.token)) {
      return new Response(promptHtml(prompt.token, prompt.wrong), {
        headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PROMPT_CONTENT_SECURITY_POLICY },
      });
    }
    const file = resolveAppPath(request.url, rendererRoot);
    if (!file) return new Response(null, { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
