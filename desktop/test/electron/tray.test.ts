import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../../backend/test/helpers/backend.ts';
import { electronBinary } from './electron-binary.ts';

const binary = electronBinary();

describe.runIf(binary === undefined)('Electron tray suite', () => {
  it.skip('skipped: Electron binary not installed (node_modules/electron/dist is empty on this machine)', () => undefined);
});

describe.runIf(binary !== undefined)('Electron tray suite (real Electron)', () => {
  let backend: TestBackend;
  let configHome: string;
  beforeAll(async () => {
    backend = await startTestBackend();
  });
  afterAll(() => backend?.stop());

  // A fresh profile per launch: preferences.json lives under XDG_CONFIG_HOME/PromptPixels on Linux.
  async function launch(args: string[] = []): Promise<ElectronApplication> {
    configHome = mkdtempSync(join(tmpdir(), 'pp-electron-'));
    return electron.launch({ executablePath: binary!, args: ['out/main/index.js', ...args], env: { ...process.env, PP_BACKEND_URL: backend.url, XDG_CONFIG_HOME: configHome } });
  }
  async function quit(app: ElectronApplication) {
    await app.close();
    rmSync(configHome, { recursive: true, force: true });
  }
  const visibleWindows = (app: ElectronApplication) =>
    app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((w) => w.isVisible()).map((w) => w.getTitle()));

  it('--quick shows the pre-created popup with the prompt focused, and not the main window', async () => {
    const app = await launch(['--quick']);
    try {
      await expect.poll(() => visibleWindows(app), { timeout: 15_000 }).toEqual(['Quick generate']);
      const popup = app.windows().find((w) => w.url().endsWith('quick.html'))!;
      await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Prompt');
    } finally {
      await quit(app);
    }
  });

  it('closing the main window keeps PromptPixels running and remembers it told the user', async () => {
    const app = await launch();
    try {
      const main = await app.firstWindow();
      await expect.poll(() => visibleWindows(app), { timeout: 15_000 }).toContain('PromptPixels');
      await main.evaluate(() => window.close());
      await expect.poll(() => visibleWindows(app)).toEqual([]);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(2);
      const prefs = JSON.parse(readFileSync(join(configHome, 'PromptPixels', 'preferences.json'), 'utf8')) as { toldAboutTray: boolean };
      expect(prefs.toldAboutTray).toBe(true);
    } finally {
      await quit(app);
    }
  });
});
