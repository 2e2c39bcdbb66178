import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileLedger } from '../src/credits/reconcile.ts';
import { setToolEnabled } from '../src/fraud/tool-switches.ts';
import { fundedUser, generate, startGenerationRig, type GenerationRig } from './helpers/generation.ts';

// The fraud controls on the real billed route: flux-schnell costs 1 credit per image here.
describe('fraud controls on POST /v1/generations', () => {
  let rig: GenerationRig;
  beforeAll(async () => {
    rig = await startGenerationRig({ PP_NEW_ACCOUNT_DAILY_LIMIT: '3', PP_SPEND_LIMIT_HOUR: '20', PP_DISABLED_TOOLS: 'text-to-image/flux-dev' });
  });
  afterAll(() => rig?.stop());

  const schnell = (images: number) => ({ tool: 'text-to-image/flux-schnell', input: { prompt: 'a lighthouse', num_images: images } });

  it('caps what an account that never bought credits can spend in a day, and says how to lift it', async () => {
    const user = await fundedUser(rig.backend, 100);
    const cost = (await generate(rig.backend, user.auth, schnell(1))).json.cost as number;
    const allowed = Math.floor(3 / cost);
    for (let i = 1; i < allowed; i++) expect((await generate(rig.backend, user.auth, schnell(1))).status).toBe(202);
    const refused = await generate(rig.backend, user.auth, schnell(1));
    expect(refused.status).toBe(429);
    expect(refused.json.error).toMatchObject({ code: 'spend_limit_reached', details: { window: 'new-account daily' } });
    expect(refused.json.error.message).toMatch(/Buy a credit pack/);
    expect(rig.backend.deps.ledger.balance(user.userId).held + (100 - rig.backend.deps.ledger.balance(user.userId).balance)).toBeLessThanOrEqual(3);
  });

  it('applies the hourly limit to paying customers too', async () => {
    const user = await fundedUser(rig.backend, 0);
    rig.backend.deps.ledger.grant({ userId: user.userId, amount: 100, key: `polar:order:${user.userId.slice(4)}:grant`, kind: 'purchase', from: 'sales', description: 'Pack' });
    let last = 202;
    for (let i = 0; i < 30 && last === 202; i++) last = (await generate(rig.backend, user.auth, schnell(1))).status;
    expect(last).toBe(429);
  });

  it('a paused tool answers 503 tool_disabled and holds nothing; switching it back on works at once', async () => {
    const user = await fundedUser(rig.backend, 0);
    rig.backend.deps.ledger.grant({ userId: user.userId, amount: 100, key: `polar:order:${user.userId.slice(4)}:grant2`, kind: 'purchase', from: 'sales', description: 'Pack' });
    const paused = await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-dev', input: { prompt: 'x' } });
    expect(paused.status).toBe(503);
    expect(paused.json.error.code).toBe('tool_disabled');
    expect(rig.backend.deps.ledger.balance(user.userId).held).toBe(0);
    setToolEnabled(rig.backend.deps.db, 'text-to-image/flux-dev', true, undefined, Date.now());
    expect((await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-dev', input: { prompt: 'x' } })).status).toBe(202);
    expect(reconcileLedger(rig.backend.deps.db).ok).toBe(true);
  });
});
