import type { Context, Next } from 'koa';
import type { Logger } from 'pino';

/** The error codes the desktop app understands; API.md lists their meanings. */
export type ErrorCode =
  | 'invalid_request'
  | 'invalid_json'
  | 'unauthorized'
  | 'invalid_grant'
  | 'insufficient_credits'
  | 'forbidden'
  | 'terms_not_accepted'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'idempotency_key_reused'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'content_policy_violation'
  | 'provider_rejected'
  | 'rate_limited'
  | 'auth_not_configured'
  | 'billing_not_configured'
  | 'generation_not_configured'
  | 'provider_unavailable'
  | 'service_unavailable'
  | 'internal_error'
  | (string & {});

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'invalid_request', message, details);
export const unauthorized = (message = 'Sign in again to continue.') => new ApiError(401, 'unauthorized', message);
export const forbidden = (message: string, code: ErrorCode = 'forbidden') => new ApiError(403, code, message);
export const notFound = (message = 'Not found.') => new ApiError(404, 'not_found', message);

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Pages meant for a browser set this so their errors render as a short HTML page. */
export const HTML_ERRORS = Symbol('htmlErrors');

/** API.md's browser pages: their errors (even a 429 raised before routing) are HTML pages. */
export const BROWSER_PAGES = new Set(['/auth/google/start', '/auth/google/callback', '/billing/return']);

/**
 * Turns every thrown error into API.md's JSON shape (or an HTML page for browser routes).
 * Unknown errors become a generic 500: the stack goes to the log, never to the client.
 */
export function errorMiddleware(log: Logger, renderHtmlError: (status: number, message: string) => string) {
  return async (ctx: Context, next: Next) => {
    if (BROWSER_PAGES.has(ctx.path)) (ctx.state as Record<symbol, unknown>)[HTML_ERRORS] = true;
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new ApiError(404, 'not_found', `No route for ${ctx.method} ${ctx.path}.`);
      }
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.status >= 500) log.error({ err, path: ctx.path }, 'request failed');
      ctx.status = apiError.status;
      for (const [name, value] of Object.entries(apiError.headers)) ctx.set(name, value);
      if ((ctx.state as Record<symbol, unknown>)[HTML_ERRORS]) {
        ctx.type = 'html';
        ctx.body = renderHtmlError(apiError.status, apiError.message);
      } else {
        const body: ErrorBody = { error: { code: apiError.code, message: apiError.message } };
        if (apiError.details !== undefined) body.error.details = apiError.details;
        ctx.body = body;
      }
    }
  };
}

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as { status?: unknown; expose?: unknown; message?: unknown; type?: unknown };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    // Errors from koa/raw-body (e.g. 413 entity too large, 400 aborted) carry safe statuses.
    if (e.status === 413) return new ApiError(413, 'payload_too_large', 'The request body is too large.');
    if (e.status === 415) return new ApiError(415, 'unsupported_media_type', 'Unsupported content type.');
    if (e.status === 405) return new ApiError(405, 'method_not_allowed', 'Method not allowed.');
    return new ApiError(e.status, 'invalid_request', 'The request could not be read.');
  }
  return new ApiError(500, 'internal_error', 'Something went wrong on our side. Try again in a moment.');
}
