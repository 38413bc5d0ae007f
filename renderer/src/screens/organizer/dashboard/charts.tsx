import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { ArrivalBucket } from '../../../../../shared/api/methods/dashboard';
import { formatTime } from '../../../format';
import type { Labelled } from './labels';

/**
 * Charts drawn with recharts. Sizes come from the caller so the same charts serve the organizer
 * panel and the room view (large type, read from across a hall). Animation is off: live updates
 * should change the numbers, not make bars dance.
 */
const RECENT_WINDOWS = 36;

export interface ChartSize {
  height: number;
  fontSize: number;
}

export function ArrivalsChart({ arrivals, language, size, label }: { arrivals: ArrivalBucket[]; language: string; size: ChartSize; label: string }) {
  // The last three hours: enough for any door rush, and bars stay wide enough to read.
  const data = arrivals.slice(-RECENT_WINDOWS).map((b) => ({ time: formatTime(b.start, language), count: b.count }));
  return (
    <figure className="chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={size.height}>
        <BarChart data={data} margin={{ top: size.fontSize * 1.4, right: 8, left: 0, bottom: 4 }}>
          <CartesianGrid vertical={false} stroke="#d9dde4" />
          <XAxis dataKey="time" tick={{ fontSize: size.fontSize, fill: '#1d2330' }} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tick={{ fontSize: size.fontSize, fill: '#1d2330' }} width={size.fontSize * 3} />
          <Bar dataKey="count" fill="#0b5cad" isAnimationActive={false}>
            <LabelList dataKey="count" position="top" style={{ fontSize: size.fontSize, fill: '#1d2330' }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Horizontal bars, one per category, in the badge colours. */
export function CategoryBars({ items, size, label }: { items: (Labelled & { count: number })[]; size: ChartSize; label: string }) {
  const rowHeight = size.fontSize * 2.2;
  // Room for the longest label on one line (CJK characters are about one em wide), within reason.
  const longest = Math.max(4, ...items.map((item) => item.label.length));
  const labelWidth = Math.min(longest * size.fontSize * 1.05 + 12, size.fontSize * 16);
  return (
    <figure className="chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={Math.max(size.height, items.length * rowHeight + 16)}>
        <BarChart data={items} layout="vertical" margin={{ top: 4, right: size.fontSize * 3, left: 8, bottom: 4 }}>
          <XAxis type="number" hide allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: size.fontSize, fill: '#1d2330' }} />
          <Bar dataKey="count" isAnimationActive={false} stroke="#1d2330" strokeWidth={0.5}>
            {items.map((item) => (
              <Cell key={item.id} fill={item.color} />
            ))}
            <LabelList dataKey="count" position="right" style={{ fontSize: size.fontSize, fill: '#1d2330', fontWeight: 700 }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
