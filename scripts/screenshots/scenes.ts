import type { Page } from 'playwright-core';
import type { WindowKind } from '../../desktop/shared/ipc-channels.ts';
import type { HandlerDeps } from '../../desktop/main/handlers.ts';
import { screenshotQuickService } from './quick-samples.ts';

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
  prepare?: (page: Page) => Promise<void>;
  /** Main-process handlers that differ for this scene (gets a harness of its own). */
  handlerOverrides?: Partial<HandlerDeps>;
}

const waitConnected = async (page: Page) => {
  await page.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor({ timeout: 15_000 });
};

export const scenes: Scene[] = [
  { name: 'shell-light', kind: 'main', hash: '#/studio', prepare: waitConnected },
  { name: 'shell-dark', kind: 'main', hash: '#/studio', colorScheme: 'dark', prepare: waitConnected },
  // Tray, quick generate and preferences (issue 9). The popup's size is the quick window's (windows.ts): 680 × 250.
  {
    name: 'quick-generate',
    kind: 'quick',
    viewport: { width: 680, height: 250 },
    prepare: async (page) => void (await page.getByRole('alert').filter({ hasText: 'not available in this build' }).waitFor()),
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
];
