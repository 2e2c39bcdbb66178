import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../../backend/test/helpers/backend.ts';
import { startRendererHarness, type RendererHarness } from '../harness/renderer-harness.ts';

describe('the app shell in Chromium, wired to the real main handlers and backend', () => {
  let backend: TestBackend;
  let harness: RendererHarness;
  beforeAll(async () => {
    backend = await startTestBackend();
    harness = await startRendererHarness({ backendUrl: backend.url });
  });
  afterAll(async () => {
    await harness?.close();
    await backend?.stop();
  });

  it('shows the sidebar areas and the backend as connected', async () => {
    const page = await harness.open('main');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Connected');
    for (const label of ['Image Studio', 'Themes', 'Image tools', 'Characters', 'Add Text', 'Gallery', 'Credits', 'Preferences']) {
      expect(await page.getByRole('navigation').getByRole('button', { name: label }).count()).toBe(1);
    }
    await page.close();
  });

  it('navigates between areas from the sidebar and by URL hash', async () => {
    const page = await harness.open('main', '#/gallery');
    expect(await page.locator('.header-title').textContent()).toBe('Gallery');
    await page.getByRole('navigation').getByRole('button', { name: 'Credits' }).click();
    expect(await page.locator('.header-title').textContent()).toBe('Credits');
    expect(page.url()).toContain('#/credits');
    await page.close();
  });

  it('shows the backend as offline once it stops answering', async () => {
    const other = await startTestBackend();
    const offlineHarness = await startRendererHarness({ backendUrl: other.url });
    try {
      const page = await offlineHarness.open('main');
      await expect.poll(() => page.getByRole('status').textContent()).toContain('Connected');
      await other.close();
      await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Offline');
    } finally {
      await offlineHarness.close();
      await other.stop();
    }
  });

  it('follows the OS colour scheme', async () => {
    const page = await harness.open('main');
    const bg = (scheme: 'light' | 'dark') =>
      page.emulateMedia({ colorScheme: scheme }).then(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    const light = await bg('light');
    const dark = await bg('dark');
    expect(light).not.toBe(dark);
    await page.close();
  });

  it('loads no code or data from anywhere but the app itself', async () => {
    const page = await harness.open('main');
    await page.waitForLoadState('networkidle');
    expect(harness.foreignRequests).toEqual([]);
    await page.close();
  });

  it('runs under the strict Content-Security-Policy without a single violation', async () => {
    const page = await harness.open('main');
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content.Security.Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await page.evaluate(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Content-Security-Policy: ${e.violatedDirective}`));
    });
    for (const label of ['Gallery', 'Credits', 'Preferences', 'Image Studio']) {
      await page.getByRole('navigation').getByRole('button', { name: label }).click();
    }
    await page.reload();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Connected');
    const cspHeader = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(cspHeader).toContain("script-src 'self'");
    expect(violations).toEqual([]);
    await page.close();
  });

  it('the quick window focuses its prompt and only gets the quick API', async () => {
    const page = await harness.open('quick');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Prompt');
    const keys = await page.evaluate(() => Object.keys((window as any).pp).sort());
    expect(keys).toEqual(['app', 'backend', 'preferences', 'quick', 'windows']);
    await page.close();
  });

  it('a page cannot use channels outside its window kind even by calling the binding directly', async () => {
    const page = await harness.open('main');
    const res = await page.evaluate(() => (window as any).__ppInvoke('hideQuickWindow', undefined));
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    await page.close();
  });
});
