import { ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcEvents, ipcRequests } from '../shared/ipc-channels.ts';
import type { Bridge } from './bridge.ts';

/** The Electron transport: invoke by channel name, subscribe to pushed events. */
export const electronBridge: Bridge = {
  invoke: (name, payload) => ipcRenderer.invoke(ipcRequests[name].channel, payload),
  subscribe: (name, listener) => {
    const channel = ipcEvents[name].channel;
    // The payload's shape is main's side of the contract (IpcEventPayloads); main is trusted here.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload as Parameters<typeof listener>[0]);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
};
