import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { fail } from '../../../shared/api/result';

/**
 * Refuses a request body larger than `maxBytes` with 413, whether it says so in Content-Length or
 * only turns out larger while streaming (the bytes past the limit are not kept).
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    // The rest of the body is not read, so the connection cannot carry another request.
    onError: (c) => c.json(fail({ code: 'invalid-input', message: `The request is larger than ${maxBytes} bytes.` }), 413, { connection: 'close' }),
  });
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The request body as JSON (empty → undefined); a body cut short, not UTF-8 (it would otherwise
 * be stored with U+FFFD in place of what was meant) or not JSON is a 400.
 */
export async function readJsonBody(c: Context): Promise<JsonBody> {
  let bytes: ArrayBuffer;
  try {
    bytes = await c.req.arrayBuffer();
  } catch {
    return { ok: false, response: c.json(fail({ code: 'invalid-input', message: 'The request body could not be read to its end.' }), 400) };
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, response: c.json(fail({ code: 'invalid-input', message: 'The request body is not UTF-8.' }), 400) };
  }
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: c.json(fail({ code: 'invalid-input', message: 'The request body is not JSON.' }), 400) };
  }
}
