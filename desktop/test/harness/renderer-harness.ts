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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createStaticTokenBackend } from '../../main/authorized-backend.ts';
import { createStudioServices, type StudioServices } from '../../main/generation/studio-services.ts';
import { MEDIA_SCHEME } from '../../main/gallery/media-protocol.ts';
import { staticTokenEventStream } from '../../main/generation/sse.ts';
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
  open(kind: WindowKind, hash?: string): Promise<Page>;
  /** Studio and gallery services (issue 5), signed in when `accessToken` was given. */
  studio: StudioServices;
  galleryDir: string;
  revealed: string[];
  copied: string[];
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
  /** A session's access token (signInTestUser) for signed-in features; signed out without. */
  accessToken?: string;
  galleryDir?: string;
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
    if (!req.url().startsWith(site.url) && !req.url().startsWith('data:') && !req.url().startsWith('blob:') && !req.url().startsWith(`${MEDIA_SCHEME}:`)) {
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
  const emitToPages = (name: string, payload: unknown) => {
    for (const page of pages.keys()) {
      if (!page.isClosed()) void page.evaluate(([n, p]) => (window as any).__ppEmit(n, p), [name, payload] as const).catch(() => undefined);
    }
  };
  const galleryDir = opts.galleryDir ?? mkdtempSync(join(tmpdir(), 'pp-gallery-'));
  const revealed: string[] = [];
  const copied: string[] = [];
  const studio = createStudioServices({
    client,
    backend: createStaticTokenBackend(client, opts.accessToken),
    galleryDir: () => galleryDir,
    emit: emitToPages,
    revealInFolder: (path) => void revealed.push(path),
    copyImageToClipboard: (path) => void copied.push(path),
    pollMs: 200,
    openEventStream: staticTokenEventStream(() => opts.backendUrl, opts.accessToken),
  });
  // Electron serves pp-media:// with protocol.handle; here the same handler answers through Playwright.
  await context.route(
    (url) => url.protocol === `${MEDIA_SCHEME}:`,
    async (route) => {
      const res = await studio.mediaHandler(new Request(route.request().url()));
      await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) });
    },
  );
  const handlers = createIpcHandlers({
    appInfo: { name: 'PromptPixels', version: '0.0.0-test', platform: process.platform },
    backendStatus,
    openInBrowser: async (url) => {
      openedExternally.push(url);
    },
    allowLoopbackHttpLinks: true,
    windows: { showMain: () => undefined, hideQuick: () => undefined },
    studio: studio.studio,
    gallery: studio.galleryHandlers,
    ...opts.handlerOverrides,
  });
  const isAppUrl = createAppUrlPolicy({ devServerUrl: site.url, rendererDir: RENDERER_DIR });
  const dispatch = createIpcDispatcher(handlers, { isAppUrl });

  backendStatus.onChange((status) => emitToPages('backendStatusChanged', status));
  backendStatus.start();

  return {
    browser,
    context,
    appUrl: site.url,
    backendStatus,
    foreignRequests,
    openedExternally,
    studio,
    galleryDir,
    revealed,
    copied,
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
      if (!opts.galleryDir) rmSync(galleryDir, { recursive: true, force: true });
    },
  };
}
