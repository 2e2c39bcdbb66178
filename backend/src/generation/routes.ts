import Router from '@koa/router';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { requireUser } from '../auth/middleware.ts';
import { notFound } from '../http/errors.ts';
import { readJson } from '../http/body.ts';
import { CATALOG_JSON } from './catalog.ts';
import { streamGenerationEvents } from './events.ts';
import { falFor } from './fal-client.ts';
import { requireIdempotencyKey } from './idempotency.ts';
import { cancelGeneration, createGeneration, notConfigured, planRequest, requestBody, uploadContext } from './service.ts';
import { findOwnGeneration, markDelivered, toView } from './store.ts';

const generationId = z.string().regex(/^gen_[A-Za-z0-9_-]{16}$/);

export function generationRoutes(deps: AppDeps): Router {
  const router = new Router();

  router.get('/v1/tools', (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = CATALOG_JSON;
  });

  router.post('/v1/quotes', async (ctx) => {
    const body = await readJson(ctx, requestBody);
    const auth = ctx.state.auth as { userId: string } | undefined;
    const { plan } = planRequest(body, auth ? uploadContext(deps, auth.userId) : undefined);
    // `cost` is what POST /v1/generations would hold; the parts are for display.
    ctx.body = { cost: plan.unitCost * plan.units, unit_cost: plan.unitCost, units: plan.units, ...(plan.priceBasis ? { price_basis: plan.priceBasis } : {}) };
  });

  router.post('/v1/generations', async (ctx) => {
    const { userId } = requireUser(ctx);
    const fal = falFor(deps.config);
    if (!fal) throw notConfigured();
    const key = requireIdempotencyKey(ctx.get('idempotency-key') || undefined);
    const body = await readJson(ctx, z.unknown());
    const answer = await createGeneration(deps, fal, { userId, idempotencyKey: key, body });
    if (answer.replayed) ctx.set('Idempotent-Replayed', 'true');
    ctx.set('Cache-Control', 'no-store');
    ctx.status = answer.status;
    ctx.body = answer.body;
  });

  /** The owner's generation, or 404 for anything else (unknown and other users' ids alike). */
  const ownGeneration = (ctx: { params: Record<string, string> }, userId: string) => {
    const id = generationId.safeParse(ctx.params.id);
    const row = id.success ? findOwnGeneration(deps.db, userId, id.data) : undefined;
    if (!row) throw notFound('No such generation.');
    return row;
  };

  router.get('/v1/generations/:id', (ctx) => {
    const { userId } = requireUser(ctx);
    const row = ownGeneration(ctx, userId);
    const now = deps.now();
    ctx.set('Cache-Control', 'no-store');
    ctx.body = toView(row, now);
    markDelivered(deps.db, row, now);
  });

  router.get('/v1/generations/:id/events', (ctx) => {
    const { userId } = requireUser(ctx);
    const row = ownGeneration(ctx, userId);
    streamGenerationEvents(ctx, deps, row.id);
  });

  router.delete('/v1/generations/:id', async (ctx) => {
    const { userId } = requireUser(ctx);
    const row = ownGeneration(ctx, userId);
    const after = await cancelGeneration(deps, falFor(deps.config), row);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = toView(after, deps.now());
  });

  return router;
}
