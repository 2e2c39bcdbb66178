import { buildSync } from 'esbuild';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { WindowKind } from '../../shared/ipc-channels.ts';
import { createAppUrlPolicy } from '../../main/app-urls.ts';
import { createBackendClient } from '../../main/backend-client.ts';
import { createBackendStatusMonitor, type BackendStatusMonitor } from '../../main/backend-status.ts';
import { createIpcHandlers, type HandlerDeps } from '../../main/handlers.ts';
import { createIpcDispatcher } from '../../main/ipc-dispatcher.ts';
import { launchChromium } from './chromium.ts';
import { createTestEditorFiles, type TestEditorFiles } from './editor-files.ts';
import { serveDirectory } from './static-server.ts';

const RENDERER_DIR = resolve('out/renderer');

let shimSource: string | undefined;
function browserPreloadSource(): string {
  shimSource ??= buildSync({
    entryPoints: [join(import.meta.dirname, 'browser-preload.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  }).outputFiles[0]!.text;
  return shimSource;
}

export interface RendererHarness {
  browser: Browser;
  context: BrowserContext;
  appUrl: string;
  backendStatus: BackendStatusMonitor;
  /** Every URL the pages requested that is not the app's own files (the no-network checks). */
  foreignRequests: string[];
  /** Opened external links, as the system browser would have received them. */
  openedExternally: string[];
  /** The editor's save/open dialogs and clipboard, answered from a temp folder. */
  editorFiles: TestEditorFiles;
  open(kind: WindowKind, hash?: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The real renderer in Debian's Chromium, with `window.pp` bound to the real main-process
 * handlers and dispatcher in this test process, talking to a real backend at `backendUrl`.
 */
export async function startRendererHarness(opts: {
  backendUrl: string;
  colorScheme?: 'light' | 'dark';
  handlerOverrides?: Partial<HandlerDeps>;
}): Promise<RendererHarness> {
  const site = await serveDirectory(RENDERER_DIR);
  const browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 820 },
    colorScheme: opts.colorScheme ?? 'light',
    deviceScaleFactor: 1,
  });
  const foreignRequests: string[] = [];
  const openedExternally: string[] = [];
  context.on('request', (req) => {
    if (!req.url().startsWith(site.url) && !req.url().startsWith('data:') && !req.url().startsWith('blob:')) {
      foreignRequests.push(req.url());
    }
  });

  const client = createBackendClient({ baseUrl: () => opts.backendUrl });
  const backendStatus = createBackendStatusMonitor({
    client,
    baseUrl: () => opts.backendUrl,
    now: Date.now,
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
    intervalMs: 1_000,
  });
  const pages = new Map<Page, WindowKind>();
  const editorFiles = await createTestEditorFiles();
  const handlers = createIpcHandlers({
    appInfo: { name: 'PromptPixels', version: '0.0.0-test', platform: process.platform },
    backendStatus,
    openInBrowser: async (url) => {
      openedExternally.push(url);
    },
    allowLoopbackHttpLinks: true,
    windows: { showMain: () => undefined, hideQuick: () => undefined },
    editorFiles: editorFiles.deps,
    ...opts.handlerOverrides,
  });
  const isAppUrl = createAppUrlPolicy({ devServerUrl: site.url, rendererDir: RENDERER_DIR });
  const dispatch = createIpcDispatcher(handlers, { isAppUrl });

  backendStatus.onChange((status) => {
    for (const page of pages.keys()) {
      if (!page.isClosed()) void page.evaluate((s) => (window as any).__ppEmit('backendStatusChanged', s), status).catch(() => undefined);
    }
  });
  backendStatus.start();

  return {
    browser,
    context,
    appUrl: site.url,
    backendStatus,
    foreignRequests,
    openedExternally,
    editorFiles,
    async open(kind, hash = '') {
      const page = await context.newPage();
      pages.set(page, kind);
      await page.exposeBinding('__ppInvoke', (source, name: string, payload: unknown) =>
        dispatch(name, payload, {
          frameUrl: source.frame.url(),
          isTopFrame: source.frame.parentFrame() === null,
          windowKind: pages.get(source.page),
        }),
      );
      await page.addInitScript({ content: `window.__ppWindowKind = ${JSON.stringify(kind)};\n${browserPreloadSource()}` });
      await page.goto(`${site.url}/${kind === 'quick' ? 'quick.html' : 'index.html'}${hash}`);
      return page;
    },
    async close() {
      backendStatus.stop();
      await context.close();
      await browser.close();
      await site.close();
      await editorFiles.cleanup();
    },
  };
}
