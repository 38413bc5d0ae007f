/**
 * How the shell reports an error it did not expect (error-policy.ts): its kind, its code (e.g.
 * SQLITE_BUSY, ENOSPC) and the place it was thrown, never its message. Messages can carry what
 * was being processed (a name from the roster, a file path with a person's name), and the log and
 * the dialog must not.
 */
export interface FailureReport {
  /** One line for the log. */
  log: string;
  /** What staff read in the dialog. */
  title: string;
  detail: string;
}

function firstFrame(stack: string | undefined): string {
  const line = stack?.split('\n').find((l) => /^\s+at /.test(l))?.trim() ?? '';
  // Keep the file name and line, drop the folders: the user's home folder carries their name.
  return line.replace(/\(?([A-Za-z]:)?[^\s()]*[\\/]([^\\/\s()]+:\d+:\d+)\)?/, '($2)');
}

export function describeFailure(origin: 'exception' | 'rejection' | 'renderer', error: unknown): FailureReport {
  const isError = error instanceof Error;
  // A name is an identifier (TypeError, SqliteError); anything odder is not printed.
  const kind = isError ? (/^[A-Za-z_$][\w$]{0,40}$/.test(error.name) ? error.name : 'Error') : typeof error;
  const raw = isError ? (error as Error & { code?: unknown }).code : undefined;
  // Codes are short constants (SQLITE_BUSY, ENOENT); anything else is not printed.
  const code = typeof raw === 'string' && /^[A-Z0-9_]{1,40}$/.test(raw) ? ` ${raw}` : '';
  const frame = isError ? firstFrame(error.stack) : '';
  const summary = `${kind}${code}${frame ? ` ${frame}` : ''}`;
  return {
    log: `[musubi] unexpected ${origin}: ${summary}`,
    title: 'Musubi — unexpected error / 予期しないエラー',
    detail:
      `Something went wrong inside Musubi (${summary}). Check-ins already saved are safe. ` +
      'If it happens again, restart Musubi.\n\n' +
      `Musubi 内部で問題が発生しました（${summary}）。保存済みの受付データは失われていません。` +
      '繰り返し発生する場合は Musubi を再起動してください。',
  };
}
