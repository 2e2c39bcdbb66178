import type { FalClient } from '@fal-ai/client';
import { z, ZodError } from 'zod';
import type { AppDeps } from '../app.ts';
import { newId } from '../auth/tokens.ts';
import { ApiError, badRequest } from '../http/errors.ts';
import { parseWith } from '../http/body.ts';
import { findTool } from './catalog.ts';
import { classifyFalError } from './fal-results.ts';
import { replayFor, requestHash, storeResponse, updateStoredBody } from './idempotency.ts';
import { recordPromptForOptimisation } from './prompt-log.ts';
import { settleUnsuccessful } from './settle.ts';
import { findGeneration, generationChanges, isFinished, toView, type GenerationRow } from './store.ts';
import { requireTermsAccepted } from '../auth/terms.ts';
import { reserveWithinLimits } from '../fraud/spend-limits.ts';
import { assertToolEnabled } from '../fraud/tool-switches.ts';
import type { PlanContext, ToolPlan } from './tool.ts';
import { attachUploads, resolveOwnUpload } from '../uploads/store.ts';
import { sql } from './statements.ts';
import { bindCharacter } from '../characters/bind.ts';
import { cancelParts, submitParts } from './parts.ts';

const SCOPE = 'generations';
/** A generation still "submitting" this long after creation lost its submit (crash): it is failed and released. */
export const SUBMIT_DEADLINE_MS = 120_000;
/** First status check after fal accepted the job. */
export const FIRST_POLL_MS = 200;

export const requestBody = z.strictObject({
  tool: z.string().min(1).max(100),
  input: z.record(z.string(), z.unknown()).default({}),
});

export function notConfigured(): ApiError {
  return new ApiError(503, 'generation_not_configured', 'Image generation is not set up on this server (no FAL_KEY).');
}

/** Validates and prices a request without holding anything; 400 names the bad fields. */
export function planRequest(body: z.infer<typeof requestBody>, ctx?: PlanContext): { toolId: string; plan: ToolPlan } {
  const tool = findTool(body.tool);
  if (!tool) throw badRequest(`Unknown tool "${body.tool}". GET /v1/tools lists the tools.`, [{ field: 'tool', message: 'is not a known tool' }]);
  try {
    return { toolId: tool.id, plan: tool.plan(body.input, ctx) };
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    const fields = err.issues.map((i) => ({ field: ['input', ...i.path].join('.'), message: i.message }));
    throw badRequest(`Invalid ${fields.map((f) => f.field).join(', ')}.`, fields);
  }
}

/**
 * POST /v1/generations: validate → price → terms → hold → submit. The hold, the generation
 * row and the idempotency record commit together, so a retry with the same key finds the
 * same generation and can never hold twice.
 */
