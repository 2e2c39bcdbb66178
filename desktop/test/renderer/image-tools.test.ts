import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRendererHarness, type RendererHarness } from '../harness/renderer-harness.ts';
import { startGenerationBackend, type GenerationBackend } from '../helpers/generation-backend.ts';

/** A flat green backdrop with a red square in the middle (the background stand-in keys out the corner colour). */
async function photo(width: number, height: number, format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  const subject = await sharp({ create: { width: Math.round(width / 2), height: Math.round(height / 2), channels: 3, background: '#d03030' } }).png().toBuffer();
  const img = sharp({ create: { width, height, channels: 3, background: '#20c040' } }).composite([{ input: subject, gravity: 'centre' }]);
  return format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 80 }).toBuffer();
}

const TOOLS = [
  { id: 'image/upscale-2x', name: 'Upscale ×2', out: [1200, 800], ext: 'png', cost: 1, fill: undefined },
  { id: 'image/upscale-4x', name: 'Upscale ×4', out: [2400, 1600], ext: 'png', cost: 2, fill: undefined },
  { id: 'image/enhance', name: 'Enhance', out: [1200, 800], ext: 'png', cost: 6, fill: undefined },
  { id: 'image/face-restore', name: 'Face restore', out: [1200, 800], ext: 'png', cost: 1, fill: undefined },
  { id: 'image/remove-background', name: 'Remove background', out: [600, 400], ext: 'png', cost: 1, fill: undefined },
  { id: 'image/edit', name: 'AI edit', out: [600, 400], ext: 'jpg', cost: 8, fill: ['What to change', 'make it night'] },
  { id: 'image/style-transfer', name: 'Style transfer', out: [600, 400], ext: 'jpg', cost: 8, fill: undefined },
] as const;

