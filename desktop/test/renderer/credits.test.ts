import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInTestUser } from '../../../backend/test/helpers/backend.ts';
import { startBillingRig, type BillingRig } from '../../../backend/test/helpers/billing.ts';
import { reconcileLedger } from '../../../backend/src/credits/reconcile.ts';
import { seedCreditHistory } from '../harness/credits-fixture.ts';
import { startRendererHarness, type RendererHarness } from '../harness/renderer-harness.ts';

const FAST = { checkoutPollMs: 250, returnPollMs: 150 };
const headerCredits = (page: Page) => page.locator('[data-slot="credits"]').textContent();

describe('credits in the app (Chromium, real main handlers, real backend and Polar stand-in)', () => {
  let rig: BillingRig;
  let harness: RendererHarness;
  let user: Awaited<ReturnType<typeof signInTestUser>>;
  const balance = () => rig.backend.deps.ledger.balance(user.userId).available;

  beforeAll(async () => {
    rig = await startBillingRig();
    user = await signInTestUser(rig.backend);
    seedCreditHistory(rig.backend, user.userId);
    harness = await startRendererHarness({ backendUrl: rig.backend.url, session: user, creditsTiming: FAST });
  });
  afterAll(async () => {
    await harness?.close();
    await rig?.stop();
  });

  it('shows the live balance in the header on every page', async () => {
    const page = await harness.open('main', '#/studio');
    await expect.poll(() => headerCredits(page), { timeout: 10_000 }).toContain(`${balance().toLocaleString('en-US')} credits`);
    // Spending elsewhere (a generation) shows up as soon as main re-reads the balance.
    const before = balance();
    const hold = rig.backend.deps.ledger.reserve({ userId: user.userId, amount: 5, key: `hdr:${user.userId}`, purpose: 'generation', ttlMs: 60_000 });
    rig.backend.deps.ledger.capture({ holdId: hold.id, amount: 5, description: 'Image Studio', metadata: { tool: 'image-studio' } });
    await harness.credits.refresh();
    await expect.poll(() => headerCredits(page), { timeout: 10_000 }).toContain(`${(before - 5).toLocaleString('en-US')} credits`);
    await page.close();
  });

  it('lists the packs with credits and price, the usage chart by tool, and the history', async () => {
    const page = await harness.open('main', '#/credits');
    const starter = page.locator('[data-pack="starter"]');
    await expect.poll(() => starter.textContent(), { timeout: 10_000 }).toContain('5.00');
    expect(await starter.textContent()).toContain('100');
    expect(await page.locator('[data-pack="studio"]').textContent()).toContain('60.00');
    const chart = page.getByRole('img', { name: /Credits spent per day/ });
    await chart.waitFor();
    expect(await chart.locator('rect').count()).toBeGreaterThan(5);
    const legend = await page.locator('.chart-legend').textContent();
    for (const tool of ['Image Studio', 'Upscale', 'Character training']) expect(legend).toContain(tool);
    const rows = page.getByRole('table', { name: 'Credit transactions' }).locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(10);
    for (const kind of ['purchase', 'usage', 'promo', 'signup']) expect(await page.locator(`tbody tr[data-kind="${kind}"]`).count()).toBeGreaterThan(0);
    expect(await page.locator('tbody tr[data-kind="purchase"]').first().textContent()).toContain('+500');
    await page.close();
  });

  it('pages through a long history with Load more', async () => {
    for (let i = 0; i < 60; i++) {
      rig.backend.deps.ledger.grant({ userId: user.userId, amount: 1, key: `page:${user.userId}:${i}`, kind: 'promo', from: 'promo', description: `Daily bonus ${i}` });
    }
    await harness.credits.refresh();
    const page = await harness.open('main', '#/credits');
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(50);
    expect(await rows.first().textContent()).toContain('Daily bonus 59');
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(50);
    expect(await page.locator('tbody').textContent()).toContain('Welcome credits');
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    await page.close();
  });

  it('Buy opens the checkout in the browser, waits for payment, and updates by itself when it lands', async () => {
    const page = await harness.open('main', '#/credits');
    await page.locator('[data-pack="starter"]').getByRole('button', { name: /Buy/ }).click();
    await page.getByText('Waiting for payment…').waitFor();
    const opened = harness.openedExternally.at(-1)!;
    expect(opened.startsWith(rig.polar.url)).toBe(true);
    const checkout = [...rig.polar.checkouts.values()].find((c) => opened.endsWith(c.client_secret))!;
    expect(checkout.external_customer_id).toBe(user.userId);
    const before = balance();
    // The user presses Pay on the sandbox checkout page in "the browser".
    const paid = await fetch(`${opened}/pay`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    await page.getByText(/Purchase complete — 100 credits added/).waitFor();
    await expect.poll(() => headerCredits(page), { timeout: 10_000 }).toContain(`${(before + 100).toLocaleString('en-US')} credits`);
    await expect.poll(() => page.locator('tbody tr').first().textContent(), { timeout: 10_000 }).toContain('Bought Starter');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByText('Purchase complete').count()).toBe(0);
    await page.close();
  });

  it('treats the billing return link as a reason to check, never as proof of payment', async () => {
    const page = await harness.open('main', '#/credits');
    await page.locator('[data-pack="creator"]').getByRole('button', { name: /Buy/ }).click();
    await page.getByText('Waiting for payment…').waitFor();
    const checkoutId = [...rig.polar.checkouts.values()].at(-1)!.id;
    const before = balance();
    const order = await rig.polar.pay(checkoutId, { deliver: false });
    const back = await harness.credits.handleBillingReturn(checkoutId);
    expect(back).toMatchObject({ ok: true, value: { signedIn: true, available: before, purchase: { state: 'waiting' } } });
    expect(await page.getByText('Waiting for payment…').count()).toBe(1);
    await rig.polar.deliverOrder('order.paid', order);
    await page.getByText(/Purchase complete — 500 credits added/).waitFor();
    await expect.poll(() => headerCredits(page), { timeout: 10_000 }).toContain(`${(before + 500).toLocaleString('en-US')} credits`);
    expect(await harness.credits.handleBillingReturn('../../etc')).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(reconcileLedger(rig.backend.deps.db).ok).toBe(true);
    await page.close();
  });

  it('says what to do when a checkout cannot start', async () => {
    const page = await harness.open('main', '#/credits');
    await page.locator('[data-pack="starter"]').waitFor();
    const res = await page.evaluate(() => (window as any).pp.credits.startCheckout('no-such-pack'));
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const bad = await page.evaluate(() => (window as any).__ppInvoke('startCreditCheckout', { packId: 'UPPER CASE!' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    await page.close();
  });

  it('signed out, hides the balance and offers sign-in on the Credits page', async () => {
    const signedOut = await startRendererHarness({ backendUrl: rig.backend.url });
    try {
      const page = await signedOut.open('main', '#/credits');
      await page.getByText('Sign in to see your credits').waitFor();
      expect((await headerCredits(page))?.trim()).toBe('◎ —');
    } finally {
      await signedOut.close();
    }
  });
});
