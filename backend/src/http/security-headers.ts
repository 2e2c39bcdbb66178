import { randomBytes } from 'node:crypto';
import type { Context, Next } from 'koa';

/**
 * Baseline headers on every response, and a strict CSP for the few HTML pages the backend
 * serves: no framing, no third-party anything, inline script only with this request's nonce.
 */
export function securityHeaders() {
  return async (ctx: Context, next: Next) => {
    const nonce = randomBytes(16).toString('base64');
    ctx.state.cspNonce = nonce;
    await next();
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    if (ctx.response.is('html')) {
      ctx.set(
        'Content-Security-Policy',
        `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
      );
      ctx.set('Cache-Control', 'no-store');
    }
  };
}
