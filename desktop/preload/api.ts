import type { IpcEventPayloads } from '../shared/ipc-types.ts';
import type { GenerationInput } from '../shared/studio-types.ts';
import type { Bridge } from './bridge.ts';

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
    // Studio, themes and gallery (issue 5)
    studio: {
      getCatalog: (refresh?: boolean) => bridge.invoke('getToolCatalog', refresh ? { refresh } : undefined),
      quote: (tool: string, input: GenerationInput) => bridge.invoke('quoteGeneration', { tool, input }),
      generate: (tool: string, input: GenerationInput) => bridge.invoke('startGeneration', { tool, input }),
      retry: (jobId: string) => bridge.invoke('retryGeneration', { jobId }),
      cancel: (jobId: string) => bridge.invoke('cancelGeneration', { jobId }),
      dismiss: (jobId: string) => bridge.invoke('dismissGeneration', { jobId }),
      listJobs: () => bridge.invoke('listGenerations', undefined),
      getAccess: () => bridge.invoke('getStudioAccess', undefined),
      onJobChanged: (listener: (job: IpcEventPayloads['generationChanged']) => void) => bridge.subscribe('generationChanged', listener),
    },
    gallery: {
      list: (query?: string) => bridge.invoke('listGallery', query ? { query } : undefined),
      remove: (id: string) => bridge.invoke('deleteGalleryItem', { id }),
      reveal: (id: string) => bridge.invoke('revealGalleryItem', { id }),
      copy: (id: string) => bridge.invoke('copyGalleryItem', { id }),
      openInEditor: (id: string) => bridge.invoke('openGalleryItemInEditor', { id }),
      onChanged: (listener: (change: IpcEventPayloads['galleryChanged']) => void) => bridge.subscribe('galleryChanged', listener),
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
