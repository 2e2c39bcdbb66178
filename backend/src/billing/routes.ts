import Router from '@koa/router';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { requireUser } from '../auth/middleware.ts';
import { ApiError, HTML_ERRORS } from '../http/errors.ts';
import { parseWith, readJson } from '../http/body.ts';
import { escapeHtml, renderPage } from '../http/html.ts';
import { createPackCatalog } from './packs.ts';
import { billingSettings, requireBilling } from './polar.ts';
import { assertTermsAccepted } from './terms.ts';
import { receivePolarWebhook } from './webhooks.ts';

const checkoutBody = z.object({ pack_id: z.string().min(1).max(64) }).strict();
const returnQuery = z.object({ checkout_id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a checkout id') });

/** API.md "Credits and billing": packs, checkout, the browser return page and Polar's webhook. */
export function billingRoutes(deps: AppDeps): Router {
  const router = new Router();
  const settings = billingSettings(deps.config);
  const catalog = settings ? createPackCatalog(deps.config.polar.packs, settings.polar, deps.now) : undefined;

  router.get('/v1/billing/packs', async (ctx) => {
    requireBilling(settings);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await catalog!.list();
  });

  router.post('/v1/billing/checkout', async (ctx) => {
    const { polar } = requireBilling(settings);
    const { userId } = requireUser(ctx);
    const { email } = assertTermsAccepted(deps.db, userId);
    const body = await readJson(ctx, checkoutBody);
    const pack = deps.config.polar.packs.find((p) => p.id === body.pack_id);
    if (!pack) throw new ApiError(400, 'invalid_request', 'There is no credit pack with that id.', [{ field: 'pack_id', message: 'is not a pack' }]);
    let checkout;
    try {
      checkout = await polar.checkouts.create({
        products: [pack.product_id],
        // The user id travels twice: as Polar's external customer id and in metadata (copied to the order).
        external_customer_id: userId,
        metadata: { user_id: userId, pack_id: pack.id },
        ...(email ? { customer_email: email } : {}),
        success_url: `${deps.config.publicUrl}/billing/return?checkout_id={CHECKOUT_ID}`,
      });
    } catch (err) {
      deps.log.error({ err, packId: pack.id }, 'polar checkout create failed');
      throw new ApiError(503, 'provider_unavailable', 'The payment provider is not answering. Try again in a minute.');
    }
    deps.db
      .prepare('INSERT INTO billing_checkouts (id, user_id, pack_id, product_id, credits, url, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(checkout.id, userId, pack.id, pack.product_id, pack.credits, checkout.url, deps.now());
    ctx.status = 201;
    ctx.body = { checkout_id: checkout.id, url: checkout.url };
  });

  router.get('/billing/return', (ctx) => {
    (ctx.state as Record<symbol, unknown>)[HTML_ERRORS] = true;
    const { checkout_id: checkoutId } = parseWith(returnQuery, ctx.query);
    const deepLink = `promptpixels://billing/return?checkout_id=${encodeURIComponent(checkoutId)}`;
    const nonce = ctx.state.cspNonce as string;
    ctx.type = 'html';
    // The page proves nothing about payment: the app re-reads the balance from the server.
    ctx.body = renderPage({
      title: 'Payment received',
      heading: 'Thanks — back to PromptPixels',
      body: `<p>Your payment is being confirmed. PromptPixels shows your new balance as soon as it lands.</p>
<a class="button" id="open" href="${escapeHtml(deepLink)}">Open PromptPixels</a>
<p><small>If the app did not open by itself, use the button above.</small></p>`,
      nonce,
      script: `location.href=${JSON.stringify(deepLink).replace(/</g, '\\u003c')};`,
    });
  });

  router.post('/webhooks/polar', async (ctx) => {
    const { webhookSecret } = requireBilling(settings);
    await receivePolarWebhook(ctx, deps, webhookSecret);
  });

  return router;
}
