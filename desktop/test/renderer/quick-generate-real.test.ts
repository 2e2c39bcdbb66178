import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRendererHarness, type RendererHarness } from '../harness/renderer-harness.ts';
import { startGenerationBackend, type GenerationBackend } from '../helpers/generation-backend.ts';

// The quick popup on the real pipeline: real main handlers, backend, fal stand-in and gallery.
describe('quick generate, end to end in Chromium', () => {
  let env: GenerationBackend;
  let harness: RendererHarness;
  beforeAll(async () => {
    env = await startGenerationBackend({ credits: 100 });
    harness = await startRendererHarness({ backendUrl: env.backend.url, session: env.user });
  });
  afterAll(async () => {
    await harness?.close();
    await env?.stop();
  });

  it('keyboard only: type, Enter, the price is charged and the image lands in the gallery', async () => {
    const page = await harness.open('quick');
    const go = page.locator('.quick-go');
    await page.keyboard.type('a paper boat on a pond');
    await expect.poll(() => go.textContent(), { timeout: 15_000 }).toMatch(/\d+ credits?/);
    const price = Number(/(\d+) credits?/.exec((await go.textContent()) ?? '')![1]);
    await page.keyboard.press('Enter');
    await expect.poll(() => readdirSync(harness.galleryDir).filter((f) => f.endsWith('.png')).length, { timeout: 20_000 }).toBe(1);
    const png = readdirSync(harness.galleryDir).find((f) => f.endsWith('.png'))!;
    expect(existsSync(`${harness.galleryDir}/${png.replace(/\.png$/, '.json')}`)).toBe(true);
    await expect.poll(() => env.backend.deps.ledger.balance(env.user.userId).balance).toBe(100 - price);
    await page.close();
  });
});
