/**
 * Ticket codes arrive scanned (QR, barcode) or typed; a scanner in the wrong keyboard mode types
 * full-width characters, and some QR payloads carry a URL or surrounding spaces. NFKC and trim.
 */
export function normalizeTicketCode(raw: string): string {
  return raw.normalize('NFKC').trim();
}
