// Runs in the test page before the app: builds `window.pp` from the real preload factories,
// over a Playwright binding to the real main-process dispatcher instead of ipcRenderer.
import { createMainWindowApi, createQuickWindowApi } from '../../preload/api.ts';
import type { Bridge } from '../../preload/bridge.ts';

type Listener = (payload: unknown) => void;
const w = window as unknown as {
  __ppWindowKind: 'main' | 'quick';
  __ppInvoke: (name: string, payload: unknown) => Promise<never>;
  __ppEmit: (name: string, payload: unknown) => void;
  pp: unknown;
};
const listeners = new Map<string, Set<Listener>>();

const bridge: Bridge = {
  // Structured clone, as Electron's IPC does: what crosses is data, never live objects.
  invoke: (name, payload) => w.__ppInvoke(name, payload === undefined ? undefined : structuredClone(payload)),
  subscribe: (name, listener) => {
    const set = listeners.get(name) ?? new Set<Listener>();
    set.add(listener as Listener);
    listeners.set(name, set);
    return () => set.delete(listener as Listener);
  },
};

w.__ppEmit = (name, payload) => {
  for (const l of listeners.get(name) ?? []) l(payload);
};
w.pp = Object.freeze(w.__ppWindowKind === 'quick' ? createQuickWindowApi(bridge) : createMainWindowApi(bridge));
