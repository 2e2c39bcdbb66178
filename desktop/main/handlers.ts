import { fail, ok } from '../shared/result.ts';
import type { AppInfo } from '../shared/ipc-types.ts';
import type { BackendStatusMonitor } from './backend-status.ts';
import { checkExternalUrl } from './external-links.ts';
import type { IpcHandlers } from './ipc-dispatcher.ts';
import { createEditorFileHandlers, type EditorFileDeps } from './editor-files.ts';

export interface HandlerDeps {
  appInfo: AppInfo;
  backendStatus: BackendStatusMonitor;
  /** Opens a checked URL in the system browser (Electron's shell.openExternal). */
  openInBrowser: (url: string) => Promise<void>;
  allowLoopbackHttpLinks: boolean;
  windows: { showMain: () => void; hideQuick: () => void };
  /** Save/open dialogs, file access and the clipboard for the Add Text editor. */
  editorFiles: EditorFileDeps;
}

/** The implementations behind the IPC contract; Electron is reached only through `deps`. */
export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  const editorFiles = createEditorFileHandlers(deps.editorFiles);
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
    ...editorFiles,
  };
}
