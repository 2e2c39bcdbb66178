import type { IpcEventName, IpcRequestName } from '../shared/ipc-channels.ts';
import type { IpcPayload } from '../shared/ipc-schemas.ts';
import type { IpcEventPayloads, IpcResults } from '../shared/ipc-types.ts';
import type { IpcResult } from '../shared/result.ts';

/**
 * The transport a window API is built on. In Electron it is ipcRenderer; in the Chromium
 * renderer tests it is a Playwright binding to the same main-process dispatcher.
 */
export interface Bridge {
  invoke<K extends IpcRequestName>(name: K, payload: IpcPayload<K>): Promise<IpcResult<IpcResults[K]>>;
  subscribe<E extends IpcEventName>(name: E, listener: (payload: IpcEventPayloads[E]) => void): () => void;
}
