import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import type { HoldRow, Ledger } from '../credits/ledger.ts';

export interface SpendLimits {
  /** Credits a user may commit (held or spent) in any rolling hour. */
  perHour: number;
  /** …and in any rolling day. */
  perDay: number;
  /** Daily cap for accounts that have never bought credits (signup-credit farming). */
  beforeFirstPurchasePerDay: number;
}

export const DEFAULT_SPEND_LIMITS: SpendLimits = { perHour: 1_000, perDay: 5_000, beforeFirstPurchasePerDay: 30 };

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Credits committed since `since`: captured amounts of settled holds plus pending holds. */
function committedSince(db: Db, userId: string, since: number): number {
  return db
    .prepare(
      `SELECT COALESCE(SUM(CASE h.status WHEN 'pending' THEN h.amount WHEN 'captured' THEN h.captured_amount ELSE 0 END), 0)
       FROM credit_holds h JOIN ledger_accounts a ON a.id = h.account_id
       WHERE a.user_id = ? AND h.created_at >= ?`,
    )
    .pluck()
    .get(userId, since) as number;
}

function hasPurchased(db: Db, userId: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id JOIN ledger_transactions t ON t.id = e.transaction_id
         WHERE a.user_id = ? AND t.kind = 'purchase' LIMIT 1`,
      )
      .get(userId) !== undefined
  );
}

/**
 * Checks the user's spend limits and, in the same IMMEDIATE transaction, holds the credits —
 * so two concurrent requests cannot both pass a limit that only one fits under, even across
 * backend processes.
 */
export function reserveWithinLimits(
  db: Db,
  ledger: Ledger,
  limits: SpendLimits,
  input: { userId: string; amount: number; key: string; purpose: string; ttlMs: number },
  now: number,
): HoldRow {
  return db
    .transaction(() => {
      const existing = db.prepare('SELECT * FROM credit_holds WHERE idempotency_key = ?').get(input.key) as HoldRow | undefined;
      if (existing) return ledger.reserve(input);
      const windows: Array<[number, number, string]> = [
        [limits.perHour, HOUR, 'hourly'],
        [limits.perDay, DAY, 'daily'],
      ];
      if (!hasPurchased(db, input.userId)) windows.push([limits.beforeFirstPurchasePerDay, DAY, 'new-account daily']);
      for (const [limit, span, label] of windows) {
        const committed = committedSince(db, input.userId, now - span);
        if (committed + input.amount > limit) {
          const retryAfterS = Math.ceil(span / 1000 / (label === 'hourly' ? 4 : 24));
          throw new ApiError(
            429,
            'spend_limit_reached',
            label === 'new-account daily'
              ? `New accounts can spend up to ${limit} credits a day until their first purchase. Buy a credit pack to lift this limit.`
              : `You have reached the ${label} spending limit of ${limit} credits. Try again later.`,
            { limit, committed, requested: input.amount, window: label },
            { 'Retry-After': String(retryAfterS) },
          );
        }
      }
      return ledger.reserve(input);
    })
    .immediate();
}
