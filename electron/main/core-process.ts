import { utilityProcess } from 'electron';
import { connectCore, type CoreClient } from '../core/host/core-client';
import { coreArgs, type CoreOptions, type FromCore } from '../core/host/protocol';

/**
 * Starts the core (database, service, sync, printing, jobs) in an Electron utility process, so a
 * long query or job never stalls the main thread that draws the windows. If a core that was
 * running dies, another is started and handed to `onRestart`; calls that were waiting get an error
 * instead of hanging. A core that never got ready is not restarted (its `ready` says why).
 */
export function startCoreProcess(script: string, options: CoreOptions, onRestart: (client: CoreClient) => void): CoreClient {
  const child = utilityProcess.fork(script, coreArgs(options), { serviceName: 'Musubi core', stdio: 'inherit' });
  const client = connectCore({
    post: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: FromCore) => listener(message)),
  });
  let stopping = false;
  let wasReady = false;
  void client.ready.then(() => (wasReady = true), () => undefined);
  child.on('exit', () => {
    client.lost();
    if (!stopping && wasReady) onRestart(startCoreProcess(script, options, onRestart));
  });
  return {
    ...client,
    stop() {
      stopping = true;
      return client.stop();
    },
  };
}
