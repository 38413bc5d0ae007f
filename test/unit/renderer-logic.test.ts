import { describe, expect, it } from 'vitest';
import { areaFromHash } from '../../renderer/src/areas';
import { moveSelection } from '../../renderer/src/screens/staff/selection';

describe('staff desk keyboard selection', () => {
  it.each([
    [0, 'ArrowDown', 3, 1],
    [2, 'ArrowDown', 3, 2],
    [1, 'ArrowUp', 3, 0],
    [0, 'ArrowUp', 3, 0],
    [1, 'End', 3, 2],
    [2, 'Home', 3, 0],
    [0, 'ArrowDown', 0, -1],
  ])('from %i, %s in a list of %i goes to %i', (from, key, count, expected) => {
    expect(moveSelection(from, key, count)).toBe(expected);
  });
});

describe('areas from the URL', () => {
  it.each([
    ['#/kiosk', 'kiosk'],
    ['#/organizer?x=1', 'organizer'],
    ['', 'staff'],
    ['#/nonsense', 'staff'],
  ])('%s opens %s', (hash, area) => {
    expect(areaFromHash(hash)).toBe(area);
  });
});
