import type { AppDeps } from '../app.ts';
import { generationChanges, type DeliveredImage, type GenerationRow } from './store.ts';
import { countUsageIfAllowed } from '../privacy/prompt-log.ts';
import { sql } from './statements.ts';
import { forgetUploadsOf } from '../uploads/store.ts';

/**
 * The only ways a generation ends. Each one flips the row out of an in-flight status with a
 * compare-and-set and moves the money in the same database transaction, so however many
 * trackers, cancels and retries race, a generation is settled exactly once.
 */

export function settleSucceeded(deps: AppDeps, row: GenerationRow, images: DeliveredImage[]): boolean {
  const now = deps.now();
  // Charged per image delivered; can only be at or below the hold.
  const charge = Math.min(row.cost, row.unit_cost * images.length);
  const done = deps.db.transaction(() => {
    const flipped = sql(deps.db, `UPDATE generations SET status = 'succeeded', charged = ?, result = ?, result_expires_at = ?, progress = 100,
           queue_position = NULL, logs = '[]', finished_at = ?, updated_at = ?, version = version + 1, claimed_by = NULL, claim_expires_at = NULL
         WHERE id = ? AND status IN ('submitting', 'queued', 'running')`).run(charge, JSON.stringify(images), now + deps.config.resultTtlSeconds * 1000, now, now, row.id);
    if (flipped.changes !== 1) return false;
    // The user's input image is deleted after processing (docs/privacy.md).
    forgetUploadsOf(deps.db, row.id);
    const hold = deps.ledger.hold(row.hold_id);
    if (hold?.status === 'pending') {
      deps.ledger.capture({
        holdId: row.hold_id,
        amount: charge,
        description: `Image generation (${images.length} image${images.length === 1 ? '' : 's'})`,
        metadata: { generation_id: row.id, tool: row.tool, images: images.length },
      });
      // Aggregate usage analytics (uses per tool per day), only with the user's consent.
      countUsageIfAllowed(deps.db, row.user_id, row.tool, now);
    } else {
      // The hold expired before fal finished (e.g. the backend was down past PP_HOLD_TTL_S):
      // the user gets the images and is not charged; the provider cost is ours.
      sql(deps.db, 'UPDATE generations SET charged = 0 WHERE id = ?').run(row.id);
      deps.log.warn({ generation: row.id, hold: row.hold_id }, 'generation finished after its hold was released; not charged');
    }
    return true;
  }).immediate();
  if (done) generationChanges(deps.db).emit('change', row.id);
  return done;
}

export function settleUnsuccessful(
  deps: AppDeps,
  row: GenerationRow,
  outcome: { status: 'failed' | 'canceled'; code?: string; message?: string },
): boolean {
  const now = deps.now();
  const done = deps.db.transaction(() => {
    const flipped = sql(deps.db, `UPDATE generations SET status = ?, charged = 0, error_code = ?, error_message = ?, queue_position = NULL, logs = '[]',
           finished_at = ?, updated_at = ?, version = version + 1, claimed_by = NULL, claim_expires_at = NULL
         WHERE id = ? AND status IN ('submitting', 'queued', 'running')`).run(outcome.status, outcome.code ?? null, outcome.message ?? null, now, now, row.id);
    if (flipped.changes !== 1) return false;
    forgetUploadsOf(deps.db, row.id);
    deps.ledger.release(row.hold_id, outcome.status === 'canceled' ? 'canceled' : `failed:${outcome.code ?? 'unknown'}`);
    return true;
  }).immediate();
  if (done) generationChanges(deps.db).emit('change', row.id);
  return done;
}
