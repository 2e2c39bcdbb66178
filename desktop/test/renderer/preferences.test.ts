import Conf from 'conf';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferencesMigrations } from '../../main/preferences/migrations.ts';
import { createPreferencesController } from '../../main/preferences/preferences-controller.ts';
import { confPreferencesFile } from '../../main/preferences/preferences-file.ts';
import { createPreferencesService } from '../../main/preferences/preferences-service.ts';
import { startTestBackend, type TestBackend } from '../../../backend/test/helpers/backend.ts';
import { startRendererHarness, type RendererHarness } from '../harness/renderer-harness.ts';

describe('the Preferences page in Chromium, over the real preferences file', () => {
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

  const theme = (p: import('playwright-core').Page) => p.evaluate(() => document.documentElement.dataset.theme ?? 'system');

  it('choosing a theme switches it at once in every window and saves it', async () => {
    const page = await harness.open('main', '#/preferences');
    const quick = await harness.open('quick');
    await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).click();
    await expect.poll(() => theme(page)).toBe('dark');
    await expect.poll(() => theme(quick)).toBe('dark');
    expect(harness.tray.preferences.get().theme).toBe('dark');
    await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Match system' }).click();
    await expect.poll(() => theme(quick)).toBe('system');
    await page.close();
    await quick.close();
  });

  it('a new shortcut is recorded from the keyboard and registered', async () => {
    const page = await harness.open('main', '#/preferences');
    await page.getByRole('button', { name: 'Change…' }).click();
    await page.keyboard.press('Alt+Shift+G');
    await expect.poll(() => page.getByLabel('Current shortcut').textContent()).toBe('Alt+Shift+G');
    expect(harness.tray.shortcuts.current()).toBe('Alt+Shift+G');
    expect(harness.tray.preferences.get().shortcut).toBe('Alt+Shift+G');
    await page.close();
  });

  it('a shortcut another app owns is refused with the reason, and the old one stays', async () => {
    harness.tray.takenShortcuts.add('CommandOrControl+Alt+T');
    const page = await harness.open('main', '#/preferences');
    const before = harness.tray.shortcuts.current();
    await page.getByRole('button', { name: 'Change…' }).click();
    await page.keyboard.press('Control+Alt+T');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Ctrl+Alt+T is already used by another app or the system.');
    expect(harness.tray.shortcuts.current()).toBe(before);
    expect(harness.tray.preferences.get().shortcut).toBe(before);
    await page.close();
  });

  it('Esc while recording cancels without changing anything', async () => {
    const page = await harness.open('main', '#/preferences');
    const before = harness.tray.preferences.get().shortcut;
    await page.getByRole('button', { name: 'Change…' }).click();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('button', { name: 'Change…' }).count()).toBe(1);
    expect(harness.tray.preferences.get().shortcut).toBe(before);
    await page.close();
  });

  it('a backend URL that would send tokens in the clear is refused beside the field, and a new one is saved only once confirmed', async () => {
    const page = await harness.open('main', '#/preferences');
    const field = page.getByLabel('Backend URL');
    await field.fill('http://promptpixels.example.com');
    await field.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('must use https');
    expect(harness.tray.preferences.get().backendUrl).toBe('http://127.0.0.1:8787');
    harness.tray.backendUrlConfirmation.answer = false;
    await field.fill('https://pp.example.com/');
    await field.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The backend URL was not changed.');
    expect(harness.tray.preferences.get().backendUrl).toBe('http://127.0.0.1:8787');
    harness.tray.backendUrlConfirmation.answer = true;
    await field.press('Enter');
    await expect.poll(() => harness.tray.preferences.get().backendUrl).toBe('https://pp.example.com/');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(harness.tray.backendUrlConfirmation.asked).toEqual(['https://pp.example.com/', 'https://pp.example.com/']);
    await page.close();
  });

  it('preferences repaired at start are listed in a notice on the page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-repaired-'));
    writeFileSync(join(dir, 'preferences.json'), JSON.stringify({ schemaVersion: 1, theme: 'dark', aspectRatio: 7, notifications: 'often' }));
    const service = createPreferencesService(
      confPreferencesFile({ open: () => new Conf({ cwd: dir, configName: 'preferences', projectName: 'pp-test' }), path: join(dir, 'preferences.json'), now: Date.now }),
      preferencesMigrations,
    );
    const repaired = await startRendererHarness({
      backendUrl: backend.url,
      handlerOverrides: { preferences: createPreferencesController({ service, shortcuts: harness.tray.shortcuts, chooseFolder: async () => undefined, confirmBackendUrl: async () => false }) },
    });
    try {
      const page = await repaired.open('main', '#/preferences');
      await expect.poll(() => page.locator('.pref-notice').textContent()).toBe(
        'Some preferences could not be read and were reset to their defaults: Aspect ratio, Notifications.',
      );
      await expect.poll(() => theme(page)).toBe('dark');
    } finally {
      await repaired.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('toggles save at once, and the gallery folder comes from the folder dialog', async () => {
    const page = await harness.open('main', '#/preferences');
    await page.getByLabel('Copy the first image to the clipboard').click();
    await expect.poll(() => harness.tray.preferences.get().copyAfterQuickGenerate).toBe(false);
    harness.tray.nextFolderChoice.value = '/home/ada/Pictures/Made with PP';
    await page.getByRole('button', { name: 'Choose…' }).click();
    await expect.poll(() => page.locator('.pref-path').textContent()).toBe('/home/ada/Pictures/Made with PP');
    await page.getByRole('button', { name: 'Use default' }).click();
    await expect.poll(() => harness.tray.preferences.get().galleryFolder).toBe(null);
    await page.close();
  });

  it('main can send the window to an area (tray menu, popup fixes)', async () => {
    const page = await harness.open('main', '#/studio');
    await expect.poll(() => page.locator('.header-title').textContent()).toBe('Image Studio');
    await harness.emit('navigate', { area: 'preferences' });
    await expect.poll(() => page.locator('.header-title').textContent()).toBe('Preferences');
    await page.close();
  });
});
