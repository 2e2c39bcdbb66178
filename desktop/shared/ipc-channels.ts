/**
 * The IPC contract's channel table: names, channels and which window kinds may use each.
 * Kept free of runtime dependencies so the sandboxed preloads stay tiny; payload schemas
 * live in ipc-schemas.ts (main validates with them, preload imports only their types).
 */
export type WindowKind = 'main' | 'quick';

export const ipcRequests = {
  getAppInfo: { channel: 'app:get-info', windows: ['main', 'quick'] },
  getBackendStatus: { channel: 'backend:get-status', windows: ['main', 'quick'] },
  openExternal: { channel: 'shell:open-external', windows: ['main', 'quick'] },
  showMainWindow: { channel: 'window:show-main', windows: ['quick'] },
  hideQuickWindow: { channel: 'window:hide-quick', windows: ['quick'] },
  // Studio, themes and gallery (issue 5)
  getToolCatalog: { channel: 'studio:get-catalog', windows: ['main'] },
  quoteGeneration: { channel: 'studio:quote', windows: ['main'] },
  startGeneration: { channel: 'studio:start', windows: ['main'] },
  retryGeneration: { channel: 'studio:retry', windows: ['main'] },
  cancelGeneration: { channel: 'studio:cancel', windows: ['main'] },
  dismissGeneration: { channel: 'studio:dismiss', windows: ['main'] },
  listGenerations: { channel: 'studio:list-jobs', windows: ['main'] },
  listGallery: { channel: 'gallery:list', windows: ['main'] },
  deleteGalleryItem: { channel: 'gallery:delete', windows: ['main'] },
  revealGalleryItem: { channel: 'gallery:reveal', windows: ['main'] },
  copyGalleryItem: { channel: 'gallery:copy', windows: ['main'] },
  openGalleryItemInEditor: { channel: 'gallery:open-in-editor', windows: ['main'] },
  getStudioAccess: { channel: 'studio:get-access', windows: ['main'] },
} as const satisfies Record<string, { channel: string; windows: readonly WindowKind[] }>;

export type IpcRequestName = keyof typeof ipcRequests;

export const ipcEvents = {
  backendStatusChanged: { channel: 'event:backend-status', windows: ['main', 'quick'] },
  // Studio, themes and gallery (issue 5)
  generationChanged: { channel: 'event:generation-changed', windows: ['main'] },
  galleryChanged: { channel: 'event:gallery-changed', windows: ['main'] },
} as const satisfies Record<string, { channel: string; windows: readonly WindowKind[] }>;

export type IpcEventName = keyof typeof ipcEvents;
