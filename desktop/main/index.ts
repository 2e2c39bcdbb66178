import { app, BrowserWindow, dialog, safeStorage, session, shell } from 'electron';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { checkedBrowserOpener } from './auth/browser-opener.ts';
import { parseDeepLink } from './auth/deep-link.ts';
import { createDeepLinkInbox } from './auth/deep-link-inbox.ts';
import { wireDeepLinks } from './auth/electron-deep-links.ts';
import { electronSecretStore } from './auth/electron-secrets.ts';
import { createSignInService } from './auth/sign-in-service.ts';
import { createAppUrlPolicy } from './app-urls.ts';
import { createBackendClient } from './backend-client.ts';
import { createBackendStatusMonitor } from './backend-status.ts';
import { checkBackendUrl, DEFAULT_BACKEND_URL } from './backend-url.ts';
import { createCreditsService } from './credits/credits-service.ts';
import { checkExternalUrl, createCheckedOpener } from './external-links.ts';
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

// Deep links can arrive before the app is ready (macOS open-url, cold-start argv): queue them.
const deepLinks = createDeepLinkInbox();
let showMainWindow: (() => void) | undefined;

async function start(backendUrl: string): Promise<void> {
  hardenSession(session.defaultSession);
  const client = createBackendClient({ baseUrl: () => backendUrl });
  const secrets = await electronSecretStore({
    safeStorage,
    filePath: join(app.getPath('userData'), 'session.bin'),
    platform: process.platform,
    log: (m) => console.warn(`PromptPixels secrets: ${m}`),
  });
  const auth = createSignInService({
    client,
    backendUrl: () => backendUrl,
    openInBrowser: checkedBrowserOpener((url) => shell.openExternal(url), { allowLoopbackHttp: isDev }),
    secrets,
    now: Date.now,
    deviceName: `PromptPixels on ${hostname().replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 60) || 'this computer'}`,
    log: (m) => console.warn(`PromptPixels sign-in: ${m}`),
  });
  const backendStatus = createBackendStatusMonitor({
    client,
    baseUrl: () => backendUrl,
    now: Date.now,
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  });

  const security = { isAppUrl, openExternal };
  let mainWindow = createMainWindow(urls, security);
  const quickWindow = createQuickWindow(urls, security);
  const showMain = () => {
    if (mainWindow.isDestroyed()) mainWindow = createMainWindow(urls, security);
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };
  // Until the tray exists, closing the main window quits rather than leaving an invisible app.
  mainWindow.on('closed', () => app.quit());

  const credits = createCreditsService({
    backend: auth.authorized,
    openExternal: createCheckedOpener((url) => shell.openExternal(url), { allowLoopbackHttp: isDev }),
    now: Date.now,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  });

  const dispatch = createIpcDispatcher(
    createIpcHandlers({
      appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform },
      backendStatus,
      openInBrowser: (url) => shell.openExternal(url),
      allowLoopbackHttpLinks: isDev,
      windows: { showMain, hideQuick: () => quickWindow.hide() },
      privacy: {
        authorized: auth.authorized,
        anonymous: client,
        localGalleryMetadata: async () => [],
        chooseSavePath: async (suggestedName) => {
          const res = await dialog.showSaveDialog(mainWindow, { defaultPath: suggestedName, filters: [{ name: 'Zip archive', extensions: ['zip'] }] });
          return res.canceled ? undefined : res.filePath;
        },
        writeFile: (path, bytes) => writeFile(path, bytes, { mode: 0o600 }),
        // The server account is already gone; signing out wipes the keychain and in-memory tokens.
        forgetLocalSession: () => auth.signOut(),
        deleteLocalGallery: async () => undefined,
        now: Date.now,
      },
      credits,
      auth,
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

  // Back online: the balance may have moved meanwhile (purchases, spending on another device).
  backendStatus.onChange((status) => {
    if (status.state === 'connected') void credits.refresh();
  });
  credits.onChange((state) => {
    const targets = BrowserWindow.getAllWindows().map((w) => ({ contents: w.webContents, kind: windowKinds.get(w.webContents.id) ?? 'main' }));
    sendEvent(targets, 'creditsChanged', state);
  });

  app.on('second-instance', showMain);
  app.on('activate', showMain);

  auth.onChange((state) => {
    // Signing in or out changes whose balance the header shows.
    void credits.refresh();
    const targets = BrowserWindow.getAllWindows().map((w) => ({ contents: w.webContents, kind: windowKinds.get(w.webContents.id) ?? 'main' }));
    sendEvent(targets, 'authStateChanged', state);
  });
  showMainWindow = showMain;
  void auth.restore().then(() =>
    deepLinks.attach((url) => {
      // The return link only says "look again": credits re-reads the balance from the server.
      const parsed = parseDeepLink(url);
      if (parsed.ok && parsed.link.route === 'billing/return') void credits.handleBillingReturn(parsed.link.checkoutId);
      else void auth.handleDeepLink(url);
    }),
  );
}

if (!backendUrlCheck.ok) {
  console.error(`PromptPixels: PP_BACKEND_URL refused: ${backendUrlCheck.reason}`);
  app.exit(2);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const backendUrl = backendUrlCheck.url;
  wireDeepLinks(app, deepLinks, { argv: process.argv, defaultApp: process.defaultApp === true, onLink: () => showMainWindow?.() });
  void app.whenReady().then(() => start(backendUrl));
}
