import type { Db } from '../db/database.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { UploadRef } from '../generation/tool.ts';
import { sql } from '../generation/statements.ts';

/** fal deletes an uploaded file after this (object lifecycle); the record goes at the same time. */
export const UPLOAD_TTL_S = 3600;

export interface UploadRow {
  id: string;
  user_id: string;
  file_url: string;
  content_type: string;
  width: number;
  height: number;
  byte_size: number;
  generation_id: string | null;
  created_at: number;
  expires_at: number;
}

export function insertUpload(db: Db, row: Omit<UploadRow, 'generation_id'>): void {
  sql(db, `INSERT INTO uploads (id, user_id, file_url, content_type, width, height, byte_size, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(row.id, row.user_id, row.file_url, row.content_type, row.width, row.height, row.byte_size, row.created_at, row.expires_at);
}

/**
 * The caller's upload, usable for a job that may run until `now + minRemainingMs` (fal must
 * still hold the file then). Unknown, expired and other users' uploads are all 404.
 */
export function resolveOwnUpload(db: Db, userId: string, id: string, now: number, minRemainingMs: number): UploadRef {
  const row = /^upl_[A-Za-z0-9_-]{16}$/.test(id)
    ? (sql(db, 'SELECT * FROM uploads WHERE id = ? AND user_id = ?').get(id, userId) as UploadRow | undefined)
    : undefined;
  if (!row || row.expires_at <= now) throw notFound('No such upload. Images are deleted after processing or after an hour: upload it again.');
  if (row.expires_at - now < minRemainingMs) {
    throw new ApiError(404, 'upload_expired', 'This upload expires before a job could finish. Upload the image again.');
  }
  return { id: row.id, url: row.file_url, width: row.width, height: row.height, contentType: row.content_type };
}

/** Links uploads to the generation that reads them (inside the generation's transaction). */
export function attachUploads(db: Db, userId: string, generationId: string, uploadIds: readonly string[]): void {
  for (const id of uploadIds) sql(db, 'UPDATE uploads SET generation_id = ? WHERE id = ? AND user_id = ?').run(generationId, id, userId);
}

/** Called when a generation ends (inside its settling transaction): its input images are forgotten. */
export function forgetUploadsOf(db: Db, generationId: string): number {
  return sql(db, 'DELETE FROM uploads WHERE generation_id = ?').run(generationId).changes;
}

/**
 * Retention: uploads nobody used are deleted when fal's copy expires; uploads whose
 * generation already ended (a settle that crashed before it could delete) go too.
 */
export function sweepUploads(db: Db, now: number): number {
  const expired = sql(db, 'DELETE FROM uploads WHERE expires_at <= ?').run(now).changes;
  const orphaned = sql(
    db,
    `DELETE FROM uploads WHERE generation_id IS NOT NULL AND generation_id IN
       (SELECT id FROM generations WHERE status IN ('succeeded', 'failed', 'canceled'))`,
  ).run().changes;
  return expired + orphaned;
}
