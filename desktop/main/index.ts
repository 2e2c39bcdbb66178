import { app, BrowserWindow, clipboard, ClipboardItem, dialog, globalShortcut, nativeImage, nativeTheme, Notification, safeStorage, session, shell } from 'electron';
import { writeFile } from 'node:fs/promises';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import type { IpcEventName } from '../shared/ipc-channels.ts';
import type { IpcEventPayloads } from '../shared/ipc-types.ts';
import type { MainDestination } from '../shared/quick-generate.ts';
import type { AuthState } from '../shared/auth-types.ts';
import { createAppUrlPolicy } from './app-urls.ts';
import { checkedBrowserOpener } from './auth/browser-opener.ts';
import { parseDeepLink } from './auth/deep-link.ts';
import { createDeepLinkInbox } from './auth/deep-link-inbox.ts';
import { wireDeepLinks } from './auth/electron-deep-links.ts';
import { electronSecretStore } from './auth/electron-secrets.ts';
import { createSignInService } from './auth/sign-in-service.ts';
import { createBackendClient } from './backend-client.ts';
import { createBackendStatusMonitor } from './backend-status.ts';
import { checkBackendUrl, DEFAULT_BACKEND_URL } from './backend-url.ts';
import { createCloseToTray } from './close-to-tray.ts';
import { parseLaunchArgs } from './command-line.ts';
import { createCreditsService } from './credits/credits-service.ts';
import { createStudioServices } from './generation/studio-services.ts';
import { handleMediaScheme, registerMediaScheme } from './media-protocol-electron.ts';
import { galleryForPrivacy } from './gallery/gallery-privacy.ts';
import { recentResults } from './gallery/gallery-recent.ts';
import { RECENT_IN_MENU } from './tray/tray-menu.ts';
import { checkExternalUrl, createCheckedOpener } from './external-links.ts';
import { setLinuxAutostart } from './login-item.ts';
import { confirmUnsavedChangesOnClose, electronEditorFileDeps } from './editor-electron.ts';
import { createIpcHandlers } from './handlers.ts';
import { createCharactersService } from './characters/characters-service.ts';
import { createIpcDispatcher } from './ipc-dispatcher.ts';
import { registerIpc, sendEvent } from './ipc-electron.ts';
import { createNotifier } from './notifications.ts';
import { createPreferenceEffects } from './preferences/apply-preferences.ts';
import { openElectronPreferences } from './preferences/electron-preferences.ts';
import { createPreferencesController } from './preferences/preferences-controller.ts';
import { createStudioQuickGenerate } from './generation/quick-generate-studio.ts';
import { createQuickGenerateFlow } from './quick-generate-flow.ts';
import { createShortcutService, shortcutFallbackAdvice } from './shortcut-service.ts';
import { createElectronTray } from './tray/electron-tray.ts';
import { hardenSession } from './window-security.ts';
import { createMainWindow, createQuickWindow, windowKinds, type WindowUrls } from './windows.ts';

// Composition root: builds the services and wires them to Electron. Logic lives in the modules.
const isDev = !app.isPackaged;
// PP_BACKEND_URL (development, tests) wins over the Preferences setting when present.
const envBackendUrl = process.env.PP_BACKEND_URL === undefined ? undefined : checkBackendUrl(process.env.PP_BACKEND_URL);
const launch = parseLaunchArgs(process.argv);

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

function broadcast<E extends IpcEventName>(name: E, payload: IpcEventPayloads[E]): void {
  const targets = BrowserWindow.getAllWindows().map((w) => ({ contents: w.webContents, kind: windowKinds.get(w.webContents.id) ?? 'main' }));
  sendEvent(targets, name, payload);
}

// Deep links can arrive before the app is ready (macOS open-url, cold-start argv): queue them.
const deepLinks = createDeepLinkInbox();
let showMainWindow: (() => void) | undefined;

