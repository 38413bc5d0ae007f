import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushEvents } from '../../shared/api/contract';
import type { ApiClient } from '../../renderer/src/api/client';
import { CHANGE_WINDOW_MS, createLiveReads, queryConcerned } from '../../renderer/src/api/live-reads';

type ChangeListener = (event: PushEvents['changed']) => void;

/** A station stand-in: every call is recorded and answered when the test says so. */
function fakeStation() {
  const calls: { method: string; input: unknown; resolve: (value: unknown) => void; reject: (error: Error) => void }[] = [];
  const listeners = new Set<ChangeListener>();
  let subscriptions = 0;
  const call = (method: string) => (input?: unknown) =>
    new Promise((resolve, reject) => {
      calls.push({ method, input, resolve, reject });
    });
  const api = {
    getEvent: call('getEvent'),
    getAttendee: call('getAttendee'),
    getSyncStatus: call('getSyncStatus'),
    checkIn: call('checkIn'),
    onChanged(listener: ChangeListener) {
      subscriptions++;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as ApiClient;
  return {
    api,
    calls,
    listening: () => listeners.size,
    subscriptions: () => subscriptions,
    change: (reason: 'local' | 'sync' = 'local', topics?: string[]) =>
      [...listeners].forEach((listener) => listener(topics ? ({ reason, topics } as PushEvents['changed']) : { reason })),
  };
}

describe('live reads shared by the screen', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends two identical reads in flight once, and both get its answer', async () => {
    const station = fakeStation();
    const { client } = createLiveReads(station.api);
    const first = client.getEvent();
    const second = client.getEvent();
    expect(station.calls).toHaveLength(1);
    station.calls[0]!.resolve({ eventName: 'Musubi night' });
    await expect(first).resolves.toEqual({ eventName: 'Musubi night' });
    await expect(second).resolves.toEqual({ eventName: 'Musubi night' });
  });

  it('sends reads of different inputs separately', () => {
    const station = fakeStation();
    const { client } = createLiveReads(station.api);
    void client.getAttendee({ id: 'a' });
    void client.getAttendee({ id: 'b' });
    void client.getAttendee({ id: 'a' });
    expect(station.calls.map((c) => c.input)).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it('gives an error to every caller of the shared read', async () => {
    const station = fakeStation();
    const { client } = createLiveReads(station.api);
    const first = client.getEvent();
    const second = client.getEvent();
    station.calls[0]!.reject(new Error('The station cannot be reached.'));
    await expect(first).rejects.toThrow('cannot be reached');
    await expect(second).rejects.toThrow('cannot be reached');
  });

  it('never serves a read asked after a change with the answer of one started before it', async () => {
    const station = fakeStation();
    const reads = createLiveReads(station.api);
    reads.onChanged(() => undefined);
    const before = reads.client.getAttendee({ id: 'a' });
    station.change();
    // Asked before the listeners have even heard (the notice is still inside its window).
    const after = reads.client.getAttendee({ id: 'a' });
    expect(station.calls).toHaveLength(2);
    station.calls[0]!.resolve({ checkedIn: null });
    station.calls[1]!.resolve({ checkedIn: { station: 'Door A' } });
    await expect(before).resolves.toEqual({ checkedIn: null });
    await expect(after).resolves.toEqual({ checkedIn: { station: 'Door A' } });
  });

  it('asks again once the shared read has been answered (it is not a cache)', async () => {
    const station = fakeStation();
    const { client } = createLiveReads(station.api);
    const first = client.getEvent();
    station.calls[0]!.resolve({});
    await first;
    void client.getEvent();
    expect(station.calls).toHaveLength(2);
  });

  it('does not keep a failed read: the next one is sent again', async () => {
    const station = fakeStation();
    const { client } = createLiveReads(station.api);
    const first = client.getEvent();
    station.calls[0]!.reject(new Error('down'));
    await expect(first).rejects.toThrow('down');
    void client.getEvent();
    expect(station.calls).toHaveLength(2);
  });

  it('tells the listeners once for changes that arrive together, and again for a later one', () => {
    const station = fakeStation();
    const reads = createLiveReads(station.api);
    const heard: PushEvents['changed'][] = [];
    reads.onChanged((event) => heard.push(event));
    station.change('local');
    station.change('sync');
    station.change('local');
    expect(heard).toHaveLength(0);
    vi.advanceTimersByTime(CHANGE_WINDOW_MS);
    expect(heard).toEqual([{ reason: 'sync' }]);
    station.change('local');
    vi.advanceTimersByTime(CHANGE_WINDOW_MS);
    expect(heard).toEqual([{ reason: 'sync' }, { reason: 'local' }]);
  });

  it('ends the sharing only for the reads a notice concerns', () => {
    const station = fakeStation();
    const reads = createLiveReads(station.api);
    reads.onChanged(() => undefined);
    void reads.client.getEvent();
    void reads.client.getAttendee({ id: 'a' });
    station.change('local', ['prints']);
    // A badge printed changes the card, not the event's settings: that read is still shared.
    void reads.client.getEvent();
    void reads.client.getAttendee({ id: 'a' });
    expect(station.calls.map((c) => c.method)).toEqual(['getEvent', 'getAttendee', 'getAttendee']);
  });

  it('ends all sharing for a notice without topics, or with one it does not know', () => {
    for (const topics of [undefined, ['attendance', 'holograms']]) {
      const station = fakeStation();
      const reads = createLiveReads(station.api);
      reads.onChanged(() => undefined);
      void reads.client.getEvent();
      station.change('local', topics);
      void reads.client.getEvent();
      expect(station.calls).toHaveLength(2);
    }
  });

  it('joins the topics of notices that arrive together; one without topics makes it everything', () => {
    const station = fakeStation();
    const reads = createLiveReads(station.api);
    const heard: PushEvents['changed'][] = [];
    reads.onChanged((event) => heard.push(event));
    station.change('local', ['attendance']);
    station.change('local', ['prints']);
    vi.advanceTimersByTime(CHANGE_WINDOW_MS);
    station.change('local', ['prints']);
    station.change('sync');
    vi.advanceTimersByTime(CHANGE_WINDOW_MS);
    expect(heard).toEqual([{ reason: 'local', topics: ['attendance', 'prints'] }, { reason: 'sync' }]);
  });

  it.each<[string, string[], PushEvents['changed'], boolean]>([
    ['the header after a badge printed', ['getStatus'], { reason: 'local', topics: ['prints'] }, true],
    ['the event settings after a badge printed', ['getEvent'], { reason: 'local', topics: ['prints'] }, false],
    ['the event settings after a settings change', ['getEvent'], { reason: 'local', topics: ['settings'] }, true],
    ['the sync state after a check-in', ['getSyncStatus'], { reason: 'local', topics: ['attendance'] }, false],
    ['the sync state from an older station', ['getSyncStatus'], { reason: 'sync' }, true],
    ['a query that has called nothing yet', [], { reason: 'local', topics: ['prints'] }, true],
  ])('a query re-reads: %s → %s', (_, methods, event, expected) => {
    expect(queryConcerned(event, methods)).toBe(expected);
  });

  it('listens to the station once for all its queries, and stops with the last of them', () => {
    const station = fakeStation();
    const reads = createLiveReads(station.api);
    const heard: string[] = [];
    const stopA = reads.onChanged(() => heard.push('a'));
    const stopB = reads.client.onChanged(() => heard.push('b'));
    expect(station.subscriptions()).toBe(1);
    stopA();
    expect(station.listening()).toBe(1);
    station.change();
    vi.advanceTimersByTime(CHANGE_WINDOW_MS);
    expect(heard).toEqual(['b']);
    stopB();
    expect(station.listening()).toBe(0);
    // A change already on its way when the last query left reaches nobody.
    expect(vi.getTimerCount()).toBe(0);
  });
});
