import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInTestUser } from '../../../backend/test/helpers/backend.ts';
import { createStaticTokenBackend } from '../../main/authorized-backend.ts';
import { createBackendClient } from '../../main/backend-client.ts';
import { createStudioQuickGenerate } from '../../main/generation/quick-generate-studio.ts';
import { createStudioServices, type StudioServices } from '../../main/generation/studio-services.ts';
import { DEFAULT_PREFERENCES } from '../../shared/preferences.ts';
import type { QuickGenerateEvent } from '../../shared/quick-generate.ts';
import type { Preferences } from '../../shared/preferences.ts';
import { startGenerationBackend, type GenerationBackend } from '../helpers/generation-backend.ts';

// The tray's quick generate on the real pipeline: catalog → quote → generate → gallery files.
describe('quick generate on the studio pipeline (real backend and fal stand-in)', { timeout: 30_000 }, () => {
  let env: GenerationBackend;
  let dir: string;
  let prefs: Preferences;
  let services: StudioServices;
  let quick: ReturnType<typeof createStudioQuickGenerate>;

  beforeAll(async () => {
    env = await startGenerationBackend({ credits: 100 });
    dir = mkdtempSync(join(tmpdir(), 'pp-quick-gallery-'));
    prefs = { ...DEFAULT_PREFERENCES, defaultModel: 'text-to-image/flux-schnell', style: 'anime', aspectRatio: '16:9' };
    const client = createBackendClient({ baseUrl: () => env.backend.url });
    const backend = createStaticTokenBackend(client, env.user.accessToken);
    services = createStudioServices({
      client,
      backend,
      galleryDir: () => dir,
      emit: (name, payload) => {
        if (name === 'generationChanged') quick.observe(payload as Parameters<typeof quick.observe>[0]);
      },
      revealInFolder: () => undefined,
      copyImageToClipboard: () => undefined,
      pollMs: 100,
    });
    quick = createStudioQuickGenerate({ studio: services, backend, preferences: () => prefs });
  });
  afterAll(async () => {
    await env?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers the default model’s styles and ratios, with the user’s defaults and balance', async () => {
    const res = await quick.options();
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.readiness).toEqual({ state: 'ready', balance: 100 });
    expect(res.value.presets.map((p) => p.id)).toContain('anime');
    expect(res.value.presets.find((p) => p.id === 'anime')?.label).toBe('Anime');
    expect(res.value.aspectRatios).toContain('16:9');
    expect(res.value.defaults).toMatchObject({ preset: 'anime', aspectRatio: '16:9' });
  });

  it('prices a request exactly as the backend quotes it', async () => {
    const price = await quick.price({ prompt: 'x', preset: null, aspectRatio: '1:1', count: 2 });
    const quote = await (await fetch(`${env.backend.url}/v1/quotes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tool: 'text-to-image/flux-schnell', input: { prompt: 'x', num_images: 2, aspect_ratio: '1:1', safety: 'standard' } }),
    })).json() as { cost: number };
    expect(price).toEqual({ ok: true, value: { credits: quote.cost } });
  });

  it('prices a request before any prompt is typed (the price does not depend on the words)', async () => {
    const empty = await quick.price({ prompt: '', preset: null, aspectRatio: '1:1', count: 2 });
    const typed = await quick.price({ prompt: 'a long prompt about lighthouses', preset: null, aspectRatio: '1:1', count: 2 });
    expect(empty.ok).toBe(true);
    expect(empty).toEqual(typed);
  });

  it('generates, reports progress, and succeeds with image files already in the gallery', async () => {
    const events: QuickGenerateEvent[] = [];
    quick.onEvent((e) => events.push(e));
    const started = await quick.start({ prompt: 'a lighthouse at dusk', preset: 'cinematic', aspectRatio: '16:9', count: 1 });
    expect(started.ok).toBe(true);
    await expect.poll(() => events.at(-1)?.state, { timeout: 20_000 }).toBe('succeeded');
    const done = events.at(-1) as Extract<QuickGenerateEvent, { state: 'succeeded' }>;
    expect(done.images).toHaveLength(1);
    expect(existsSync(done.images[0]!.path)).toBe(true);
    expect(readFileSync(done.images[0]!.path).subarray(1, 4).toString()).toBe('PNG');
    const sidecar = JSON.parse(readFileSync(done.images[0]!.path.replace(/\.[a-z]+$/, '.json'), 'utf8'));
    expect(sidecar).toMatchObject({ prompt: 'a lighthouse at dusk', tool: 'text-to-image/flux-schnell' });
    expect(sidecar.params).toMatchObject({ style: 'cinematic', aspect_ratio: '16:9' });
  });

  it('says "signed out" when there is no session', async () => {
    const signedOut = createStudioQuickGenerate({ studio: services, backend: createStaticTokenBackend(createBackendClient({ baseUrl: () => env.backend.url }), undefined), preferences: () => prefs });
    const res = await signedOut.options();
    expect(res.ok && res.value.readiness).toEqual({ state: 'signed-out' });
  });

  it('says "out of credits" when the balance cannot pay for one image', async () => {
    const poor = await signInTestUser(env.backend);
    const client = createBackendClient({ baseUrl: () => env.backend.url });
    const poorQuick = createStudioQuickGenerate({ studio: services, backend: createStaticTokenBackend(client, poor.accessToken), preferences: () => prefs });
    const res = await poorQuick.options();
    expect(res.ok && res.value.readiness).toEqual({ state: 'out-of-credits', balance: 0 });
  });
});
