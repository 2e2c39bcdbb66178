import type { Context, Next } from 'koa';
import type { Db } from '../db/database.ts';
import { ApiError, unauthorized } from '../http/errors.ts';
import { authenticateAccessToken, type AuthenticatedSession } from './sessions.ts';

declare module 'koa' {
  interface DefaultState {
    auth?: AuthenticatedSession;
  }
}

/**
 * Reads `Authorization: Bearer …` when present and records the session on ctx.state.auth.
 * A present but bad token is a 401 at once (never silently anonymous); a missing one is left
 * to requireUser, so routes with optional sign-in still work.
 */
export function bearerAuth(db: Db, now: () => number) {
  return async (ctx: Context, next: Next) => {
    const header = ctx.get('authorization');
    if (header) {
      const match = /^Bearer ([^\s]+)$/.exec(header);
      const session = match ? authenticateAccessToken(db, match[1]!, now()) : undefined;
      if (!session) throw new ApiError(401, 'unauthorized', 'Your session has expired. Sign in again.', undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      ctx.state.auth = session;
    }
    await next();
  };
}

/** The signed-in session of this request, or a 401. */
export function requireUser(ctx: Context): AuthenticatedSession {
  const auth = ctx.state.auth as AuthenticatedSession | undefined;
  if (!auth) throw unauthorized('Sign in to continue.');
  return auth;
}
