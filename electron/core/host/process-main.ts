import { serveCore } from './core-host';
import { parseCoreArgs, type CorePort, type FromCore, type ToCore } from './protocol';

/**
 * The core process (started by process-entry.ts). In the desktop app it runs as
 * Electron's utility process, which talks through `process.parentPort`; under plain Node (the
 * tests fork it with `serialization: 'advanced'`) it talks through Node's child-process channel.
 * Both carry structured clones, so the core sees the same messages either way.
 */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function portOfThisProcess(): CorePort<FromCore, ToCore> {
  const parentPort = (process as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      post: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data as ToCore)),
    };
  }
  if (!process.send) throw new Error('The core process must be started by the Musubi app.');
  return {
    post: (message) => process.send?.(message),
    onMessage: (listener) => process.on('message', (message) => listener(message as ToCore)),
  };
}

serveCore(portOfThisProcess(), parseCoreArgs(process.argv.slice(2)), (code) => {
  // Let the last message leave before the process ends.
  setImmediate(() => process.exit(code));
});
