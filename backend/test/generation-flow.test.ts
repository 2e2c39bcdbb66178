import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call } from './helpers/backend.ts';
import { balance, expectLedgerConsistent, fundedUser, generate, readGenerationEvents, startGenerationRig, waitFor, waitForFinal, type GenerationRig } from './helpers/generation.ts';

describe('text to image through the backend', () => {
  let rig: GenerationRig;
  beforeAll(async () => {
    rig = await startGenerationRig();
  });
  afterAll(() => rig.stop());
  // Whatever a test did, the ledger must still reconcile.
  afterEach(() => expectLedgerConsistent(rig.backend));
  beforeEach(() => rig.fal.setBehaviour({ queueMs: 60, queuePosition: 3, runMs: 240, steps: 4 }));

  it('lists the catalog without sign-in, each tool with a JSON Schema form and a price', async () => {
    const res = await call(rig.backend.url, 'GET', '/v1/tools');
    expect(res.status).toBe(200);
    const ids = res.json.map((t: { id: string }) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['text-to-image/flux-schnell', 'text-to-image/flux-pro-ultra', 'text-to-image/ideogram-v3', 'text-to-image/recraft-v3', 'theme/cars', 'theme/nail-art', 'theme/logo', 'theme/tattoo', 'theme/interior', 'theme/product', 'theme/portrait']));
    const ideogram = res.json.find((t: { id: string }) => t.id === 'text-to-image/ideogram-v3');
    expect(ideogram).toMatchObject({ kind: 'text-to-image', params: { type: 'object', required: ['prompt'] } });
    expect(ideogram.params.properties.negative_prompt.type).toBe('string');
    expect(ideogram.params.properties.aspect_ratio.enum).toEqual(['1:1', '4:3', '3:4', '16:9', '9:16', '21:9']);
    const schnell = res.json.find((t: { id: string }) => t.id === 'text-to-image/flux-schnell');
    expect(schnell.params.properties.negative_prompt).toBeUndefined();
    expect(schnell.params.properties.safety.enum).toEqual(['strict', 'standard', 'relaxed']);
    const nails = res.json.find((t: { id: string }) => t.id === 'theme/nail-art');
    expect(nails.params.properties.nail_shape.enum).toContain('coffin');
    expect(nails.params.properties.nail_length.enum).toContain('long');
    for (const tool of res.json) expect(JSON.stringify(tool)).not.toContain('fal-ai/');
  });

  it('quotes the exact credits a request would hold', async () => {
    const res = await call(rig.backend.url, 'POST', '/v1/quotes', { json: { tool: 'text-to-image/flux-pro-ultra', input: { prompt: 'a lighthouse', num_images: 3 } } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ cost: 36, unit_cost: 12, units: 3 });
    const bad = await call(rig.backend.url, 'POST', '/v1/quotes', { json: { tool: 'text-to-image/flux-pro-ultra', input: { prompt: 'x', num_images: 9 } } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].field).toBe('input.num_images');
  });

  it('generates, streams progress, delivers downloadable images of the requested size and charges exactly the quote', async () => {
    const user = await fundedUser(rig.backend, 50);
    const input = { prompt: 'a red fox in fresh snow at dawn', aspect_ratio: '16:9', num_images: 2, seed: 42 };
    const quote = await call(rig.backend.url, 'POST', '/v1/quotes', { json: { tool: 'text-to-image/flux-schnell', input } });
    // A second in the queue: long enough that the stream's first event is still the queued state.
    rig.fal.setBehaviour({ queueMs: 1000, queuePosition: 3, runMs: 200, steps: 4, manual: true });
    const res = await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-schnell', input });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ status: 'queued', cost: quote.json.cost });
    expect(res.json.id).toMatch(/^gen_/);
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 50, held: quote.json.cost, available: 50 - quote.json.cost });

    // The job runs until the stream has shown progress; then the stand-in completes it.
    const events = await readGenerationEvents(rig.backend, user.auth, res.json.id, (e) => {
      if (e.status === 'running' && e.progress >= 50) rig.fal.finish();
    });
    const statuses = events.map((e) => e.status);
    expect(statuses[0]).toBe('queued');
    expect(statuses).toContain('running');
    expect(statuses.at(-1)).toBe('succeeded');
    expect(events.some((e) => e.status === 'queued' && typeof e.queue_position === 'number')).toBe(true);
    expect(events.some((e) => e.status === 'running' && typeof e.progress === 'number' && e.logs.length > 0)).toBe(true);

    const done = events.at(-1)!;
    expect(done.cost).toBe(quote.json.cost);
    expect(done.result.images).toHaveLength(2);
    for (const img of done.result.images) {
      expect(img).toMatchObject({ width: 1024, height: 576, content_type: 'image/png' });
      const download = await fetch(img.url);
      expect(download.status).toBe(200);
      const meta = await sharp(Buffer.from(await download.arrayBuffer())).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1024, 576]);
    }
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 50 - quote.json.cost, held: 0, available: 50 - quote.json.cost });
    const history = await call(rig.backend.url, 'GET', '/v1/credits/transactions', { headers: user.auth });
    expect(history.json.items[0]).toMatchObject({ kind: 'usage', amount: -quote.json.cost });
    expectLedgerConsistent(rig.backend);
  });

  it('maps the studio settings to the model’s own parameters and asks fal to expire the files', async () => {
    const user = await fundedUser(rig.backend, 100);
    const before = rig.fal.submissions.length;
    const res = await generate(rig.backend, user.auth, {
      tool: 'text-to-image/ideogram-v3',
      input: { prompt: 'a poster that says HELLO', negative_prompt: 'blurry', aspect_ratio: '21:9', style: 'vintage-poster', seed: 7 },
    });
    expect(res.status).toBe(202);
    const sent = rig.fal.submissions[before]!;
    expect(sent.endpoint).toBe('fal-ai/ideogram/v3');
    expect(sent.input).toMatchObject({ prompt: 'a poster that says HELLO', negative_prompt: 'blurry', image_size: { width: 1344, height: 576 }, num_images: 1, seed: 7, style_preset: 'VINTAGE_POSTER' });
    expect(sent.authorization).toBe('Key sandbox-fal-key');
    expect(JSON.parse(sent.lifecycle!)).toEqual({ expiration_duration_seconds: 3600 });

    await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-pro-ultra', input: { prompt: 'a tree', aspect_ratio: '9:16', safety: 'strict' } });
    expect(rig.fal.submissions[before + 1]!.input).toMatchObject({ aspect_ratio: '9:16', safety_tolerance: '1' });
    await generate(rig.backend, user.auth, { tool: 'theme/nail-art', input: { nail_shape: 'coffin', nail_length: 'long', design: 'chrome' } });
    const nails = rig.fal.submissions[before + 2]!;
    expect(nails.endpoint).toBe('fal-ai/flux/dev');
    expect(nails.input.prompt).toContain('long coffin nails');
    expect(nails.input.prompt).toContain('chrome nail art');
  });

  it('charges only for the images delivered when fal returns fewer than asked', async () => {
    rig.fal.setBehaviour({ queueMs: 10, runMs: 40, imagesReturned: 1 });
    const user = await fundedUser(rig.backend, 60);
    const res = await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-pro-ultra', input: { prompt: 'a canyon', num_images: 4 } });
    expect(res.json.cost).toBe(48);
    const done = await waitForFinal(rig.backend, user.auth, res.json.id);
    expect(done).toMatchObject({ status: 'succeeded', cost: 12, quoted_cost: 48 });
    expect(done.result.images).toHaveLength(1);
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 48, held: 0, available: 48 });
    expectLedgerConsistent(rig.backend);
  });

  it('drops images blacked out by the safety checker and does not charge for them', async () => {
    rig.fal.setBehaviour({ queueMs: 10, runMs: 40, flaggedImages: 1 });
    const user = await fundedUser(rig.backend, 10);
    const res = await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: 'a beach', aspect_ratio: '4:3', num_images: 3 } });
    const done = await waitForFinal(rig.backend, user.auth, res.json.id);
    expect(done).toMatchObject({ status: 'succeeded', cost: 2, quoted_cost: 3 });
    expect(done.result.images).toHaveLength(2);
    expect(await balance(rig.backend, user.auth)).toMatchObject({ balance: 8, held: 0 });
  });

  it('never writes prompts or parameters to the logs', async () => {
    const user = await fundedUser(rig.backend, 10);
    const secret = 'zebra-umbrella-secret-prompt';
    const res = await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: secret, seed: 987654321 } });
    await waitForFinal(rig.backend, user.auth, res.json.id);
    const logs = rig.backend.logs.join('\n');
    expect(logs).toContain(res.json.id);
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain('987654321');
    const stored = JSON.stringify(rig.backend.deps.db.prepare('SELECT * FROM generations WHERE id = ?').get(res.json.id));
    expect(stored).not.toContain(secret);
  });

  it('ends the event stream with one event for a finished generation, and lets go of a stream the client closed', async () => {
    const { generationChanges } = await import('../src/generation/store.ts');
    const user = await fundedUser(rig.backend, 20);
    rig.fal.setBehaviour({ queueMs: 10, runMs: 20 });
    const finished = await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: 'done' } });
    await waitForFinal(rig.backend, user.auth, finished.json.id);
    const events = await readGenerationEvents(rig.backend, user.auth, finished.json.id);
    expect(events.map((e) => e.status)).toEqual(['succeeded']);

    rig.fal.setBehaviour({ queueMs: 10, runMs: 20, manual: true });
    const running = await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: 'left open' } });
    const listeners = generationChanges(rig.backend.deps.db).listenerCount('change');
    const abort = new AbortController();
    const res = await fetch(`${rig.backend.url}/v1/generations/${running.json.id}/events`, { headers: user.auth, signal: abort.signal });
    const reader = res.body!.getReader();
    await reader.read();
    expect(generationChanges(rig.backend.deps.db).listenerCount('change')).toBe(listeners + 1);
    abort.abort();
    await waitFor(() => generationChanges(rig.backend.deps.db).listenerCount('change') === listeners, 'the stream to be released');
    await call(rig.backend.url, 'DELETE', `/v1/generations/${running.json.id}`, { headers: user.auth });
  });
});
