import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, channelFor, pushChannelFor } from '../../shared/api/contract';

/**
 * The preload as built (`npm run build` → dist-electron/preload.cjs), run the way a sandboxed
 * preload runs: CommonJS with a `require` that offers only `electron`. Its `contextBridge` and
 * `ipcRenderer` are stand-ins that record what the preload does: Electron itself cannot start here.
 */
const BUILT = path.resolve(import.meta.dirname, '../../dist-electron/preload.cjs');

interface Loaded {
  exposed: Map<string, unknown>;
  invoked: { channel: string; args: unknown[] }[];
  listeners: Map<string, Set<(...args: unknown[]) => void>>;
  required: string[];
}

function loadBuiltPreload(): Loaded {
  const exposed = new Map<string, unknown>();
  const invoked: Loaded['invoked'] = [];
  const listeners: Loaded['listeners'] = new Map();
  const required: string[] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        if (exposed.has(key)) throw new Error(`exposed twice: ${key}`);
        exposed.set(key, api);
      },
    },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return Promise.resolve({ ok: true, value: channel });
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
    },
  };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const module = { exports: {} };
  const source = fs.readFileSync(BUILT, 'utf8');
  const wrapper = vm.runInNewContext(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { console }) as (
    ...args: unknown[]
  ) => void;
  wrapper(module.exports, sandboxRequire, module, BUILT, path.dirname(BUILT));
  return { exposed, invoked, listeners, required };
}

describe('the built preload', () => {
  it('is built with main and the renderer by npm run build', () => {
    for (const file of [BUILT, '../../dist-electron/index.js', '../../dist/renderer/index.html'].map((f) => path.resolve(import.meta.dirname, f))) {
      expect(fs.existsSync(file), `${file} is missing: run npm run build`).toBe(true);
    }
  });

  it("exposes window.musubi with exactly the contract's methods and the change subscription", () => {
    const { exposed, required } = loadBuiltPreload();
    expect([...exposed.keys()]).toEqual(['musubi']);
    const api = exposed.get('musubi') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'onChanged'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    // Nothing but electron, as a sandboxed preload must.
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it("sends each method on its own channel with the caller's input and nothing else", async () => {
    const { exposed, invoked } = loadBuiltPreload();
    const api = exposed.get('musubi') as Record<string, (input?: unknown) => Promise<unknown>>;
    for (const name of METHOD_NAMES) {
      expect(await api[name]!({ probe: name })).toEqual({ ok: true, value: channelFor(name) });
    }
    expect(invoked).toEqual(METHOD_NAMES.map((name) => ({ channel: channelFor(name), args: [{ probe: name }] })));
  });

  it('passes change events without the raw IPC event, and unsubscribes', () => {
    const { exposed, listeners } = loadBuiltPreload();
    const api = exposed.get('musubi') as { onChanged(listener: (...args: unknown[]) => void): () => void };
    const seen: unknown[][] = [];
    const off = api.onChanged((...args) => seen.push(args));
    const channel = pushChannelFor('changed');
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'raw ipc event' }, { reason: 'sync' });
    expect(seen).toEqual([[{ reason: 'sync' }]]);
    off();
    expect(listeners.get(channel)?.size).toBe(0);
  });
});
