import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trainingCost } from '../src/characters/service.ts';
import { call, signInTestUser } from './helpers/backend.ts';
import { balance, expectLedgerConsistent, fundedUser, generate, startGenerationRig, waitFor, waitForFinal, type GenerationRig } from './helpers/generation.ts';
import { CHARACTER_ENV, characterForm, characterRow, getCharacter, photo, photos, postCharacter, waitForTrained } from './helpers/characters.ts';

const COST = trainingCost();

describe('characters: training from photos with the real fal client against the stand-in', () => {
  let rig: GenerationRig;
  beforeEach(async () => {
    rig = await startGenerationRig(CHARACTER_ENV);
    rig.fal.setTrainingBehaviour({ queueMs: 50, runMs: 600 });
  });
  afterEach(async () => {
    await rig.stop();
  });

  const zipUrlOf = (requestIdx = -1) => String(rig.fal.submissions.filter((s) => s.endpoint.startsWith('fal-ai/flux-lora-fast-training')).at(requestIdx)?.input.images_data_url);

  it('trains a character with progress, charges once, forgets the photos, then generates with it and makes an avatar pack', async () => {
    const { backend } = rig;
    const user = await fundedUser(backend, 1000);
    const created = await postCharacter(backend, user.auth, characterForm(await photos(6), { name: 'Ada', type: 'person' }));
    expect(created.status).toBe(202);
    expect(created.json).toMatchObject({ name: 'Ada', type: 'person', status: 'training', cost: COST });
    expect(created.json.id).toMatch(/^chr_/);
    expect(await balance(backend, user.auth)).toMatchObject({ balance: 1000, held: COST });

    // The zip went to fal storage with the configured short lifecycle, and holds the 6 photos.
    const submission = rig.fal.submissions.find((s) => s.endpoint === 'fal-ai/flux-lora-fast-training')!;
    expect(submission.input).toMatchObject({ trigger_word: expect.stringMatching(/^ppx[0-9a-f]{10}$/), steps: 1000 });
    const zipUrl = zipUrlOf();
    expect(characterRow(backend, created.json.id)!.photos_url).toBe(zipUrl);

    const seen: number[] = [];
    const ready = await waitForTrained(backend, user.auth, created.json.id, (v) => {
      expect(v.eta_s).toBeGreaterThan(0);
      seen.push(v.progress);
    });
    expect(ready).toMatchObject({ status: 'ready', cost: COST, photo_count: 6 });
    expect(seen.some((p) => p > 0 && p < 100)).toBe(true);
    expect(await balance(backend, user.auth)).toMatchObject({ balance: 1000 - COST, held: 0 });

    // The photos: no address in the database, and fal's lifecycle deleted the zip.
    const row = characterRow(backend, created.json.id)!;
    expect(row.photos_url).toBeNull();
    expect(row.weights_url).toMatch(/\/files\//);
    await waitFor(() => !rig.fal.hasFile(zipUrl), 'the photo zip to expire in storage');
    expect(rig.fal.storedFiles().some((f) => f.contentType === 'application/zip')).toBe(false);
    expect(rig.fal.hasFile(row.weights_url)).toBe(true);

    // Generating with it: the weights and the trigger word are the server's, never the client's.
    const gen = await generate(backend, user.auth, { tool: 'character/flux-lora', input: { character_id: created.json.id, prompt: '@ hiking in the Alps' } });
    expect(gen.status).toBe(202);
    const done = await waitForFinal(backend, user.auth, gen.json.id);
    expect(done.status).toBe('succeeded');
    const loraCall = rig.fal.submissions.findLast((s) => s.endpoint === 'fal-ai/flux-lora')!;
    expect(loraCall.input.loras).toEqual([{ path: row.weights_url, scale: 1 }]);
    expect(loraCall.input.prompt).toBe(`${row.trigger_word} person hiking in the Alps`);
    const image = await fetch(done.result.images[0].url);
    expect(image.headers.get('content-type')).toBe('image/png');

    // The avatar pack: one generation, eight styled portraits, one charge.
    const before = await balance(backend, user.auth);
    const quote = await call(backend.url, 'POST', '/v1/quotes', { json: { tool: 'character/avatar-pack', input: { character_id: created.json.id } } });
    const pack = await generate(backend, user.auth, { tool: 'character/avatar-pack', input: { character_id: created.json.id } });
    expect(pack.status).toBe(202);
    expect(pack.json.cost).toBe(quote.json.cost);
    const packDone = await waitForFinal(backend, user.auth, pack.json.id);
    expect(packDone.status).toBe('succeeded');
    expect(packDone.result.images).toHaveLength(8);
    expect(packDone.cost).toBe(quote.json.cost);
    const prompts = rig.fal.submissions.filter((s) => s.endpoint === 'fal-ai/flux-lora').slice(-8).map((s) => String(s.input.prompt));
    expect(prompts.every((p) => p.includes(row.trigger_word))).toBe(true);
    expect(prompts.some((p) => p.includes('headshot')) && prompts.some((p) => p.includes('cyberpunk'))).toBe(true);
    expect(await balance(backend, user.auth)).toMatchObject({ balance: before.balance - quote.json.cost, held: 0 });
    const usage = backend.deps.db.prepare(`SELECT COUNT(*) FROM credit_holds WHERE idempotency_key = ? AND status = 'captured'`).pluck().get(`generation:${pack.json.id}`);
    expect(usage).toBe(1);
    expect(backend.deps.db.prepare('SELECT COUNT(*) FROM generation_parts').pluck().get()).toBe(0);
    expectLedgerConsistent(backend);
  });

  it('releases the credits and forgets the photos when training fails', async () => {
    const { backend } = rig;
    rig.fal.setTrainingBehaviour({ queueMs: 20, runMs: 100, outcome: 'failure' });
    const user = await fundedUser(backend, 1000);
    const created = await postCharacter(backend, user.auth, characterForm(await photos(5)));
    expect(created.status).toBe(202);
    const zipUrl = zipUrlOf();
    const failed = await waitForTrained(backend, user.auth, created.json.id);
    expect(failed).toMatchObject({ status: 'failed', cost: 0, error: { code: 'training_failed' } });
    expect(await balance(backend, user.auth)).toMatchObject({ balance: 1000, held: 0 });
    expect(characterRow(backend, created.json.id)!.photos_url).toBeNull();
    await waitFor(() => !rig.fal.hasFile(zipUrl), 'the photo zip to expire in storage');
    const gen = await generate(backend, user.auth, { tool: 'character/flux-lora', input: { character_id: created.json.id, prompt: 'a portrait' } });
    expect(gen.status).toBe(409);
    expect(gen.json.error.code).toBe('character_not_ready');
    expectLedgerConsistent(backend);
  });

  it('answers 404 for another user’s character, everywhere', async () => {
    const { backend } = rig;
    const owner = await fundedUser(backend, 1000);
    const other = await fundedUser(backend, 1000);
    const created = await postCharacter(backend, owner.auth, characterForm(await photos(5)));
    await waitForTrained(backend, owner.auth, created.json.id);
    expect((await getCharacter(backend, other.auth, created.json.id)).status).toBe(404);
    expect((await call(backend.url, 'DELETE', `/v1/characters/${created.json.id}`, { headers: other.auth })).status).toBe(404);
    expect((await call(backend.url, 'GET', '/v1/characters', { headers: other.auth })).json.items).toEqual([]);
    const gen = await generate(backend, other.auth, { tool: 'character/avatar-pack', input: { character_id: created.json.id } });
    expect(gen.status).toBe(404);
    expect(await balance(backend, other.auth)).toMatchObject({ balance: 1000, held: 0 });
    expect((await call(backend.url, 'GET', '/v1/characters', { headers: owner.auth })).json.items.map((c: { id: string }) => c.id)).toEqual([created.json.id]);
  });

  it('deletes a character in training: the hold is released, the row and the photos’ address are gone, fal is told to stop', async () => {
    const { backend } = rig;
    rig.fal.setTrainingBehaviour({ queueMs: 10, runMs: 100, manual: true });
    const user = await fundedUser(backend, 1000);
    const created = await postCharacter(backend, user.auth, characterForm(await photos(5)));
    await waitFor(async () => (await getCharacter(backend, user.auth, created.json.id)).json.progress > 0, 'training to report progress');
    const cancelsBefore = rig.fal.calls.cancel;
    const res = await call(backend.url, 'DELETE', `/v1/characters/${created.json.id}`, { headers: user.auth });
    expect(res.status).toBe(204);
    expect(characterRow(backend, created.json.id)).toBeUndefined();
    expect(rig.fal.calls.cancel).toBe(cancelsBefore + 1);
    expect((await getCharacter(backend, user.auth, created.json.id)).status).toBe(404);
    expect(await balance(backend, user.auth)).toMatchObject({ balance: 1000, held: 0 });
    await waitFor(() => !rig.fal.hasFile(zipUrlOf()), 'the photo zip to expire in storage');
    expectLedgerConsistent(backend);
  });

  it('refuses bad photo sets with a clear 4xx and holds nothing', async () => {
    const { backend } = rig;
    const user = await fundedUser(backend, 1000);
    const cases: Array<[string, FormData, number, string]> = [
      ['4 photos', characterForm(await photos(4)), 400, 'invalid_request'],
      ['21 photos', characterForm(await photos(21)), 400, 'invalid_request'],
      ['a non-image', characterForm([...(await photos(5)), { bytes: Buffer.from('%PDF-1.7 not an image'), name: 'cv.pdf', type: 'application/pdf' }]), 415, 'unsupported_media_type'],
      ['an oversize photo', characterForm([...(await photos(5)), { bytes: Buffer.concat([await photo(9), Buffer.alloc(16 * 1024 * 1024)]), name: 'huge.png' }]), 413, 'payload_too_large'],
      ['no name', characterForm(await photos(5), { type: 'person' }), 400, 'invalid_request'],
      ['an unknown type', characterForm(await photos(5), { name: 'X', type: 'robot' }), 400, 'invalid_request'],
    ];
    for (const [what, form, status, code] of cases) {
      const res = await postCharacter(backend, user.auth, form);
      expect({ what, status: res.status, code: res.json?.error?.code }).toEqual({ what, status, code });
      expect(res.json.error.message.length).toBeGreaterThan(10);
    }
    expect(await balance(backend, user.auth)).toMatchObject({ balance: 1000, held: 0 });
    expect(backend.deps.db.prepare('SELECT COUNT(*) FROM credit_holds').pluck().get()).toBe(0);
    expect(backend.deps.db.prepare('SELECT COUNT(*) FROM characters').pluck().get()).toBe(0);
    expect(rig.fal.storedFiles()).toEqual([]);
  });

  it('needs sign-in, accepted terms and enough credits', async () => {
    const { backend } = rig;
    expect((await postCharacter(backend, {}, characterForm(await photos(5)))).status).toBe(401);
    const noTerms = await signInTestUser(backend, { acceptTerms: false });
    expect((await postCharacter(backend, noTerms.auth, characterForm(await photos(5)))).json.error.code).toBe('terms_not_accepted');
    const poor = await fundedUser(backend, COST - 1);
    const res = await postCharacter(backend, poor.auth, characterForm(await photos(5)));
    expect(res.status).toBe(402);
    expect(backend.deps.db.prepare('SELECT COUNT(*) FROM characters').pluck().get()).toBe(0);
    expect(rig.fal.storedFiles()).toEqual([]);
  });
});
