import { _electron as electron } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../../backend/test/helpers/backend.ts';
import { electronBinary } from './electron-binary.ts';

const binary = electronBinary();

describe.runIf(binary === undefined)('Electron smoke suite', () => {
  it.skip('skipped: Electron binary not installed (node_modules/electron/dist is empty on this machine)', () => undefined);
});

describe.runIf(binary !== undefined)('Electron smoke suite (real Electron)', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend();
  });
  afterAll(() => backend?.stop());

  it('launches, shows the main window, and shows the backend as connected', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: ['out/main/index.js'],
      env: { ...process.env, PP_BACKEND_URL: backend.url },
    });
    try {
      const window = await app.firstWindow();
      await expect.poll(() => window.getByRole('status').textContent(), { timeout: 15_000 }).toContain('Connected');
      // No Node in the page (nodeIntegration off, sandboxed, isolated): only window.pp crosses.
      expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    } finally {
      await app.close();
    }
  });
});
