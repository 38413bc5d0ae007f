import type { MethodName, PushEvents } from '../../../shared/api/contract';
import { fail, type Result } from '../../../shared/api/result';
import type { Caller } from '../../../shared/api/roles';
import type { CorePort, FromCore, ToCore } from './protocol';

export interface CoreClient {
  /** Settles when the core answers calls (with this station's name), or fails to start. */
  readonly ready: Promise<{ stationName: string; printerWarning: string | null }>;
  dispatch(method: MethodName, input: unknown, caller: Caller): Promise<Result<unknown>>;
  verifyStaffPin(pin: string): Promise<boolean>;
  onChanged(listener: (event: PushEvents['changed']) => void): () => void;
  onBackgroundError(listener: (report: string) => void): void;
  /** Asks the core to close its database and exit; settles when it has (or `lost` was called). */
  stop(): Promise<void>;
  /** The core process ended: every call waiting or made later is answered with an error, none hangs. */
  lost(): void;
}

const LOST = { code: 'network', message: 'The Musubi core stopped before it answered. Try again.' } as const;

/** The main process's side of the channel: calls become messages, answers settle their promises. */
export function connectCore(port: CorePort<ToCore, FromCore>): CoreClient {
  let nextId = 1;
  let gone = false;
  const calls = new Map<number, (result: Result<unknown>) => void>();
  const pins = new Map<number, (ok: boolean) => void>();
  const changeListeners = new Set<(event: PushEvents['changed']) => void>();
  const errorListeners = new Set<(report: string) => void>();
  let settleReady!: { resolve: (value: { stationName: string; printerWarning: string | null }) => void; reject: (error: Error) => void };
  const ready = new Promise<{ stationName: string; printerWarning: string | null }>((resolve, reject) => {
    settleReady = { resolve, reject };
  });
  // Whoever awaits `ready` sees a failure; nobody awaiting it must not make it an unhandled rejection.
  ready.catch(() => undefined);
  let settleStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    settleStopped = resolve;
  });

  port.onMessage((message) => {
    switch (message.kind) {
      case 'ready':
        settleReady.resolve({ stationName: message.stationName, printerWarning: message.printerWarning });
        break;
      case 'failed':
        settleReady.reject(new Error(message.message));
        break;
      case 'result':
        calls.get(message.id)?.(message.result);
        calls.delete(message.id);
        break;
      case 'pin-checked':
        pins.get(message.id)?.(message.ok);
        pins.delete(message.id);
        break;
      case 'changed':
        for (const listener of [...changeListeners]) listener(message.event);
        break;
      case 'background-error':
        for (const listener of errorListeners) listener(message.report);
        break;
      case 'stopped':
        settleStopped();
        break;
    }
  });

  const lost = (): void => {
    gone = true;
    for (const answer of calls.values()) answer(fail(LOST));
    for (const answer of pins.values()) answer(false);
    calls.clear();
    pins.clear();
    settleReady.reject(new Error(LOST.message));
    settleStopped();
  };

  return {
    ready,
    dispatch(method, input, caller) {
      if (gone) return Promise.resolve(fail(LOST));
      const id = nextId++;
      return new Promise((resolve) => {
        calls.set(id, resolve);
        port.post({ kind: 'call', id, method, input, caller });
      });
    },
    verifyStaffPin(pin) {
      if (gone) return Promise.resolve(false);
      const id = nextId++;
      return new Promise((resolve) => {
        pins.set(id, resolve);
        port.post({ kind: 'verify-staff-pin', id, pin });
      });
    },
    onChanged(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onBackgroundError(listener) {
      errorListeners.add(listener);
    },
    stop() {
      if (!gone) port.post({ kind: 'stop' });
      return stopped;
    },
    lost,
  };
}
