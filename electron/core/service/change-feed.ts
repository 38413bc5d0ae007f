import type { PushEvents } from '../../../shared/api/contract';

export type ChangeListener = (event: PushEvents['changed']) => void;

/** Tells the hosts (IPC, HTTP server-sent events) that the projection changed. */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: PushEvents['changed']): void {
    for (const listener of this.listeners) listener(event);
  }
}
