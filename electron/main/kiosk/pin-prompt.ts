import { APP_ORIGIN, isAppUrl } from '../security/app-origin';

/**
 * The staff PIN prompt shown when someone tries to close a kiosk window. It is a page without any
 * script (its window runs with JavaScript off and no preload): one form whose GET submission main
 * intercepts in `will-navigate` and cancels, so the PIN never reaches a page, a server or a log.
 * Each prompt has a random token, so only that prompt can answer for its kiosk window.
 */
export const PROMPT_PATH = '/shell/close-kiosk';
export const SUBMIT_PATH = '/shell/close-kiosk/submit';

export function promptUrl(token: string, wrong = false): string {
  return `${APP_ORIGIN}${PROMPT_PATH}?token=${encodeURIComponent(token)}${wrong ? '&wrong=1' : ''}`;
}

export type PromptAnswer = { kind: 'pin'; pin: string } | { kind: 'cancel' };

/** Reads a submission of the prompt's form; undefined for any other URL or another prompt's token. */
export function readPromptSubmission(raw: string, token: string): PromptAnswer | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (!isAppUrl(url) || url.pathname !== SUBMIT_PATH || url.searchParams.get('token') !== token) return undefined;
  if (url.searchParams.has('cancel')) return { kind: 'cancel' };
  return { kind: 'pin', pin: url.searchParams.get('pin') ?? '' };
}

/** The token of a prompt page request, when the URL is the prompt page. */
export function promptTokenOf(raw: string): { token: string; wrong: boolean } | undefined {
  try {
    const url = new URL(raw);
    if (!isAppUrl(url) || url.pathname !== PROMPT_PATH) return undefined;
    const token = url.searchParams.get('token') ?? '';
    return /^[0-9a-f]{32}$/.test(token) ? { token, wrong: url.searchParams.get('wrong') === '1' } : undefined;
  } catch {
    return undefined;
  }
}

/** The prompt page, in Japanese and English (the staff may read either). */
export function promptHtml(token: string, wrong: boolean): string {
  const error = wrong ? '<p class="error" role="alert">PIN が違います。 / Wrong PIN.</p>' : '';
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>Musubi</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;padding:24px;background:#fff;color:#1a1a1a}
h1{font-size:18px;margin:0 0 8px}p{margin:0 0 16px;font-size:14px}.error{color:#b00020;font-weight:600}
input{font-size:24px;width:100%;box-sizing:border-box;padding:8px;letter-spacing:.3em}
.row{display:flex;flex-direction:row-reverse;gap:12px;margin-top:16px}button{flex:1;font-size:16px;padding:10px}
</style></head><body>
<h1>キオスクを終了 / Close the kiosk</h1>
<p>スタッフ用 PIN を入力してください。<br>Enter the staff PIN.</p>
${error}
<form method="get" action="${APP_ORIGIN}${SUBMIT_PATH}" autocomplete="off">
<input type="hidden" name="token" value="${token.replace(/[^0-9a-f]/g, '')}">
<input type="password" name="pin" inputmode="numeric" maxlength="64" autofocus aria-label="PIN">
<!-- Close comes first: Enter in the PIN field submits with the first button. -->
<div class="row"><button type="submit">終了 / Close</button><button type="submit" name="cancel" value="1">キャンセル / Cancel</button></div>
</form></body></html>`;
}
