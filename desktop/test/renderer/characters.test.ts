import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARACTER_ENV, photo } from '../../../backend/test/helpers/characters.ts';
import { startRendererHarness, type RendererHarness } from '../harness/renderer-harness.ts';
import { startGenerationBackend, type GenerationBackend } from '../helpers/generation-backend.ts';

const photoFiles = async (count: number, from = 0) =>
  Promise.all(Array.from({ length: count }, async (_, i) => ({ name: `me-${from + i + 1}.png`, mimeType: 'image/png', buffer: await photo(from + i, 640) })));

describe('the Characters page in Chromium, against the real main handlers, backend and fal stand-in', () => {
  let env: GenerationBackend;
  let harness: RendererHarness;
  beforeAll(async () => {
    env = await startGenerationBackend({ credits: 2000, env: CHARACTER_ENV });
    env.fal.setTrainingBehaviour({ queueMs: 50, runMs: 2500 });
    harness = await startRendererHarness({ backendUrl: env.backend.url, session: env.user });
  });
  afterAll(async () => {
    await harness?.close();
    await env?.stop();
  });

  it('takes chosen and dropped photos, flags the ones it cannot use, keeps Train disabled until 5–20 good photos and a name, and shows the price', async () => {
    const page = await harness.open('main', '#/characters');
    const train = page.getByRole('button', { name: /Train character/ });
    await expect.poll(() => train.textContent()).toMatch(/\d+ credits/);
    const input = page.getByTestId('character-photos');
    await input.setInputFiles([...(await photoFiles(4)), { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo at all') }]);
    await expect.poll(() => page.getByText('Not a PNG, JPEG or WebP photo').count()).toBe(1);
    await expect.poll(() => page.locator('.photo-count').textContent()).toContain('4 of at least 5');
    await page.getByLabel('Name').fill('Ada');
    expect(await train.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Remove notes.txt' }).click();
    // The fifth one is dragged in from the file manager.
    const [fifth] = await photoFiles(1, 4);
    const drop = await page.evaluateHandle((b64) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'dropped.png', { type: 'image/png' }));
      return dt;
    }, fifth!.buffer.toString('base64'));
    await page.locator('.photo-drop').dispatchEvent('drop', { dataTransfer: drop });
    await expect.poll(() => page.locator('.photo-count').textContent()).toBe('5 photos ✓');
    await expect.poll(() => train.isDisabled()).toBe(false);
    expect(await page.locator('.photo-pick img').count()).toBe(5);
    await page.close();
  });

  it('trains from chosen photos with live progress, announces "ready" from main with the page closed, then makes an avatar pack into the gallery', async () => {
    let page = await harness.open('main', '#/characters');
    await page.getByTestId('character-photos').setInputFiles(await photoFiles(6));
    await page.getByLabel('Name').fill('Grace');
    await page.getByRole('button', { name: /Train character/ }).click();
    const card = page.getByRole('article', { name: 'Character Grace' });
    await expect.poll(() => card.getAttribute('data-character-status'), { timeout: 20_000 }).toBe('training');
    const bar = card.getByRole('progressbar', { name: 'Training Grace' });
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await card.textContent()).toMatch(/left/);

    // The window goes to the tray: main keeps following the training and notifies.
    await page.close();
    await expect.poll(() => harness.notifications.map((n) => n.title), { timeout: 20_000 }).toContain('Grace is ready');

    page = await harness.open('main', '#/characters');
    const ready = page.getByRole('article', { name: 'Character Grace' });
    await expect.poll(() => ready.getAttribute('data-character-status'), { timeout: 20_000 }).toBe('ready');
    const pack = ready.getByRole('button', { name: /Avatar pack · \d+ credits/ });
    await expect.poll(() => pack.count()).toBe(1);
    await pack.click();
    const job = page.getByRole('article', { name: 'Generation: Avatar pack' });
    await expect.poll(() => job.getAttribute('data-job-status'), { timeout: 30_000 }).toBe('succeeded');
    await expect.poll(() => readdirSync(harness.galleryDir).filter((f) => f.endsWith('.png')).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(8);

    await ready.getByLabel('Prompt for Grace').fill('@ reading in a library');
    await ready.getByRole('button', { name: 'Generate', exact: true }).click();
    const image = page.getByRole('article', { name: 'Generation: @ reading in a library' });
    await expect.poll(() => image.getAttribute('data-job-status'), { timeout: 30_000 }).toBe('succeeded');
    await page.close();
  });

  it('deletes a character after asking', async () => {
    const page = await harness.open('main', '#/characters');
    const card = page.getByRole('article', { name: 'Character Grace' });
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1);
    await card.getByRole('button', { name: 'Delete' }).click();
    await card.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => card.count()).toBe(0);
    const listed = await harness.characters.refresh();
    expect(listed.ok && listed.value.items.some((c) => c.name === 'Grace')).toBe(false);
    await page.close();
  });
});
