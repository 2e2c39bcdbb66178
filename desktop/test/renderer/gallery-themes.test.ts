import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRendererHarness, type RendererHarness } from '../harness/renderer-harness.ts';
import { startGenerationBackend, type GenerationBackend } from '../helpers/generation-backend.ts';
import { makeImage } from '../helpers/images.ts';

describe('the gallery and themes in Chromium, against the real main handlers and backend', () => {
  let env: GenerationBackend;
  let harness: RendererHarness;
  const saved: Record<string, string> = {};

  beforeAll(async () => {
    env = await startGenerationBackend({ credits: 200 });
    harness = await startRendererHarness({ backendUrl: env.backend.url, session: env.user });
    const prompts = ['A vintage car in the rain', 'Almond nails with gold leaf', 'A sports car on a coastal road'];
    for (const [i, prompt] of prompts.entries()) {
      const item = await harness.studio.gallery.saveImage(
        { bytes: await makeImage('png', 64), contentType: 'image/png' },
        { version: 1, generationId: `gen_seeded${i}`, tool: 'text-to-image/flux-dev', toolName: 'FLUX.1 [dev]', prompt, seed: 100 + i, params: { prompt, aspect_ratio: '16:9', num_images: 1, seed: 100 + i }, cost: 4, index: 0 },
      );
      saved[prompt] = item.id;
      await new Promise((r) => setTimeout(r, 5));
    }
  });
  afterAll(async () => {
    await harness?.close();
    await env?.stop();
  });

  const tiles = (page: import('playwright-core').Page) => page.getByRole('list', { name: 'Images' }).getByRole('listitem');

  it('shows the gallery newest first, with images served through pp-media', async () => {
    const page = await harness.open('main', '#/gallery');
    await expect.poll(() => tiles(page).count()).toBe(3);
    expect(await tiles(page).first().textContent()).toContain('A sports car on a coastal road');
    const img = tiles(page).first().locator('img');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth === 64)).toBe(true);
    await page.close();
  });

  it('finds images by prompt', async () => {
    const page = await harness.open('main', '#/gallery');
    await page.getByLabel('Search by prompt').fill('car');
    await expect.poll(() => tiles(page).count()).toBe(2);
    await page.getByLabel('Search by prompt').fill('car rain');
    await expect.poll(() => tiles(page).count()).toBe(1);
    await page.getByLabel('Search by prompt').fill('tattoo');
    await expect.poll(() => page.getByText('No images match “tattoo”.').count()).toBe(1);
    await page.close();
  });

  it('opens an image large, copies it and reveals it in its folder', async () => {
    const page = await harness.open('main', '#/gallery');
    await tiles(page).filter({ hasText: 'Almond nails' }).getByRole('button').click();
    const viewer = page.getByRole('dialog', { name: 'Image' });
    expect(await viewer.textContent()).toContain('Seed101');
    await viewer.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => harness.copied).toEqual([join(harness.galleryDir, saved['Almond nails with gold leaf']!)]);
    await viewer.getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => harness.revealed).toEqual([join(harness.galleryDir, saved['Almond nails with gold leaf']!)]);
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.count()).toBe(0);
    await page.close();
  });

  it('"use these settings again" fills the studio with the image’s prompt, model and seed', async () => {
    const page = await harness.open('main', '#/gallery');
    await tiles(page).filter({ hasText: 'vintage car' }).getByRole('button').click();
    await page.getByRole('button', { name: 'Use these settings again' }).click();
    await expect.poll(() => page.url()).toContain('#/studio');
    await expect.poll(() => page.getByLabel('Prompt', { exact: true }).inputValue()).toBe('A vintage car in the rain');
    expect(await page.locator('.model.active .model-name').textContent()).toBe('FLUX.1 [dev]');
    expect(await page.getByLabel('Seed', { exact: true }).inputValue()).toBe('100');
    expect(await page.getByRole('radio', { name: '16:9', exact: true }).getAttribute('aria-checked')).toBe('true');
    await page.close();
  });

  it('"add text" opens the image in the Add Text editor, and "Save to gallery" adds the result', async () => {
    const page = await harness.open('main', '#/gallery');
    const before = readdirSync(harness.galleryDir).filter((f) => f.endsWith('.json')).length;
    await tiles(page).first().getByRole('button').click();
    await page.getByRole('dialog', { name: 'Image' }).getByRole('button', { name: 'Add text' }).click();
    await expect.poll(() => page.url()).toContain('#/add-text');
    // The editor has the gallery image itself (its pixel size in the title), not an empty drop zone.
    await page.getByRole('toolbar', { name: 'Editor' }).waitFor();
    await expect.poll(() => page.locator('.tb-title').textContent()).toMatch(/\d+ × \d+/);
    await page.getByRole('button', { name: 'Save to gallery' }).click();
    await expect.poll(() => readdirSync(harness.galleryDir).filter((f) => f.endsWith('.json')).length, { timeout: 20_000 }).toBe(before + 1);
    const sidecars = readdirSync(harness.galleryDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(harness.galleryDir, f), 'utf8')));
    expect(sidecars.some((m) => m.tool === 'add-text' && m.toolName === 'Add Text to Image')).toBe(true);
    await page.close();
    // Leave the gallery as the other tests expect it.
    for (const item of await harness.studio.gallery.list()) if (item.meta?.tool === 'add-text') await harness.studio.gallery.remove(item.id);
  });

  it('deletes an image and its sidecar only after confirming', async () => {
    const page = await harness.open('main', '#/gallery');
    const id = saved['A sports car on a coastal road']!;
    await tiles(page).filter({ hasText: 'sports car' }).getByRole('button').click();
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Keep' }).click();
    expect(existsSync(join(harness.galleryDir, id))).toBe(true);
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('alertdialog', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => tiles(page).count()).toBe(2);
    expect(existsSync(join(harness.galleryDir, id))).toBe(false);
    expect(existsSync(join(harness.galleryDir, id.replace(/\.png$/, '.json')))).toBe(false);
    await page.close();
  });

  it('shows a card per themed generator with its own form, price, and generates from it', async () => {
    const page = await harness.open('main', '#/themes');
    const cars = page.getByRole('article', { name: 'Cars' });
    await expect.poll(() => cars.count()).toBe(1);
    const catalog = await harness.studio.catalog.tools();
    if (!catalog.ok) throw new Error(catalog.message);
    const themes = catalog.tools.filter((t) => t.id.startsWith('theme/'));
    expect(await page.locator('.theme-card').count()).toBe(themes.length);
    await cars.getByLabel('Body style').selectOption('vintage roadster');
    await cars.getByLabel('Colour').fill('cherry red');
    const quote = await harness.studio.catalog.quote('theme/cars', { body_style: 'vintage roadster', color: 'cherry red' });
    if (!quote.ok) throw new Error(quote.message);
    await expect.poll(() => cars.locator('.generate .cost').textContent()).toBe(`${quote.cost} credit${quote.cost === 1 ? '' : 's'}`);
    await cars.getByRole('button', { name: /^Generate/ }).click();
    const job = cars.locator('.job');
    await expect.poll(() => job.getAttribute('data-job-status'), { timeout: 20_000 }).toBe('succeeded');
    expect(env.fal.submissions.at(-1)?.input.prompt).toContain('cherry red vintage roadster');
    // The gallery finds it by the theme and the options chosen.
    const found = await harness.studio.gallery.list('cherry roadster');
    expect(found.map((i) => i.meta?.prompt)).toEqual(['Cars: vintage roadster, cherry red, mountain pass, golden hour']);
    await page.close();
  });
});
