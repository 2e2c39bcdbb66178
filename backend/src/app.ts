import Koa from 'koa';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { creditsRoutes } from './credits/routes.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { supportRoutes } from './support/routes.ts';
import type { Ledger } from './credits/ledger.ts';
import type { Db } from './db/database.ts';
import { bearerAuth } from './auth/middleware.ts';
import { billingRoutes } from './billing/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { accountRoutes } from './auth/account-routes.ts';
import { signInRoutes } from './auth/sign-in-routes.ts';
import { errorMiddleware } from './http/errors.ts';
import { renderErrorPage } from './http/html.ts';
import { createRateLimiter, rateLimitMiddleware } from './http/rate-limit.ts';
import { requestLogMiddleware } from './http/logging.ts';
import { securityHeaders } from './http/security-headers.ts';
import { generationRoutes } from './generation/routes.ts';
import { uploadRoutes } from './uploads/routes.ts';
import { characterRoutes } from './characters/routes.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  log: Logger;
  /** Milliseconds since the epoch; tests pass a controllable clock. */
  now: () => number;
  /** True when local stand-ins replace Google, Polar and fal (never in production). */
  sandbox: boolean;
  ledger: Ledger;
  /**
   * Called once when sign-in creates an account, inside the transaction that creates it (the
   * credits ledger grants signup credits here; if it throws, the account is not created).
   */
  onAccountCreated?: (user: { id: string; emailVerified: boolean; issuer: string; subject: string }) => void;
}

/** Builds the Koa app without listening, so tests and the entry point share one composition. */
export function createApp(deps: AppDeps): Koa {
  const app = new Koa({ proxy: deps.config.trustProxy });
  app.use(requestLogMiddleware(deps.log));
  app.use(securityHeaders());
  app.use(errorMiddleware(deps.log, renderErrorPage));
  app.use(bearerAuth(deps.db, deps.now));
  app.use(rateLimitMiddleware(createRateLimiter(deps.db, deps.config.rateLimitScale)));

  const routers = [
    healthRoutes(deps.db, deps.sandbox),
    creditsRoutes(deps.db, deps.ledger),
    privacyRoutes(deps.db, deps.now),
    supportRoutes(deps.db, deps.now),
    billingRoutes(deps),
    signInRoutes(deps),
    accountRoutes(deps),
    generationRoutes(deps),
    uploadRoutes(deps),
    characterRoutes(deps),
  ];
  for (const router of routers) {
    app.use(router.routes());
    app.use(router.allowedMethods({ throw: true }));
  }
  // Errors already became responses in errorMiddleware; Koa's own handler would log them twice.
  app.silent = true;
  return app;
}
