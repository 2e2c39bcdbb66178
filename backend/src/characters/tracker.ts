import { randomUUID } from 'node:crypto';
import type { FalClient, QueueStatus } from '@fal-ai/client';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import type { BackgroundJob } from '../jobs.ts';
import { falFor } from '../generation/fal-client.ts';
import { classifyFalError, progressFromLogs } from '../generation/fal-results.ts';
import { claimDueRows } from '../generation/claim-due.ts';
import { sql } from '../generation/statements.ts';
import { settleTrainingFailed, settleTrainingReady } from './service.ts';
import { characterChanges, type CharacterRow } from './store.ts';

/** Training runs for minutes; a status check every second is plenty and cheap. */
const POLL_MS = 1_000;
const TRACKER_INTERVAL_MS = 200;
/** A claimed training is this instance's until then; a crashed instance's are picked up after it. */
const CLAIM_MS = 60_000;
const BATCH = 16;
const backoff = (failures: number) => Math.min(60_000, 1_000 * 2 ** failures);
const INSTANCE = `backend-${randomUUID()}`;

/** fal's LoRA trainer output (notes/fal.md): the weights file is the character. */
const trainerOutput = z.object({ diffusers_lora_file: z.object({ url: z.url({ protocol: /^https?$/ }) }) });

/**
 * Tracks trainings the way the generation tracker tracks generations: the state is the
 * characters table, each instance claims due rows with a guarded UPDATE (a lease), and every
 * ending is a compare-and-set that moves the money once — so restarts and several backends
 * settle each training exactly once.
 */
export async function trackTrainings(deps: AppDeps, fal: FalClient | undefined = falFor(deps.config), instance = INSTANCE): Promise<number> {
  const now = deps.now();
  failLostSubmits(deps, now);
  if (!fal) return 0;
  const claimed = claimDueRows<CharacterRow>(deps.db, {
    table: 'characters',
    inFlight: "status = 'training' AND fal_request_id IS NOT NULL",
    instance,
    now,
    leaseMs: CLAIM_MS,
    batch: BATCH,
  });
  await Promise.all(claimed.map((row) => trackOne(deps, fal, row)));
  return claimed.length;
}

/** A crash between the hold and fal's answer leaves a training without a request id. */
function failLostSubmits(deps: AppDeps, now: number): void {
  const lost = sql(deps.db, `SELECT * FROM characters WHERE status = 'training' AND fal_request_id IS NULL AND next_poll_at <= ?`).all(now) as CharacterRow[];
  for (const row of lost) settleTrainingFailed(deps, row, 'provider_unavailable', 'The training could not be started. Nothing was charged; try again.');
}

async function trackOne(deps: AppDeps, fal: FalClient, row: CharacterRow): Promise<void> {
  const requestId = row.fal_request_id!;
  const holdMs = deps.config.trainingHoldTtlSeconds * 1000;
  if (deps.now() >= row.created_at + holdMs - Math.min(60_000, holdMs / 10)) {
    if (settleTrainingFailed(deps, row, 'timed_out', 'Training took too long and was stopped. Nothing was charged.')) {
      await fal.queue.cancel(row.endpoint, { requestId }).catch(() => undefined);
    }
    return;
  }
  let status: QueueStatus;
  try {
    status = await fal.queue.status(row.endpoint, { requestId, logs: true });
  } catch (err) {
    return handleFailure(deps, row, err);
  }
  if (status.status === 'COMPLETED') return finish(deps, fal, row);
  const now = deps.now();
  const running = status.status === 'IN_PROGRESS';
  const messages = status.status === 'IN_PROGRESS' && Array.isArray(status.logs) ? status.logs.slice(-20).map((l) => String(l.message).slice(0, 500)) : [];
  const progress = running ? Math.min(99, progressFromLogs(messages) ?? row.progress ?? 0) : 0;
  const runningSince = running ? (row.running_since ?? now) : null;
  const changed = progress !== row.progress || runningSince !== row.running_since;
  const updated = sql(deps.db, `UPDATE characters SET progress = ?, running_since = ?, poll_failures = 0, next_poll_at = ?, claimed_by = NULL, claim_expires_at = NULL,
         updated_at = ?, version = version + ? WHERE id = ? AND status = 'training'`).run(progress, runningSince, now + POLL_MS, now, changed ? 1 : 0, row.id);
  if (changed && updated.changes === 1) characterChanges(deps.db).emit('change', row.id);
}

async function finish(deps: AppDeps, fal: FalClient, row: CharacterRow): Promise<void> {
  let data: unknown;
  try {
    data = (await fal.queue.result(row.endpoint, { requestId: row.fal_request_id! })).data;
  } catch (err) {
    return handleFailure(deps, row, err);
  }
  const output = trainerOutput.safeParse(data);
  if (!output.success) {
    deps.log.error({ character: row.id }, 'the trainer returned an unreadable result');
    settleTrainingFailed(deps, row, 'provider_failed', 'The training service returned something unexpected. Nothing was charged.');
    return;
  }
  settleTrainingReady(deps, row, output.data.diffusers_lora_file.url);
}

function handleFailure(deps: AppDeps, row: CharacterRow, err: unknown): void {
  const failure = classifyFalError(err);
  if (failure.kind === 'transient') {
    deps.log.warn({ character: row.id, status: failure.status, failures: row.poll_failures + 1 }, 'fal call failed; will retry');
    sql(deps.db, `UPDATE characters SET poll_failures = poll_failures + 1, next_poll_at = ?, claimed_by = NULL, claim_expires_at = NULL
         WHERE id = ? AND status = 'training'`).run(deps.now() + backoff(row.poll_failures), row.id);
    return;
  }
  const message = failure.kind === 'not_found'
    ? 'The training service lost this training. Nothing was charged; try again.'
    : 'Training failed. This often means the photos were too few, too similar or too small. Nothing was charged; try other photos.';
  settleTrainingFailed(deps, row, 'training_failed', message);
}

export const characterTracker: BackgroundJob = {
  name: 'character-tracker',
  intervalMs: TRACKER_INTERVAL_MS,
  run: async (deps) => {
    await trackTrainings(deps);
  },
};
