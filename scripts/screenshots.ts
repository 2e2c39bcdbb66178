import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestBackend } from '../backend/test/helpers/backend.ts';
import { startRendererHarness } from '../desktop/test/harness/renderer-harness.ts';
import { scenes } from './screenshots/scenes.ts';

// Renders every screen of the app in Chromium (real renderer, real preload contract served by
// the real main handlers, real backend in sandbox mode) into docs/screenshots/*.png.
const outDir = join(import.meta.dirname, '../docs/screenshots');
mkdirSync(outDir, { recursive: true });
const only = process.argv.slice(2);

const backend = await startTestBackend({ PP_LOG_LEVEL: 'warn' }, { sandbox: true });
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    const selected = scenes.filter((s) => (s.colorScheme ?? 'light') === colorScheme && (only.length === 0 || only.includes(s.name)));
    if (selected.length === 0) continue;
    const harness = await startRendererHarness({ backendUrl: backend.url, colorScheme });
    try {
      for (const scene of selected) {
        // Scenes with their own main-process handlers get a harness of their own.
        const own = scene.handlerOverrides ? await startRendererHarness({ backendUrl: backend.url, colorScheme, handlerOverrides: scene.handlerOverrides }) : undefined;
        try {
          const page = await (own ?? harness).open(scene.kind, scene.hash);
          if (scene.viewport) await page.setViewportSize(scene.viewport);
          await scene.prepare?.(page);
          await page.screenshot({ path: join(outDir, `${scene.name}.png`) });
          await page.close();
        } finally {
          await own?.close();
        }
        console.log(`screenshot: docs/screenshots/${scene.name}.png`);
      }
    } finally {
      await harness.close();
    }
  }
} finally {
  await backend.stop();
}
