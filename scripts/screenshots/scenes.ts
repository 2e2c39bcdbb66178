import type { Page } from 'playwright-core';
import type { WindowKind } from '../../desktop/shared/ipc-channels.ts';
import { editorScenes } from './editor-scenes.ts';

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
}

const waitConnected = async (page: Page) => {
  await page.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor({ timeout: 15_000 });
};

export const scenes: Scene[] = [
  { name: 'shell-light', kind: 'main', hash: '#/studio', prepare: waitConnected },
  { name: 'shell-dark', kind: 'main', hash: '#/studio', colorScheme: 'dark', prepare: waitConnected },
  { name: 'quick-generate', kind: 'quick', viewport: { width: 640, height: 220 }, prepare: waitConnected },
  ...editorScenes,
];
