import Router from '@koa/router';
import { z } from 'zod';
import { newId } from '../auth/tokens.ts';
import type { Db } from '../db/database.ts';
import { readJson } from '../http/body.ts';

/** Subjects the form offers; "Privacy Policy Inquiry" is the privacy policy's named channel. */
export const SUPPORT_SUBJECTS = [
  'General question',
  'Billing and credits',
  'Technical problem',
  'Privacy Policy Inquiry',
  'Report a child account',
  'Feedback',
] as const;

const supportMessage = z
  .object({
    name: z.string().trim().min(1, 'is required').max(120),
    email: z.email('must be an email address').max(254),
    subject: z.enum(SUPPORT_SUBJECTS, { error: `must be one of: ${SUPPORT_SUBJECTS.join(', ')}` }),
    message: z.string().trim().min(10, 'must be at least 10 characters').max(5000),
  })
  .strict();

export function supportRoutes(db: Db, now: () => number): Router {
  const router = new Router();
  router.get('/v1/support/subjects', (ctx) => {
    ctx.body = { subjects: SUPPORT_SUBJECTS };
  });
  router.post('/v1/support/messages', async (ctx) => {
    const body = await readJson(ctx, supportMessage, 16 * 1024);
    const id = newId('msg');
    db.prepare('INSERT INTO support_messages (id, user_id, name, email, subject, message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id,
      ctx.state.auth?.userId ?? null,
      body.name,
      body.email,
      body.subject,
      body.message,
      now(),
    );
    ctx.status = 201;
    ctx.body = { id };
  });
  return router;
}
