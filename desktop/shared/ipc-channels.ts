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
  // Tray, quick generate and preferences (issue 9).
  getPreferences: { channel: 'preferences:get', windows: ['main', 'quick'] },
  updatePreferences: { channel: 'preferences:update', windows: ['main'] },
  chooseGalleryFolder: { channel: 'preferences:choose-gallery-folder', windows: ['main'] },
  getQuickOptions: { channel: 'quick:get-options', windows: ['quick'] },
  getQuickPrice: { channel: 'quick:get-price', windows: ['quick'] },
  startQuickGenerate: { channel: 'quick:start', windows: ['quick'] },
  openMainAt: { channel: 'window:open-main-at', windows: ['quick'] },
} as const satisfies Record<string, { channel: string; windows: readonly WindowKind[] }>;

export type IpcRequestName = keyof typeof ipcRequests;

export const ipcEvents = {
  backendStatusChanged: { channel: 'event:backend-status', windows: ['main', 'quick'] },
  // Tray, quick generate and preferences (issue 9).
  preferencesChanged: { channel: 'event:preferences-changed', windows: ['main', 'quick'] },
  quickGenerateProgress: { channel: 'event:quick-generate', windows: ['quick'] },
  quickWindowShown: { channel: 'event:quick-window-shown', windows: ['quick'] },
  navigate: { channel: 'event:navigate', windows: ['main'] },
} as const satisfies Record<string, { channel: string; windows: readonly WindowKind[] }>;

export type IpcEventName = keyof typeof ipcEvents;
