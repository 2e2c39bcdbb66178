import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, signInTestUser, startTestBackend } from './helpers/backend.ts';
import { balance, expectLedgerConsistent, fundedUser, generate, newKey, startGenerationRig, waitFor, waitForFinal, type GenerationRig } from './helpers/generation.ts';

describe('generation input and access checks', () => {
  let rig: GenerationRig;
  beforeAll(async () => {
    rig = await startGenerationRig();
    rig.fal.setBehaviour({ queueMs: 10, runMs: 30 });
  });
  afterAll(() => rig.stop());
  // Whatever a test did, the ledger must still reconcile.
  afterEach(() => expectLedgerConsistent(rig.backend));

  const refusals: Array<[string, unknown, string]> = [
    ['an unknown tool', { tool: 'text-to-image/no-such-model', input: { prompt: 'x' } }, 'tool'],
    ['a fal endpoint instead of a tool id', { tool: 'fal-ai/flux/schnell', input: { prompt: 'x' } }, 'tool'],
    ['an empty prompt', { tool: 'text-to-image/flux-schnell', input: { prompt: '   ' } }, 'input.prompt'],
    ['too many images', { tool: 'text-to-image/flux-schnell', input: { prompt: 'x', num_images: 5 } }, 'input.num_images'],
    ['more than one Recraft image', { tool: 'text-to-image/recraft-v3', input: { prompt: 'x', num_images: 2 } }, 'input.num_images'],
    ['an aspect ratio the model lacks', { tool: 'text-to-image/imagen4', input: { prompt: 'x', aspect_ratio: '21:9' } }, 'input.aspect_ratio'],
    ['a negative prompt on a model without one', { tool: 'text-to-image/flux-schnell', input: { prompt: 'x', negative_prompt: 'y' } }, 'input'],
    ['a fractional seed', { tool: 'text-to-image/flux-schnell', input: { prompt: 'x', seed: 1.5 } }, 'input.seed'],
    ['a safety level the model lacks', { tool: 'text-to-image/ideogram-v3', input: { prompt: 'x', safety: 'relaxed' } }, 'input.safety'],
    ['a theme without its required option', { tool: 'theme/logo', input: { mood: 'bold' } }, 'input.brand_name'],
    ['an unknown top-level field', { tool: 'text-to-image/flux-schnell', input: { prompt: 'x' }, endpoint: 'fal-ai/flux/dev' }, '(body)'],
  ];
  for (const [what, body, field] of refusals) {
    it(`refuses ${what} with a 400 and holds nothing`, async () => {
      const user = await fundedUser(rig.backend, 10);
      const before = rig.fal.calls.submit;
      const res = await generate(rig.backend, user.auth, body);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('invalid_request');
      expect(res.json.error.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(rig.fal.calls.submit).toBe(before);
      expect(await balance(rig.backend, user.auth)).toEqual({ balance: 10, held: 0, available: 10 });
    });
  }

  it('refuses a request without an Idempotency-Key with a 400 and holds nothing', async () => {
    const user = await fundedUser(rig.backend, 10);
    const res = await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: 'x' } }, null);
    expect(res.status).toBe(400);
    expect(res.json.error.details[0].field).toBe('Idempotency-Key');
    expect(await balance(rig.backend, user.auth)).toMatchObject({ held: 0 });
  });

  it('needs sign-in to generate', async () => {
    const res = await generate(rig.backend, {}, { tool: 'text-to-image/flux-schnell', input: { prompt: 'x' } });
    expect(res.status).toBe(401);
  });

  it('answers 403 terms_not_accepted until the terms are accepted, holding nothing', async () => {
    const user = await fundedUser(rig.backend, 10, { acceptTerms: false });
    const res = await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: 'x' } });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('terms_not_accepted');
    expect(await balance(rig.backend, user.auth)).toMatchObject({ balance: 10, held: 0 });
  });

  it('answers 402 when the balance is short, and the same key works once credits are added', async () => {
    const user = await fundedUser(rig.backend, 0);
    const key = newKey();
    const body = { tool: 'text-to-image/flux-schnell', input: { prompt: 'x', aspect_ratio: '4:3' } };
    const poor = await generate(rig.backend, user.auth, body, key);
    expect(poor.status).toBe(402);
    expect(poor.json.error).toMatchObject({ code: 'insufficient_credits', details: { needed: 1, available: 0 } });
    rig.backend.deps.ledger.grant({ userId: user.userId, amount: 5, key: `top-up:${user.userId}`, kind: 'promo', from: 'promo', description: 'Top up' });
    const retry = await generate(rig.backend, user.auth, body, key);
    expect(retry.status).toBe(202);
  });

  it("shows a generation only to its owner: others get 404 on read, events and cancel", async () => {
    const owner = await fundedUser(rig.backend, 10);
    const other = await fundedUser(rig.backend, 10);
    const res = await generate(rig.backend, owner.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: 'mine' } });
    for (const [method, path] of [['GET', ''], ['GET', '/events'], ['DELETE', '']] as const) {
      const answer = await call(rig.backend.url, method, `/v1/generations/${res.json.id}${path}`, { headers: other.auth });
      expect(answer.status).toBe(404);
      expect(answer.json.error.code).toBe('not_found');
    }
    expect((await call(rig.backend.url, 'GET', '/v1/generations/gen_doesnotexist000000', { headers: owner.auth })).status).toBe(404);
    const done = await waitForFinal(rig.backend, owner.auth, res.json.id);
    expect(done.status).toBe('succeeded');
    expectLedgerConsistent(rig.backend);
  });

  it('drops result URLs after delivery grace or PP_RESULT_TTL_S, keeping the record', async () => {
    const user = await fundedUser(rig.backend, 10);
    const res = await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: 'ephemeral' } });
    const done = await waitForFinal(rig.backend, user.auth, res.json.id);
    expect(done.result.images).toHaveLength(1);
    const { dropExpiredResults } = await import('../src/generation/store.ts');
    dropExpiredResults(rig.backend.deps.db, Date.now() + 3600_000 + 1);
    const later = await call(rig.backend.url, 'GET', `/v1/generations/${res.json.id}`, { headers: user.auth });
    expect(later.json).toMatchObject({ status: 'succeeded', cost: 2 });
    expect(later.json.result).toBeUndefined();
    expect(rig.backend.deps.db.prepare('SELECT result FROM generations WHERE id = ?').pluck().get(res.json.id)).toBeNull();
  });

  it('keeps result URLs for a short grace after first delivery, and undelivered ones until PP_RESULT_TTL_S', async () => {
    const { dropExpiredResults, DELIVERY_GRACE_MS } = await import('../src/generation/store.ts');
    const user = await fundedUser(rig.backend, 10);
    const delivered = await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: 'fetched', aspect_ratio: '4:3' } });
    const pending = await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: 'not fetched yet', aspect_ratio: '4:3' } });
    await waitForFinal(rig.backend, user.auth, delivered.json.id);
    const statusOf = rig.backend.deps.db.prepare('SELECT status FROM generations WHERE id = ?').pluck();
    await waitFor(() => statusOf.get(pending.json.id) === 'succeeded', 'the second generation');
    dropExpiredResults(rig.backend.deps.db, Date.now() + DELIVERY_GRACE_MS + 1);
    const first = await call(rig.backend.url, 'GET', `/v1/generations/${delivered.json.id}`, { headers: user.auth });
    expect(first.json.result).toBeUndefined();
    const second = await call(rig.backend.url, 'GET', `/v1/generations/${pending.json.id}`, { headers: user.auth });
    expect(second.json.result.images).toHaveLength(1);
  });
});

describe('generation without a fal key', () => {
  it('answers 503 generation_not_configured and holds nothing, while the catalog still loads', async () => {
    const backend = await startTestBackend();
    try {
      const user = await signInTestUser(backend);
      const res = await call(backend.url, 'POST', '/v1/generations', { json: { tool: 'text-to-image/flux-schnell', input: { prompt: 'x' } }, headers: { ...user.auth, 'idempotency-key': 'k1' } });
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe('generation_not_configured');
      expect((await call(backend.url, 'GET', '/v1/tools')).status).toBe(200);
    } finally {
      await backend.stop();
    }
  });
});
