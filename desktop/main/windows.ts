import { BrowserWindow, nativeTheme } from 'electron';
import { join } from 'node:path';
import type { WindowKind } from '../shared/ipc-channels.ts';
import { hardenWebContents, secureWebPreferences } from './window-security.ts';

export interface WindowUrls {
  /** Dev server URL in development, undefined when loading the built files. */
  devServerUrl: string | undefined;
  rendererDir: string;
  preloadDir: string;
}

/** Remembers which window kind each webContents belongs to, for the IPC sender check. */
export const windowKinds = new Map<number, WindowKind>();

function load(win: BrowserWindow, urls: WindowUrls, page: 'index.html' | 'quick.html'): void {
  if (urls.devServerUrl) void win.loadURL(new URL(page, urls.devServerUrl).toString());
  else void win.loadFile(join(urls.rendererDir, page));
}

function track(win: BrowserWindow, kind: WindowKind): void {
  const id = win.webContents.id;
  windowKinds.set(id, kind);
  win.on('closed', () => windowKinds.delete(id));
}

export function createMainWindow(
  urls: WindowUrls,
  security: { isAppUrl: (url: string) => boolean; openExternal: (url: string) => void },
  options: { showWhenReady?: boolean } = {},
): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'PromptPixels',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#121019' : '#f6f5fb',
    webPreferences: secureWebPreferences(join(urls.preloadDir, 'main.cjs')),
  });
  track(win, 'main');
  hardenWebContents(win.webContents, security);
  // "Start in the tray" (and `--quick`) create the window without showing it.
  if (options.showWhenReady !== false) win.once('ready-to-show', () => win.show());
  load(win, urls, 'index.html');
  return win;
}

/** Created hidden at start so showing it is instant. */
export function createQuickWindow(
  urls: WindowUrls,
  security: { isAppUrl: (url: string) => boolean; openExternal: (url: string) => void },
): BrowserWindow {
  const win = new BrowserWindow({
    width: 680,
    height: 250,
    show: false,
    frame: false,
    resizable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Quick generate',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1d1a28' : '#ffffff',
    // Not throttled while hidden, so the first frame after show() is not waiting on a woken renderer
    // (bench/quick-window: a resumed renderer's p95 is ~3× an awake one's).
    webPreferences: { ...secureWebPreferences(join(urls.preloadDir, 'quick.cjs')), backgroundThrottling: false },
  });
  track(win, 'quick');
  hardenWebContents(win.webContents, security);
  win.on('blur', () => win.hide());
  // macOS: appear over full-screen apps and on the current Space, like a launcher.
  if (process.platform === 'darwin') win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
  load(win, urls, 'quick.html');
  return win;
}
