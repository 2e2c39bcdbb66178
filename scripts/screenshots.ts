import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startGenerationBackend } from '../desktop/test/helpers/generation-backend.ts';
import { startRendererHarness } from '../desktop/test/harness/renderer-harness.ts';
import { scenes } from './screenshots/scenes.ts';

// Renders every screen of the app in Chromium (real renderer, real preload contract served by
// the real main handlers, real backend in sandbox mode) into docs/screenshots/*.png.
const outDir = join(import.meta.dirname, '../docs/screenshots');
mkdirSync(outDir, { recursive: true });
const only = process.argv.slice(2);

// Signed in, with credits and the fal stand-in, so the studio scenes can really generate.
const generation = await startGenerationBackend({ sandbox: true, credits: 1000 });
const backend = generation.backend;
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    const selected = scenes.filter((s) => (s.colorScheme ?? 'light') === colorScheme && (only.length === 0 || only.includes(s.name)));
    if (selected.length === 0) continue;
    const harness = await startRendererHarness({ backendUrl: backend.url, colorScheme, accessToken: generation.user.accessToken });
    try {
      for (const scene of selected) {
        const page = await harness.open(scene.kind, scene.hash);
        if (scene.viewport) await page.setViewportSize(scene.viewport);
        await scene.prepare?.(page, { fal: generation.fal });
        await page.screenshot({ path: join(outDir, `${scene.name}.png`) });
        await page.close();
        console.log(`screenshot: docs/screenshots/${scene.name}.png`);
      }
    } finally {
      await harness.close();
    }
  }
} finally {
  await generation.stop();
}