const trayAuth = (state: AuthState) =>
  state.status === 'signed_in' ? { signedIn: true as const, name: state.user?.name ?? state.user?.email ?? 'your account' } : { signedIn: false as const };

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  const preferences = openElectronPreferences(app.getPath('userData'));
  // Before any window exists, so their background colours already follow the chosen theme.
  nativeTheme.themeSource = preferences.get().theme;
  const backendUrl = () => {
    if (envBackendUrl?.ok) return envBackendUrl.url;
    const checked = checkBackendUrl(preferences.get().backendUrl);
    return checked.ok ? checked.url : DEFAULT_BACKEND_URL;
  };
  const client = createBackendClient({ baseUrl: backendUrl });
  const secrets = await electronSecretStore({
    safeStorage,
    filePath: join(app.getPath('userData'), 'session.bin'),
    platform: process.platform,
    log: (m) => console.warn(`PromptPixels secrets: ${m}`),
  });
  const auth = createSignInService({
    client,
    backendUrl,
    openInBrowser: checkedBrowserOpener((url) => shell.openExternal(url), { allowLoopbackHttp: isDev }),
    secrets,
    now: Date.now,
    deviceName: `PromptPixels on ${hostname().replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 60) || 'this computer'}`,
    log: (m) => console.warn(`PromptPixels sign-in: ${m}`),
  });
  const credits = createCreditsService({
    backend: auth.authorized,
    openExternal: createCheckedOpener((url) => shell.openExternal(url), { allowLoopbackHttp: isDev }),
    now: Date.now,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  });
  const backendStatus = createBackendStatusMonitor({
    client,
    baseUrl: backendUrl,
    now: Date.now,
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  });
  const notifier = createNotifier({
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
    enabled: () => preferences.get().notifications,
  });

  const security = { isAppUrl, openExternal };
  const inTrayAtStart = launch.quick || preferences.get().startInTray;
  let mainWindow = createMainWindow(urls, security, { showWhenReady: !inTrayAtStart });
  let quickWindow = createQuickWindow(urls, security);
  const closeToTray = createCloseToTray({
    notifier,
    toldAlready: () => preferences.get().toldAboutTray,
    rememberTold: () => void preferences.update({ toldAboutTray: true }),
    platform: process.platform,
  });
  const keepInTray = (win: BrowserWindow) => win.on('close', (event) => closeToTray.onMainWindowClose(event, () => win.hide()));
  keepInTray(mainWindow);
  // Closing only hides (tray); a real quit with unsaved Add Text work asks first.
  confirmUnsavedChangesOnClose(mainWindow);
  const showMain = () => {
    if (mainWindow.isDestroyed()) {
      keepInTray((mainWindow = createMainWindow(urls, security)));
      confirmUnsavedChangesOnClose(mainWindow);
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };
  const openMainAt = (area: MainDestination) => {
    showMain();
    const contents = mainWindow.webContents;
    const send = () => sendEvent([{ contents, kind: 'main' }], 'navigate', { area });
    if (contents.isLoading()) contents.once('did-finish-load', send);
    else send();
  };
  // The window exists from the start (hidden); showing it is the whole cost of opening it.
  const showQuick = () => {
    if (quickWindow.isDestroyed()) quickWindow = createQuickWindow(urls, security);
    quickWindow.center();
    quickWindow.show();
    quickWindow.focus();
    sendEvent([{ contents: quickWindow.webContents, kind: 'quick' }], 'quickWindowShown', { shownAt: Date.now() });
  };
  // The shortcut and a tray click toggle, as launchers do: pressed again, the popup goes away.
  const toggleQuick = () => (!quickWindow.isDestroyed() && quickWindow.isVisible() && quickWindow.isFocused() ? quickWindow.hide() : showQuick());

  const shortcuts = createShortcutService({ globalShortcut, onTrigger: toggleQuick, platform: process.platform });
  const bound = shortcuts.bind(preferences.get().shortcut);
  const tray = createElectronTray({
    // Packaged: electron-builder's extraResources; in development: the checkout's resources/ beside out/.
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(import.meta.dirname, '../../resources'),
    // Sign-in and credits feed these in below; recent results come with the gallery.
    initial: { auth: trayAuth(auth.getState()), creditBalance: undefined, recent: [], shortcut: shortcuts.current() },
    onAction: (action) => {
      if (action.type === 'quick-generate') toggleQuick();
      else if (action.type === 'open-main') showMain();
      else if (action.type === 'open-result' || action.type === 'open-gallery') openMainAt('gallery');
      else if (action.type === 'open-credits') openMainAt('credits');
      else if (action.type === 'sign-in') openMainAt('account');
      else if (action.type === 'sign-out') void auth.signOut();
      else if (action.type === 'preferences') openMainAt('preferences');
      else app.quit();
    },
  });
  if (!bound.ok) {
    notifier.notify({ title: 'Quick generate shortcut unavailable', body: `${bound.message} ${shortcutFallbackAdvice(process.platform, process.env)}`, essential: true, onClick: () => openMainAt('preferences') });
  }
  if (preferences.notice) {
    notifier.notify({ title: 'Preferences were repaired', body: preferences.notice.message, essential: true, onClick: () => openMainAt('preferences') });
  }

  const effects = createPreferenceEffects({
    setThemeSource: (theme) => {
      nativeTheme.themeSource = theme;
    },
    setLaunchAtLogin: (openAtLogin) => {
      if (process.platform !== 'linux') app.setLoginItemSettings({ openAtLogin });
      // Only packaged builds register themselves; a dev checkout would autostart Electron's binary.
      else if (app.isPackaged) setLinuxAutostart(openAtLogin, { configDir: process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), exec: process.env.APPIMAGE ?? process.execPath });
    },
    showShortcutInTray: () => tray.update({ shortcut: shortcuts.current() }),
    recheckBackend: () => void backendStatus.check(),
    broadcast: (prefs) => broadcast('preferencesChanged', prefs),
  });
  effects.applyAll(preferences.get());
  preferences.onChange(effects.onChange);
  // Tokens belong to one backend: pointing the app at another one ends the session here.
  preferences.onChange((_prefs, changed) => {
    if (changed.includes('backendUrl') && auth.authorized.isSignedIn()) void auth.signOut();
  });

  const studioServices = createStudioServices({
    client,
    backend: auth.authorized,
    openEventStream: auth.openEventStream,
    // Read on every use, so a new folder chosen in Preferences applies at once.
    galleryDir: () => preferences.get().galleryFolder ?? join(app.getPath('pictures'), 'PromptPixels'),
    emit: (name, payload) => {
      broadcast(name, payload);
      // The quick popup follows its own jobs through the same stream of changes.
      if (name === 'generationChanged') quickGenerate.observe(payload as IpcEventPayloads['generationChanged']);
      if (name === 'galleryChanged') void refreshRecentInTray();
    },
    revealInFolder: (path) => shell.showItemInFolder(path),
    // PNG is what every platform's clipboard takes; JPEG and WebP gallery files are converted.
    copyImageToClipboard: (path) => {
      const image = nativeImage.createFromPath(path);
      if (image.isEmpty()) throw new Error('image format not readable by nativeImage');
      return clipboard.write([new ClipboardItem({ 'image/png': new Blob([new Uint8Array(image.toPNG())], { type: 'image/png' }) })]);
    },
  });
  handleMediaScheme(session.defaultSession, studioServices.mediaHandler);
  const galleryRights = galleryForPrivacy(studioServices.gallery);
  const refreshRecentInTray = async () => tray.update({ recent: await recentResults(studioServices.gallery, RECENT_IN_MENU + 1) });
  void refreshRecentInTray();

  const quickGenerate = createStudioQuickGenerate({ studio: studioServices, backend: auth.authorized, preferences: () => preferences.get() });
  const quickFlow = createQuickGenerateFlow({
    service: quickGenerate,
    notifier,
    // PNG whatever the file's format: every platform's clipboard takes it.
    copyImageToClipboard: (path) => {
      const png = nativeImage.createFromPath(path).toPNG();
      void clipboard.write([new ClipboardItem({ 'image/png': new Blob([new Uint8Array(png)], { type: 'image/png' }) })]);
    },
    copyAfterGenerate: () => preferences.get().copyAfterQuickGenerate,
    openResult: () => openMainAt('gallery'),
    sendToPopup: (event) => sendEvent([{ contents: quickWindow.webContents, kind: 'quick' }], 'quickGenerateProgress', event),
  });

  // Characters and avatars (issue 7): main follows trainings, so "ready" is announced from the tray too.
  const characters = createCharactersService({
    backend: auth.authorized,
    generations: studioServices.generations,
    notifier,
    openCharacters: () => openMainAt('characters'),
    onChanged: (state) => broadcast('charactersChanged', state),
    onCreditsMoved: () => void credits.refresh(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  });
  auth.onChange((state) => {
    if (state.status === 'signed_in') void characters.refresh();
    else if (state.status === 'signed_out') characters.reset();
  });

  const dispatch = createIpcDispatcher(
    createIpcHandlers({
      appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform },
      backendStatus,
      openInBrowser: (url) => shell.openExternal(url),
      allowLoopbackHttpLinks: isDev,
      windows: { showMain, hideQuick: () => quickWindow.hide() },
      preferences: createPreferencesController({
        service: preferences,
        shortcuts,
        chooseFolder: async (current) => {
          const picked = await dialog.showOpenDialog(mainWindow, {
            title: 'Choose the gallery folder',
            properties: ['openDirectory', 'createDirectory'],
            defaultPath: current ?? app.getPath('pictures'),
          });
          return picked.canceled ? undefined : picked.filePaths[0];
        },
        confirmBackendUrl: async (url) => {
          const answer = await dialog.showMessageBox(mainWindow, {
            type: 'warning',
            title: 'Change the backend?',
            message: `Send all PromptPixels requests, including your sign-in, to ${url}?`,
            detail: 'Only do this for your own server or for development. You may need to sign in again.',
            buttons: ['Cancel', 'Change backend'],
            defaultId: 0,
            cancelId: 0,
          });
          return answer.response === 1;
        },
      }),
      quickGenerate: { options: quickGenerate.options, price: quickGenerate.price, start: quickFlow.start },
      openMainAt,
      privacy: {
        authorized: auth.authorized,
        anonymous: client,
        localGalleryMetadata: () => galleryRights.metadata(),
        chooseSavePath: async (suggestedName) => {
          const res = await dialog.showSaveDialog(mainWindow, { defaultPath: suggestedName, filters: [{ name: 'Zip archive', extensions: ['zip'] }] });
          return res.canceled ? undefined : res.filePath;
        },
        writeFile: (path, bytes) => writeFile(path, bytes, { mode: 0o600 }),
        // The server account is already gone; signing out wipes the keychain and in-memory tokens.
        forgetLocalSession: () => auth.signOut(),
        deleteLocalGallery: async () => void (await galleryRights.deleteAll()),
        now: Date.now,
      },
      credits,
      auth,
      studio: studioServices.studio,
      gallery: studioServices.galleryHandlers,
      editorFiles: electronEditorFileDeps(() => (mainWindow.isDestroyed() ? undefined : mainWindow)),
      // Image tools (issue 6)
      imageTools: { backend: studioServices.studio.backend, gallery: studioServices.gallery },
      characters: { characters },
    }),
    { isAppUrl, onRejected: (reason, name) => console.warn(`IPC ${name} refused: ${reason}`) },
  );
  registerIpc(dispatch, windowKinds);

  backendStatus.onChange((status) => broadcast('backendStatusChanged', status));
  backendStatus.start();

  // Back online: the balance may have moved meanwhile (purchases, spending on another device).
  backendStatus.onChange((status) => {
    if (status.state === 'connected') void credits.refresh();
  });
  credits.onChange((state) => {
    broadcast('creditsChanged', state);
    tray.update({ creditBalance: state.signedIn ? state.available : undefined });
  });
  auth.onChange((state) => {
    // Signing in or out changes whose balance the header and tray show.
    void credits.refresh();
    tray.update({ auth: trayAuth(state) });
    broadcast('authStateChanged', state);
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

  if (launch.quick) quickWindow.once('ready-to-show', showQuick);
  app.on('second-instance', (_event, argv) => (parseLaunchArgs(argv).quick ? showQuick() : showMain()));
  app.on('activate', showMain);
  app.on('before-quit', () => closeToTray.quitRequested());
  // With the main window hidden the app lives on in the tray; only Quit ends it.
  app.on('window-all-closed', () => undefined);
  app.on('will-quit', () => {
    shortcuts.unbindAll();
    tray.destroy();
  });
}

// Wayland gives apps global shortcuts only through the desktop portal (Electron's globalShortcut docs).
if (process.platform === 'linux') app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal');

if (envBackendUrl && !envBackendUrl.ok) {
  console.error(`PromptPixels: PP_BACKEND_URL refused: ${envBackendUrl.reason}`);
  app.exit(2);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerMediaScheme();
  wireDeepLinks(app, deepLinks, { argv: process.argv, defaultApp: process.defaultApp === true, onLink: () => showMainWindow?.() });
  void app.whenReady().then(start);
}
