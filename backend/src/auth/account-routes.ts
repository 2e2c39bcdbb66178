import Router from '@koa/router';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { readJson } from '../http/body.ts';
import { consentsSchema, updateConsents } from '../privacy/consents.ts';
import { badRequest, notFound, unauthorized } from '../http/errors.ts';
import { toMeJson } from './me-json.ts';
import { requireUser } from './middleware.ts';
import { listLiveSessions, revokeUserSession } from './sessions.ts';
import { findUserById } from './users.ts';

const patchMe = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(80)
      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'must not contain control characters')
      .optional(),
    // Rectification: where we write to the user (null goes back to the sign-in email).
    contact_email: z.email('must be an email address').max(254).nullable().optional(),
    consents: consentsSchema.partial().strict().optional(),
    accept_terms: z.literal(true).optional(),
    age_confirmed: z.boolean().optional(),
  })
  .strict();

const iso = (ms: number) => new Date(ms).toISOString();

/** GET/PATCH /v1/me and the signed-in devices list, as API.md describes. */
export function accountRoutes(deps: AppDeps): Router {
  const { db, now } = deps;
  const router = new Router();

  router.get('/v1/me', (ctx) => {
    const user = findUserById(db, requireUser(ctx).userId);
    if (!user) throw unauthorized();
    ctx.set('Cache-Control', 'no-store');
    ctx.body = toMeJson(user);
  });

  router.patch('/v1/me', async (ctx) => {
    const { userId } = requireUser(ctx);
    const body = await readJson(ctx, patchMe);
    if (body.accept_terms && body.age_confirmed !== true) {
      throw badRequest('Confirm that you are 13 or older to accept the terms.', [
        { field: 'age_confirmed', message: 'must be true (13 or older) to accept the terms' },
      ]);
    }
    const t = now();
    db.transaction(() => {
      const user = findUserById(db, userId);
      if (!user) throw unauthorized();
      if (body.name !== undefined) db.prepare('UPDATE users SET name = ?, updated_at = ? WHERE id = ?').run(body.name, t, userId);
      if (body.contact_email !== undefined) db.prepare('UPDATE users SET contact_email = ?, updated_at = ? WHERE id = ?').run(body.contact_email, t, userId);
      // Through the privacy module, so objecting deletes what the consent covered, at once.
      if (body.consents !== undefined) updateConsents(db, userId, body.consents, t);
      if (body.accept_terms) {
        // The first acceptance is the one on record; accepting again changes nothing.
        db.prepare(
          'UPDATE users SET terms_accepted_at = COALESCE(terms_accepted_at, ?), age_confirmed_at = COALESCE(age_confirmed_at, ?), updated_at = ? WHERE id = ?',
        ).run(t, t, t, userId);
      }
    })();
    ctx.body = toMeJson(findUserById(db, userId)!);
  });

  router.get('/v1/me/sessions', (ctx) => {
    const auth = requireUser(ctx);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      items: listLiveSessions(db, auth.userId, now()).map((s) => ({
        id: s.id,
        device_name: s.device_name,
        created_at: iso(s.created_at),
        last_used_at: iso(s.last_used_at),
        current: s.id === auth.sessionId,
      })),
    };
  });

  router.delete('/v1/me/sessions/:id', (ctx) => {
    const auth = requireUser(ctx);
    const id = ctx.params.id ?? '';
    if (!/^ses_[A-Za-z0-9_-]{16}$/.test(id) || !revokeUserSession(db, auth.userId, id, now())) {
      throw notFound('No such signed-in device.');
    }
    ctx.status = 204;
  });

  return router;
}
