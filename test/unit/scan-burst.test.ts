import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_BURST, readKey, type KeyMeaning, type KeyStroke } from '../../shared/input/scan-burst';
import { cardToShow, decideEnter, decideRowClick } from '../../renderer/src/screens/staff/enter-decision';

/** Types `text` then Enter, one key every `gapMs`, starting at `start`; returns the Enter's meaning. */
function typed(text: string, gapMs: number, start = 1000, enterGapMs = gapMs): KeyMeaning {
  let state = EMPTY_BURST;
  let at = start;
  for (const key of [...text]) {
    state = readKey(state, { key, at }).state;
    at += gapMs;
  }
  return readKey(state, { key: 'Enter', at: at - gapMs + enterGapMs }).meaning;
}

function run(strokes: KeyStroke[]): KeyMeaning[] {
  let state = EMPTY_BURST;
  return strokes.map((stroke) => {
    const next = readKey(state, stroke);
    state = next.state;
    return next.meaning;
  });
}

describe('telling a scanner burst from typing', () => {
  it.each([
    // text, ms between keys, what the Enter is
    ['MU-0001', 0, { kind: 'scan', code: 'MU-0001' }],
    ['MU-0001', 2, { kind: 'scan', code: 'MU-0001' }],
    ['MU-0001', 10, { kind: 'scan', code: 'MU-0001' }],
    ['MU-0001', 30, { kind: 'scan', code: 'MU-0001' }],
    ['MU-0001', 31, { kind: 'enter' }],
    ['yamada', 120, { kind: 'enter' }],
    ['https://connpass.com/event/1/ticket/ABC123', 1, { kind: 'scan', code: 'https://connpass.com/event/1/ticket/ABC123' }],
    // Too short to be a ticket: "ab⏎" at speed is a person's key-roll.
    ['abc', 0, { kind: 'enter' }],
    ['abcd', 0, { kind: 'scan', code: 'abcd' }],
    ['', 0, { kind: 'enter' }],
  ] as const)('%s at %i ms per key → %o', (text, gap, expected) => {
    expect(typed(text, gap)).toEqual(expected);
  });

  it('needs the Enter itself to follow quickly (a person pressing Enter after a pasted code is typing)', () => {
    expect(typed('MU-0001', 0, 1000, 400)).toEqual({ kind: 'enter' });
  });

  it('starts the code after the last pause: slow typing before a scan is not part of it', () => {
    const strokes: KeyStroke[] = [
      { key: 'y', at: 0 },
      { key: 'a', at: 150 },
      ...[...'MU-0002'].map((key, i) => ({ key, at: 600 + i })),
      { key: 'Enter', at: 607 },
    ];
    expect(run(strokes).at(-1)).toEqual({ kind: 'scan', code: 'MU-0002' });
  });

  it('ignores the Shift a scanner holds for capitals, and never takes an IME Enter as a scan', () => {
    expect(run([{ key: 'Shift', at: 0 }, { key: 'M', at: 0 }, { key: 'Shift', at: 1 }, { key: 'U', at: 1 }, { key: '1', at: 2 }, { key: '2', at: 2 }, { key: 'Enter', at: 3 }]).at(-1)).toEqual({
      kind: 'scan',
      code: 'MU12',
    });
    expect(run([...[...'やまだ'].map((key, i) => ({ key, at: i })), { key: 'Enter', at: 4, composing: true }]).at(-1)).toEqual({ kind: 'other' });
  });

  it('a shortcut (Ctrl+V, Ctrl+Enter) breaks the run and is not a scan', () => {
    expect(run([...[...'MU-0001'].map((key, i) => ({ key, at: i })), { key: 'Enter', at: 8, modified: true }]).at(-1)).toEqual({ kind: 'enter' });
    expect(run([{ key: 'v', at: 0, modified: true }, { key: 'Enter', at: 1 }]).at(-1)).toEqual({ kind: 'enter' });
  });

  it('reads back exactly the code a scanner typed, after any typing before it (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 4, maxLength: 60 }).filter((s) => [...s].length >= 4 && !/\s/.test(s)),
        fc.array(fc.string({ minLength: 1, maxLength: 1 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 30 }),
        (code, before, gap) => {
          const strokes: KeyStroke[] = before.map((key, i) => ({ key, at: i * 200 }));
          const start = before.length * 200 + 500;
          [...code].forEach((key, i) => strokes.push({ key, at: start + i * gap }));
          strokes.push({ key: 'Enter', at: start + ([...code].length - 1) * gap + gap });
          expect(run(strokes).at(-1)).toEqual({ kind: 'scan', code });
        },
      ),
    );
  });
});

