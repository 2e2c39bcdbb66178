import { randomBytes } from 'node:crypto';
import type { FalClient } from '@fal-ai/client';
import type { AppDeps } from '../app.ts';
import { replayFor, storeResponse } from '../generation/idempotency.ts';
import { newId } from '../auth/tokens.ts';
import { assertToolEnabled } from '../fraud/tool-switches.ts';
import { reserveWithinLimits } from '../fraud/spend-limits.ts';
import { classifyFalError } from '../generation/fal-results.ts';
import { creditsPerImage } from '../generation/prices.ts';
import { sql } from '../generation/statements.ts';
import { requireTermsAccepted } from '../auth/terms.ts';
import { ApiError } from '../http/errors.ts';
import type { TrainingPhotos } from './photos.ts';
import { characterChanges, findCharacter, type CharacterRow } from './store.ts';

/** Idempotency keys of character creation live beside generation's, in their own scope. */
const IDEMPOTENCY_SCOPE = 'characters';

export const TRAINING_ENDPOINT = 'fal-ai/flux-lora-fast-training';
/** The catalog id used for the tool switch and the hold's purpose. */
export const TRAINING_TOOL = 'character-training/flux-lora';
/** A training still without a fal request id this long after creation lost its submit: failed and released. */
export const TRAINING_SUBMIT_DEADLINE_MS = 180_000;
/** Training steps: fal's default for fast training; more steps cost more and overfit small sets. */
const TRAINING_STEPS = 1000;

/** One training run, in credits (prices.ts: fal's list price per run × margin). */
export const trainingCost = () => creditsPerImage(TRAINING_ENDPOINT, 0);

/** A rare token the LoRA learns to mean this character; unique across all characters. */
const newTriggerWord = () => `ppx${randomBytes(5).toString('hex')}`;

/**
 * POST /v1/characters after the photos were checked and zipped: hold the training price (its
 * own, longer hold), upload the zip with a short object lifecycle, submit the training. The row
 * and the hold commit together first, so a crash at any later point leaves a row the tracker
 * fails and releases.
 */
/**
 * Starts a training. With an Idempotency-Key, a retry of the same request (same name, type and
 * photos) answers the character the first one created — never a second training or charge; the
 * key with another request is a 409.
 */
