import type { Db } from '../db/database.ts';
import { sql } from './statements.ts';

/**
 * Leases up to `batch` rows of `table` that are due (`inFlight` and `next_poll_at` passed) and
 * not leased by a live instance, with one guarded UPDATE, so several backend instances never
 * track the same row at once and a crashed instance's rows are picked up when its lease ends.
 * `table` and `inFlight` are code constants, never request data.
 */
export function claimDueRows<Row>(
  db: Db,
  opts: { table: 'generations' | 'characters'; inFlight: string; instance: string; now: number; leaseMs: number; batch: number },
): Row[] {
  const { table, inFlight, now } = opts;
  const free = '(claim_expires_at IS NULL OR claim_expires_at <= ?)';
  // A plain read first: an idle backend then never takes the write lock on its frequent ticks.
  const due = sql(db, `SELECT 1 FROM ${table} WHERE ${inFlight} AND next_poll_at <= ? AND ${free} LIMIT 1`).get(now, now);
  if (!due) return [];
  return sql(db, `UPDATE ${table} SET claimed_by = ?, claim_expires_at = ?
       WHERE id IN (SELECT id FROM ${table} WHERE ${inFlight} AND next_poll_at <= ? AND ${free} ORDER BY next_poll_at LIMIT ?)
         AND ${free}
       RETURNING *`).all(opts.instance, now + opts.leaseMs, now, now, opts.batch, now) as Row[];
}
