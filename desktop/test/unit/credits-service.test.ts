import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInTestUser } from '../../../backend/test/helpers/backend.ts';
import { startBillingRig, type BillingRig } from '../../../backend/test/helpers/billing.ts';
import { createStaticTokenBackend } from '../../main/authorized-backend.ts';
import { createBackendClient } from '../../main/backend-client.ts';
import { createCreditsService } from '../../main/credits/credits-service.ts';
import { createCheckedOpener } from '../../main/external-links.ts';
import type { CreditsState } from '../../shared/ipc-types.ts';

describe("main's credits service against the real backend and Polar stand-in", () => {
  let rig: BillingRig;
  beforeAll(async () => {
    rig = await startBillingRig();
  });
  afterAll(() => rig.stop());

  const service = (token: string | undefined, opts: { allowLoopbackHttp?: boolean; checkoutWaitMs?: number } = {}) => {
    const opened: string[] = [];
    const credits = createCreditsService({
      backend: createStaticTokenBackend(createBackendClient({ baseUrl: () => rig.backend.url }), token),
      openExternal: createCheckedOpener(async (url) => void opened.push(url), { allowLoopbackHttp: opts.allowLoopbackHttp ?? true }),
      now: Date.now,
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
      checkoutPollMs: 50,
      returnPollMs: 50,
      checkoutWaitMs: opts.checkoutWaitMs ?? 60_000,
      returnWaitMs: 60_000,
    });
    const seen: CreditsState[] = [];
    credits.onChange((s) => seen.push(s));
    return { credits, opened, seen };
  };

  it('reports signed out, and refuses to start a checkout, without a session', async () => {
    const { credits } = service(undefined);
    expect(await credits.get()).toEqual({ ok: true, value: { signedIn: false } });
    expect(await credits.startCheckout('starter')).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('opens checkouts only through the checked browser path', async () => {
    const user = await signInTestUser(rig.backend);
    const { credits, opened } = service(user.accessToken, { allowLoopbackHttp: false });
    const res = await credits.startCheckout('starter');
    expect(res).toMatchObject({ ok: false, error: { code: 'checkout_not_opened' } });
    expect(opened).toEqual([]);
    const state = await credits.get();
    expect(state).toMatchObject({ ok: true, value: { signedIn: true, balance: 0 } });
    expect(state.ok && state.value.signedIn ? state.value.purchase : 'not read').toBeUndefined();
  });

  it('gives up waiting after a while, and a later return link resumes the check until the credits land', async () => {
    const user = await signInTestUser(rig.backend);
    const { credits, opened, seen } = service(user.accessToken, { checkoutWaitMs: 200 });
    const started = await credits.startCheckout('creator');
    expect(started.ok).toBe(true);
    expect(opened).toHaveLength(1);
    await expect.poll(() => seen.at(-1)).toMatchObject({ purchase: { state: 'timed_out' } });
    const checkoutId = started.ok ? started.value.checkoutId : '';
    const order = await rig.polar.pay(checkoutId, { deliver: false });
    expect(await credits.handleBillingReturn(checkoutId)).toMatchObject({ ok: true, value: { balance: 0, purchase: { state: 'waiting' } } });
    await rig.polar.deliverOrder('order.paid', order);
    await expect.poll(() => seen.at(-1)).toMatchObject({ balance: 500, purchase: { state: 'landed', checkoutId, credits: 500 } });
    expect(await credits.dismissCheckout()).toEqual({ ok: true, value: expect.not.objectContaining({ purchase: expect.anything() }) });
    credits.stop();
  });
});
