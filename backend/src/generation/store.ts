import type { Db } from '../db/database.ts';
import { changeSignal } from '../db/change-signal.ts';
import { sql } from './statements.ts';

export type GenerationStatus = 'submitting' | 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
export const IN_FLIGHT: readonly GenerationStatus[] = ['submitting', 'queued', 'running'];
export const isFinished = (s: GenerationStatus) => s === 'succeeded' || s === 'failed' || s === 'canceled';

export interface DeliveredImage {
  url: string;
  width: number;
  height: number;
  content_type: string;
}

export interface GenerationRow {
  id: string;
  user_id: string;
  tool: string;
  endpoint: string;
  status: GenerationStatus;
  hold_id: string;
  cost: number;
  unit_cost: number;
  units: number;
  output_shape: 'images' | 'image';
  drop_flagged: 0 | 1;
  charged: number | null;
  fal_request_id: string | null;
  queue_position: number | null;
  progress: number | null;
  logs: string;
  result: string | null;
  result_expires_at: number | null;
  delivered_at: number | null;
  error_code: string | null;
  error_message: string | null;
  version: number;
  claimed_by: string | null;
  claim_expires_at: number | null;
  next_poll_at: number;
  poll_failures: number;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

/** After the first delivery the URLs stay this long, so a download that failed can be retried. */
export const DELIVERY_GRACE_MS = 10 * 60_000;

/** HTTP-like status of each generation error code (API.md: 422 for provider refusals). */
const ERROR_STATUS: Record<string, number> = {
  content_policy_violation: 422,
  provider_rejected: 422,
  provider_unavailable: 503,
  provider_failed: 502,
  timed_out: 504,
};

/** The generation object of API.md, as GET, SSE and POST answer it. */
export interface GenerationView {
  id: string;
  tool: string;
  status: Exclude<GenerationStatus, 'submitting'>;
  cost: number;
  quoted_cost: number;
  queue_position?: number;
  progress?: number;
  logs?: string[];
  result?: { images: DeliveredImage[] };
  result_expires_at?: string;
  error?: { code: string; message: string; status: number };
  created_at: string;
  finished_at?: string;
}

export function resultIsAvailable(row: GenerationRow, now: number): boolean {
  if (row.result === null) return false;
  if (row.result_expires_at !== null && now >= row.result_expires_at) return false;
  return !(row.delivered_at !== null && now >= row.delivered_at + DELIVERY_GRACE_MS);
}

export function toView(row: GenerationRow, now: number): GenerationView {
  const view: GenerationView = {
    id: row.id,
    tool: row.tool,
    // 'submitting' is internal: to the app the request is simply queued.
    status: row.status === 'submitting' ? 'queued' : row.status,
    // While running: the credits held. Once settled: what was actually charged (0 if nothing).
    cost: isFinished(row.status) ? (row.charged ?? 0) : row.cost,
    quoted_cost: row.cost,
    created_at: new Date(row.created_at).toISOString(),
  };
  if (row.status === 'queued' && row.queue_position !== null) view.queue_position = row.queue_position;
  if (row.status === 'running' && row.progress !== null) view.progress = row.progress;
  const logs = JSON.parse(row.logs) as string[];
  if (logs.length > 0 && !isFinished(row.status)) view.logs = logs;
  if (row.status === 'succeeded' && resultIsAvailable(row, now)) {
    view.result = { images: JSON.parse(row.result!) as DeliveredImage[] };
    const until = Math.min(row.result_expires_at ?? Infinity, row.delivered_at === null ? Infinity : row.delivered_at + DELIVERY_GRACE_MS);
    if (Number.isFinite(until)) view.result_expires_at = new Date(until).toISOString();
  }
  if (row.error_code) {
    view.error = { code: row.error_code, message: row.error_message ?? '', status: ERROR_STATUS[row.error_code] ?? 500 };
  }
  if (row.finished_at !== null) view.finished_at = new Date(row.finished_at).toISOString();
  return view;
}

export function findGeneration(db: Db, id: string): GenerationRow | undefined {
  return sql(db, 'SELECT * FROM generations WHERE id = ?').get(id) as GenerationRow | undefined;
}

/** The owner's generation, or undefined (other users' ids look exactly like unknown ones). */
export function findOwnGeneration(db: Db, userId: string, id: string): GenerationRow | undefined {
  return sql(db, 'SELECT * FROM generations WHERE id = ? AND user_id = ?').get(id, userId) as GenerationRow | undefined;
}

/** Notes the first time a result was handed to its owner; from then the grace period runs. */
export function markDelivered(db: Db, row: GenerationRow, now: number): void {
  if (row.status !== 'succeeded' || row.delivered_at !== null || !resultIsAvailable(row, now)) return;
  sql(db, 'UPDATE generations SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL').run(now, row.id);
}

/** Drops result URLs that were delivered or have expired; the backend keeps no results. */
export function dropExpiredResults(db: Db, now: number): number {
  return sql(db, `UPDATE generations SET result = NULL, version = version + 1, updated_at = ?
       WHERE result IS NOT NULL AND (result_expires_at <= ? OR (delivered_at IS NOT NULL AND delivered_at + ? <= ?))`).run(now, now, DELIVERY_GRACE_MS, now).changes;
}

/** Signals a generation's change, for its Server-Sent Events. */
export const generationChanges = changeSignal();
