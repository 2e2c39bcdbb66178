import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFalStandIn, type FalStandIn } from '../src/sandbox/fal-stand-in.ts';
import { startPolarStandIn, type PolarStandIn } from '../src/sandbox/polar-stand-in.ts';
import { call } from './helpers/backend.ts';
import { newKey, waitForFinal } from './helpers/generation.ts';
import { appPkce, browserSignIn, startSignInBackend, TestBrowser } from './helpers/sign-in-flow.ts';

// One run through every secret-bearing path (Google sign-in, token refresh, a Polar purchase
// with a signed webhook, a billed generation on fal), then a grep of everything the backend
// logged for each key, secret and token that was used.
describe('no secrets in the logs', () => {
  let polar: PolarStandIn;
  let fal: FalStandIn;
  let rig: Awaited<ReturnType<typeof startSignInBackend>>;
  const used: Record<string, string> = {};

  beforeAll(async () => {
    polar = await startPolarStandIn({ backendUrl: 'http://127.0.0.1:1' });
    fal = await startFalStandIn();
    fal.setBehaviour({ queueMs: 20, runMs: 60, steps: 2 });
    rig = await startSignInBackend({}, { ...polar.env, ...fal.env, PP_LOG_LEVEL: 'debug' });
    polar.setWebhookTarget(`${rig.backend.url}/webhooks/polar`);
    Object.assign(used, {
      FAL_KEY: fal.env.FAL_KEY!,
      POLAR_ACCESS_TOKEN: polar.accessToken,
      POLAR_WEBHOOK_SECRET: polar.secret,
      GOOGLE_CLIENT_SECRET: rig.provider.env.GOOGLE_CLIENT_SECRET!,
    });
  });
  afterAll(async () => {
    await rig?.stop();
    await polar?.close();
    await fal?.close();
  });

  it('sign-in, refresh, purchase and generation leave no key, secret or token in the logs', async () => {
    // Sign in for real: provider → callback → handoff code → tokens.
    const app = appPkce();
    const signIn = await browserSignIn(new TestBrowser(), rig.backend.url, app);
    const code = signIn.deepLink!.searchParams.get('code')!;
    used.handoff_code = code;
    used.app_state = app.state;
    used.code_verifier = app.verifier;
    const tokens = (await call(rig.backend.url, 'POST', '/auth/token', { json: { grant_type: 'handoff', code, code_verifier: app.verifier, device_name: 'Laptop' } })).json;
    const refreshed = (await call(rig.backend.url, 'POST', '/auth/token', { json: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token } })).json;
    Object.assign(used, { access_token: tokens.access_token, refresh_token: tokens.refresh_token, access_token_2: refreshed.access_token, refresh_token_2: refreshed.refresh_token });
    const auth = { authorization: `Bearer ${refreshed.access_token}` };
    expect((await call(rig.backend.url, 'PATCH', '/v1/me', { headers: auth, json: { accept_terms: true, age_confirmed: true } })).status).toBe(200);

    // Buy credits through Polar: checkout, pay, signed webhook.
    const checkout = (await call(rig.backend.url, 'POST', '/v1/billing/checkout', { headers: auth, json: { pack_id: 'starter' } })).json;
    const before = (await call(rig.backend.url, 'GET', '/v1/credits', { headers: auth })).json.balance as number;
    await polar.pay(checkout.checkout_id);
    await expect.poll(async () => (await call(rig.backend.url, 'GET', '/v1/credits', { headers: auth })).json.balance, { timeout: 10_000 }).toBeGreaterThan(before);

    // A billed generation through fal.
    const gen = await call(rig.backend.url, 'POST', '/v1/generations', {
      headers: { ...auth, 'idempotency-key': newKey() },
      json: { tool: 'text-to-image/flux-schnell', input: { prompt: 'a quiet harbour' } },
    });
    expect(gen.status).toBe(202);
    expect((await waitForFinal(rig.backend, auth, gen.json.id)).status).toBe('succeeded');

    const logs = rig.backend.logs.join('\n');
    expect(logs.length).toBeGreaterThan(1000);
    for (const [name, secret] of Object.entries(used)) {
      expect(secret.length, name).toBeGreaterThan(8);
      expect(logs.includes(secret), `${name} appears in the logs`).toBe(false);
    }
  });
});
