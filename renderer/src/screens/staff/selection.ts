/** Moves the highlighted result with the arrow keys, staying inside the list (no wrap-around surprises). */
export function moveSelection(current: number, key: string, count: number): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return Math.min(current + 1, count - 1);
  if (key === 'ArrowUp') return Math.max(current - 1, 0);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return current;
}
