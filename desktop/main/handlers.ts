import type { AppInfo } from '../shared/ipc-types.ts';
import type { BackendStatusMonitor } from './backend-status.ts';
import type { CreditsService } from './credits/credits-service.ts';
import { createCheckedOpener } from './external-links.ts';
import type { IpcHandlers } from './ipc-dispatcher.ts';
import { createPrivacyHandlers, type PrivacyDeps } from './privacy/privacy-handlers.ts';
import { createAuthHandlers } from './auth/handlers.ts';
import type { SignInService } from './auth/sign-in-service.ts';
import type { MainDestination } from '../shared/quick-generate.ts';
import type { createPreferencesController } from './preferences/preferences-controller.ts';
import type { QuickGenerateService } from './quick-generate.ts';
import { createGalleryHandlers, type GalleryHandlerDeps } from './gallery/gallery-handlers.ts';
import { createStudioHandlers, type StudioHandlerDeps } from './generation/studio-handlers.ts';
import { createEditorFileHandlers, type EditorFileDeps } from './editor-files.ts';
import { createImageToolsHandlers, type ImageToolsDeps } from './image-tools/image-tools-handlers.ts';
import { createCharacterHandlers, type CharacterHandlerDeps } from './characters/character-handlers.ts';

export interface HandlerDeps {
  appInfo: AppInfo;
  backendStatus: BackendStatusMonitor;
  /** Opens a checked URL in the system browser (Electron's shell.openExternal). */
  openInBrowser: (url: string) => Promise<void>;
  allowLoopbackHttpLinks: boolean;
  windows: { showMain: () => void; hideQuick: () => void };
  privacy: PrivacyDeps;
  credits: CreditsService;
  /** Sign-in, session and account (desktop/main/auth). */
  auth: SignInService;
  // Tray, quick generate and preferences (issue 9).
  preferences: ReturnType<typeof createPreferencesController>;
  /** `start` goes through the quick-generate flow (clipboard, notification) in the app. */
  quickGenerate: Pick<QuickGenerateService, 'options' | 'price' | 'start'>;
  openMainAt: (area: MainDestination) => void;
  studio: StudioHandlerDeps;
  gallery: GalleryHandlerDeps;
  /** Save/open dialogs, file access and the clipboard for the Add Text editor. */
  editorFiles: EditorFileDeps;
  /** Uploads and quotes for the image tools (issue 6). */
  imageTools: ImageToolsDeps;
  // Characters and avatars (issue 7)
  characters: CharacterHandlerDeps;
}

/** The implementations behind the IPC contract; Electron is reached only through `deps`. */
export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  const openChecked = createCheckedOpener(deps.openInBrowser, { allowLoopbackHttp: deps.allowLoopbackHttpLinks });
  const editorFiles = createEditorFileHandlers(deps.editorFiles);
  return {
    getAppInfo: () => deps.appInfo,
    getBackendStatus: () => deps.backendStatus.check(),
    openExternal: ({ url }) => openChecked(url),
    showMainWindow: () => {
      deps.windows.showMain();
      return null;
    },
    hideQuickWindow: () => {
      deps.windows.hideQuick();
      return null;
    },
    ...createPrivacyHandlers(deps.privacy),
    getCredits: () => deps.credits.get(),
    listCreditTransactions: ({ cursor }) => deps.credits.transactions(cursor),
    getCreditUsage: ({ days }) => deps.credits.usage(days),
    listCreditPacks: () => deps.credits.packs(),
    startCreditCheckout: ({ packId }) => deps.credits.startCheckout(packId),
    dismissCreditCheckout: () => deps.credits.dismissCheckout(),
    ...createAuthHandlers(deps.auth),
    // Tray, quick generate and preferences (issue 9).
    getPreferences: () => deps.preferences.get(),
    updatePreferences: (patch) => deps.preferences.update(patch),
    chooseGalleryFolder: () => deps.preferences.chooseGalleryFolder(),
    getQuickOptions: () => deps.quickGenerate.options(),
    getQuickPrice: (request) => deps.quickGenerate.price(request),
    startQuickGenerate: (request) => deps.quickGenerate.start(request),
    openMainAt: ({ area }) => {
      deps.openMainAt(area);
      return null;
    },
    ...createStudioHandlers(deps.studio),
    ...createGalleryHandlers(deps.gallery),
    ...editorFiles,
    ...createImageToolsHandlers(deps.imageTools),
    // Characters and avatars (issue 7)
    ...createCharacterHandlers(deps.characters),
  };
}
