import type { Page } from 'playwright-core';
import { photo } from '../../backend/test/helpers/characters.ts';
import { trackTrainings } from '../../backend/src/characters/tracker.ts';
import { trackGenerations } from '../../backend/src/generation/tracker.ts';
import type { Scene, SceneContext } from './scenes.ts';

/** Characters & avatars (issue 7). The screenshot backend runs without background jobs, so these scenes tick its trackers. */

const photoFiles = async (count: number, from = 0, size = 640) =>
  Promise.all(Array.from({ length: count }, async (_, i) => ({ name: `portrait-${from + i + 1}.png`, mimeType: 'image/png', buffer: await photo(from + i, size) })));

async function pickPhotos(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Train character · \d+ credits/ }).waitFor();
  await page.getByLabel('Name').fill('Ada');
  await page.getByTestId('character-photos').setInputFiles([
    ...(await photoFiles(6)),
    ...(await photoFiles(1, 6, 300)),
    { name: 'passport-scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 not a photo') },
  ]);
  await page.locator('.photo-pick').nth(7).waitFor();
  await page.mouse.move(1, 1);
}

async function tick(ctx: SceneContext, until: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await trackTrainings(ctx.backend.deps);
    await trackGenerations(ctx.backend.deps);
    if (await until()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`screenshot scene: ${what} did not happen`);
}

async function train(page: Page, name: string, count: number): Promise<void> {
  await page.getByLabel('Name').fill(name);
  await page.getByTestId('character-photos').setInputFiles(await photoFiles(count));
  await page.getByRole('button', { name: /Train character/ }).click();
  await page.getByRole('article', { name: `Character ${name}` }).waitFor({ timeout: 20_000 });
}

/** A ready character with an avatar pack made, and a second one still training. */
async function charactersAtWork(page: Page, ctx: SceneContext): Promise<void> {
  await page.getByRole('button', { name: /Train character · \d+ credits/ }).waitFor();
  const status = (name: string) => page.getByRole('article', { name: `Character ${name}` }).getAttribute('data-character-status');
  if ((await page.getByRole('article', { name: 'Character Maya' }).count()) === 0) {
    ctx.fal.setTrainingBehaviour({ queueMs: 20, runMs: 200 });
    await train(page, 'Maya', 8);
  }
  await tick(ctx, async () => (await status('Maya')) === 'ready', 'Maya ready');
  // Each harness (light, dark) has its own main process and so its own recent jobs.
  if ((await page.locator('.job[data-job-status="succeeded"]').count()) === 0) {
    ctx.fal.setBehaviour({ queueMs: 50, runMs: 200, steps: 4 });
    await page.getByRole('article', { name: 'Character Maya' }).getByRole('button', { name: /Avatar pack · \d+ credits/ }).click();
    await tick(ctx, async () => (await page.locator('.job[data-job-status="succeeded"]').count()) > 0, 'avatar pack done');
  }
  if ((await page.getByRole('article', { name: 'Character Biscuit' }).count()) === 0) {
    ctx.fal.setTrainingBehaviour({ queueMs: 20, runMs: 12_000, manual: true });
    await page.getByRole('radio', { name: 'Pet' }).click();
    await train(page, 'Biscuit', 6);
  }
  const bar = page.getByRole('progressbar', { name: 'Training Biscuit' });
  await tick(ctx, async () => Number(await bar.getAttribute('aria-valuenow')) >= 20, 'Biscuit progress');
  await page.locator('.job-images img').first().waitFor();
  await page.mouse.move(1, 1);
}

export const characterScenes: Scene[] = [
  { name: 'characters-create-light', kind: 'main', hash: '#/characters', prepare: pickPhotos },
  { name: 'characters-create-dark', kind: 'main', hash: '#/characters', colorScheme: 'dark', prepare: pickPhotos },
  { name: 'characters-training-light', kind: 'main', hash: '#/characters', viewport: { width: 1280, height: 1100 }, prepare: charactersAtWork },
  { name: 'characters-training-dark', kind: 'main', hash: '#/characters', colorScheme: 'dark', viewport: { width: 1280, height: 1100 }, prepare: charactersAtWork },
];
