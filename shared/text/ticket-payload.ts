import { normalizeTicketCode } from './ticket-code';

/**
 * What a ticket QR or a typed code may hold. Platforms put different things in their ticket QR:
 * the printed ticket or receipt number by itself, a URL that carries it (connpass's reception
 * ticket opens a page of the event's site; Peatix and Eventbrite scan apps read their own
 * payloads), or a line of text around it. We do not rely on any one platform's layout, which
 * changes without notice: we take every plausible piece of the payload as a candidate and let the
 * roster decide, so a code counts only when it is a ticket code someone here holds.
 */
const MAX_CANDIDATES = 24;
const MAX_CODE_LENGTH = 200;
/** Pieces shorter than this are words like "id" or "jp", not ticket codes. */
const MIN_PIECE_LENGTH = 3;

function decode(piece: string): string {
  try {
    return decodeURIComponent(piece.replace(/\+/g, ' '));
  } catch {
    return piece;
  }
}

function urlPieces(text: string): string[] {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) return [];
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return [];
  }
  const pieces: string[] = [];
  for (const [, value] of url.searchParams) pieces.push(value);
  const fragment = url.hash.replace(/^#/, '');
  if (fragment) {
    pieces.push(decode(fragment));
    for (const [, value] of new URLSearchParams(fragment)) pieces.push(value);
  }
  // The last path segment is most often the ticket's own id; the event's id comes before it.
  const segments = url.pathname.split('/').filter((s) => s !== '').map(decode);
  pieces.push(...segments.reverse());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') pieces.push(decode(url.pathname));
  return pieces;
}

/** Runs of letters, digits, hyphens and underscores: a code inside a sentence or a label. */
function tokens(text: string): string[] {
  return text.split(/[^\p{L}\p{N}_-]+/u).filter((t) => t.length >= MIN_PIECE_LENGTH);
}

/**
 * The possible ticket codes in a scanned or typed payload, most likely first: the whole payload,
 * then (for a URL) its query values, fragment and path segments from the last, then any word of
 * the text, then long digit runs inside words (numeric ticket numbers glued to a prefix).
 */
export function ticketCodeCandidates(payload: string): string[] {
  const text = normalizeTicketCode(payload);
  const found = new Set<string>();
  const add = (piece: string): void => {
    const code = normalizeTicketCode(piece);
    if (code.length >= 1 && code.length <= MAX_CODE_LENGTH && found.size < MAX_CANDIDATES) found.add(code);
  };
  add(text);
  const fromUrl = urlPieces(text);
  for (const piece of fromUrl) add(piece);
  for (const piece of [text, ...fromUrl]) for (const token of tokens(piece)) add(token);
  for (const token of tokens(text)) for (const digits of token.match(/\d{6,}/g) ?? []) add(digits);
  return [...found];
}

/**
 * The ticket code in a payload that names exactly one attendee, using `holderOf` (ticket code →
 * attendee id, or undefined) to check candidates against the roster. The whole payload, when it
 * is a known code, wins at once. Otherwise, if pieces of it name two different people, the
 * payload is ambiguous and nobody is chosen: a guess could check in the wrong person.
 */
export function ticketCodeFromPayload(payload: string, holderOf: (code: string) => string | undefined): string | undefined {
  const candidates = ticketCodeCandidates(payload);
  const first = candidates[0];
  if (first === undefined) return undefined;
  if (holderOf(first) !== undefined) return first;
  let chosen: { code: string; holder: string } | undefined;
  for (const code of candidates.slice(1)) {
    const holder = holderOf(code);
    if (holder === undefined) continue;
    if (chosen && chosen.holder !== holder) return undefined;
    chosen ??= { code, holder };
  }
  return chosen?.code;
}
