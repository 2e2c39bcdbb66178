import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../../backend/test/helpers/backend.ts';
import type { QuickGenerateEvent, QuickGenerateOptions, QuickGenerateRequest, QuickReadiness } from '../../shared/quick-generate.ts';
import { ok } from '../../shared/result.ts';
import type { QuickGenerateService } from '../../main/quick-generate.ts';
import { quickGenerateNotAvailable } from '../../main/quick-generate.ts';
import { startRendererHarness, type RendererHarness } from '../harness/renderer-harness.ts';

/**
 * A QuickGenerateService the test controls: generation itself is another feature, so these
 * tests prove the popup's side of the contract (what it asks main, what it shows for each answer).
 */
function recordingService() {
  const started: QuickGenerateRequest[] = [];
  const priced: QuickGenerateRequest[] = [];
  let readiness: QuickReadiness = { state: 'ready', balance: 40 };
  const options = (): QuickGenerateOptions => ({
    readiness,
    presets: [
      { id: 'cinematic', label: 'Cinematic' },
      { id: 'anime', label: 'Anime' },
    ],
    aspectRatios: ['1:1', '16:9', '9:16'],
    maxCount: 4,
    defaults: { preset: null, aspectRatio: '16:9', count: 1 },
  });
  const service: QuickGenerateService = {
    options: async () => ok(options()),
    // The test's own price table; the product's comes from the backend's quote.
    price: async (r) => (priced.push(r), ok({ credits: 3 * r.count })),
    start: async (r) => (started.push(r), ok({ id: `gen-${started.length}` })),
    onEvent: () => () => undefined,
  };
  return { service, started, priced, setReadiness: (r: QuickReadiness) => (readiness = r) };
}

