import type { Db } from '../db/database.ts';
import { deleteExpiredLogFiles } from '../http/log-files.ts';
import { PROMPT_LOG_RETENTION_MS } from './prompt-log.ts';

const DAY = 24 * 60 * 60 * 1000;
export const TECHNICAL_LOG_RETENTION_MS = 90 * DAY;
export const ENDED_SESSION_RETENTION_MS = 30 * DAY;
/** Processed Polar deliveries: long enough to investigate a dispute, then the orders table suffices. */
export const WEBHOOK_EVENT_RETENTION_MS = 30 * DAY;

export interface RetentionContext {
  db: Db;
  now: number;
  logDir: string | undefined;
}

/** One promise of the privacy policy about how long something is kept. */
export interface RetentionRule {
  name: string;
  keep: string;
  run(ctx: RetentionContext): number;
}

export const retentionRules: RetentionRule[] = [
  {
    name: 'prompt logs',
    keep: '7 days',
    run: ({ db, now }) => db.prepare('DELETE FROM prompt_logs WHERE created_at < ?').run(now - PROMPT_LOG_RETENTION_MS).changes,
  },
  {
    name: 'technical logs',
    keep: '90 days',
    run: ({ logDir, now }) => (logDir ? deleteExpiredLogFiles(logDir, now, TECHNICAL_LOG_RETENTION_MS).length : 0),
  },
  {
    name: 'ended sessions',
    keep: '30 days after they end',
    run: ({ db, now }) =>
      db
        .prepare('DELETE FROM sessions WHERE COALESCE(revoked_at, MIN(idle_expires_at, absolute_expires_at)) < ?')
        .run(now - ENDED_SESSION_RETENTION_MS).changes,
  },
  {
    name: 'processed payment webhooks',
    keep: '30 days',
    run: ({ db, now }) =>
      db.prepare('DELETE FROM billing_webhook_events WHERE processed_at IS NOT NULL AND processed_at < ?').run(now - WEBHOOK_EVENT_RETENTION_MS).changes,
  },
];

/**
 * Applies every rule once. Deleting by age is idempotent, so several backend instances may run
 * this at the same time.
 */
export function runRetention(ctx: RetentionContext, rules: RetentionRule[] = retentionRules): Array<{ rule: string; deleted: number }> {
  return rules.map((rule) => ({ rule: rule.name, deleted: rule.run(ctx) }));
}
