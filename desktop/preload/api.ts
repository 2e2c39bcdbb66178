import type { IpcEventPayloads } from '../shared/ipc-types.ts';
import type { Bridge } from './bridge.ts';
import type { IpcPayload } from '../shared/ipc-schemas.ts';

/**
 * What each window kind may do, as plain functions over a Bridge. The renderer's `window.pp`
 * type is derived from these, so preload and renderer cannot drift apart.
 */
export function createMainWindowApi(bridge: Bridge) {
  return {
    app: {
      getInfo: () => bridge.invoke('getAppInfo', undefined),
    },
    backend: {
      getStatus: () => bridge.invoke('getBackendStatus', undefined),
      onStatusChanged: (listener: (status: IpcEventPayloads['backendStatusChanged']) => void) =>
        bridge.subscribe('backendStatusChanged', listener),
    },
    shell: {
      openExternal: (url: string) => bridge.invoke('openExternal', { url }),
    },
    editor: {
      saveExportedImage: (payload: IpcPayload<'saveExportedImage'>) => bridge.invoke('saveExportedImage', payload),
      saveProjectFile: (payload: IpcPayload<'saveProjectFile'>) => bridge.invoke('saveProjectFile', payload),
      openProjectFile: () => bridge.invoke('openProjectFile', undefined),
      copyImageToClipboard: (png: Uint8Array<ArrayBuffer>) => bridge.invoke('copyImageToClipboard', { png }),
    },
  };
}

export function createQuickWindowApi(bridge: Bridge) {
  return {
    app: {
      getInfo: () => bridge.invoke('getAppInfo', undefined),
    },
    backend: {
      getStatus: () => bridge.invoke('getBackendStatus', undefined),
    },
    windows: {
      showMain: () => bridge.invoke('showMainWindow', undefined),
      hideQuick: () => bridge.invoke('hideQuickWindow', undefined),
    },
  };
}

export type MainWindowApi = ReturnType<typeof createMainWindowApi>;
export type QuickWindowApi = ReturnType<typeof createQuickWindowApi>;
