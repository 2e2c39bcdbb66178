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
  // privacy & support
  getConsents: { channel: 'privacy:get-consents', windows: ['main'] },
  setConsents: { channel: 'privacy:set-consents', windows: ['main'] },
  exportMyData: { channel: 'privacy:export', windows: ['main'] },
  deleteAccount: { channel: 'privacy:delete-account', windows: ['main'] },
  getSupportSubjects: { channel: 'support:get-subjects', windows: ['main'] },
  sendSupportMessage: { channel: 'support:send', windows: ['main'] },
  // Credits and billing (issue #4)
  getCredits: { channel: 'credits:get', windows: ['main'] },
  listCreditTransactions: { channel: 'credits:list-transactions', windows: ['main'] },
  getCreditUsage: { channel: 'credits:get-usage', windows: ['main'] },
  listCreditPacks: { channel: 'credits:list-packs', windows: ['main'] },
  startCreditCheckout: { channel: 'credits:start-checkout', windows: ['main'] },
  dismissCreditCheckout: { channel: 'credits:dismiss-checkout', windows: ['main'] },
  // Sign-in and account
  getAuthState: { channel: 'auth:get-state', windows: ['main'] },
  startSignIn: { channel: 'auth:start', windows: ['main'] },
  cancelSignIn: { channel: 'auth:cancel', windows: ['main'] },
  signOut: { channel: 'auth:sign-out', windows: ['main'] },
  getAccount: { channel: 'account:get', windows: ['main'] },
  updateAccount: { channel: 'account:update', windows: ['main'] },
  acceptTerms: { channel: 'account:accept-terms', windows: ['main'] },
  listDevices: { channel: 'account:list-devices', windows: ['main'] },
  revokeDevice: { channel: 'account:revoke-device', windows: ['main'] },
  // Tray, quick generate and preferences (issue 9).
  getPreferences: { channel: 'preferences:get', windows: ['main', 'quick'] },
  updatePreferences: { channel: 'preferences:update', windows: ['main'] },
  chooseGalleryFolder: { channel: 'preferences:choose-gallery-folder', windows: ['main'] },
  getQuickOptions: { channel: 'quick:get-options', windows: ['quick'] },
  getQuickPrice: { channel: 'quick:get-price', windows: ['quick'] },
  startQuickGenerate: { channel: 'quick:start', windows: ['quick'] },
  openMainAt: { channel: 'window:open-main-at', windows: ['quick'] },
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
  saveImageToGallery: { channel: 'gallery:save-image', windows: ['main'] },
  getStudioAccess: { channel: 'studio:get-access', windows: ['main'] },
  saveExportedImage: { channel: 'editor:save-exported-image', windows: ['main'] },
  saveProjectFile: { channel: 'editor:save-project', windows: ['main'] },
  openProjectFile: { channel: 'editor:open-project', windows: ['main'] },
  copyImageToClipboard: { channel: 'editor:copy-image', windows: ['main'] },
  // Image tools (issue 6)
  uploadImage: { channel: 'image-tools:upload', windows: ['main'] },
  uploadGalleryImage: { channel: 'image-tools:upload-gallery-item', windows: ['main'] },
  quoteImageTool: { channel: 'image-tools:quote', windows: ['main'] },
  // Characters and avatars (issue 7)
  listCharacters: { channel: 'characters:list', windows: ['main'] },
  createCharacter: { channel: 'characters:create', windows: ['main'] },
  deleteCharacter: { channel: 'characters:delete', windows: ['main'] },
  generateWithCharacter: { channel: 'characters:generate', windows: ['main'] },
} as const satisfies Record<string, { channel: string; windows: readonly WindowKind[] }>;

export type IpcRequestName = keyof typeof ipcRequests;

export const ipcEvents = {
  backendStatusChanged: { channel: 'event:backend-status', windows: ['main', 'quick'] },
  creditsChanged: { channel: 'event:credits', windows: ['main'] },
  authStateChanged: { channel: 'event:auth-state', windows: ['main'] },
  // Tray, quick generate and preferences (issue 9).
  preferencesChanged: { channel: 'event:preferences-changed', windows: ['main', 'quick'] },
  quickGenerateProgress: { channel: 'event:quick-generate', windows: ['quick'] },
  quickWindowShown: { channel: 'event:quick-window-shown', windows: ['quick'] },
  navigate: { channel: 'event:navigate', windows: ['main'] },
  // Studio, themes and gallery (issue 5)
  generationChanged: { channel: 'event:generation-changed', windows: ['main'] },
  galleryChanged: { channel: 'event:gallery-changed', windows: ['main'] },
  // Characters and avatars (issue 7)
  charactersChanged: { channel: 'event:characters-changed', windows: ['main'] },
} as const satisfies Record<string, { channel: string; windows: readonly WindowKind[] }>;

export type IpcEventName = keyof typeof ipcEvents;
