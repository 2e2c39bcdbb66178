import { randomUUID } from 'node:crypto';
import type { FalClient, QueueStatus } from '@fal-ai/client';
import type { AppDeps } from '../app.ts';
import type { BackgroundJob } from '../jobs.ts';
import { falFor } from './fal-client.ts';
import { classifyFalError, progressFromLogs, readFalOutput } from './fal-results.ts';
import { sweepIdempotencyKeys } from './idempotency.ts';
import { settleSucceeded, settleUnsuccessful } from './settle.ts';
import { dropExpiredResults, generationChanges, type GenerationRow } from './store.ts';
import { claimDueRows } from './claim-due.ts';
import { sql } from './statements.ts';
import { cancelParts, partsOf, trackParts } from './parts.ts';

/** How often each backend looks for jobs due a status check. */
export const TRACKER_INTERVAL_MS = 100;
/** A claimed job is this instance's until then; a crashed instance's jobs are picked up after it. */
const CLAIM_MS = 60_000;
const BATCH = 32;
const KEEP_LOGS = 20;
/** Give up (cancel at fal, release) a little before the hold itself would expire. */
const holdSafetyMarginMs = (holdTtlMs: number) => Math.min(60_000, holdTtlMs / 10);

/** This process's name in claims; any unique value works. */
const INSTANCE = `backend-${randomUUID()}`;

const pollDelay = (row: GenerationRow, now: number) => (now - row.created_at < 30_000 ? 250 : 1_000);
const backoff = (failures: number) => Math.min(30_000, 500 * 2 ** failures);

/**
 * Tracks in-flight generations by polling fal's queue (explicit status/result calls, never
 * subscribe), so jobs survive a restart: state lives in the generations table, and every
 * backend instance claims due rows with a guarded UPDATE before touching them.
 */
export async function trackGenerations(deps: AppDeps, fal: FalClient | undefined = falFor(deps.config), instance = INSTANCE): Promise<number> {
  const now = deps.now();
  failLostSubmits(deps, now);
  if (!fal) return 0;
  const claimed = claimDueRows<GenerationRow>(deps.db, {
    table: 'generations',
    inFlight: "status IN ('queued', 'running')",
    instance,
    now,
    leaseMs: CLAIM_MS,
    batch: BATCH,
  });
  await Promise.all(claimed.map((row) => trackOne(deps, fal, row)));
  return claimed.length;
}

/** A crash between the hold and fal's answer leaves a 'submitting' row: fail it and release. */
function failLostSubmits(deps: AppDeps, now: number): void {
  const lost = sql(deps.db, `SELECT * FROM generations WHERE status = 'submitting' AND next_poll_at <= ?`).all(now) as GenerationRow[];
  for (const row of lost) {
    settleUnsuccessful(deps, row, { status: 'failed', code: 'provider_unavailable', message: 'The request could not be sent to the image service. Nothing was charged.' });
  }
}

