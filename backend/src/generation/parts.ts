import type { FalClient } from '@fal-ai/client';
import type { AppDeps } from '../app.ts';
import { classifyFalError, progressFromLogs, readFalOutput } from './fal-results.ts';
import { settleSucceeded, settleUnsuccessful } from './settle.ts';
import { generationChanges, type DeliveredImage, type GenerationRow } from './store.ts';
import { sql } from './statements.ts';

/**
 * Generations made of several fal requests (avatar packs: one prompt per style). Each part is
 * its own fal request; the generation has one hold and settles once, when every part ended,
 * charging only for the images delivered.
 */

interface PartRow {
  generation_id: string;
  idx: number;
  fal_request_id: string;
  status: 'pending' | 'succeeded' | 'failed';
  progress: number;
  images: string | null;
  flagged: number;
}

const POLL_MS = 500;

export function partsOf(deps: AppDeps, generationId: string): PartRow[] {
  return sql(deps.db, 'SELECT * FROM generation_parts WHERE generation_id = ? ORDER BY idx').all(generationId) as PartRow[];
}

/** Submits every part; if any is refused, the others are canceled and the error is thrown. */
export async function submitParts(deps: AppDeps, fal: FalClient, id: string, endpoint: string, inputs: Record<string, unknown>[]): Promise<boolean> {
  const ids: string[] = [];
  try {
    for (const input of inputs) {
      const queued = await fal.queue.submit(endpoint, { input, storageSettings: { expiresIn: deps.config.resultTtlSeconds } });
      ids.push(queued.request_id);
    }
  } catch (err) {
    await Promise.all(ids.map((requestId) => fal.queue.cancel(endpoint, { requestId }).catch(() => undefined)));
    throw err;
  }
  const now = deps.now();
  const moved = deps.db.transaction(() => {
    const flipped = sql(deps.db, `UPDATE generations SET status = 'queued', fal_request_id = ?, next_poll_at = ?, updated_at = ?, version = version + 1
         WHERE id = ? AND status = 'submitting'`).run(ids[0], now + 200, now, id);
    if (flipped.changes !== 1) return false;
    for (const [idx, requestId] of ids.entries()) {
      sql(deps.db, `INSERT INTO generation_parts (generation_id, idx, fal_request_id, status) VALUES (?, ?, ?, 'pending')`).run(id, idx, requestId);
    }
    return true;
  }).immediate();
  if (moved) generationChanges(deps.db).emit('change', id);
  else await cancelRequests(fal, endpoint, ids);
  return moved;
}

const cancelRequests = (fal: FalClient, endpoint: string, ids: string[]) =>
  Promise.all(ids.map((requestId) => fal.queue.cancel(endpoint, { requestId }).catch(() => undefined)));

/** Cancels the parts still running at fal (after the generation was canceled or timed out). */
export async function cancelParts(deps: AppDeps, fal: FalClient, row: GenerationRow): Promise<void> {
  const pending = partsOf(deps, row.id).filter((p) => p.status === 'pending').map((p) => p.fal_request_id);
  await cancelRequests(fal, row.endpoint, pending);
  sql(deps.db, 'DELETE FROM generation_parts WHERE generation_id = ?').run(row.id);
}

/** One tracker pass over a multi-part generation the caller has claimed. */
export async function trackParts(deps: AppDeps, fal: FalClient, row: GenerationRow, parts: PartRow[]): Promise<void> {
  await Promise.all(parts.filter((p) => p.status === 'pending').map((p) => trackPart(deps, fal, row, p)));
  const after = partsOf(deps, row.id);
  const now = deps.now();
  if (after.every((p) => p.status !== 'pending')) {
    const images = after.flatMap((p) => (p.images ? (JSON.parse(p.images) as DeliveredImage[]) : []));
    const flagged = after.reduce((n, p) => n + p.flagged, 0);
    const settled = images.length > 0
      ? settleSucceeded(deps, row, images)
      : settleUnsuccessful(deps, row, {
          status: 'failed',
          code: flagged > 0 ? 'content_policy_violation' : 'provider_failed',
          message: flagged > 0 ? 'Every image was blocked by the safety checker. Nothing was charged.' : 'The image service could not make these images. Nothing was charged.',
        });
    if (settled) sql(deps.db, 'DELETE FROM generation_parts WHERE generation_id = ?').run(row.id);
    return;
  }
  const progress = Math.floor(after.reduce((n, p) => n + (p.status === 'pending' ? p.progress : 100), 0) / after.length);
  const changed = row.status !== 'running' || progress !== row.progress;
  const updated = sql(deps.db, `UPDATE generations SET status = 'running', queue_position = NULL, progress = ?, next_poll_at = ?, claimed_by = NULL, claim_expires_at = NULL,
         updated_at = ?, version = version + ? WHERE id = ? AND status IN ('queued', 'running')`).run(progress, now + POLL_MS, now, changed ? 1 : 0, row.id);
  if (changed && updated.changes === 1) generationChanges(deps.db).emit('change', row.id);
}

async function trackPart(deps: AppDeps, fal: FalClient, row: GenerationRow, part: PartRow): Promise<void> {
  const requestId = part.fal_request_id;
  const end = (status: 'succeeded' | 'failed', images: DeliveredImage[] | null, flagged = 0) =>
    sql(deps.db, `UPDATE generation_parts SET status = ?, images = ?, flagged = ?, progress = 100 WHERE generation_id = ? AND idx = ? AND status = 'pending'`).run(status, images ? JSON.stringify(images) : null, flagged, row.id, part.idx);
  try {
    const status = await fal.queue.status(row.endpoint, { requestId, logs: true });
    if (status.status !== 'COMPLETED') {
      const logs = status.status === 'IN_PROGRESS' && Array.isArray(status.logs) ? status.logs.map((l) => String(l.message)) : [];
      const progress = Math.min(99, progressFromLogs(logs) ?? part.progress);
      sql(deps.db, 'UPDATE generation_parts SET progress = ? WHERE generation_id = ? AND idx = ?').run(progress, row.id, part.idx);
      return;
    }
    const data = (await fal.queue.result(row.endpoint, { requestId })).data;
    const output = readFalOutput('images', data, row.drop_flagged === 1);
    if (!output.ok) end('failed', null);
    else end(output.images.length > 0 ? 'succeeded' : 'failed', output.images, output.flagged);
  } catch (err) {
    const failure = classifyFalError(err);
    if (failure.kind === 'transient') {
      deps.log.warn({ generation: row.id, part: part.idx, status: failure.status }, 'fal call failed for a part; will retry');
      return;
    }
    end('failed', null, failure.kind === 'content_policy' ? 1 : 0);
  }
}
