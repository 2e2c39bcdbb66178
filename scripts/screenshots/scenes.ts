import type { Page } from 'playwright-core';
import type { WindowKind } from '../../desktop/shared/ipc-channels.ts';
import type { RendererHarness } from '../../desktop/test/harness/renderer-harness.ts';
import { finishSignInInBrowser } from '../../desktop/test/harness/sign-in.ts';
import { call } from '../../backend/test/helpers/backend.ts';
import { appPkce, browserSignIn, TestBrowser } from '../../backend/test/helpers/sign-in-flow.ts';
import type { HandlerDeps } from '../../desktop/main/handlers.ts';
import { screenshotQuickService } from './quick-samples.ts';
import type { FalStandIn } from '../../backend/src/sandbox/fal-stand-in.ts';
import { studioScenes } from './studio-scenes.ts';
import { editorScenes } from './editor-scenes.ts';
import { imageToolsScenes } from './image-tools-scenes.ts';
import type { TestBackend } from '../../backend/test/helpers/backend.ts';
import { characterScenes } from './characters-scenes.ts';

/**
 * One screen of the app to render into docs/screenshots/<name>.png. `prepare` drives the page
 * into the state worth showing (after the real backend and handlers answered).
 */
export interface Scene {
  name: string;
  kind: WindowKind;
  hash?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Start with a real signed-in session (a test user on the screenshot backend); default true. */
  signedIn?: boolean;
  prepare?: (page: Page, ctx: SceneContext) => Promise<void>;
  /** Main-process handlers that differ for this scene (gets a harness of its own). */
  handlerOverrides?: Partial<HandlerDeps>;
}

/** What a scene may use besides its page: the harness (main's services) and the backend. */
export interface SceneContext {
  harness: RendererHarness;
  backendUrl: string;
  /** The fal stand-in, to slow or hold generations. */
  fal: FalStandIn;
  // Characters and avatars (issue 7): the backend itself, to run its trackers by hand (jobs are off).
  backend: TestBackend;
}

const waitConnected = async (page: Page) => {
  await page.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor({ timeout: 15_000 });
};

export const scenes: Scene[] = [
  { name: 'shell-light', kind: 'main', hash: '#/studio', prepare: waitConnected },
  { name: 'shell-dark', kind: 'main', hash: '#/studio', colorScheme: 'dark', prepare: waitConnected },
  // privacy & data
  {
    name: 'privacy-signed-in',
    kind: 'main',
    hash: '#/privacy',
    signedIn: true,
    viewport: { width: 1280, height: 1100 },
    prepare: async (page) => {
      await page.getByRole('switch', { name: 'Prompt logging' }).waitFor();
    },
  },
  {
    name: 'privacy-signed-in-dark',
    kind: 'main',
    hash: '#/privacy',
    colorScheme: 'dark',
    signedIn: true,
    viewport: { width: 1280, height: 1100 },
    prepare: async (page) => {
      await page.getByRole('switch', { name: 'Prompt logging' }).waitFor();
    },
  },
  // Credits (issue #4): the page with history and chart, then Buy → waiting for payment.
  ...(['light', 'dark'] as const).flatMap((colorScheme): Scene[] => [
    { name: `credits-${colorScheme}`, kind: 'main', hash: '#/credits', colorScheme, viewport: { width: 1280, height: 1500 }, prepare: creditsLoaded },
    {
      name: `credits-waiting-${colorScheme}`,
      kind: 'main',
      hash: '#/credits',
      colorScheme,
      prepare: async (page) => {
        await creditsLoaded(page);
        await page.locator('[data-pack="creator"]').getByRole('button', { name: /Buy/ }).click();
        await page.getByText('Waiting for payment…').waitFor();
      },
    },
  ]),
  // Tray, quick generate and preferences (issue 9). The popup's size is the quick window's (windows.ts): 680 × 250.
  {
    name: 'quick-generate',
    kind: 'quick',
    viewport: { width: 680, height: 250 },
    prepare: async (page) => {
      await page.getByLabel('Prompt').fill('a paper boat on a pond at sunrise');
      await page.locator('.quick-go', { hasText: 'credit' }).waitFor();
    },
  },
  {
    name: 'quick-generate-idle',
    kind: 'quick',
    viewport: { width: 680, height: 250 },
    handlerOverrides: { quickGenerate: screenshotQuickService({ state: 'ready', balance: 120 }) },
    prepare: async (page) => {
      await page.locator('.quick-go', { hasText: 'credits' }).waitFor();
      await page.getByLabel('Prompt').fill('a red vintage convertible on a coastal road at golden hour');
    },
  },
  {
    name: 'quick-generate-signed-out',
    kind: 'quick',
    viewport: { width: 680, height: 250 },
    handlerOverrides: { quickGenerate: screenshotQuickService({ state: 'signed-out' }) },
    prepare: async (page) => void (await page.getByRole('button', { name: 'Sign in to generate' }).waitFor()),
  },
  {
    name: 'quick-generate-dark',
    kind: 'quick',
    colorScheme: 'dark',
    viewport: { width: 680, height: 250 },
    handlerOverrides: { quickGenerate: screenshotQuickService({ state: 'out-of-credits', balance: 2 }) },
    prepare: async (page) => void (await page.getByRole('button', { name: 'Buy credits' }).waitFor()),
  },
  { name: 'preferences-light', kind: 'main', hash: '#/preferences', viewport: { width: 1280, height: 1400 }, prepare: async (page) => void (await page.getByRole('radiogroup', { name: 'Theme' }).waitFor()) },
  { name: 'preferences-dark', kind: 'main', hash: '#/preferences', colorScheme: 'dark', viewport: { width: 1280, height: 1400 }, prepare: async (page) => void (await page.getByRole('radiogroup', { name: 'Theme' }).waitFor()) },
  // Studio, themes and gallery (issue 5)
  ...studioScenes,
  ...editorScenes,
  ...signInScenes(),
  // Image tools (issue 6)
  ...imageToolsScenes,
  // Characters and avatars (issue 7)
  ...characterScenes,
];

