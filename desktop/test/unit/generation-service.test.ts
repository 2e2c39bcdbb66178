import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationJob } from '../../shared/studio-types.ts';
import { createStaticTokenBackend } from '../../main/authorized-backend.ts';
import { createBackendClient } from '../../main/backend-client.ts';
import { createStudioServices, type StudioServices } from '../../main/generation/studio-services.ts';
import { sniffImageType } from '../../main/gallery/image-bytes.ts';
import { staticTokenEventStream } from '../../main/generation/sse.ts';
import { startGenerationBackend, type GenerationBackend } from '../helpers/generation-backend.ts';
import { signInTestUser } from '../../../backend/test/helpers/backend.ts';

const MODEL = 'text-to-image/flux-schnell';

describe('the generation service against the real backend and fal stand-in', { timeout: 30_000 }, () => {
  let env: GenerationBackend;
  let dir: string;
  let services: StudioServices;
  const events: GenerationJob[] = [];
  const galleryEvents: string[] = [];
  const statusGets: string[] = [];

  const waitFor = async (jobId: string, done: (j: GenerationJob) => boolean) => {
    for (;;) {
      const job = services.generations.get(jobId)!;
      if (done(job)) return job;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const balance = async () => (await fetch(`${env.backend.url}/v1/credits`, { headers: env.user.auth })).json() as Promise<{ balance: number; held: number; available: number }>;

  beforeAll(async () => {
    env = await startGenerationBackend({ credits: 100 });
    dir = mkdtempSync(join(tmpdir(), 'pp-gen-gallery-'));
    const countingFetch: typeof fetch = (input, init) => {
      const url = String(input);
      if ((init?.method ?? 'GET') === 'GET' && /\/v1\/generations\/[^/]+$/.test(url)) statusGets.push(url);
      return fetch(input, init);
    };
    const client = createBackendClient({ baseUrl: () => env.backend.url, fetch: countingFetch });
    services = createStudioServices({
      client,
      backend: createStaticTokenBackend(client, env.user.accessToken),
      galleryDir: () => dir,
      emit: (name, payload) => (name === 'generationChanged' ? events.push(payload as GenerationJob) : galleryEvents.push(name)),
      revealInFolder: () => undefined,
      copyImageToClipboard: () => undefined,
      pollMs: 100,
      openEventStream: staticTokenEventStream(() => env.backend.url, env.user.accessToken),
    });
  });
  afterAll(async () => {
    await env?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the catalog with models and themes, and quotes an exact cost', async () => {
    const tools = await services.catalog.tools();
    expect(tools.ok).toBe(true);
    const ids = tools.ok ? tools.tools.map((t) => t.id) : [];
    expect(ids).toContain(MODEL);
    expect(ids.some((id) => id.startsWith('theme/'))).toBe(true);
    const one = await services.catalog.quote(MODEL, { prompt: 'a fox' });
    const two = await services.catalog.quote(MODEL, { prompt: 'a fox', num_images: 2 });
    expect(one.ok && two.ok && two.cost === one.cost * 2).toBe(true);
  });

  it('generates, reports progress, and saves every image with its sidecar at once', async () => {
    const before = await balance();
    const started = await services.generations.start(MODEL, { prompt: 'A lighthouse at dusk', num_images: 2, seed: 1234, aspect_ratio: '16:9' });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const job = await waitFor(started.job.jobId, (j) => j.status === 'succeeded' || j.status === 'failed');
    expect(job.error).toBeUndefined();
    expect(job.status).toBe('succeeded');
    expect(job.images).toHaveLength(2);
    const seen = new Set(events.filter((e) => e.jobId === job.jobId).map((e) => e.status));
    expect([...seen]).toEqual(expect.arrayContaining(['submitting', 'downloading', 'succeeded']));
    expect(seen.has('queued') || seen.has('running')).toBe(true);
    // Progress came over Server-Sent Events: the status was read with a plain GET only once, for the results.
    expect(statusGets.filter((u) => u.endsWith(job.generationId!))).toHaveLength(1);
    for (const image of job.images) {
      expect(sniffImageType(readFileSync(join(dir, image.id)))).toBe('image/png');
      const sidecar = JSON.parse(readFileSync(join(dir, image.id.replace(/\.png$/, '.json')), 'utf8'));
      expect(sidecar).toMatchObject({ prompt: 'A lighthouse at dusk', seed: 1234, tool: MODEL, generationId: job.generationId, cost: job.cost, params: { aspect_ratio: '16:9' } });
    }
    expect(galleryEvents.length).toBeGreaterThanOrEqual(2);
    const after = await balance();
    expect(after.balance).toBe(before.balance - job.cost!);
    expect(after.held).toBe(0);
  });

  it('cancels a running generation and the held credits come back', async () => {
    env.fal.setBehaviour({ manual: true, queueMs: 0 });
    const before = await balance();
    const started = await services.generations.start(MODEL, { prompt: 'to be canceled' });
    if (!started.ok) throw new Error(started.message);
    await waitFor(started.job.jobId, (j) => j.generationId !== undefined);
    const canceled = await services.generations.cancel(started.job.jobId);
    expect(canceled?.status).toBe('canceled');
    env.fal.setBehaviour({ queueMs: 150, runMs: 400, steps: 4 });
    await expect.poll(balance).toEqual(before);
  });

  it('a submit whose answer was lost is retried with the same idempotency key: one generation, one charge', async () => {
    let dropNextAnswer = true;
    const lossyFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (dropNextAnswer && init?.method === 'POST' && String(input).endsWith('/v1/generations')) {
        dropNextAnswer = false;
        throw new TypeError('fetch failed');
      }
      return res;
    };
    const client = createBackendClient({ baseUrl: () => env.backend.url, fetch: lossyFetch });
    const lossy = createStudioServices({
      client,
      backend: createStaticTokenBackend(client, env.user.accessToken),
      galleryDir: () => dir,
      emit: () => undefined,
      revealInFolder: () => undefined,
      copyImageToClipboard: () => undefined,
      pollMs: 100,
    });
    const before = await balance();
    const submitsBefore = env.fal.calls.submit;
    const started = await lossy.generations.start(MODEL, { prompt: 'answer lost' });
    if (!started.ok) throw new Error(started.message);
    const wait = async (done: (j: GenerationJob) => boolean) => {
      for (;;) {
        const job = lossy.generations.get(started.job.jobId)!;
        if (done(job)) return job;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const lost = await wait((j) => j.status === 'failed');
    expect(lost.error?.code).toBe('backend_unreachable');
    expect(lost.generationId).toBeUndefined();
    lossy.generations.retry(started.job.jobId);
    const done = await wait((j) => j.status === 'succeeded' || j.status === 'failed');
    expect(done.status).toBe('succeeded');
    expect(env.fal.calls.submit - submitsBefore).toBe(1);
    expect((await balance()).balance).toBe(before.balance - done.cost!);
  });

  it('retrying a generation that finished is a new action with its own charge', async () => {
    const before = await balance();
    const submitsBefore = env.fal.calls.submit;
    const started = await services.generations.start(MODEL, { prompt: 'exactly once' });
    if (!started.ok) throw new Error(started.message);
    const done = await waitFor(started.job.jobId, (j) => j.status === 'succeeded' || j.status === 'failed');
    expect(done.status).toBe('succeeded');
    // Retrying a finished action is a new action (new key): it must not reuse the old generation.
    services.generations.retry(done.jobId);
    const again = await waitFor(done.jobId, (j) => (j.status === 'succeeded' || j.status === 'failed') && j.generationId !== done.generationId);
    expect(again.generationId).not.toBe(done.generationId);
    expect(env.fal.calls.submit - submitsBefore).toBe(2);
    expect((await balance()).balance).toBe(before.balance - done.cost! - again.cost!);
  });

  it('says plainly when the user has too few credits, and holds nothing', async () => {
    const poor = await signInTestUser(env.backend);
    const client = createBackendClient({ baseUrl: () => env.backend.url });
    const theirs = createStudioServices({
      client,
      backend: createStaticTokenBackend(client, poor.accessToken),
      galleryDir: () => dir,
      emit: () => undefined,
      revealInFolder: () => undefined,
      copyImageToClipboard: () => undefined,
      pollMs: 100,
    });
    const submits = env.fal.calls.submit;
    const started = await theirs.generations.start(MODEL, { prompt: 'no credits' });
    if (!started.ok) throw new Error(started.message);
    for (;;) {
      const job = theirs.generations.get(started.job.jobId)!;
      if (job.status === 'failed') {
        expect(job.error?.code).toBe('insufficient_credits');
        break;
      }
      expect(job.status).toBe('submitting');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(env.fal.calls.submit).toBe(submits);
    const credits = await (await fetch(`${env.backend.url}/v1/credits`, { headers: poor.auth })).json();
    expect(credits).toMatchObject({ balance: 0, held: 0 });
  });

  it('refuses to start when signed out, without calling the backend', async () => {
    const client = createBackendClient({ baseUrl: () => env.backend.url });
    const signedOut = createStudioServices({
      client,
      backend: createStaticTokenBackend(client, undefined),
      galleryDir: () => dir,
      emit: () => undefined,
      revealInFolder: () => undefined,
      copyImageToClipboard: () => undefined,
    });
    const submits = env.fal.calls.submit;
    expect(await signedOut.generations.start(MODEL, { prompt: 'x' })).toMatchObject({ ok: false, code: 'not_signed_in' });
    expect(env.fal.calls.submit).toBe(submits);
  });
});
