import { CHANGE_TOPICS, type ChangeTopic } from '../../../shared/api/change-topics';
import type { PushEvents } from '../../../shared/api/contract';

export type ChangeListener = (event: PushEvents['changed']) => void;

/** Tells the hosts (IPC, HTTP server-sent events) that the projection changed, and what of it. */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private pending: Set<ChangeTopic> | undefined;

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: PushEvents['changed']): void {
    for (const listener of this.listeners) listener(event);
  }

  /**
   * A local change of `topics`, told once the current turn of the event loop is over: by then the
   * transaction that made it has committed, and the changes made in the same turn go out as one
   * notice (a check-in and its badge's place in the print queue; a badge printed and the queue
   * one shorter), so each screen hears, and re-reads, once.
   */
  announceLocal(topics: readonly ChangeTopic[]): void {
    if (this.pending) {
      for (const topic of topics) this.pending.add(topic);
      return;
    }
    this.pending = new Set(topics);
    setImmediate(() => {
      const changed = this.pending ?? new Set<ChangeTopic>();
      this.pending = undefined;
      this.emit({ reason: 'local', topics: CHANGE_TOPICS.filter((topic) => changed.has(topic)) });
    });
  }
}
