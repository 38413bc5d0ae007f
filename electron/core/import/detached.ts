/**
 * A copy of the text that does not keep the string it was cut from alive. Parsers (saxes, Papa
 * Parse) hand out slices of the chunk they read, and V8 keeps a whole chunk as long as any slice of
 * it lives: a 300,000-row sheet stayed in memory whole as text through its cells, and a CSV's
 * chunks through the e-mails the plan remembers. Slicing a joined string copies it; V8 copies
 * strings shorter than 13 characters anyway.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : `${text} `.slice(0, -1);
}
