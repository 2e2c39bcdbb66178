import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileLedger } from '../src/credits/reconcile.ts';
import { STAND_IN_PRODUCTS } from '../src/sandbox/polar-stand-in.ts';
import { call, signInTestUser, startTestBackend } from './helpers/backend.ts';
import { startBillingRig, type BillingRig } from './helpers/billing.ts';

const STICKERS = STAND_IN_PRODUCTS[3]!.id;

describe('buying credit packs through Polar (real SDK against the Polar stand-in)', () => {
  let rig: BillingRig;
  const url = () => rig.backend.url;
  const credits = async (auth: Record<string, string>) => (await call(url(), 'GET', '/v1/credits', { headers: auth })).json as { balance: number; held: number; available: number };
  const expectReconciled = () => expect(reconcileLedger(rig.backend.deps.db)).toMatchObject({ ok: true, problems: [] });
  const buy = async (auth: Record<string, string>, packId = 'starter') => {
    const res = await call(url(), 'POST', '/v1/billing/checkout', { headers: auth, json: { pack_id: packId } });
    expect(res.status).toBe(201);
    return res.json as { checkout_id: string; url: string };
  };

  beforeAll(async () => {
    rig = await startBillingRig();
  });
  afterAll(() => rig.stop());

  it('lists the packs with the prices Polar charges', async () => {
    const res = await call(url(), 'GET', '/v1/billing/packs');
    expect(res.status).toBe(200);
    expect(res.json).toEqual([
      { id: 'starter', credits: 100, label: 'Starter — 100 credits', price: { amount: 500, currency: 'usd' } },
      { id: 'creator', credits: 500, label: 'Creator — 500 credits', price: { amount: 2000, currency: 'usd' } },
      { id: 'studio', credits: 2000, label: 'Studio — 2,000 credits', price: { amount: 6000, currency: 'usd' } },
    ]);
  });

  it('completes a whole purchase: checkout, the sandbox Pay button, the signed webhook, the grant and the return page', async () => {
    const user = await signInTestUser(rig.backend);
    const checkout = await buy(user.auth);
    expect(checkout.url.startsWith(rig.polar.url)).toBe(true);
    const stored = rig.polar.checkouts.get(checkout.checkout_id)!;
    expect(stored.external_customer_id).toBe(user.userId);
    expect(stored.metadata).toMatchObject({ user_id: user.userId, pack_id: 'starter' });
    expect(stored.success_url).toBe(`${url()}/billing/return?checkout_id={CHECKOUT_ID}`);

    const page = await fetch(checkout.url).then((r) => r.text());
    expect(page).toContain('SANDBOX');
    expect(page).toContain('>Pay</button>');
    const paid = await fetch(`${checkout.url}/pay`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    const returnUrl = paid.headers.get('location')!;
    expect(returnUrl).toBe(`${url()}/billing/return?checkout_id=${checkout.checkout_id}`);

    expect(rig.polar.deliveries.slice(-2).map((d) => [d.type, d.status])).toEqual([
      ['order.created', 202],
      ['order.paid', 202],
    ]);
    expect(await credits(user.auth)).toEqual({ balance: 100, held: 0, available: 100 });
    const history = await call(url(), 'GET', '/v1/credits/transactions', { headers: user.auth });
    expect(history.json.items[0]).toMatchObject({ kind: 'purchase', amount: 100, balance_after: 100, checkout_id: checkout.checkout_id });

    const ret = await fetch(returnUrl);
    const html = await ret.text();
    expect(ret.status).toBe(200);
    expect(ret.headers.get('content-type')).toContain('text/html');
    expect(html).toContain(`href="promptpixels://billing/return?checkout_id=${checkout.checkout_id}"`);
    expect(ret.headers.get('content-security-policy')).toContain("script-src 'nonce-");
    expectReconciled();
  });

  it('answers the return page with an HTML error for a bad checkout id', async () => {
    const res = await fetch(`${url()}/billing/return?checkout_id=${encodeURIComponent('<script>')}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).not.toContain('<script>');
  });

  it('needs sign-in, accepted terms and a known pack to start a checkout', async () => {
    expect((await call(url(), 'POST', '/v1/billing/checkout', { json: { pack_id: 'starter' } })).status).toBe(401);
    const noTerms = await signInTestUser(rig.backend, { acceptTerms: false });
    const refused = await call(url(), 'POST', '/v1/billing/checkout', { headers: noTerms.auth, json: { pack_id: 'starter' } });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('terms_not_accepted');
    const user = await signInTestUser(rig.backend);
    const unknown = await call(url(), 'POST', '/v1/billing/checkout', { headers: user.auth, json: { pack_id: 'gold' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details).toEqual([{ field: 'pack_id', message: 'is not a pack' }]);
    const extra = await call(url(), 'POST', '/v1/billing/checkout', { headers: user.auth, json: { pack_id: 'starter', credits: 9999 } });
    expect(extra.status).toBe(400);
  });

  it('grants once however often the same order is delivered, replayed or retried', async () => {
    const user = await signInTestUser(rig.backend);
    const order = await rig.polar.pay((await buy(user.auth)).checkout_id);
    const paidDelivery = rig.polar.deliveries.findLast((d) => d.type === 'order.paid')!;
    const retry = await rig.polar.redeliver(paidDelivery);
    expect(retry.status).toBe(202);
    // A fresh webhook-id for the same order (Polar re-sending the event) must not grant again either.
    expect((await rig.polar.deliverOrder('order.paid', order)).status).toBe(202);
    expect((await rig.polar.deliverOrder('order.updated', order)).status).toBe(202);
    expect(await credits(user.auth)).toMatchObject({ balance: 100 });
    expectReconciled();
  });

  it('refuses bad signatures and stale timestamps with 401, changing nothing', async () => {
    const user = await signInTestUser(rig.backend);
    const order = rig.polar.createOrder({ externalCustomerId: user.userId, productId: STAND_IN_PRODUCTS[0]!.id, metadata: { user_id: user.userId } });
    const forged = await rig.polar.deliverOrder('order.paid', order, { secret: 'whsec_c29tZW9uZS1lbHNlcy1zZWNyZXQ=' });
    expect(forged.status).toBe(401);
    const stale = await rig.polar.deliverOrder('order.paid', order, { timestampS: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    const future = await rig.polar.deliverOrder('order.paid', order, { timestampS: Math.floor(Date.now() / 1000) + 6 * 60 });
    expect(future.status).toBe(401);
    const unsigned = await call(url(), 'POST', '/webhooks/polar', { json: { type: 'order.paid', data: {} } });
    expect(unsigned.status).toBe(401);
    const seen = rig.backend.deps.db.prepare('SELECT COUNT(*) FROM billing_webhook_events WHERE webhook_id IN (?, ?, ?)').pluck().get(forged.id, stale.id, future.id);
    expect(seen).toBe(0);
    expect(await credits(user.auth)).toMatchObject({ balance: 0 });
    // The same order, correctly signed and on time, is granted: nothing was "used up" by the forgeries.
    expect((await rig.polar.deliverOrder('order.paid', order)).status).toBe(202);
    expect(await credits(user.auth)).toMatchObject({ balance: 100 });
  });

  it('refuses a body tampered with after signing', async () => {
    const user = await signInTestUser(rig.backend);
    const order = rig.polar.createOrder({ externalCustomerId: user.userId, productId: STAND_IN_PRODUCTS[0]!.id });
    const good = await rig.polar.deliverOrder('order.created', order);
    const tampered = good.body.replace('"billing_reason":"purchase"', '"billing_reason":"purchase" ');
    const { signWebhook } = await import('../src/sandbox/polar-shapes.ts');
    const headers = signWebhook(rig.polar.secret, 'msg_tamper', Math.floor(Date.now() / 1000), good.body);
    const res = await fetch(`${url()}/webhooks/polar`, { method: 'POST', headers, body: tampered });
    expect(res.status).toBe(401);
  });

  it('refuses oversized webhook bodies before reading them, and signed bodies that are not JSON', async () => {
    const { signWebhook } = await import('../src/sandbox/polar-shapes.ts');
    const big = 'x'.repeat(600 * 1024);
    const tooBig = await fetch(`${url()}/webhooks/polar`, { method: 'POST', headers: signWebhook(rig.polar.secret, 'msg_big', Math.floor(Date.now() / 1000), big), body: big });
    expect(tooBig.status).toBe(413);
    const notJson = await fetch(`${url()}/webhooks/polar`, { method: 'POST', headers: signWebhook(rig.polar.secret, 'msg_nojson', Math.floor(Date.now() / 1000), 'hello'), body: 'hello' });
    expect(notJson.status).toBe(400);
    const seen = rig.backend.deps.db.prepare(`SELECT COUNT(*) FROM billing_webhook_events WHERE webhook_id IN ('msg_big', 'msg_nojson')`).pluck().get();
    expect(seen).toBe(0);
  });

  it('never grants on order.created, for non-purchases, or for products that are not credit packs', async () => {
    const user = await signInTestUser(rig.backend);
    const pending = rig.polar.createOrder({ externalCustomerId: user.userId, productId: STAND_IN_PRODUCTS[1]!.id });
    pending.status = 'pending';
    pending.paid = false;
    expect((await rig.polar.deliverOrder('order.created', pending)).status).toBe(202);
    expect((await rig.polar.deliverOrder('order.updated', pending)).status).toBe(202);
    const subscription = rig.polar.createOrder({ externalCustomerId: user.userId, productId: STAND_IN_PRODUCTS[1]!.id });
    subscription.billing_reason = 'subscription_cycle';
    expect((await rig.polar.deliverOrder('order.paid', subscription)).status).toBe(202);
    const stickers = rig.polar.createOrder({ externalCustomerId: user.userId, productId: STICKERS });
    expect((await rig.polar.deliverOrder('order.paid', stickers)).status).toBe(202);
    expect(await credits(user.auth)).toMatchObject({ balance: 0 });
    const state = rig.backend.deps.db.prepare('SELECT state FROM billing_orders WHERE id = ?').pluck();
    expect(state.get(stickers.id)).toBe('unknown_product');
    expect(state.get(subscription.id)).toBe('not_purchase');
    expect(rig.backend.logs.some((l) => l.includes(stickers.id) && l.includes('unknown_product'))).toBe(true);
  });

  it('does not grant an order whose customer is not a user of ours', async () => {
    const order = rig.polar.createOrder({ externalCustomerId: 'usr_nobody', productId: STAND_IN_PRODUCTS[0]!.id });
    expect((await rig.polar.deliverOrder('order.paid', order)).status).toBe(202);
    expect(rig.backend.deps.db.prepare('SELECT state FROM billing_orders WHERE id = ?').pluck().get(order.id)).toBe('unknown_user');
    expectReconciled();
  });

  it('acknowledges and ignores event types it does not handle', async () => {
    const known = await rig.polar.deliverRaw('subscription.created', JSON.stringify({ type: 'subscription.created', timestamp: new Date().toISOString(), data: { id: 'sub_1' } }));
    const unknown = await rig.polar.deliverRaw('wallet.exploded', JSON.stringify({ type: 'wallet.exploded', timestamp: new Date().toISOString(), data: {} }));
    expect([known.status, unknown.status]).toEqual([202, 202]);
    const outcome = rig.backend.deps.db.prepare('SELECT outcome FROM billing_webhook_events WHERE webhook_id = ?').pluck();
    expect(outcome.get(known.id)).toBe('ignored:subscription.created');
    expect(outcome.get(unknown.id)).toBe('ignored:wallet.exploded');
  });

  it('claws back in proportion to the cumulative refunded amount, once per step', async () => {
    const user = await signInTestUser(rig.backend);
    const order = await rig.polar.pay((await buy(user.auth, 'creator')).checkout_id); // 500 credits for 2000 cents
    await rig.polar.refund(order.id, 500); // 25 %
    expect(await credits(user.auth)).toMatchObject({ balance: 375 });
    const firstRefund = rig.polar.deliveries.findLast((d) => d.type === 'order.refunded')!;
    await rig.polar.redeliver(firstRefund);
    await rig.polar.deliverOrder('order.refunded', order); // same cumulative amount, new webhook-id
    expect(await credits(user.auth)).toMatchObject({ balance: 375 });
    await rig.polar.refund(order.id, 1500); // now 100 %
    expect(await credits(user.auth)).toMatchObject({ balance: 0 });
    const history = await call(url(), 'GET', '/v1/credits/transactions', { headers: user.auth });
    expect(history.json.items.filter((t: { kind: string }) => t.kind === 'refund').map((t: { amount: number }) => t.amount)).toEqual([-375, -125]);
    expectReconciled();
  });

  it('records the shortfall when a refund is larger than what is left in the wallet', async () => {
    const user = await signInTestUser(rig.backend);
    const order = await rig.polar.pay((await buy(user.auth)).checkout_id);
    const { ledger } = rig.backend.deps;
    const hold = ledger.reserve({ userId: user.userId, amount: 80, key: `spend:${user.userId}`, purpose: 'generation', ttlMs: 60_000 });
    ledger.capture({ holdId: hold.id, amount: 80, description: 'Image Studio', metadata: { tool: 'image-studio' } });
    await rig.polar.refund(order.id, 500);
    expect(await credits(user.auth)).toEqual({ balance: 0, held: 0, available: 0 });
    const row = rig.backend.deps.db.prepare('SELECT clawback_credits, shortfall_credits FROM billing_orders WHERE id = ?').get(order.id);
    expect(row).toEqual({ clawback_credits: 100, shortfall_credits: 80 });
    expect(rig.backend.logs.some((l) => l.includes('shortfall recorded'))).toBe(true);
    expectReconciled();
  });

  it('handles a refund that arrives before the payment, and an old refund figure that arrives late', async () => {
    const user = await signInTestUser(rig.backend);
    const order = rig.polar.createOrder({ externalCustomerId: user.userId, productId: STAND_IN_PRODUCTS[0]!.id, metadata: { user_id: user.userId } });
    const paidBody = { ...order };
    await rig.polar.refund(order.id, 250); // 50 %, delivered before any order.paid
    expect(await credits(user.auth)).toMatchObject({ balance: 50 });
    await rig.polar.deliverOrder('order.paid', { ...paidBody, status: 'paid', refunded_amount: 0 });
    expect(await credits(user.auth)).toMatchObject({ balance: 50 });
    await rig.polar.refund(order.id, 250, { deliver: false });
    await rig.polar.deliverOrder('order.refunded', order); // 100 %
    await rig.polar.deliverOrder('order.refunded', { ...order, status: 'partially_refunded', refunded_amount: 250 }); // stale, late
    expect(await credits(user.auth)).toMatchObject({ balance: 0 });
    expectReconciled();
  });

  it('stays exact under concurrent deliveries of the same events while the user spends', async () => {
    const user = await signInTestUser(rig.backend);
    const order = await rig.polar.pay((await buy(user.auth, 'creator')).checkout_id, { deliver: false });
    const { ledger } = rig.backend.deps;
    const spends = Array.from({ length: 20 }, (_, i) => async () => {
      try {
        const h = ledger.reserve({ userId: user.userId, amount: 10, key: `c:${user.userId}:${i}`, purpose: 'generation', ttlMs: 60_000 });
        ledger.capture({ holdId: h.id, amount: 10, description: 'Image Studio', metadata: { tool: 'image-studio' } });
        return 10;
      } catch {
        return 0;
      }
    });
    const results = await Promise.all([
      ...Array.from({ length: 8 }, () => rig.polar.deliverOrder('order.paid', order).then(() => 0)),
      ...spends.map((s) => new Promise<number>((r) => setTimeout(() => void s().then(r), Math.random() * 20))),
    ]);
    const spent = results.reduce((a, b) => a + b, 0);
    expect(await credits(user.auth)).toMatchObject({ balance: 500 - spent });
    await rig.polar.refund(order.id, 1000, { deliver: false });
    await Promise.all(Array.from({ length: 6 }, () => rig.polar.deliverOrder('order.refunded', order)));
    const after = await credits(user.auth);
    expect(after.balance).toBe(Math.max(0, 500 - spent - 250));
    expectReconciled();
  });

  it('reconciles paid orders from Polar that no webhook reported, with the same keys', async () => {
    const { reconcilePolarOrders } = await import('../src/billing/reconcile-orders.ts');
    const { billingSettings } = await import('../src/billing/polar.ts');
    const user = await signInTestUser(rig.backend);
    const missed = rig.polar.createOrder({ externalCustomerId: user.userId, productId: STAND_IN_PRODUCTS[2]!.id, metadata: { user_id: user.userId } });
    const seen = await rig.polar.pay((await buy(user.auth)).checkout_id);
    const { polar } = billingSettings(rig.backend.deps.config)!;
    const first = await reconcilePolarOrders(rig.backend.deps, polar, new Date(Date.now() - 3600_000));
    expect(first.granted).toContain(missed.id);
    expect(first.granted).not.toContain(seen.id);
    expect(await credits(user.auth)).toMatchObject({ balance: 2100 });
    const again = await reconcilePolarOrders(rig.backend.deps, polar, new Date(Date.now() - 3600_000));
    expect(again.granted).toEqual([]);
    // The webhook arriving after reconciliation changes nothing either.
    await rig.polar.deliverOrder('order.paid', missed);
    expect(await credits(user.auth)).toMatchObject({ balance: 2100 });
    expectReconciled();
  });
});

describe('billing without Polar configured', () => {
  it('answers 503 billing_not_configured on every billing route', async () => {
    const backend = await startTestBackend();
    try {
      const user = await signInTestUser(backend);
      for (const [method, path] of [
        ['GET', '/v1/billing/packs'],
        ['POST', '/v1/billing/checkout'],
        ['POST', '/webhooks/polar'],
      ] as const) {
        const res = await call(backend.url, method, path, { headers: user.auth, json: method === 'POST' ? { pack_id: 'starter' } : undefined });
        expect(res.status, path).toBe(503);
        expect(res.json.error.code).toBe('billing_not_configured');
      }
    } finally {
      await backend.stop();
    }
  });
});
