import { fail, ok } from '../shared/result.ts';
import type { AppInfo } from '../shared/ipc-types.ts';
import type { BackendStatusMonitor } from './backend-status.ts';
import { checkExternalUrl } from './external-links.ts';
import type { IpcHandlers } from './ipc-dispatcher.ts';
import type { MainDestination } from '../shared/quick-generate.ts';
import type { createPreferencesController } from './preferences/preferences-controller.ts';
import type { QuickGenerateService } from './quick-generate.ts';

export interface HandlerDeps {
  appInfo: AppInfo;
  backendStatus: BackendStatusMonitor;
  /** Opens a checked URL in the system browser (Electron's shell.openExternal). */
  openInBrowser: (url: string) => Promise<void>;
  allowLoopbackHttpLinks: boolean;
  windows: { showMain: () => void; hideQuick: () => void };
  // Tray, quick generate and preferences (issue 9).
  preferences: ReturnType<typeof createPreferencesController>;
  /** `start` goes through the quick-generate flow (clipboard, notification) in the app. */
  quickGenerate: Pick<QuickGenerateService, 'options' | 'price' | 'start'>;
  openMainAt: (area: MainDestination) => void;
}

/** The implementations behind the IPC contract; Electron is reached only through `deps`. */
export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  return {
    getAppInfo: () => deps.appInfo,
    getBackendStatus: () => deps.backendStatus.check(),
    openExternal: async ({ url }) => {
      const checked = checkExternalUrl(url, { allowLoopbackHttp: deps.allowLoopbackHttpLinks });
      if (!checked.ok) return fail('refused', `That link was not opened: ${checked.reason}.`);
      await deps.openInBrowser(checked.url);
      return ok({ opened: true as const });
    },
    showMainWindow: () => {
      deps.windows.showMain();
      return null;
    },
    hideQuickWindow: () => {
      deps.windows.hideQuick();
      return null;
    },
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
  };
}
