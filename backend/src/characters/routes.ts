import Router from '@koa/router';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { requireUser } from '../auth/middleware.ts';
import { falFor } from '../generation/fal-client.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { readTrainingPhotos } from './photos.ts';
import { createCharacter, deleteCharacter, TRAINING_TOOL, trainingCost } from './service.ts';
import { findOwnCharacter, listOwnCharacters, toCharacterView } from './store.ts';
import { requireTermsAccepted } from '../auth/terms.ts';
import { assertToolEnabled } from '../fraud/tool-switches.ts';

const characterId = z.string().regex(/^chr_[A-Za-z0-9_-]{16}$/);

/** API.md "Characters": create (multipart), list, read, delete. Other users' ids are 404. */
export function characterRoutes(deps: AppDeps): Router {
  const router = new Router();

  router.post('/v1/characters', async (ctx) => {
    const { userId } = requireUser(ctx);
    const fal = falFor(deps.config);
    if (!fal) throw new ApiError(503, 'generation_not_configured', 'Character training is not set up on this server (no FAL_KEY).');
    // Cheap refusals first, before reading up to 20 photos.
    requireTermsAccepted(deps.db, userId);
    assertToolEnabled(deps.db, deps.config.disabledTools, TRAINING_TOOL);
    // Optional here (API.md does not require it): with it, a retried upload never trains twice.
    const key = ctx.get('idempotency-key');
    if (key && !/^[\x21-\x7e]{1,255}$/.test(key)) throw new ApiError(400, 'invalid_request', 'The Idempotency-Key header must be 1–255 visible ASCII characters.');
    const photos = await readTrainingPhotos(ctx);
    const row = await createCharacter(deps, fal, userId, photos, key || undefined);
    const view = toCharacterView(row, deps.now());
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 202;
    ctx.body = row.status === 'failed' ? view : { id: view.id, name: view.name, type: view.type, status: view.status, cost: view.cost, photo_count: view.photo_count, progress: view.progress, eta_s: view.eta_s, created_at: view.created_at };
  });

  router.get('/v1/characters', (ctx) => {
    const { userId } = requireUser(ctx);
    const now = deps.now();
    ctx.set('Cache-Control', 'no-store');
    // training_cost: what creating one more would hold, so the app can show it before the upload.
    ctx.body = { items: listOwnCharacters(deps.db, userId).map((r) => toCharacterView(r, now)), training_cost: trainingCost() };
  });

  const own = (ctx: { params: Record<string, string> }, userId: string) => {
    const id = characterId.safeParse(ctx.params.id);
    const row = id.success ? findOwnCharacter(deps.db, userId, id.data) : undefined;
    if (!row) throw notFound('No such character.');
    return row;
  };

  router.get('/v1/characters/:id', (ctx) => {
    const { userId } = requireUser(ctx);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = toCharacterView(own(ctx, userId), deps.now());
  });

  router.delete('/v1/characters/:id', async (ctx) => {
    const { userId } = requireUser(ctx);
    await deleteCharacter(deps, falFor(deps.config), own(ctx, userId));
    ctx.status = 204;
  });

  return router;
}
