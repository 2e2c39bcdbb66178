import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { ApiError, badRequest } from '../http/errors.ts';
import { sql } from './statements.ts';

/** Keys are remembered this long; a retry after that is a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key header, required by billed endpoints (API.md). */
export function requireIdempotencyKey(header: string | undefined): string {
  if (!header) throw badRequest('Send an Idempotency-Key header (a random value per new request, reused on retries).', [{ field: 'Idempotency-Key', message: 'is required' }]);
  if (!KEY_PATTERN.test(header)) throw badRequest('The Idempotency-Key header must be 1–255 printable characters.', [{ field: 'Idempotency-Key', message: 'is invalid' }]);
  return header;
}

/** JSON with sorted object keys, so the same body in another key order hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const requestHash = (body: unknown) => createHash('sha256').update(canonical(body)).digest('hex');

export interface StoredResponse {
  status: number;
  body: unknown;
  resourceId: string | null;
}

/**
 * The stored answer for this key, or undefined for a new key. A reused key with another body
 * is a 409 and changes nothing. Call inside the transaction that will store the new answer.
 */
export function replayFor(db: Db, userId: string, scope: string, key: string, hash: string, now: number): StoredResponse | undefined {
  const row = sql(db, 'SELECT request_hash, response_status, response_body, resource_id FROM idempotency_keys WHERE user_id = ? AND scope = ? AND idempotency_key = ? AND expires_at > ?')
    .get(userId, scope, key, now) as { request_hash: string; response_status: number; response_body: string; resource_id: string | null } | undefined;
  if (!row) return undefined;
  if (row.request_hash !== hash) {
    throw new ApiError(409, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request. Use a new key for a new request.');
  }
  return { status: row.response_status, body: JSON.parse(row.response_body) as unknown, resourceId: row.resource_id };
}

export function storeResponse(db: Db, input: { userId: string; scope: string; key: string; hash: string; response: StoredResponse; now: number }): void {
  sql(db, `INSERT INTO idempotency_keys (user_id, scope, idempotency_key, request_hash, response_status, response_body, resource_id, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_id, scope, idempotency_key) DO UPDATE SET
       request_hash = excluded.request_hash, response_status = excluded.response_status, response_body = excluded.response_body,
       resource_id = excluded.resource_id, created_at = excluded.created_at, expires_at = excluded.expires_at`).run(input.userId, input.scope, input.key, input.hash, input.response.status, JSON.stringify(input.response.body), input.response.resourceId, input.now, input.now + IDEMPOTENCY_TTL_MS);
}

export function updateStoredBody(db: Db, userId: string, scope: string, key: string, body: unknown): void {
  sql(db, 'UPDATE idempotency_keys SET response_body = ? WHERE user_id = ? AND scope = ? AND idempotency_key = ?').run(JSON.stringify(body), userId, scope, key);
}

export function sweepIdempotencyKeys(db: Db, now: number): number {
  return sql(db, 'DELETE FROM idempotency_keys WHERE expires_at <= ?').run(now).changes;
}
