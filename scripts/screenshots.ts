import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { signInTestUser } from '../backend/test/helpers/backend.ts';
import { startSignInBackend } from '../backend/test/helpers/sign-in-flow.ts';
import { startPolarStandIn } from '../backend/src/sandbox/polar-stand-in.ts';
import { seedCreditHistory } from '../desktop/test/harness/credits-fixture.ts';
import { startFalStandIn } from '../backend/src/sandbox/fal-stand-in.ts';
import { startRendererHarness } from '../desktop/test/harness/renderer-harness.ts';
import { scenes } from './screenshots/scenes.ts';

// Renders every screen of the app in Chromium (real renderer, real preload contract served by
// the real main handlers, real backend in sandbox mode) into docs/screenshots/*.png.
const outDir = join(import.meta.dirname, '../docs/screenshots');
mkdirSync(outDir, { recursive: true });
const only = process.argv.slice(2);

// The backend with its stand-ins for Google, Polar and fal (as in sandbox mode): sign-in scenes
// run the real flow; signed-in scenes use a test user with credit history who can generate.
const polar = await startPolarStandIn({ backendUrl: 'http://127.0.0.1:1' });
const fal = await startFalStandIn();
fal.setBehaviour({ queueMs: 150, runMs: 400, steps: 4 });
const signIn = await startSignInBackend({ sandbox: true }, { ...polar.env, ...fal.env, PP_LOG_LEVEL: 'warn' });
const backend = signIn.backend;
polar.setWebhookTarget(`${backend.url}/webhooks/polar`);
const user = await signInTestUser(backend, { name: 'Sam Rivera', subject: 'screenshots-sam' });
// Each harness is a separate "device" with its own session: reusing one refresh token in a
// second harness would (rightly) look like token theft and revoke the session.
const newDevice = () => signInTestUser(backend, { name: 'Sam Rivera', subject: 'screenshots-sam' });
backend.deps.db.prepare('UPDATE users SET terms_accepted_at = ?, age_confirmed_at = ? WHERE id = ?').run(Date.now(), Date.now(), user.userId);
seedCreditHistory(backend, user.userId);
backend.deps.ledger.grant({ userId: user.userId, amount: 1000, key: 'screenshots:studio-credits', kind: 'purchase', from: 'sales', description: 'Studio pack' });
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const signedIn of [false, true]) {
    const selected = scenes.filter(
      (s) => (s.colorScheme ?? 'light') === colorScheme && (s.signedIn ?? true) === signedIn && (only.length === 0 || only.includes(s.name)),
    );
    if (selected.length === 0) continue;
    const harness = await startRendererHarness({ backendUrl: backend.url, colorScheme, ...(signedIn ? { session: await newDevice() } : {}) });
    try {
      for (const scene of selected) {
        // Scenes with their own main-process handlers get a harness of their own.
        const own = scene.handlerOverrides
          ? await startRendererHarness({ backendUrl: backend.url, colorScheme, handlerOverrides: scene.handlerOverrides, ...(signedIn ? { session: await newDevice() } : {}) })
          : undefined;
        try {
          const page = await (own ?? harness).open(scene.kind, scene.hash);
          if (scene.viewport) await page.setViewportSize(scene.viewport);
          await scene.prepare?.(page, { harness: own ?? harness, backendUrl: backend.url, fal, backend });
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
  }
} finally {
  await signIn.stop();
  await polar.close();
  await fal.close();
}
