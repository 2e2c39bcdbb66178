import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ipcEvents, type WindowKind } from '../../shared/ipc-channels.ts';
import { createAppUrlPolicy } from '../../main/app-urls.ts';
import { createBackendClient } from '../../main/backend-client.ts';
import { createBackendStatusMonitor, type BackendStatusMonitor } from '../../main/backend-status.ts';
import { createIpcHandlers, type HandlerDeps } from '../../main/handlers.ts';
import { createIpcDispatcher } from '../../main/ipc-dispatcher.ts';
import { createCreditsService, type CreditsService } from '../../main/credits/credits-service.ts';
import { createCheckedOpener } from '../../main/external-links.ts';
import { launchChromium } from './chromium.ts';
import { checkedBrowserOpener } from '../../main/auth/browser-opener.ts';
import { createMemoryStore } from '../../main/auth/secret-store.ts';
import { createSignInService, type SignInService } from '../../main/auth/sign-in-service.ts';
import { createTrayHarnessDeps, type TrayHarnessDeps } from './tray-harness-deps.ts';
import type { IpcEventName } from '../../shared/ipc-channels.ts';
import type { IpcEventPayloads } from '../../shared/ipc-types.ts';
import { createStudioServices, type StudioServices } from '../../main/generation/studio-services.ts';
import { MEDIA_SCHEME } from '../../main/gallery/media-protocol.ts';
import { galleryForPrivacy } from '../../main/gallery/gallery-privacy.ts';
import { createStudioQuickGenerate } from '../../main/generation/quick-generate-studio.ts';
import { createTestEditorFiles, type TestEditorFiles } from './editor-files.ts';
import { serveDirectory } from './static-server.ts';
import { createCharactersService, type CharactersService } from '../../main/characters/characters-service.ts';

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
  /** Files main wrote where the user "chose" in a save dialog (a temp folder stands in for it). */
  savedFiles: string[];
  /** Local clean-up main performed (forgetting the session, deleting the gallery). */
  localEffects: string[];
  /** The editor's save/open dialogs and clipboard, answered from a temp folder. */
  editorFiles: TestEditorFiles;
  open(kind: WindowKind, hash?: string): Promise<Page>;
  /** Studio and gallery services (issue 5), signed in when `accessToken` was given. */
  studio: StudioServices;
  galleryDir: string;
  revealed: string[];
  copied: string[];
  close(): Promise<void>;
  /** Main's credits service (signed in when `session` was given). */
  credits: CreditsService;
  /** The real sign-in service behind window.pp.auth (memory secret store); tests feed it deep links. */
  auth: SignInService;
  // Tray, quick generate and preferences (issue 9).
  /** Pushes an event to every open page whose kind may receive it, as main's sendEvent does. */
  emit<E extends IpcEventName>(name: E, payload: IpcEventPayloads[E]): Promise<void>;
  tray: TrayHarnessDeps;
  // Characters and avatars (issue 7)
  characters: CharactersService;
  /** System notifications main showed (title and body), in order. */
  notifications: Array<{ title: string; body: string }>;
}

/**
 * The real renderer in Debian's Chromium, with `window.pp` bound to the real main-process
 * handlers and dispatcher in this test process, talking to a real backend at `backendUrl`.
 */
