import { apiPath, relative, SESSION_PATHS } from '../../shared/api/http-routes';
import type { MethodName } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';

/** One browser talking to a station: the cookie it was given, sent back like a browser would. */
export class StationClient {
  cookie = '';

  constructor(readonly base: string) {}

  async post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Result<unknown>; text: string }> {
    const response = await fetch(new URL(relative(path), this.base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: body === undefined ? '' : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      // Max-Age=0 (or an empty value) is the station dropping the session.
      this.cookie = /max-age=0/i.test(setCookie) || pair.endsWith('=') ? '' : pair;
    }
    const text = await response.text();
    let parsed: Result<unknown>;
    try {
      parsed = JSON.parse(text) as Result<unknown>;
    } catch {
      parsed = { ok: false, error: { code: 'protocol', message: text.slice(0, 200) } };
    }
    return { status: response.status, body: parsed, text };
  }

  call(method: MethodName, input?: unknown, headers?: Record<string, string>) {
    return this.post(apiPath(method), input, headers);
  }

  /** The value of a call that must succeed. */
  async value<T = unknown>(method: MethodName, input?: unknown): Promise<T> {
    const { status, body } = await this.call(method, input);
    if (!body.ok) throw new Error(`${method} → ${status} ${body.error.code}: ${body.error.message}`);
    return body.value as T;
  }

  pair(code: string) {
    return this.post(SESSION_PATHS.pair, { code });
  }

  login(pin: string) {
    return this.post(SESSION_PATHS.login, { pin });
  }
}
