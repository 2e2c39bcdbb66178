import type { Page } from 'playwright-core';
import type { WindowKind } from '../../desktop/shared/ipc-channels.ts';

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
  /** Render with a real signed-in session (a test user on the screenshot backend); default true. */
  signedIn?: boolean;
  prepare?: (page: Page) => Promise<void>;
}

const waitConnected = async (page: Page) => {
  await page.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor({ timeout: 15_000 });
};

export const scenes: Scene[] = [
  { name: 'shell-light', kind: 'main', hash: '#/studio', prepare: waitConnected },
  { name: 'shell-dark', kind: 'main', hash: '#/studio', colorScheme: 'dark', prepare: waitConnected },
  { name: 'quick-generate', kind: 'quick', viewport: { width: 640, height: 220 }, prepare: waitConnected },
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
];

async function creditsLoaded(page: Page): Promise<void> {
  await waitConnected(page);
  await page.locator('.pack-price').first().waitFor();
  await page.getByRole('img', { name: /Credits spent per day/ }).waitFor();
  await page.locator('tbody tr').first().waitFor();
}