describe("the desk's Enter", () => {
  const people = ['山田', '山本'];
  it.each([
    ['checks in the highlighted result of the text in the box', { query: '山', resultsFor: '山', items: people, selected: 1, busy: false }, { kind: 'check-in', item: '山本' }],
    ['does nothing on an empty box', { query: '', resultsFor: '', items: people, selected: 0, busy: false }, { kind: 'nothing', why: 'empty' }],
    ['does nothing on a box of spaces', { query: '  ', resultsFor: '  ', items: people, selected: 0, busy: false }, { kind: 'nothing', why: 'empty' }],
    ['never acts on the results of an older query', { query: '山田', resultsFor: '山', items: people, selected: 1, busy: false }, { kind: 'nothing', why: 'stale' }],
    ['waits for the first results', { query: '山', resultsFor: undefined, items: [], selected: 0, busy: false }, { kind: 'nothing', why: 'stale' }],
    ['does nothing when nobody matches', { query: 'zz', resultsFor: 'zz', items: [], selected: 0, busy: false }, { kind: 'nothing', why: 'no-match' }],
    ['does not check in twice while one is on its way', { query: '山', resultsFor: '山', items: people, selected: 0, busy: true }, { kind: 'nothing', why: 'busy' }],
  ] as const)('%s', (_name, context, expected) => {
    expect(decideEnter(context)).toEqual(expected);
  });
});

describe('a click on a result row', () => {
  const rows = [
    { id: 'a', name: '山田' },
    { id: 'b', name: '山本' },
  ];
  it.each([
    ['chooses a row of the results for the text in the box', { query: '山', resultsFor: '山', items: rows, index: 1, clickedId: 'b' }, { kind: 'select', index: 1, item: rows[1] }],
    ['does nothing on a row of an older text (the new results are still on their way)', { query: '山田', resultsFor: '山', items: rows, index: 1, clickedId: 'b' }, { kind: 'nothing', why: 'stale' }],
    ['does nothing before any results arrived', { query: '山', resultsFor: undefined, items: [], index: 0, clickedId: 'a' }, { kind: 'nothing', why: 'stale' }],
    ['does nothing once the box is emptied', { query: '', resultsFor: '', items: rows, index: 0, clickedId: 'a' }, { kind: 'nothing', why: 'stale' }],
    ['does nothing when the row now shows someone else (the list was redrawn)', { query: '山', resultsFor: '山', items: rows, index: 0, clickedId: 'b' }, { kind: 'nothing', why: 'moved' }],
    ['does nothing on a row past the end of the list', { query: '山', resultsFor: '山', items: rows, index: 2, clickedId: 'c' }, { kind: 'nothing', why: 'moved' }],
  ] as const)('%s', (_name, context, expected) => {
    expect(decideRowClick(context)).toEqual(expected);
  });
});

describe("the desk's card", () => {
  const people = ['山田', '山本'];
  it.each([
    ['shows the highlighted result of the text in the box, ready to act', { query: '山', resultsFor: '山', items: people, selected: 1, scanned: undefined }, { item: '山本', actionable: true }],
    ['keeps an older text\'s card on screen but lets nothing act on it', { query: '山田', resultsFor: '山', items: people, selected: 0, scanned: undefined }, { item: '山田', actionable: false }],
    ['keeps the highlight inside a shorter list', { query: '山', resultsFor: '山', items: people, selected: 5, scanned: undefined }, { item: '山本', actionable: true }],
    ['shows nobody on an empty box', { query: ' ', resultsFor: ' ', items: people, selected: 0, scanned: undefined }, { item: undefined, actionable: false }],
    ['shows nobody when nobody matches', { query: 'zz', resultsFor: 'zz', items: [], selected: 0, scanned: undefined }, { item: undefined, actionable: false }],
    ['shows the scanned person whatever the list says', { query: '', resultsFor: '山', items: people, selected: 0, scanned: { item: '鈴木' } }, { item: '鈴木', actionable: true }],
    ['shows nothing actionable while the scanned person is being fetched', { query: '', resultsFor: '山', items: people, selected: 0, scanned: { item: undefined } }, { item: undefined, actionable: false }],
  ] as const)('%s', (_name, context, expected) => {
    expect(cardToShow(context)).toEqual(expected);
  });
});
