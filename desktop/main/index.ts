import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { createAppUrlPolicy } from './app-urls.ts';
import { createBackendClient } from './backend-client.ts';
import { createBackendStatusMonitor } from './backend-status.ts';
import { checkBackendUrl, DEFAULT_BACKEND_URL } from './backend-url.ts';
import { checkExternalUrl } from './external-links.ts';
import { confirmUnsavedChangesOnClose, electronEditorFileDeps } from './editor-electron.ts';
import { createIpcHandlers } from './handlers.ts';
import { createIpcDispatcher } from './ipc-dispatcher.ts';
import { registerIpc, sendEvent } from './ipc-electron.ts';
import { hardenSession } from './window-security.ts';
import { createMainWindow, createQuickWindow, windowKinds, type WindowUrls } from './windows.ts';

// Composition root: builds the services and wires them to Electron. Logic lives in the modules.
const isDev = !app.isPackaged;
const backendUrlCheck = checkBackendUrl(process.env.PP_BACKEND_URL ?? DEFAULT_BACKEND_URL);

const urls: WindowUrls = {
  devServerUrl: isDev ? process.env.ELECTRON_RENDERER_URL : undefined,
  rendererDir: join(import.meta.dirname, '../renderer'),
  preloadDir: join(import.meta.dirname, '../preload'),
};
const isAppUrl = createAppUrlPolicy(urls);

function openExternal(url: string): void {
  const checked = checkExternalUrl(url, { allowLoopbackHttp: isDev });
  if (checked.ok) void shell.openExternal(checked.url);
}

function start(backendUrl: string): void {
  hardenSession(session.defaultSession);
  const client = createBackendClient({ baseUrl: () => backendUrl });
  const backendStatus = createBackendStatusMonitor({
    client,
    baseUrl: () => backendUrl,
    now: Date.now,
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  });

  const security = { isAppUrl, openExternal };
  let mainWindow = createMainWindow(urls, security);
  confirmUnsavedChangesOnClose(mainWindow);
  const quickWindow = createQuickWindow(urls, security);
  const showMain = () => {
    if (mainWindow.isDestroyed()) {
      mainWindow = createMainWindow(urls, security);
      confirmUnsavedChangesOnClose(mainWindow);
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };
  // Until the tray exists, closing the main window quits rather than leaving an invisible app.
  mainWindow.on('closed', () => app.quit());

  const dispatch = createIpcDispatcher(
    createIpcHandlers({
      appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform },
      backendStatus,
      openInBrowser: (url) => shell.openExternal(url),
      allowLoopbackHttpLinks: isDev,
      windows: { showMain, hideQuick: () => quickWindow.hide() },
      editorFiles: electronEditorFileDeps(() => (mainWindow.isDestroyed() ? undefined : mainWindow)),
    }),
    { isAppUrl, onRejected: (reason, name) => console.warn(`IPC ${name} refused: ${reason}`) },
  );
  registerIpc(dispatch, windowKinds);

  backendStatus.onChange((status) => {
    const targets = BrowserWindow.getAllWindows().map((w) => ({
      contents: w.webContents,
      kind: windowKinds.get(w.webContents.id) ?? 'main',
    }));
    sendEvent(targets, 'backendStatusChanged', status);
  });
  backendStatus.start();

  app.on('second-instance', showMain);
  app.on('activate', showMain);
}

if (!backendUrlCheck.ok) {
  console.error(`PromptPixels: PP_BACKEND_URL refused: ${backendUrlCheck.reason}`);
  app.exit(2);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const backendUrl = backendUrlCheck.url;
  void app.whenReady().then(() => start(backendUrl));
}
