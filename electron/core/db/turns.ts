/**
 * Turns of the event loop for background work: every long job that runs in slices (an import, a
 * pull, the search index's build and snapshot save) waits here for its next slice, and at most
 * one slice runs per turn of the event loop. Without this, two jobs that each yield with
 * `setImmediate` both ran in the same check phase, one slice after the other, and a desk request
 * arriving meanwhile waited for both (~35 ms at a station importing while it saved its search
 * snapshot, against ~15 ms for one slice). Waiting slices take their turns oldest first, so no job
 * starves another.
 */
interface Waiting {
  run: () => void;
  cancelled: boolean;
}

const waiting: Waiting[] = [];
let turnScheduled = false;

function scheduleTurn(): void {
  if (turnScheduled) return;
  turnScheduled = true;
  setImmediate(takeTurn);
}

function takeTurn(): void {
  turnScheduled = false;
  let next = waiting.shift();
  while (next?.cancelled) next = waiting.shift();
  // Scheduled before the slice runs: an immediate queued now runs on the next turn, after the
  // poll phase has read whatever requests arrived during this slice.
  if (waiting.length > 0) scheduleTurn();
  next?.run();
}

/** Runs `slice` on a later turn of the event loop, after the slices queued before it; returns a cancel. */
export function onNextTurn(slice: () => void): () => void {
  const entry: Waiting = { run: slice, cancelled: false };
  waiting.push(entry);
  scheduleTurn();
  return () => {
    entry.cancelled = true;
  };
}

/** How many slices are waiting for a turn (for tests). */
export function slicesWaiting(): number {
  return waiting.filter((entry) => !entry.cancelled).length;
}
