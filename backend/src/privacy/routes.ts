import Router from '@koa/router';
import { z } from 'zod';
import { requireUser } from '../auth/middleware.ts';
import type { Db } from '../db/database.ts';
import { readJson } from '../http/body.ts';
import { consentsSchema, readConsents, updateConsents } from './consents.ts';
import { eraseAccount, exportPersonalData } from './rights.ts';

export function privacyRoutes(db: Db, now: () => number): Router {
  const router = new Router();

  router.get('/v1/me/export', (ctx) => {
    const { userId } = requireUser(ctx);
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Content-Disposition', `attachment; filename="promptpixels-data-${new Date(now()).toISOString().slice(0, 10)}.json"`);
    ctx.body = exportPersonalData(db, userId, now());
  });

  router.get('/v1/me/consents', (ctx) => {
    const { userId } = requireUser(ctx);
    ctx.body = readConsents(db, userId);
  });

  router.patch('/v1/me/consents', async (ctx) => {
    const { userId } = requireUser(ctx);
    const change = await readJson(ctx, consentsSchema.partial().strict());
    ctx.body = updateConsents(db, userId, change, now());
  });

  router.delete('/v1/me', (ctx) => {
    const { userId } = requireUser(ctx);
    eraseAccount(db, userId, now());
    ctx.status = 204;
  });

  // The policy's "report a child account" path for the account holder (or a parent at the
  // device): confirming the user is under 13 deletes the account at once.
  router.post('/v1/me/report-underage', async (ctx) => {
    const { userId } = requireUser(ctx);
    await readJson(ctx, z.object({ under_13: z.literal(true, { error: 'must be true' }) }).strict());
    eraseAccount(db, userId, now());
    ctx.status = 204;
  });

  return router;
}
