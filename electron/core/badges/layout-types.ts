import type { BadgeWarning } from '../../../shared/api/methods/badges';
import type { GoalMark } from './marks';
import type { QrMatrix } from './qr';

/** A rectangle in points, from the badge's top-left corner. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type { BadgeWarning };
/** What a text element is, so tests and warnings can name it. */
export type TextRole = BadgeWarning['field'];

export type BadgeOp =
  | { kind: 'rect'; box: Box; fill: string; radius?: number }
  | { kind: 'text'; role: TextRole; box: Box; lines: string[]; size: number; weight: 'regular' | 'bold'; color: string }
  | { kind: 'mark'; box: Box; mark: GoalMark; color: string }
  | { kind: 'qr'; box: Box; matrix: QrMatrix; purpose: 'ticket' | 'vcard' }
  /** The event logo: a white tile (`box`) so any logo reads on any band colour, the image inside it (`image`, aspect kept). */
  | { kind: 'logo'; box: Box; image: Box; data: Buffer }
  | { kind: 'line'; from: [number, number]; to: [number, number]; color: string; width: number };

export interface BadgeLayout {
  width: number;
  height: number;
  ops: BadgeOp[];
  warnings: BadgeWarning[];
}
