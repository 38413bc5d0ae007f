import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { fail } from '../../../shared/api/result';

/**
 * The last resort for anything a handler throws: an answer, never a crash, and no request data in
 * the log (it may hold personal data). A body that broke off or was too large is the client's
 * problem (4xx); anything else is ours (500).
 */
export function answerError(error: Error, c: Context): Response {
  if (error instanceof HTTPException) return error.getResponse();
  const kind = error.name || 'Error';
  if (kind === 'BodyLimitError' || kind === 'AbortError' || /aborted|premature close|body/i.test(error.message)) {
    return c.json(fail({ code: 'invalid-input', message: 'The request could not be read.' }), 400);
  }
  console.error(`[musubi] request failed: ${kind}`, error.stack?.split('\n')[1]?.trim() ?? '');
  return c.json(fail({ code: 'internal', message: 'Something went wrong inside Musubi.' }), 500);
}
