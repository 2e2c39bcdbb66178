import type { Context, Next } from 'koa';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Field names whose values are secrets wherever they appear in a log object. Request logs carry
 * only method, path (never the query string: it can hold handoff codes) and status.
 */
const REDACT = [
  'authorization',
  'cookie',
  'access_token',
  'refresh_token',
  'code',
  'code_verifier',
  'token',
  'secret',
  'password',
  '*.authorization',
  '*.cookie',
  '*.access_token',
  '*.refresh_token',
  '*.code',
  '*.code_verifier',
  '*.token',
  '*.secret',
  '*.headers.authorization',
  '*.headers.cookie',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, base: { service: 'promptpixels-backend' }, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}

export function requestLogMiddleware(log: Logger) {
  return async (ctx: Context, next: Next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      // IP and user agent are technical log data: kept 90 days at most (docs/privacy.md).
      log.info(
        { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(performance.now() - started), ip: ctx.ip, ua: ctx.get('user-agent').slice(0, 200) },
        'request',
      );
    }
  };
}
