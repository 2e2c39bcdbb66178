import Router from '@koa/router';
import { databaseIsUsable, type Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { VERSION } from '../version.ts';

export function healthRoutes(db: Db, sandbox: boolean): Router {
  const router = new Router();
  router.get('/health', (ctx) => {
    if (!databaseIsUsable(db)) {
      throw new ApiError(503, 'service_unavailable', 'The database is not reachable.', { database: 'unavailable' });
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: 'ok', version: VERSION, database: 'ok', sandbox };
  });
  return router;
}
