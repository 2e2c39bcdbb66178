import type { Page } from 'playwright-core';
import type { Scene, SceneContext } from './scenes.ts';

/** Waits until every matching <img> has loaded (polled from Node: the page's CSP forbids eval). */
async function imagesLoaded(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const done = await page.locator(selector).evaluateAll((imgs) => imgs.length > 0 && imgs.every((img) => 'complete' in img && img.complete === true));
    if (done) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`images ${selector} did not load`);
}

const FAST = { queueMs: 150, runMs: 400, steps: 4 };

async function studioIdle(page: Page): Promise<void> {
  await page.locator('.model').first().waitFor();
  await page.getByLabel('Prompt', { exact: true }).fill('A cosy reading nook by a rainy window, warm lamp light, plants');
  await page.getByRole('radio', { name: '16:9', exact: true }).click();
  await page.getByRole('radio', { name: 'Cinematic' }).click();
  await page.locator('.generate .cost[data-cost]').waitFor();
  await page.locator('.content').evaluate((el) => el.scrollTo(0, 0));
  await page.locator('.studio-options').evaluate((el) => el.scrollTo(0, 0));
  await page.mouse.move(1, 1);
}

async function generate(page: Page, prompt: string, count: number): Promise<void> {
  await page.getByLabel('Prompt', { exact: true }).fill(prompt);
  await page.getByRole('radiogroup', { name: 'Number of images' }).getByRole('radio', { name: String(count) }).click();
  await page.locator('.generate .cost[data-cost]').waitFor();
  await page.keyboard.press('Control+Enter');
}

/** Two finished generations with their images, and one still running with its progress. */
async function studioWithProgress(page: Page, { fal }: SceneContext): Promise<void> {
  fal.setBehaviour(FAST);
  await page.locator('.model').first().waitFor();
  await generate(page, 'Lighthouse on a cliff at dusk, crashing waves', 4);
  await page.locator('.job[data-job-status="succeeded"]').first().waitFor({ timeout: 20_000 });
  await generate(page, 'Isometric tiny island village, soft pastel colours', 2);
  await page.locator('.job[data-job-status="succeeded"]').nth(1).waitFor({ timeout: 20_000 });
  fal.setBehaviour({ queueMs: 0, runMs: 60_000, steps: 20 });
  await generate(page, 'Portrait of an astronaut cat, studio lighting', 2);
  await page.locator('.job[data-job-status="running"] [aria-valuenow]').first().waitFor({ timeout: 20_000 });
}

async function themes(page: Page, { fal }: SceneContext): Promise<void> {
  fal.setBehaviour(FAST);
  await page.locator('.theme-card').first().waitFor();
  await page.locator('.theme-card .generate .cost', { hasText: 'credit' }).first().waitFor();
  await page.getByRole('article', { name: 'Cars' }).getByLabel('Colour').fill('cherry red');
}

async function gallery(page: Page): Promise<void> {
  await page.getByRole('list', { name: 'Images' }).getByRole('listitem').first().waitFor();
  await imagesLoaded(page, '.gallery-tile img');
}

async function galleryViewer(page: Page): Promise<void> {
  await gallery(page);
  await page.locator('.gallery-tile').first().click();
  await imagesLoaded(page, '.viewer-image img');
}

export const studioScenes: Scene[] = (['light', 'dark'] as const).flatMap((colorScheme): Scene[] => [
  { name: `studio-${colorScheme}`, kind: 'main', hash: '#/studio', colorScheme, prepare: studioIdle },
  { name: `studio-progress-${colorScheme}`, kind: 'main', hash: '#/studio', colorScheme, viewport: { width: 1280, height: 1000 }, prepare: studioWithProgress },
  { name: `themes-${colorScheme}`, kind: 'main', hash: '#/themes', colorScheme, prepare: themes },
  { name: `gallery-${colorScheme}`, kind: 'main', hash: '#/gallery', colorScheme, prepare: gallery },
  { name: `gallery-viewer-${colorScheme}`, kind: 'main', hash: '#/gallery', colorScheme, prepare: galleryViewer },
]);
