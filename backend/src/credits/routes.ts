import Router from '@koa/router';
import { z } from 'zod';
import { requireUser } from '../auth/middleware.ts';
import type { Db } from '../db/database.ts';
import { parseWith } from '../http/body.ts';
import { listTransactions } from './history.ts';
import type { Ledger } from './ledger.ts';

const historyQuery = z.object({
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,24}$/, 'is not a valid cursor').optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export function creditsRoutes(db: Db, ledger: Ledger): Router {
  const router = new Router();
  router.get('/v1/credits', (ctx) => {
    const { userId } = requireUser(ctx);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = ledger.balance(userId);
  });
  router.get('/v1/credits/transactions', (ctx) => {
    const { userId } = requireUser(ctx);
    const q = parseWith(historyQuery, ctx.query);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = listTransactions(db, userId, q.cursor, q.limit);
  });
  return router;
}
