import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call } from './helpers/backend.ts';
import { balance, expectLedgerConsistent, fundedUser, generate, newKey, startGenerationRig, waitFor, waitForFinal, type GenerationRig } from './helpers/generation.ts';

const schnell = (prompt = 'a quiet harbour at dusk', extra: Record<string, unknown> = {}) => ({
  tool: 'text-to-image/flux-schnell',
  // 4:3 fits in one megapixel: 1 credit per image.
  input: { prompt, aspect_ratio: '4:3', ...extra },
});

describe('generation money is exactly once', () => {
  let rig: GenerationRig;
  beforeAll(async () => {
    rig = await startGenerationRig();
  });
  afterAll(() => rig.stop());
  // Whatever a test did, the ledger must still reconcile.
  afterEach(() => expectLedgerConsistent(rig.backend));
  beforeEach(() => rig.fal.setBehaviour({ queueMs: 10, runMs: 40 }));

  it('a retried request with the same Idempotency-Key is the same generation and is charged once', async () => {
    const user = await fundedUser(rig.backend, 10);
    const key = newKey();
    const first = await generate(rig.backend, user.auth, schnell('a kite', { num_images: 2 }), key);
    // Same body with its keys in another order is the same request.
    const retry = await generate(rig.backend, user.auth, { input: { aspect_ratio: '4:3', num_images: 2, prompt: 'a kite' }, tool: 'text-to-image/flux-schnell' }, key);
    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.json.id).toBe(first.json.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    await waitForFinal(rig.backend, user.auth, first.json.id);
    const late = await generate(rig.backend, user.auth, schnell('a kite', { num_images: 2 }), key);
    expect(late.json.id).toBe(first.json.id);
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 8, held: 0, available: 8 });
    expect(rig.backend.deps.db.prepare('SELECT COUNT(*) FROM generations WHERE user_id = ?').pluck().get(user.userId)).toBe(1);
    expectLedgerConsistent(rig.backend);
  });

  it('concurrent retries with one key create one generation and one hold', async () => {
    const user = await fundedUser(rig.backend, 10);
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 8 }, () => generate(rig.backend, user.auth, schnell('a lantern'), key)));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([202]));
    expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
    await waitForFinal(rig.backend, user.auth, answers[0]!.json.id);
    expect(await balance(rig.backend, user.auth)).toMatchObject({ balance: 9, held: 0 });
    expect(rig.fal.submissions.filter((s) => s.input.prompt === 'a lantern')).toHaveLength(1);
  });

  it('the same key with a different body is a 409 and changes nothing', async () => {
    const user = await fundedUser(rig.backend, 10);
    const key = newKey();
    const first = await generate(rig.backend, user.auth, schnell('a bridge'), key);
    const other = await generate(rig.backend, user.auth, schnell('a different bridge'), key);
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('idempotency_key_reused');
    await waitForFinal(rig.backend, user.auth, first.json.id);
    expect(await balance(rig.backend, user.auth)).toMatchObject({ balance: 9, held: 0 });
  });

  it('concurrent generations beyond the balance hold exactly what is there and refuse the rest with 402', async () => {
    rig.fal.setBehaviour({ queueMs: 10, runMs: 40, manual: true });
    const user = await fundedUser(rig.backend, 10);
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => generate(rig.backend, user.auth, schnell(`castle ${i}`))));
    const accepted = answers.filter((a) => a.status === 202);
    const refused = answers.filter((a) => a.status === 402);
    expect(accepted).toHaveLength(10);
    expect(refused).toHaveLength(15);
    expect(refused[0]!.json.error.code).toBe('insufficient_credits');
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 10, held: 10, available: 0 });
    expectLedgerConsistent(rig.backend);
    rig.fal.finish();
    for (const a of accepted) expect((await waitForFinal(rig.backend, user.auth, a.json.id)).status).toBe('succeeded');
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 0, held: 0, available: 0 });
    expectLedgerConsistent(rig.backend);
  });

  it('a failed generation releases the whole hold', async () => {
    rig.fal.setBehaviour({ queueMs: 10, runMs: 20, outcome: 'failure' });
    const user = await fundedUser(rig.backend, 30);
    const res = await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-pro-ultra', input: { prompt: 'a storm', num_images: 2 } });
    expect(res.json.cost).toBe(24);
    const done = await waitForFinal(rig.backend, user.auth, res.json.id);
    expect(done).toMatchObject({ status: 'failed', cost: 0, error: { code: 'provider_failed', status: 502 } });
    expect(done.result).toBeUndefined();
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 30, held: 0, available: 30 });
    expectLedgerConsistent(rig.backend);
  });

  it('a content-policy refusal is a 422 content_policy_violation on the generation and costs nothing', async () => {
    rig.fal.setBehaviour({ queueMs: 10, runMs: 20, outcome: 'content_policy' });
    const user = await fundedUser(rig.backend, 10);
    const res = await generate(rig.backend, user.auth, schnell('something refused'));
    const done = await waitForFinal(rig.backend, user.auth, res.json.id);
    expect(done).toMatchObject({ status: 'failed', cost: 0, error: { code: 'content_policy_violation', status: 422 } });
    expect(done.error.message).toMatch(/content policy/);
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 10, held: 0, available: 10 });
    expectLedgerConsistent(rig.backend);
  });

  it('a refusal at submit time fails the generation at once and costs nothing', async () => {
    rig.fal.setBehaviour({ outcome: 'submit_content_policy' });
    const user = await fundedUser(rig.backend, 10);
    const res = await generate(rig.backend, user.auth, schnell('refused at the door'));
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ status: 'failed', cost: 0, error: { code: 'content_policy_violation', status: 422 } });
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 10, held: 0, available: 10 });
    expectLedgerConsistent(rig.backend);
  });

  it('every image blocked by the safety checker is a content-policy failure with no charge', async () => {
    rig.fal.setBehaviour({ queueMs: 10, runMs: 20, flaggedImages: 4 });
    const user = await fundedUser(rig.backend, 10);
    const res = await generate(rig.backend, user.auth, schnell('all flagged', { num_images: 2 }));
    const done = await waitForFinal(rig.backend, user.auth, res.json.id);
    expect(done).toMatchObject({ status: 'failed', cost: 0, error: { code: 'content_policy_violation' } });
    expect(await balance(rig.backend, user.auth)).toMatchObject({ balance: 10, held: 0 });
  });

  it('canceling releases the hold, tells fal, and a second cancel answers the same', async () => {
    rig.fal.setBehaviour({ queueMs: 10, runMs: 40, manual: true });
    const user = await fundedUser(rig.backend, 10);
    const res = await generate(rig.backend, user.auth, schnell('a slow sunrise', { num_images: 3 }));
    await waitFor(async () => (await call(rig.backend.url, 'GET', `/v1/generations/${res.json.id}`, { headers: user.auth })).json.status === 'running', 'running');
    const cancelsBefore = rig.fal.calls.cancel;
    const canceled = await call(rig.backend.url, 'DELETE', `/v1/generations/${res.json.id}`, { headers: user.auth });
    expect(canceled.status).toBe(200);
    expect(canceled.json).toMatchObject({ id: res.json.id, status: 'canceled', cost: 0 });
    expect(rig.fal.calls.cancel).toBe(cancelsBefore + 1);
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 10, held: 0, available: 10 });
    const again = await call(rig.backend.url, 'DELETE', `/v1/generations/${res.json.id}`, { headers: user.auth });
    expect(again.json.status).toBe('canceled');
    // Even if fal finishes the job afterwards, nothing is charged.
    rig.fal.finish();
    await new Promise((r) => setTimeout(r, 300));
    expect((await call(rig.backend.url, 'GET', `/v1/generations/${res.json.id}`, { headers: user.auth })).json.status).toBe('canceled');
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 10, held: 0, available: 10 });
    expectLedgerConsistent(rig.backend);
  });

  it('a finished generation cannot be canceled', async () => {
    const user = await fundedUser(rig.backend, 10);
    const res = await generate(rig.backend, user.auth, schnell('done already'));
    await waitForFinal(rig.backend, user.auth, res.json.id);
    const cancel = await call(rig.backend.url, 'DELETE', `/v1/generations/${res.json.id}`, { headers: user.auth });
    expect(cancel.status).toBe(409);
    expect(await balance(rig.backend, user.auth)).toMatchObject({ balance: 9, held: 0 });
  });
});

describe('a generation that outlives its hold', () => {
  it('is canceled at fal and released before the hold expires, so it can never be charged late', async () => {
    const rig = await startGenerationRig({ PP_HOLD_TTL_S: '1' });
    try {
      rig.fal.setBehaviour({ queueMs: 10, runMs: 50, manual: true });
      const user = await fundedUser(rig.backend, 10);
      const res = await generate(rig.backend, user.auth, schnell('a very slow job'));
      const done = await waitForFinal(rig.backend, user.auth, res.json.id);
      expect(done).toMatchObject({ status: 'failed', cost: 0, error: { code: 'timed_out', status: 504 } });
      // The tracker settles first and then tells fal; the cancel call follows the settlement.
      await waitFor(() => rig.fal.calls.cancel === 1, 'the cancel to reach fal');
      expect(await balance(rig.backend, user.auth)).toEqual({ balance: 10, held: 0, available: 10 });
      expectLedgerConsistent(rig.backend);
    } finally {
      await rig.stop();
    }
  });
});
