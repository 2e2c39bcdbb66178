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
  saveExportedImage: { channel: 'editor:save-exported-image', windows: ['main'] },
  saveProjectFile: { channel: 'editor:save-project', windows: ['main'] },
  openProjectFile: { channel: 'editor:open-project', windows: ['main'] },
  copyImageToClipboard: { channel: 'editor:copy-image', windows: ['main'] },
} as const satisfies Record<string, { channel: string; windows: readonly WindowKind[] }>;

export type IpcRequestName = keyof typeof ipcRequests;

export const ipcEvents = {
  backendStatusChanged: { channel: 'event:backend-status', windows: ['main', 'quick'] },
} as const satisfies Record<string, { channel: string; windows: readonly WindowKind[] }>;

export type IpcEventName = keyof typeof ipcEvents;