export async function createGeneration(
  deps: AppDeps,
  fal: FalClient,
  req: { userId: string; idempotencyKey: string; body: unknown },
): Promise<{ status: number; body: unknown; replayed: boolean }> {
  const envelope = parseWith(requestBody, req.body);
  const hash = requestHash(req.body);
  const now = deps.now();
  // A retry of a finished image-tool request must replay even though its upload is gone.
  const earlier = replayFor(deps.db, req.userId, SCOPE, req.idempotencyKey, hash, now);
  if (earlier) return { status: earlier.status, body: earlier.body, replayed: true };
  const { toolId, plan: planned } = planRequest(envelope, uploadContext(deps, req.userId));
  assertToolEnabled(deps.db, deps.config.disabledTools, toolId);
  requireTermsAccepted(deps.db, req.userId);
  // Character tools: the character must be this user's and ready, before anything is held.
  const plan = bindCharacter(deps.db, req.userId, planned);

  const created = deps.db.transaction(() => {
    const replay = replayFor(deps.db, req.userId, SCOPE, req.idempotencyKey, hash, now);
    if (replay) return { replay };
    const id = newId('gen');
    const cost = plan.unitCost * plan.units;
    // Spend limits are checked in the same transaction as the hold (fraud controls).
    const hold = reserveWithinLimits(
      deps.db,
      deps.ledger,
      deps.config.spendLimits,
      { userId: req.userId, amount: cost, key: `generation:${id}`, purpose: `generation:${toolId}`, ttlMs: deps.config.holdTtlSeconds * 1000 },
      now,
    );
    sql(deps.db, `INSERT INTO generations (id, user_id, tool, endpoint, status, hold_id, cost, unit_cost, units, output_shape, drop_flagged,
           next_poll_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'submitting', ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, req.userId, toolId, plan.endpoint, hold.id, cost, plan.unitCost, plan.units, plan.output, plan.dropFlaggedImages ? 1 : 0, now + SUBMIT_DEADLINE_MS, now, now);
    if (plan.uploadIds) attachUploads(deps.db, req.userId, id, plan.uploadIds);
    const body = toView(findGeneration(deps.db, id)!, now);
    storeResponse(deps.db, { userId: req.userId, scope: SCOPE, key: req.idempotencyKey, hash, response: { status: 202, body, resourceId: id }, now });
    return { id };
  }).immediate();

  if (created.replay) return { status: created.replay.status, body: created.replay.body, replayed: true };
  const id = created.id!;
  recordPromptForOptimisation(deps, { userId: req.userId, generationId: id, tool: toolId, input: envelope.input });
  await submitToFal(deps, fal, id, plan);
  const view = toView(findGeneration(deps.db, id)!, deps.now());
  updateStoredBody(deps.db, req.userId, SCOPE, req.idempotencyKey, view);
  return { status: 202, body: view, replayed: false };
}

/** The caller's uploads, each still held by fal for at least as long as a job may run. */
export function uploadContext(deps: AppDeps, userId: string): PlanContext {
  return { upload: (id) => resolveOwnUpload(deps.db, userId, id, deps.now(), deps.config.holdTtlSeconds * 1000) };
}

async function submitToFal(deps: AppDeps, fal: FalClient, id: string, plan: ToolPlan): Promise<void> {
  try {
    if (plan.falInputs) {
      await submitParts(deps, fal, id, plan.endpoint, plan.falInputs);
      return;
    }
    const queued = await fal.queue.submit(plan.endpoint, {
      input: plan.falInput,
      // fal deletes the generated files after this (notes/fal.md: object lifecycle).
      storageSettings: { expiresIn: deps.config.resultTtlSeconds },
    });
    const now = deps.now();
    const moved = sql(deps.db, `UPDATE generations SET status = 'queued', fal_request_id = ?, queue_position = ?, next_poll_at = ?, updated_at = ?, version = version + 1
         WHERE id = ? AND status = 'submitting'`).run(queued.request_id, typeof queued.queue_position === 'number' ? queued.queue_position : null, now + FIRST_POLL_MS, now, id);
    if (moved.changes === 1) {
      generationChanges(deps.db).emit('change', id);
      return;
    }
    // Canceled while the submit was on its way: tell fal too (best effort; nothing is charged either way).
    sql(deps.db, 'UPDATE generations SET fal_request_id = ? WHERE id = ? AND fal_request_id IS NULL').run(queued.request_id, id);
    await fal.queue.cancel(plan.endpoint, { requestId: queued.request_id }).catch(() => undefined);
  } catch (err) {
    const failure = classifyFalError(err);
    const row = findGeneration(deps.db, id)!;
    deps.log.warn({ generation: id, failure: failure.kind, status: 'status' in failure ? failure.status : undefined }, 'fal refused a submit');
    if (failure.kind === 'content_policy') settleUnsuccessful(deps, row, { status: 'failed', code: 'content_policy_violation', message: failure.message });
    else if (failure.kind === 'rejected') settleUnsuccessful(deps, row, { status: 'failed', code: 'provider_rejected', message: failure.message });
    else settleUnsuccessful(deps, row, { status: 'failed', code: 'provider_unavailable', message: 'The image service is not reachable right now. Nothing was charged; try again in a minute.' });
  }
}

/** DELETE /v1/generations/:id: cancel and release. Canceling twice answers the same. */
export async function cancelGeneration(deps: AppDeps, fal: FalClient | undefined, row: GenerationRow): Promise<GenerationRow> {
  if (isFinished(row.status)) {
    if (row.status === 'canceled') return row;
    throw new ApiError(409, 'generation_finished', `This generation already ${row.status === 'succeeded' ? 'finished' : 'failed'}; there is nothing to cancel.`);
  }
  const canceled = settleUnsuccessful(deps, row, { status: 'canceled' });
  if (canceled && fal) await cancelParts(deps, fal, row);
  if (canceled && row.fal_request_id && fal) {
    // fal answers 400 when the job already finished; the user is not charged either way.
    await fal.queue.cancel(row.endpoint, { requestId: row.fal_request_id }).catch(() => undefined);
  }
  const after = findGeneration(deps.db, row.id)!;
  if (after.status !== 'canceled' && isFinished(after.status)) {
    throw new ApiError(409, 'generation_finished', 'This generation finished before it could be canceled.');
  }
  return after;
}