export async function createCharacter(
  deps: AppDeps,
  fal: FalClient,
  userId: string,
  photos: TrainingPhotos,
  idempotencyKey?: string,
): Promise<CharacterRow> {
  requireTermsAccepted(deps.db, userId);
  assertToolEnabled(deps.db, deps.config.disabledTools, TRAINING_TOOL);
  const now = deps.now();
  const cost = trainingCost();
  const id = newId('chr');
  const created = deps.db.transaction((): CharacterRow | { replayOf: string } => {
    if (idempotencyKey !== undefined) {
      const replay = replayFor(deps.db, userId, IDEMPOTENCY_SCOPE, idempotencyKey, photos.fingerprint, now);
      if (replay?.resourceId) return { replayOf: replay.resourceId };
    }
    const hold = reserveWithinLimits(
      deps.db,
      deps.ledger,
      deps.config.spendLimits,
      { userId, amount: cost, key: `character:${id}`, purpose: `character:${TRAINING_TOOL}`, ttlMs: deps.config.trainingHoldTtlSeconds * 1000 },
      now,
    );
    sql(deps.db, `INSERT INTO characters (id, user_id, name, type, status, trigger_word, photo_count, endpoint, hold_id, cost, next_poll_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'training', ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, userId, photos.fields.name, photos.fields.type, newTriggerWord(), photos.count, TRAINING_ENDPOINT, hold.id, cost, now + TRAINING_SUBMIT_DEADLINE_MS, now, now);
    if (idempotencyKey !== undefined) {
      storeResponse(deps.db, { userId, scope: IDEMPOTENCY_SCOPE, key: idempotencyKey, hash: photos.fingerprint, response: { status: 202, body: { id }, resourceId: id }, now });
    }
    return findCharacter(deps.db, id)!;
  }).immediate();
  if ('replayOf' in created) {
    const earlier = findCharacter(deps.db, created.replayOf);
    if (!earlier) throw new ApiError(409, 'idempotency_key_reused', 'That character was deleted; use a new Idempotency-Key to train again.');
    return earlier;
  }

  let photosUrl: string;
  try {
    const ttlS = deps.config.trainingPhotosTtlSeconds;
    photosUrl = await fal.storage.upload(new Blob([new Uint8Array(photos.zip)], { type: 'application/zip' }), { lifecycle: { expiresIn: ttlS } });
    sql(deps.db, `UPDATE characters SET photos_url = ?, photos_expire_at = ? WHERE id = ? AND status = 'training'`).run(photosUrl, deps.now() + ttlS * 1000, id);
  } catch (err) {
    deps.log.warn({ character: id, err: errorSummary(err) }, 'uploading training photos failed');
    settleTrainingFailed(deps, created, 'provider_unavailable', 'The photos could not be sent to the training service. Nothing was charged; try again in a minute.');
    throw new ApiError(503, 'provider_unavailable', 'The training service is not reachable right now. Nothing was charged; try again in a minute.');
  }

  try {
    const queued = await fal.queue.submit(TRAINING_ENDPOINT, {
      input: { images_data_url: photosUrl, trigger_word: created.trigger_word, steps: TRAINING_STEPS, create_masks: photos.fields.type === 'person' },
    });
    const moved = sql(deps.db, `UPDATE characters SET fal_request_id = ?, next_poll_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'training' AND fal_request_id IS NULL`).run(queued.request_id, deps.now() + 250, deps.now(), id);
    if (moved.changes !== 1) {
      // Deleted while the submit was on its way: stop the training too (best effort).
      await fal.queue.cancel(TRAINING_ENDPOINT, { requestId: queued.request_id }).catch(() => undefined);
    }
  } catch (err) {
    const failure = classifyFalError(err);
    deps.log.warn({ character: id, failure: failure.kind }, 'fal refused a training submit');
    const message = failure.kind === 'transient'
      ? 'The training service is not reachable right now. Nothing was charged; try again in a minute.'
      : 'The training service could not use these photos. Nothing was charged; try other photos.';
    settleTrainingFailed(deps, created, failure.kind === 'transient' ? 'provider_unavailable' : 'provider_rejected', message);
  }
  characterChanges(deps.db).emit('change', id);
  return findCharacter(deps.db, id) ?? created;
}

const errorSummary = (err: unknown) => (err instanceof Error ? err.name : typeof err);

/**
 * Training succeeded: keep the weights, forget the photos' address, capture the hold — in one
 * transaction behind a compare-and-set, so it happens exactly once.
 */
export function settleTrainingReady(deps: AppDeps, row: CharacterRow, weightsUrl: string): boolean {
  const now = deps.now();
  const done = deps.db.transaction(() => {
    const flipped = sql(deps.db, `UPDATE characters SET status = 'ready', weights_url = ?, charged = ?, photos_url = NULL, photos_expire_at = NULL, progress = 100,
           finished_at = ?, updated_at = ?, version = version + 1, claimed_by = NULL, claim_expires_at = NULL
         WHERE id = ? AND status = 'training'`).run(weightsUrl, row.cost, now, now, row.id);
    if (flipped.changes !== 1) return false;
    const hold = deps.ledger.hold(row.hold_id);
    if (hold?.status === 'pending') {
      deps.ledger.capture({ holdId: row.hold_id, amount: row.cost, description: `Character training (${row.photo_count} photos)`, metadata: { character_id: row.id } });
    } else {
      // The hold ran out before training finished: the user keeps the character, uncharged.
      sql(deps.db, 'UPDATE characters SET charged = 0 WHERE id = ?').run(row.id);
      deps.log.warn({ character: row.id, hold: row.hold_id }, 'training finished after its hold was released; not charged');
    }
    return true;
  }).immediate();
  if (done) characterChanges(deps.db).emit('change', row.id);
  return done;
}

/** Training failed (or could not start): release the hold and forget the photos' address. */
export function settleTrainingFailed(deps: AppDeps, row: CharacterRow, code: string, message: string): boolean {
  const now = deps.now();
  const done = deps.db.transaction(() => {
    const flipped = sql(deps.db, `UPDATE characters SET status = 'failed', charged = 0, error_code = ?, error_message = ?, photos_url = NULL, photos_expire_at = NULL,
           finished_at = ?, updated_at = ?, version = version + 1, claimed_by = NULL, claim_expires_at = NULL
         WHERE id = ? AND status = 'training'`).run(code, message, now, now, row.id);
    if (flipped.changes !== 1) return false;
    deps.ledger.release(row.hold_id, `failed:${code}`);
    return true;
  }).immediate();
  if (done) characterChanges(deps.db).emit('change', row.id);
  return done;
}

/**
 * DELETE /v1/characters/:id: the row goes (with the photos' address and the weights' URL); a
 * training still running is canceled at fal and its hold released, in the same transaction.
 */
export async function deleteCharacter(deps: AppDeps, fal: FalClient | undefined, row: CharacterRow): Promise<void> {
  const removed = deps.db.transaction(() => {
    const gone = sql(deps.db, 'DELETE FROM characters WHERE id = ? RETURNING status').get(row.id) as { status: CharacterRow['status'] } | undefined;
    if (gone?.status === 'training') deps.ledger.release(row.hold_id, 'canceled');
    return gone;
  }).immediate();
  if (removed?.status === 'training' && row.fal_request_id && fal) {
    await fal.queue.cancel(row.endpoint, { requestId: row.fal_request_id }).catch(() => undefined);
  }
  characterChanges(deps.db).emit('change', row.id);
}
