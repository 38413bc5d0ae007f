import type { ChartSize } from './charts';

/**
 * The room view's chart sizes for a screen `viewportHeight` px tall, so that the whole view fits a
 * venue screen without scrolling (nobody scrolls a projector): the two bar charts share about a quarter of
 * the height between their rows (the longer list sets the row height, so both read alike), and
 * the arrivals chart an eighth. Type grows with the screen up to the size read across a hall, and
 * never drops below what a laptop screen shows legibly.
 */
const BARS_SHARE = 0.27;
const ARRIVALS_SHARE = 0.13;
/** A bar's row is this many times its label's font size (CategoryBars). */
const ROW_PER_FONT = 2.2;
const LARGEST_FONT = 26;
const SMALLEST_FONT = 12;

const clamp = (low: number, value: number, high: number): number => Math.min(high, Math.max(low, value));

export function roomChartSizes(viewportHeight: number, longestList: number): { bars: ChartSize; arrivals: ChartSize } {
  const rows = Math.max(1, longestList);
  const barsFont = clamp(SMALLEST_FONT, Math.floor((viewportHeight * BARS_SHARE) / rows / ROW_PER_FONT), LARGEST_FONT);
  const arrivalsFont = clamp(SMALLEST_FONT, Math.floor(viewportHeight / 50), 22);
  return {
    // CategoryBars makes the chart as tall as its rows need; this is its floor for a short list.
    bars: { height: Math.round(rows * barsFont * ROW_PER_FONT), fontSize: barsFont },
    arrivals: { height: Math.round(clamp(100, viewportHeight * ARRIVALS_SHARE, 300)), fontSize: arrivalsFont },
  };
}