async function trackOne(deps: AppDeps, fal: FalClient, row: GenerationRow): Promise<void> {
  const requestId = row.fal_request_id!;
  const holdTtlMs = deps.config.holdTtlSeconds * 1000;
  const parts = partsOf(deps, row.id);
  if (deps.now() >= row.created_at + holdTtlMs - holdSafetyMarginMs(holdTtlMs)) {
    if (settleUnsuccessful(deps, row, { status: 'failed', code: 'timed_out', message: 'The image service took too long. Nothing was charged.' })) {
      if (parts.length > 0) await cancelParts(deps, fal, row);
      else await fal.queue.cancel(row.endpoint, { requestId }).catch(() => undefined);
    }
    return;
  }
  if (parts.length > 0) return trackParts(deps, fal, row, parts);
  let status: QueueStatus;
  try {
    status = await fal.queue.status(row.endpoint, { requestId, logs: true });
  } catch (err) {
    return handleFailure(deps, row, err, 'status');
  }
  if (status.status === 'COMPLETED') return finish(deps, fal, row);
  const now = deps.now();
  const next = status.status === 'IN_QUEUE' ? 'queued' : 'running';
  const queuePosition = status.status === 'IN_QUEUE' && typeof status.queue_position === 'number' ? status.queue_position : null;
  const messages = status.status === 'IN_PROGRESS' && Array.isArray(status.logs) ? status.logs.slice(-KEEP_LOGS).map((l) => String(l.message).slice(0, 500)) : [];
  const progress = next === 'running' ? (progressFromLogs(messages) ?? null) : null;
  const logs = JSON.stringify(messages);
  const changed = next !== row.status || queuePosition !== row.queue_position || progress !== row.progress || logs !== row.logs;
  const updated = sql(deps.db, `UPDATE generations SET status = ?, queue_position = ?, progress = ?, logs = ?, poll_failures = 0, next_poll_at = ?,
         claimed_by = NULL, claim_expires_at = NULL, updated_at = ?, version = version + ?
       WHERE id = ? AND status IN ('queued', 'running')`).run(next, queuePosition, progress, logs, now + pollDelay(row, now), now, changed ? 1 : 0, row.id);
  if (changed && updated.changes === 1) generationChanges(deps.db).emit('change', row.id);
}

async function finish(deps: AppDeps, fal: FalClient, row: GenerationRow): Promise<void> {
  let data: unknown;
  try {
    data = (await fal.queue.result(row.endpoint, { requestId: row.fal_request_id! })).data;
  } catch (err) {
    return handleFailure(deps, row, err, 'result');
  }
  const output = readFalOutput(row.output_shape, data, row.drop_flagged === 1);
  if (!output.ok) {
    deps.log.error({ generation: row.id, endpoint: row.endpoint, reason: output.reason }, 'fal returned an unreadable result');
    settleUnsuccessful(deps, row, { status: 'failed', code: 'provider_failed', message: 'The image service returned something unexpected. Nothing was charged.' });
    return;
  }
  if (output.images.length === 0) {
    const code = output.flagged > 0 ? 'content_policy_violation' : 'provider_failed';
    const message = output.flagged > 0 ? 'Every image was blocked by the safety checker. Change the prompt or the safety level; nothing was charged.' : 'The image service returned no images. Nothing was charged.';
    settleUnsuccessful(deps, row, { status: 'failed', code, message });
    return;
  }
  settleSucceeded(deps, row, output.images);
}

function handleFailure(deps: AppDeps, row: GenerationRow, err: unknown, call: 'status' | 'result'): void {
  const failure = classifyFalError(err);
  if (failure.kind === 'content_policy') {
    settleUnsuccessful(deps, row, { status: 'failed', code: 'content_policy_violation', message: failure.message });
  } else if (failure.kind === 'rejected') {
    settleUnsuccessful(deps, row, { status: 'failed', code: 'provider_failed', message: 'The image service could not make this image. Nothing was charged.' });
  } else if (failure.kind === 'not_found') {
    settleUnsuccessful(deps, row, { status: 'failed', code: 'provider_failed', message: 'The image service lost this request. Nothing was charged.' });
  } else {
    const now = deps.now();
    deps.log.warn({ generation: row.id, call, status: failure.status, failures: row.poll_failures + 1 }, 'fal call failed; will retry');
    sql(deps.db, `UPDATE generations SET poll_failures = poll_failures + 1, next_poll_at = ?, claimed_by = NULL, claim_expires_at = NULL
         WHERE id = ? AND status IN ('queued', 'running')`).run(now + backoff(row.poll_failures), row.id);
  }
}

export const generationTracker: BackgroundJob = {
  name: 'generation-tracker',
  intervalMs: TRACKER_INTERVAL_MS,
  run: async (deps) => {
    await trackGenerations(deps);
  },
};

/** Drops delivered or expired result URLs and forgets old idempotency keys. */
export const generationRetention: BackgroundJob = {
  name: 'generation-retention',
  intervalMs: 30_000,
  run: (deps) => {
    const now = deps.now();
    dropExpiredResults(deps.db, now);
    sweepIdempotencyKeys(deps.db, now);
  },
};