describe('Image tools in Chromium, against the real main handlers, backend and fal stand-in', () => {
  let env: GenerationBackend;
  let harness: RendererHarness;
  beforeAll(async () => {
    env = await startGenerationBackend({ credits: 500 });
    env.fal.setBehaviour({ queueMs: 100, runMs: 300, steps: 4 });
    harness = await startRendererHarness({ backendUrl: env.backend.url, session: env.user });
  });
  afterAll(async () => {
    await harness?.close();
    await env?.stop();
  });

  const wallet = () => env.backend.deps.db.prepare('SELECT balance, held FROM ledger_accounts WHERE user_id = ?').get(env.user.userId) as { balance: number; held: number };
  const uploads = () => (env.backend.deps.db.prepare('SELECT COUNT(*) AS n FROM uploads WHERE user_id = ?').get(env.user.userId) as { n: number }).n;
  const galleryFiles = () => readdirSync(harness.galleryDir).filter((f) => !f.endsWith('.json'));

  async function openTool(name: string): Promise<Page> {
    const page = await harness.open('main', '#/tools');
    await page.getByRole('tab', { name, exact: true }).click();
    await expect.poll(() => page.getByRole('tab', { name, exact: true }).getAttribute('aria-selected')).toBe('true');
    return page;
  }

  it.each(TOOLS)('$name: open a file, see the exact price for it, run it, compare before and after; the result is in the gallery and charged exactly', async (tool) => {
    const page = await openTool(tool.name);
    const before = wallet();
    const filesBefore = new Set(galleryFiles());
    await page.getByLabel('Open an image file').setInputFiles({ name: 'holiday.png', mimeType: 'image/png', buffer: await photo(600, 400) });
    await expect.poll(() => page.getByRole('img', { name: 'Your image: holiday.png' }).count()).toBe(1);
    if (tool.fill) await page.getByLabel(tool.fill[0]).fill(tool.fill[1]);
    const price = page.getByTestId('image-tool-price');
    await expect.poll(() => price.textContent(), { timeout: 10_000 }).toBe(`${tool.cost} credit${tool.cost === 1 ? '' : 's'}`);
    await page.getByRole('button', { name: `${tool.name} · ${tool.cost} credit`, exact: false }).click();
    const status = page.locator('.job-status');
    await expect.poll(() => status.getAttribute('data-job-status'), { timeout: 20_000 }).toBe('succeeded');

    // Before/after: the result image is the real output, at the size the tool makes.
    const after = page.getByRole('img', { name: 'After' });
    await expect.poll(() => after.evaluate((el: HTMLImageElement) => (el.complete ? [el.naturalWidth, el.naturalHeight] : null))).toEqual([...tool.out]);
    await page.getByLabel('Compare before and after').fill('20');
    await expect.poll(() => after.evaluate((el: HTMLElement) => el.style.clipPath)).toBe('inset(0px 0px 0px 20%)');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => page.getByLabel('Zoom level').textContent()).toBe('150%');

    const added = galleryFiles().filter((f) => !filesBefore.has(f));
    expect(added).toHaveLength(1);
    expect(added[0]!.endsWith(`.${tool.ext}`)).toBe(true);
    const meta = await sharp(join(harness.galleryDir, added[0]!)).metadata();
    expect([meta.width, meta.height]).toEqual([...tool.out]);
    if (tool.id === 'image/remove-background') expect(meta.hasAlpha).toBe(true);
    expect(wallet()).toEqual({ balance: before.balance - tool.cost, held: 0 });
    // The upload was deleted after processing.
    expect(uploads()).toBe(0);
    await page.close();
  });

  it('shows a large photo as a downscaled preview and prices it by its real size', async () => {
    const page = await openTool('Upscale ×2');
    await page.getByLabel('Open an image file').setInputFiles({ name: 'big.jpg', mimeType: 'image/jpeg', buffer: await photo(4000, 3000, 'jpeg') });
    const preview = page.getByRole('img', { name: 'Your image: big.jpg' });
    await expect.poll(() => preview.evaluate((el: HTMLImageElement) => (el.complete ? [el.naturalWidth, el.naturalHeight] : null)), { timeout: 10_000 }).toEqual([1600, 1200]);
    await expect.poll(() => page.locator('.source-size').textContent()).toContain('4000 × 3000');
    // 8000×6000 = 48 started megapixels × $0.0025 × 2 = 24 credits; the quote says why.
    await expect.poll(() => page.getByTestId('image-tool-price').textContent(), { timeout: 10_000 }).toBe('24 credits');
    expect(await page.locator('.price-explanation').textContent()).toContain('4000×3000 becomes 8000×6000, 48 started megapixels');
    await page.close();
  });

  it('takes an image by paste and by drag and drop', async () => {
    const page = await openTool('Remove background');
    const png = (await photo(200, 100)).toString('base64');
    await page.evaluate((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
    }, png);
    await expect.poll(() => page.getByRole('img', { name: 'Your image: pasted.png' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('image-tool-price').textContent(), { timeout: 10_000 }).toBe('1 credit');
    await page.locator('.drop-zone').evaluate((zone, b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, png);
    await expect.poll(() => page.getByRole('img', { name: 'Your image: dropped.png' }).count()).toBe(1);
    await expect.poll(() => page.locator('.source-size').textContent()).toContain('200 × 100');
    await page.close();
  });

  it('refuses a text file renamed .png and a truncated JPEG with clear errors, holding nothing', async () => {
    const page = await openTool('Upscale ×2');
    const before = wallet();
    // Earlier tests left images chosen but never run (the hourly sweep deletes those).
    const uploadsBefore = uploads();
    await page.getByLabel('Open an image file').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('these are my notes, not a picture') });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'could not be read as an image' }).count()).toBe(1);
    // A truncated JPEG still previews (Chromium shows what it has), but the backend refuses it.
    const jpeg = (await photo(400, 300, 'jpeg')).subarray(0, 900);
    await page.getByLabel('Open an image file').setInputFiles({ name: 'cut.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: /truncated or damaged|could not be read/ }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('button', { name: /^Upscale ×2/ }).isDisabled()).toBe(true);
    // A file over 25 MB is refused before it is even read.
    await page.getByLabel('Open an image file').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(26 * 1024 * 1024) });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'images can be at most 25 MB' }).count()).toBe(1);
    expect(wallet()).toEqual(before);
    expect(uploads()).toBe(uploadsBefore);
    await page.close();
  });

  it('chains: “Remove background” on a result, and “Upscale this” from the gallery’s large view', async () => {
    const page = await openTool('Upscale ×2');
    await page.getByLabel('Open an image file').setInputFiles({ name: 'chain.png', mimeType: 'image/png', buffer: await photo(300, 200) });
    await expect.poll(() => page.getByTestId('image-tool-price').textContent(), { timeout: 10_000 }).toBe('1 credit');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.job-status').getAttribute('data-job-status'), { timeout: 20_000 }).toBe('succeeded');
    await page.getByRole('group', { name: 'Continue with the result' }).getByRole('button', { name: 'Remove background' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Remove background' }).getAttribute('aria-selected')).toBe('true');
    // The source is now the 600×400 result, uploaded again from the gallery by main.
    await expect.poll(() => page.locator('.source-size').textContent(), { timeout: 10_000 }).toContain('600 × 400');
    await expect.poll(() => page.getByTestId('image-tool-price').textContent(), { timeout: 10_000 }).toBe('1 credit');
    await page.getByRole('button', { name: /^Remove background · 1 credit/ }).click();
    await expect.poll(() => page.locator('.job-status').getAttribute('data-job-status'), { timeout: 20_000 }).toBe('succeeded');
    await expect.poll(() => page.getByRole('img', { name: 'After' }).evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBe(600);

    // From the gallery's large view straight into Upscale ×2.
    await page.getByRole('button', { name: 'Open in gallery' }).click();
    const viewer = page.getByRole('dialog', { name: 'Image' });
    await expect.poll(() => viewer.count()).toBe(1);
    await viewer.getByRole('button', { name: 'Upscale this' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Upscale ×2' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.locator('.source-size').textContent(), { timeout: 10_000 }).toContain('600 × 400');
    await expect.poll(() => page.getByTestId('image-tool-price').textContent(), { timeout: 10_000 }).toBe('1 credit');
    await page.close();
  });

  it('a failed run says nothing was charged; Retry runs again with a fresh upload and succeeds', async () => {
    const page = await openTool('Face restore');
    await page.getByLabel('Open an image file').setInputFiles({ name: 'old-photo.png', mimeType: 'image/png', buffer: await photo(200, 200) });
    await expect.poll(() => page.getByTestId('image-tool-price').textContent(), { timeout: 10_000 }).toBe('1 credit');
    const before = wallet();
    env.fal.setBehaviour({ queueMs: 50, runMs: 150, steps: 4, outcome: 'failure' });
    try {
      await page.getByRole('button', { name: /^Face restore · 1 credit/ }).click();
      const status = page.locator('.job-status');
      await expect.poll(() => status.getAttribute('data-job-status'), { timeout: 20_000 }).toBe('failed');
      expect(await status.textContent()).toContain('nothing was charged');
      expect(wallet()).toEqual(before);
    } finally {
      env.fal.setBehaviour({ queueMs: 100, runMs: 300, steps: 4 });
    }
    await page.locator('.job-status').getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => page.locator('.job-status').getAttribute('data-job-status'), { timeout: 20_000 }).toBe('succeeded');
    expect(wallet()).toEqual({ balance: before.balance - 1, held: 0 });
    await page.close();
  });

  it('picks an image from the gallery', async () => {
    const page = await openTool('Style transfer');
    await page.getByRole('button', { name: 'From gallery…' }).click();
    const picker = page.getByRole('dialog', { name: 'Pick from the gallery' });
    await expect.poll(() => picker.locator('.picker-item').count()).toBeGreaterThan(0);
    await picker.locator('.picker-item').first().click();
    await expect.poll(() => picker.count()).toBe(0);
    await expect.poll(() => page.getByTestId('image-tool-price').textContent(), { timeout: 10_000 }).toBe('8 credits');
    await page.close();
  });
});
