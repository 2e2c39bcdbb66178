import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { signInTestUser } from '../backend/test/helpers/backend.ts';
import { startBillingRig } from '../backend/test/helpers/billing.ts';
import { seedCreditHistory } from '../desktop/test/harness/credits-fixture.ts';
import { startRendererHarness } from '../desktop/test/harness/renderer-harness.ts';
import { scenes } from './screenshots/scenes.ts';

// Renders every screen of the app in Chromium (real renderer, real preload contract served by
// the real main handlers, real backend in sandbox mode) into docs/screenshots/*.png.
const outDir = join(import.meta.dirname, '../docs/screenshots');
mkdirSync(outDir, { recursive: true });
const only = process.argv.slice(2);

// The Polar stand-in stands in for billing; a signed-in user with two weeks of credit history.
const rig = await startBillingRig({ PP_LOG_LEVEL: 'warn' }, { sandbox: true });
const backend = rig.backend;
const user = await signInTestUser(backend, { name: 'Sam Rivera' });
seedCreditHistory(backend, user.userId);
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const signedIn of [false, true]) {
    const selected = scenes.filter(
      (s) => (s.colorScheme ?? 'light') === colorScheme && (s.signedIn ?? true) === signedIn && (only.length === 0 || only.includes(s.name)),
    );
    if (selected.length === 0) continue;
    const harness = await startRendererHarness({ backendUrl: backend.url, colorScheme, ...(signedIn ? { accessToken: user.accessToken } : {}) });
    try {
      for (const scene of selected) {
        const page = await harness.open(scene.kind, scene.hash);
        if (scene.viewport) await page.setViewportSize(scene.viewport);
        await scene.prepare?.(page);
        await page.screenshot({ path: join(outDir, `${scene.name}.png`) });
        await page.close();
        console.log(`screenshot: docs/screenshots/${scene.name}.png`);
      }
    } finally {
      await harness.close();
    }
    }
  }
} finally {
  await rig.stop();
}
