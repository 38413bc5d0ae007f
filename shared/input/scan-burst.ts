/**
 * Telling a barcode/QR scanner from a person at the keyboard. A USB scanner is a keyboard that
 * types the whole code in a few milliseconds and then Enter; a person types far slower, and not
 * that evenly. So: a run of at least `minLength` characters, each within `maxGapMs` of the one
 * before, ended by an Enter that also comes within `maxGapMs`, is a scan. Anything else is typing.
 *
 * Pure and clock-free (the caller passes each key's time), so it is tested as a table.
 */
export interface BurstOptions {
  /** Longest pause between two keys of one scan. Scanners: 0–10 ms; people: 60 ms and more. */
  maxGapMs: number;
  /** Shortest code that counts as a scan (ticket codes are longer; this keeps "ab⏎" typing). */
  minLength: number;
}

export const DEFAULT_BURST: BurstOptions = { maxGapMs: 30, minLength: 4 };

export interface KeyStroke {
  /** `KeyboardEvent.key`. */
  key: string;
  /** `KeyboardEvent.timeStamp` (ms). */
  at: number;
  /** An IME is composing (`isComposing`, or keyCode 229): the key belongs to the conversion. */
  composing?: boolean;
  /** Ctrl, Alt or Meta held: a shortcut, never part of a code. */
  modified?: boolean;
}

export type KeyMeaning =
  /** A character; `startsRun` when it begins a new run (a pause came before it). */
  | { kind: 'char'; startsRun: boolean }
  /** Enter ending a scan: resolve `code` exactly, do not act on whatever is on screen. */
  | { kind: 'scan'; code: string }
  /** Enter typed by a person. */
  | { kind: 'enter' }
  /** Nothing for us: IME composition, modifiers, shortcuts, other keys. */
  | { kind: 'other' };

/** Keys a scanner sends that are not characters of the code (it holds Shift for capitals). */
const PASSIVE_KEYS = new Set(['Shift', 'CapsLock']);

/** The current run of quick characters (a pause starts a new one) and when its last key came. */
export interface BurstState {
  run: string;
  lastAt: number;
}

export const EMPTY_BURST: BurstState = { run: '', lastAt: Number.NEGATIVE_INFINITY };

/** One key: the new state, and what the key means. */
export function readKey(state: BurstState, stroke: KeyStroke, options: BurstOptions = DEFAULT_BURST): { state: BurstState; meaning: KeyMeaning } {
  if (stroke.composing) return { state: EMPTY_BURST, meaning: { kind: 'other' } };
  if (PASSIVE_KEYS.has(stroke.key)) return { state, meaning: { kind: 'other' } };
  const quick = stroke.at - state.lastAt <= options.maxGapMs;
  if (stroke.key === 'Enter') {
    const isScan = !stroke.modified && quick && [...state.run].length >= options.minLength;
    return { state: EMPTY_BURST, meaning: isScan ? { kind: 'scan', code: state.run } : { kind: 'enter' } };
  }
  if (stroke.modified || [...stroke.key].length !== 1) return { state: EMPTY_BURST, meaning: { kind: 'other' } };
  if (quick && state.run !== '') {
    return { state: { run: state.run + stroke.key, lastAt: stroke.at }, meaning: { kind: 'char', startsRun: false } };
  }
  return { state: { run: stroke.key, lastAt: stroke.at }, meaning: { kind: 'char', startsRun: true } };
}

/** Stateful wrapper for a page: feed every keydown. */
export class ScanBurstReader {
  private state: BurstState = EMPTY_BURST;
  constructor(private readonly options: BurstOptions = DEFAULT_BURST) {}

  read(stroke: KeyStroke): KeyMeaning {
    const next = readKey(this.state, stroke, this.options);
    this.state = next.state;
    return next.meaning;
  }

  reset(): void {
    this.state = EMPTY_BURST;
  }
}
