import { fail, ok } from '../shared/result.ts';
import type { AppInfo } from '../shared/ipc-types.ts';
import type { BackendStatusMonitor } from './backend-status.ts';
import { checkExternalUrl } from './external-links.ts';
import type { IpcHandlers } from './ipc-dispatcher.ts';
import { createGalleryHandlers, type GalleryHandlerDeps } from './gallery/gallery-handlers.ts';
import { createStudioHandlers, type StudioHandlerDeps } from './generation/studio-handlers.ts';

export interface HandlerDeps {
  appInfo: AppInfo;
  backendStatus: BackendStatusMonitor;
  /** Opens a checked URL in the system browser (Electron's shell.openExternal). */
  openInBrowser: (url: string) => Promise<void>;
  allowLoopbackHttpLinks: boolean;
  windows: { showMain: () => void; hideQuick: () => void };
  studio: StudioHandlerDeps;
  gallery: GalleryHandlerDeps;
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
    ...createStudioHandlers(deps.studio),
    ...createGalleryHandlers(deps.gallery),
  };
}
