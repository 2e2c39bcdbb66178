import type { Context, Next } from 'koa';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ApiError } from '../http/errors.ts';

/**
 * Per-client-address limits for the sign-in endpoints. Codes and tokens are 256-bit, so this
 * is not what stops guessing; it stops one client from flooding the provider round trips and
 * the database. PP_RATE_LIMIT_SCALE multiplies every limit (never disables it).
 */
export function rateLimit(opts: { name: string; perMinute: number; scale: number }) {
  const limiter = new RateLimiterMemory({ keyPrefix: opts.name, points: Math.max(1, Math.round(opts.perMinute * opts.scale)), duration: 60 });
  return async (ctx: Context, next: Next) => {
    try {
      await limiter.consume(ctx.ip || 'unknown');
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const retryAfter = String(Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
      throw new ApiError(429, 'rate_limited', 'Too many sign-in attempts. Wait a minute and try again.', undefined, { 'Retry-After': retryAfter });
    }
    await next();
  };
}