async function creditsLoaded(page: Page): Promise<void> {
  await waitConnected(page);
  await page.locator('.pack-price').first().waitFor();
  await page.getByRole('img', { name: /Credits spent per day/ }).waitFor();
  await page.locator('tbody tr').first().waitFor();
}

function signInScenes(): Scene[] {
  const signedOut = async (page: Page, { harness }: SceneContext) => {
    if (harness.auth.getState().status !== 'signed_out') await harness.auth.signOut();
    await page.getByRole('button', { name: 'Sign in with Google' }).waitFor();
    await waitConnected(page);
  };
  const signIn = async (page: Page, ctx: SceneContext, account: string) => {
    await signedOut(page, ctx);
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await finishSignInInBrowser(ctx.harness, ctx.backendUrl, account);
  };
  return [
    { name: 'signin-signed-out', kind: 'main', hash: '#/account', signedIn: false, prepare: signedOut },
    {
      name: 'signin-waiting',
      kind: 'main',
      hash: '#/account',
      signedIn: false,
      prepare: async (page, ctx) => {
        await signedOut(page, ctx);
        await page.getByRole('button', { name: 'Sign in with Google' }).click();
        await page.getByRole('heading', { name: 'Finish signing in in your browser' }).waitFor();
      },
    },
    {
      name: 'signin-terms',
      kind: 'main',
      hash: '#/studio',
      signedIn: false,
      prepare: async (page, ctx) => {
        await page.goto(page.url().replace(/#.*$/, '#/account'));
        await signIn(page, ctx, 'sandbox-grace');
        await page.evaluate(() => (window.location.hash = '/studio'));
        await page.getByRole('dialog', { name: 'Before you start' }).waitFor();
        await page.getByLabel('I am 13 years old or older').check();
      },
    },
    {
      name: 'signin-account-menu',
      kind: 'main',
      hash: '#/account',
      signedIn: false,
      prepare: async (page, ctx) => {
        await signIn(page, ctx, 'sandbox-ada');
        await ctx.harness.auth.updateAccount({ accept_terms: true, age_confirmed: true });
        await page.locator('[data-slot="account"]').click();
        await page.getByRole('menu', { name: 'Account' }).waitFor();
      },
    },
    {
      name: 'signin-devices',
      kind: 'main',
      hash: '#/account/devices',
      signedIn: false,
      prepare: async (page, ctx) => {
        if (ctx.harness.auth.getState().status !== 'signed_in') await signIn(page, ctx, 'sandbox-ada');
        await ctx.harness.auth.updateAccount({ accept_terms: true, age_confirmed: true });
        // A second device of the same account, signed in through its own real flow.
        const app = appPkce();
        const link = (await browserSignIn(new TestBrowser(), ctx.backendUrl, app, { account: 'sandbox-ada' })).deepLink!;
        await call(ctx.backendUrl, 'POST', '/auth/token', {
          json: { grant_type: 'handoff', code: link.searchParams.get('code'), code_verifier: app.verifier, device_name: 'PromptPixels on work-laptop' },
        });
        await page.reload();
        await page.getByRole('list', { name: 'Signed-in devices' }).getByText('work-laptop').waitFor();
        await page.getByRole('list', { name: 'Signed-in devices' }).getByText('This device').waitFor();
      },
    },
  ];
}
