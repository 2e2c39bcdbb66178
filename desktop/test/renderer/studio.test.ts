import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRendererHarness, type RendererHarness } from '../harness/renderer-harness.ts';
import { startGenerationBackend, type GenerationBackend } from '../helpers/generation-backend.ts';

describe('the AI Image Studio in Chromium, against the real main handlers, backend and fal stand-in', () => {
  let env: GenerationBackend;
  let harness: RendererHarness;
  beforeAll(async () => {
    env = await startGenerationBackend({ credits: 200 });
    harness = await startRendererHarness({ backendUrl: env.backend.url, session: env.user });
  });
  afterAll(async () => {
    await harness?.close();
    await env?.stop();
  });

  it('builds its form from the real catalog and shows each model’s price', async () => {
    const page = await harness.open('main', '#/studio');
    const models = page.getByRole('radiogroup', { name: 'Model' }).getByRole('radio');
    await expect.poll(() => models.count()).toBeGreaterThanOrEqual(4);
    const catalog = await harness.studio.catalog.tools();
    if (!catalog.ok) throw new Error(catalog.message);
    const first = catalog.tools.find((t) => t.group === 'model' || t.id.startsWith('text-to-image/'))!;
    const firstText = await models.first().textContent();
    expect(firstText).toContain(first.name);
    expect(firstText).toContain((first.pricing as { summary: string }).summary);
    for (const ratio of ['1:1', '16:9', '9:16']) expect(await page.getByRole('radio', { name: ratio, exact: true }).count()).toBe(1);
    await page.close();
  });

  it('shows the negative prompt only for models whose schema takes one', async () => {
    const page = await harness.open('main', '#/studio');
    const catalog = await harness.studio.catalog.tools();
    if (!catalog.ok) throw new Error(catalog.message);
    const models = catalog.tools.filter((t) => t.id.startsWith('text-to-image/'));
    const withNegative = models.find((t) => t.params.properties?.negative_prompt)!;
    const without = models.find((t) => !t.params.properties?.negative_prompt)!;
    const modelButton = (name: string) => page.locator('.model', { has: page.getByText(name, { exact: true }) });
    await modelButton(without.name).click();
    await expect.poll(() => page.getByLabel('Negative prompt').count()).toBe(0);
    await modelButton(withNegative.name).click();
    await expect.poll(() => page.getByLabel('Negative prompt').count()).toBe(1);
    await page.close();
  });

  it('shows the exact cost from a quote, and it follows the number of images', async () => {
    const page = await harness.open('main', '#/studio');
    await page.getByLabel('Prompt', { exact: true }).fill('A red fox in fresh snow');
    const cost = page.locator('.generate .cost');
    const model = await page.locator('.model.active .model-name').textContent();
    const catalog = await harness.studio.catalog.tools();
    if (!catalog.ok) throw new Error(catalog.message);
    const tool = catalog.tools.find((t) => t.name === model)!;
    const one = await harness.studio.catalog.quote(tool.id, { prompt: 'A red fox in fresh snow' });
    if (!one.ok) throw new Error(one.message);
    await expect.poll(() => cost.getAttribute('data-cost')).toBe(String(one.cost));
    await page.getByRole('radiogroup', { name: 'Number of images' }).getByRole('radio', { name: '2' }).click();
    await expect.poll(() => cost.getAttribute('data-cost')).toBe(String(one.cost * 2));
    await page.close();
  });

  it('Ctrl+Enter generates: progress in place, then the images appear and are in the gallery folder with sidecars', async () => {
    const page = await harness.open('main', '#/studio');
    const prompt = page.getByLabel('Prompt', { exact: true });
    await prompt.fill('A lighthouse on a cliff at dusk');
    await expect.poll(() => page.locator('.generate .cost').getAttribute('data-cost')).not.toBeNull();
    await prompt.press('Control+Enter');
    const job = page.getByRole('article', { name: 'Generation: A lighthouse on a cliff at dusk' });
    await expect.poll(() => job.getAttribute('data-job-status')).toMatch(/submitting|queued|running|downloading/);
    await expect.poll(() => job.getAttribute('data-job-status'), { timeout: 20_000 }).toBe('succeeded');
    const img = job.locator('.job-images img').first();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    const files = readdirSync(harness.galleryDir).filter((f) => f.includes('a-lighthouse-on-a-cliff-at-dusk'));
    const png = files.find((f) => f.endsWith('.png'))!;
    expect(files).toContain(png.replace(/\.png$/, '.json'));
    expect(JSON.parse(readFileSync(join(harness.galleryDir, png.replace(/\.png$/, '.json')), 'utf8'))).toMatchObject({ prompt: 'A lighthouse on a cliff at dusk' });
    // The prompt is remembered: ↑ in an empty box brings it back.
    await prompt.fill('');
    await prompt.press('ArrowUp');
    expect(await prompt.inputValue()).toBe('A lighthouse on a cliff at dusk');
    await page.close();
  });

  it('runs several generations at once and cancels one of them', async () => {
    env.fal.setBehaviour({ manual: true, queueMs: 0 });
    try {
      const page = await harness.open('main', '#/studio');
      const prompt = page.getByLabel('Prompt', { exact: true });
      await prompt.fill('First of two');
      await page.getByRole('button', { name: /^Generate/ }).click();
      await prompt.fill('Second of two');
      await page.getByRole('button', { name: /^Generate/ }).click();
      const first = page.getByRole('article', { name: 'Generation: First of two' });
      const second = page.getByRole('article', { name: 'Generation: Second of two' });
      await expect.poll(() => first.getAttribute('data-job-status')).toMatch(/queued|running/);
      await expect.poll(() => second.getAttribute('data-job-status')).toMatch(/queued|running/);
      await first.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => first.getAttribute('data-job-status')).toBe('canceled');
      env.fal.finish();
      await expect.poll(() => second.getAttribute('data-job-status'), { timeout: 20_000 }).toBe('succeeded');
      // The app's session rotated the test user's tokens, so read the wallet from the ledger itself.
      expect(env.backend.deps.ledger.balance(env.user.userId).held).toBe(0);
      await page.close();
    } finally {
      env.fal.setBehaviour({ queueMs: 150, runMs: 400, steps: 4 });
    }
  });

  it('a canceled generation can be retried from its card', async () => {
    env.fal.setBehaviour({ manual: true, queueMs: 0 });
    const page = await harness.open('main', '#/studio');
    try {
      await page.getByLabel('Prompt', { exact: true }).fill('Changed my mind, then back');
      await page.getByRole('button', { name: /^Generate/ }).click();
      const job = page.getByRole('article', { name: 'Generation: Changed my mind, then back' });
      await expect.poll(() => job.getAttribute('data-job-status')).toMatch(/queued|running/);
      await job.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => job.getAttribute('data-job-status')).toBe('canceled');
      expect(await job.textContent()).toContain('nothing was charged');
      env.fal.setBehaviour({ queueMs: 150, runMs: 400, steps: 4 });
      await job.getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => job.getAttribute('data-job-status'), { timeout: 20_000 }).toBe('succeeded');
      expect(await job.locator('.job-images img').count()).toBe(1);
    } finally {
      env.fal.setBehaviour({ queueMs: 150, runMs: 400, steps: 4 });
      await page.close();
    }
  });

  it('says "not enough credits" with a way to buy when the balance is too low', async () => {
    const poorUser = await (await import('../../../backend/test/helpers/backend.ts')).signInTestUser(env.backend);
    const poor = await startRendererHarness({ backendUrl: env.backend.url, session: poorUser });
    try {
      const page = await poor.open('main', '#/studio');
      await page.getByLabel('Prompt', { exact: true }).fill('Nothing to pay with');
      await page.getByRole('button', { name: /^Generate/ }).click();
      const job = page.getByRole('article', { name: 'Generation: Nothing to pay with' });
      await expect.poll(() => job.getAttribute('data-job-status')).toBe('failed');
      expect(await job.getByRole('alert').textContent()).toContain('Not enough credits');
      await job.getByRole('button', { name: 'Buy credits' }).click();
      expect(page.url()).toContain('#/credits');
    } finally {
      await poor.close();
    }
  });

  it('signed out, the studio says so with the fix, and the rest of the app still works', async () => {
    const signedOut = await startRendererHarness({ backendUrl: env.backend.url });
    try {
      const page = await signedOut.open('main', '#/studio');
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('You are signed out');
      expect(await page.getByRole('button', { name: /^Generate/ }).isDisabled()).toBe(true);
      await page.getByRole('alert').getByRole('button', { name: 'Sign in' }).click();
      expect(page.url()).toContain('#/account');
      await page.getByRole('navigation').getByRole('button', { name: 'Gallery' }).click();
      expect(await page.getByLabel('Search by prompt').count()).toBe(1);
    } finally {
      await signedOut.close();
    }
  });

  it('offline, the studio says so and offers a retry', async () => {
    const other = await startGenerationBackend({ credits: 0 });
    const offline = await startRendererHarness({ backendUrl: other.backend.url, session: other.user });
    try {
      const page = await offline.open('main', '#/studio');
      await expect.poll(() => page.locator('.model').count()).toBeGreaterThan(0);
      await other.backend.close();
      await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 10_000 }).toContain('You are offline');
      expect(await page.getByRole('alert').getByRole('button', { name: 'Retry' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: /^Generate/ }).isDisabled()).toBe(true);
    } finally {
      await offline.close();
      await other.stop();
    }
  });

});
