import { createHash, randomBytes } from 'node:crypto';
import type { Context, Next } from 'koa';
import { RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible';
import type { Db } from '../db/database.ts';
import { ApiError } from './errors.ts';

/**
 * Every limit, in one table: requests allowed per window. PP_RATE_LIMIT_SCALE multiplies the
 * points (tests and load runs raise it; it never disables a limit).
 */
export const RATE_LIMIT_POLICIES = {
  anonymous: { points: 300, durationS: 60 },
  signed_in: { points: 600, durationS: 60 },
  auth_start: { points: 20, durationS: 60 },
  auth_token: { points: 30, durationS: 60 },
  support: { points: 5, durationS: 3600 },
  webhooks: { points: 600, durationS: 60 },
  generation_submit: { points: 30, durationS: 60 },
  uploads: { points: 60, durationS: 60 },
  character_training: { points: 5, durationS: 3600 },
  checkout: { points: 20, durationS: 3600 },
} as const satisfies Record<string, { points: number; durationS: number }>;

export type RateLimitPolicy = keyof typeof RATE_LIMIT_POLICIES;

interface Rule {
  policy: RateLimitPolicy;
  by: 'ip' | 'user';
  when: (ctx: Context) => boolean;
}

/** Which limits a request counts against; a request may count against several. */
export const RATE_LIMIT_RULES: readonly Rule[] = [
  { policy: 'auth_start', by: 'ip', when: (c) => c.path === '/auth/google/start' },
  { policy: 'auth_token', by: 'ip', when: (c) => c.path === '/auth/token' || c.path === '/auth/google/callback' },
  { policy: 'support', by: 'ip', when: (c) => c.method === 'POST' && c.path === '/v1/support/messages' },
  { policy: 'webhooks', by: 'ip', when: (c) => c.path.startsWith('/webhooks/') },
  { policy: 'generation_submit', by: 'user', when: (c) => c.method === 'POST' && c.path === '/v1/generations' },
  { policy: 'uploads', by: 'user', when: (c) => c.method === 'POST' && c.path === '/v1/uploads' },
  { policy: 'character_training', by: 'user', when: (c) => c.method === 'POST' && c.path === '/v1/characters' },
  { policy: 'checkout', by: 'user', when: (c) => c.method === 'POST' && c.path === '/v1/billing/checkout' },
  { policy: 'signed_in', by: 'user', when: (c) => c.state.auth !== undefined },
  // /health stays unlimited so load balancers and the app's status pill never trip a limit.
  { policy: 'anonymous', by: 'ip', when: (c) => c.state.auth === undefined && c.path !== '/health' && !c.path.startsWith('/webhooks/') },
];

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterS: number };

/** Counters in SQLite, shared by every backend process that opens the same database. */
export function createRateLimiter(db: Db, scale: number) {
  // One salt per database (not per process), so every backend instance hashes an IP alike.
  db.prepare(`INSERT INTO app_meta (key, value) VALUES ('ip_hash_salt', ?) ON CONFLICT (key) DO NOTHING`).run(randomBytes(16).toString('hex'));
  const salt = db.prepare(`SELECT value FROM app_meta WHERE key = 'ip_hash_salt'`).pluck().get() as string;
  const limiters = new Map<RateLimitPolicy, RateLimiterSQLite>();
  for (const [name, p] of Object.entries(RATE_LIMIT_POLICIES) as Array<[RateLimitPolicy, { points: number; durationS: number }]>) {
    limiters.set(
      name,
      new RateLimiterSQLite({
        storeClient: db,
        storeType: 'better-sqlite3',
        tableName: 'rate_limits',
        tableCreated: true,
        keyPrefix: name,
        points: Math.max(1, Math.round(p.points * scale)),
        duration: p.durationS,
      }),
    );
  }

  return {
    /** A salted hash, so counters never hold a raw IP or a user id (nothing to erase later). */
    subjectKey: (subject: string) => createHash('sha256').update(`${salt}:${subject}`).digest('base64url').slice(0, 22),
    async consume(policy: RateLimitPolicy, subject: string, points = 1): Promise<RateLimitOutcome> {
      try {
        await limiters.get(policy)!.consume(subject, points);
        return { allowed: true };
      } catch (res) {
        if (res instanceof RateLimiterRes) return { allowed: false, retryAfterS: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
        throw res;
      }
    },
    clearExpired: (nowMs: number) => db.prepare('DELETE FROM rate_limits WHERE expire < ?').run(nowMs).changes,
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** Applies every matching rule; the first exhausted one answers 429 with Retry-After. */
export function rateLimitMiddleware(limiter: RateLimiter, rules: readonly Rule[] = RATE_LIMIT_RULES) {
  return async (ctx: Context, next: Next) => {
    for (const rule of rules) {
      if (!rule.when(ctx)) continue;
      const userId = ctx.state.auth?.userId;
      const subject = limiter.subjectKey(rule.by === 'user' && userId ? `user:${userId}` : `ip:${ctx.ip}`);
      const outcome = await limiter.consume(rule.policy, subject);
      if (!outcome.allowed) {
        throw new ApiError(
          429,
          'rate_limited',
          `Too many requests. Try again in ${outcome.retryAfterS} second${outcome.retryAfterS === 1 ? '' : 's'}.`,
          { policy: rule.policy, retry_after_s: outcome.retryAfterS },
          { 'Retry-After': String(outcome.retryAfterS) },
        );
      }
    }
    await next();
  };
}

/** Drops counters whose windows ended an hour ago (they hold only hashed keys, but need not linger). */
export const rateLimitCleanupJob = {
  name: 'rate-limit-cleanup',
  intervalMs: 5 * 60_000,
  run: (deps: { db: Db; now: () => number }) => {
    deps.db.prepare('DELETE FROM rate_limits WHERE expire < ?').run(deps.now() - 3_600_000);
  },
};
