import Koa from 'koa';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { creditsRoutes } from './credits/routes.ts';
import type { Ledger } from './credits/ledger.ts';
import type { Db } from './db/database.ts';
import { bearerAuth } from './auth/middleware.ts';
import { healthRoutes } from './health/routes.ts';
import { errorMiddleware } from './http/errors.ts';
import { renderErrorPage } from './http/html.ts';
import { requestLogMiddleware } from './http/logging.ts';
import { securityHeaders } from './http/security-headers.ts';
import { generationRoutes } from './generation/routes.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  log: Logger;
  /** Milliseconds since the epoch; tests pass a controllable clock. */
  now: () => number;
  /** True when local stand-ins replace Google, Polar and fal (never in production). */
  sandbox: boolean;
  ledger: Ledger;
}

/** Builds the Koa app without listening, so tests and the entry point share one composition. */
export function createApp(deps: AppDeps): Koa {
  const app = new Koa({ proxy: deps.config.trustProxy });
  app.use(requestLogMiddleware(deps.log));
  app.use(securityHeaders());
  app.use(errorMiddleware(deps.log, renderErrorPage));
  app.use(bearerAuth(deps.db, deps.now));

  for (const router of [
    healthRoutes(deps.db, deps.sandbox),
    creditsRoutes(deps.db, deps.ledger),
    generationRoutes(deps),
  ]) {
    app.use(router.routes());
    app.use(router.allowedMethods({ throw: true }));
  }
  // Errors already became responses in errorMiddleware; Koa's own handler would log them twice.
  app.silent = true;
  return app;
}