describe('the quick-generate popup in Chromium', () => {
  let backend: TestBackend;
  let harness: RendererHarness;
  let svc: ReturnType<typeof recordingService>;
  let hidden = 0;
  let page: Page | undefined;

  beforeAll(async () => {
    backend = await startTestBackend();
    svc = recordingService();
    harness = await startRendererHarness({
      backendUrl: backend.url,
      handlerOverrides: {
        quickGenerate: svc.service,
        windows: { showMain: () => undefined, hideQuick: () => void hidden++ },
      },
    });
  });
  afterEach(async () => {
    await page?.close();
    svc.started.length = 0;
    svc.setReadiness({ state: 'ready', balance: 40 });
    hidden = 0;
    harness.tray.openedAreas.length = 0;
  });
  afterAll(async () => {
    await harness?.close();
    await backend?.stop();
  });

  const focused = (p: Page) => p.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);
  const goButton = (p: Page) => p.locator('.quick-go');

  it('keyboard only: shown, type, pick a style, Enter generates with the choices, progress and result appear, Esc hides', async () => {
    page = await harness.open('quick');
    await harness.emit('quickWindowShown', { shownAt: Date.now() });
    await expect.poll(() => focused(page!)).toBe('Prompt');
    await expect.poll(() => goButton(page!).textContent()).toBe('Generate · 3 credits');

    await page.keyboard.type('a lighthouse in a storm');
    await page.keyboard.press('Tab'); // Style: None
    await page.keyboard.press('Tab'); // Style: Cinematic
    expect(await focused(page)).toBe('Cinematic');
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('Prompt');
    await page.keyboard.press('Enter');

    await expect.poll(() => svc.started).toEqual([{ prompt: 'a lighthouse in a storm', preset: 'cinematic', aspectRatio: '16:9', count: 1 }]);
    await expect.poll(() => goButton(page!).textContent()).toBe('Generating…');
    const event = (e: QuickGenerateEvent) => harness.emit('quickGenerateProgress', e);
    await event({ id: 'gen-1', state: 'running', progress: 0.5 });
    await expect.poll(() => page!.locator('.quick-message').textContent()).toContain('Generating 50%');
    await event({ id: 'gen-1', state: 'succeeded', images: [{ path: '/g/1.png', width: 1344, height: 768 }, { path: '/g/2.png', width: 1344, height: 768 }] });
    await expect.poll(() => page!.locator('.quick-message').textContent()).toBe('Done: 2 images saved to your gallery.');

    await page.keyboard.press('Escape');
    await expect.poll(() => hidden).toBe(1);

    // Shown again: the finished run is gone and the last prompt is selected, ready to be replaced.
    await harness.emit('quickWindowShown', { shownAt: Date.now() });
    await expect.poll(() => goButton(page!).textContent()).toBe('Generate · 3 credits');
    await expect.poll(() => focused(page!)).toBe('Prompt');
    expect(await page.getByLabel('Prompt').evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('a lighthouse in a storm');
  });

  it('the price on the button follows the chips', async () => {
    page = await harness.open('quick');
    await expect.poll(() => goButton(page!).textContent()).toBe('Generate · 3 credits');
    await page.getByRole('group', { name: 'Images' }).getByRole('button', { name: '3' }).click();
    await expect.poll(() => goButton(page!).textContent()).toBe('Generate · 9 credits');
    expect(svc.priced.at(-1)).toMatchObject({ count: 3, aspectRatio: '16:9' });
  });

  it('Enter with an empty prompt asks for one and starts nothing; Shift+Enter adds a line', async () => {
    page = await harness.open('quick');
    await expect.poll(() => goButton(page!).textContent()).toBe('Generate · 3 credits');
    await page.keyboard.press('Enter');
    await expect.poll(() => page!.getByRole('alert').textContent()).toBe('Type a prompt first.');
    await page.keyboard.type('line one');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('line two');
    expect(await page.getByLabel('Prompt').inputValue()).toBe('line one\nline two');
    expect(svc.started).toEqual([]);
  });

  it('signed out, it says so and one click (or Enter on the button) opens sign-in', async () => {
    svc.setReadiness({ state: 'signed-out' });
    page = await harness.open('quick');
    await expect.poll(() => goButton(page!).textContent()).toBe('Sign in to generate');
    expect(await page.getByRole('alert').textContent()).toBe('You are signed out. Sign in to generate images.');
    await page.keyboard.type('a cat');
    await page.keyboard.press('Enter');
    expect(svc.started).toEqual([]);
    await goButton(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => harness.tray.openedAreas).toEqual(['account']);
  });

  it('out of credits, it shows the balance and the price and offers to buy credits', async () => {
    svc.setReadiness({ state: 'out-of-credits', balance: 1 });
    page = await harness.open('quick');
    await expect.poll(() => page!.getByRole('alert').textContent()).toBe('You have 1 credit; this needs 3 credits. Buy credits to generate.');
    await goButton(page).click();
    await expect.poll(() => harness.tray.openedAreas).toEqual(['credits']);
  });

  it('a failed start is shown with its reason', async () => {
    const failing = await startRendererHarness({
      backendUrl: backend.url,
      handlerOverrides: { quickGenerate: { ...svc.service, start: async () => ({ ok: false, error: { code: 'insufficient_credits', message: 'Not enough credits for this.' } }) } },
    });
    try {
      const p = await failing.open('quick');
      await expect.poll(() => p.locator('.quick-go').textContent()).toBe('Generate · 3 credits');
      await p.keyboard.type('a cat');
      await p.keyboard.press('Enter');
      await expect.poll(() => p.getByRole('alert').textContent()).toBe('Not enough credits for this.');
    } finally {
      await failing.close();
    }
  });

  it('when generation is unavailable, the popup says so and Generate stays off', async () => {
    const plain = await startRendererHarness({ backendUrl: backend.url, handlerOverrides: { quickGenerate: quickGenerateNotAvailable } });
    try {
      const p = await plain.open('quick');
      await expect.poll(() => p.getByRole('alert').textContent()).toBe('Generating images is not available in this build yet.');
      expect(await p.locator('.quick-go').isDisabled()).toBe(true);
      expect(await p.getByRole('group', { name: 'Ratio' }).getByRole('button').count()).toBe(8);
    } finally {
      await plain.close();
    }
  });
});
