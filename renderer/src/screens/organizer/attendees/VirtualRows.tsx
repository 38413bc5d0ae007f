import { useEffect, useState, type ReactNode } from 'react';

/**
 * A list of `count` rows of one fixed height where only the rows in view (and a few either side)
 * are in the page, so 100,000 people scroll as smoothly as ten. Fixed heights keep it a few lines
 * of arithmetic instead of a measuring library.
 */
export function VirtualRows(props: {
  count: number;
  rowHeight: number;
  height: number;
  label: string;
  onRange: (first: number, last: number) => void;
  row: (index: number) => ReactNode;
}) {
  const { count, rowHeight, height, onRange } = props;
  const [scrollTop, setScrollTop] = useState(0);
  const overscan = 6;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  useEffect(() => {
    if (count > 0) onRange(first, last);
  }, [first, last, count, onRange]);

  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    rows.push(
      <div key={i} role="row" aria-rowindex={i + 2} className="virtual-row" style={{ top: i * rowHeight, height: rowHeight }}>
        {props.row(i)}
      </div>,
    );
  }
  return (
    <div
      className="virtual-rows"
      role="rowgroup"
      aria-label={props.label}
      tabIndex={0}
      style={{ height, overflowY: 'auto', position: 'relative' }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div style={{ height: count * rowHeight, position: 'relative' }}>{rows}</div>
    </div>
  );
}