export async function startRendererHarness(opts: {
  backendUrl: string;
  colorScheme?: 'light' | 'dark';
  /** A real session (signInTestUser's refresh token) to start signed in; omitted = signed out. */
  session?: { refreshToken: string };
  handlerOverrides?: Partial<HandlerDeps>;
  /** Poll intervals for the credits service (tests shorten them). */
  creditsTiming?: { checkoutPollMs?: number; returnPollMs?: number; checkoutWaitMs?: number; returnWaitMs?: number };
  /** The gallery folder main uses (a fresh temp folder when absent). */
  galleryDir?: string;
}): Promise<RendererHarness> {
  const saveDir = mkdtempSync(join(tmpdir(), 'pp-harness-saves-'));
  const savedFiles: string[] = [];
  const localEffects: string[] = [];
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
  // One real session for everything, as in the app: a refresh token (signInTestUser or a real
  // flow) seeds the memory keychain, and restore() trades it for fresh tokens.
  const sessionStore = createMemoryStore();
  if (opts.session) await sessionStore.set(opts.session.refreshToken);
  const auth = createSignInService({
    client,
    backendUrl: () => opts.backendUrl,
    openInBrowser: checkedBrowserOpener(async (url) => void openedExternally.push(url), { allowLoopbackHttp: true }),
    secrets: sessionStore,
    now: Date.now,
    deviceName: 'PromptPixels on the test harness',
  });
  await auth.restore();
  const openInBrowser = async (url: string) => {
    openedExternally.push(url);
  };
  const credits = createCreditsService({
    backend: auth.authorized,
    openExternal: createCheckedOpener(openInBrowser, { allowLoopbackHttp: true }),
    now: Date.now,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    ...opts.creditsTiming,
  });
  const emit = async <E extends IpcEventName>(name: E, payload: IpcEventPayloads[E]) => {
    const allowed: readonly WindowKind[] = ipcEvents[name].windows;
    for (const [page, kind] of pages) {
      if (!page.isClosed() && allowed.includes(kind)) await page.evaluate(([n, p]) => (window as any).__ppEmit(n, p), [name, payload] as const).catch(() => undefined);
    }
  };
  const tray = createTrayHarnessDeps({ emit });
  const galleryDir = opts.galleryDir ?? mkdtempSync(join(tmpdir(), 'pp-gallery-'));
  const revealed: string[] = [];
  const copied: string[] = [];
  const studio = createStudioServices({
    client,
    backend: auth.authorized,
    galleryDir: () => galleryDir,
    emit: (name, payload) => {
      void emit(name, payload);
      if (name === 'generationChanged') quick.observe(payload as IpcEventPayloads['generationChanged']);
    },
    revealInFolder: (path) => void revealed.push(path),
    copyImageToClipboard: (path) => void copied.push(path),
    pollMs: 200,
    openEventStream: auth.openEventStream,
  });
  const quick = createStudioQuickGenerate({ studio, backend: auth.authorized, preferences: () => tray.preferences.get() });
  quick.onEvent((event) => void emit('quickGenerateProgress', event));
  // Electron serves pp-media:// with protocol.handle; here the same handler answers through Playwright.
  await context.route(
    (url) => url.protocol === `${MEDIA_SCHEME}:`,
    async (route) => {
      const res = await studio.mediaHandler(new Request(route.request().url()));
      await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) });
    },
  );
  const editorFiles = await createTestEditorFiles();
  // Characters and avatars (issue 7): the real service, with notifications recorded.
  const notifications: Array<{ title: string; body: string }> = [];
  const characters = createCharactersService({
    backend: auth.authorized,
    generations: studio.generations,
    notifier: { notify: (n) => (notifications.push({ title: n.title, body: n.body }), true) },
    openCharacters: () => undefined,
    onChanged: (state) => void emit('charactersChanged', state),
    onCreditsMoved: () => void credits.refresh(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    pollMs: 150,
  });
  const handlers = createIpcHandlers({
    appInfo: { name: 'PromptPixels', version: '0.0.0-test', platform: process.platform },
    backendStatus,
    openInBrowser,
    allowLoopbackHttpLinks: true,
    windows: { showMain: () => undefined, hideQuick: () => undefined },
    privacy: {
      authorized: auth.authorized,
      anonymous: client,
      localGalleryMetadata: () => galleryForPrivacy(studio.gallery).metadata(),
      chooseSavePath: async (name) => join(saveDir, name),
      writeFile: async (path, bytes) => {
        writeFileSync(path, bytes);
        savedFiles.push(path);
      },
      forgetLocalSession: async () => {
        localEffects.push('forgot session');
      },
      deleteLocalGallery: async () => {
        localEffects.push('deleted gallery');
      },
      now: Date.now,
    },
    credits,
    auth,
    ...tray.handlerDeps,
    // As in the app: quick generate runs on the studio pipeline (the popup's events follow it).
    quickGenerate: { options: quick.options, price: quick.price, start: quick.start },
    studio: studio.studio,
    gallery: studio.galleryHandlers,
    editorFiles: editorFiles.deps,
    imageTools: { backend: studio.studio.backend, gallery: studio.gallery },
    characters: { characters },
    ...opts.handlerOverrides,
  });
  const isAppUrl = createAppUrlPolicy({ devServerUrl: site.url, rendererDir: RENDERER_DIR });
  const dispatch = createIpcDispatcher(handlers, { isAppUrl });

  backendStatus.onChange((status) => void emit('backendStatusChanged', status));
  backendStatus.start();
  credits.onChange((state) => void emit('creditsChanged', state));
  auth.onChange((state) => {
    // As the app's composition root does: signing in or out changes whose balance shows.
    void credits.refresh();
    void emit('authStateChanged', state);
  });

  return {
    credits,
    auth,
    browser,
    context,
    appUrl: site.url,
    backendStatus,
    foreignRequests,
    openedExternally,
    savedFiles,
    localEffects,
    studio,
    galleryDir,
    revealed,
    copied,
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
    emit,
    tray,
    characters,
    notifications,
    async close() {
      characters.reset();
      tray.dispose();
      backendStatus.stop();
      credits.stop();
      await context.close();
      await browser.close();
      await site.close();
      if (!opts.galleryDir) rmSync(galleryDir, { recursive: true, force: true });
      await editorFiles.cleanup();
    },
  };
}
