import type { Db } from '../db/database.ts';
import { hashToken, looksLikeToken, newId, newToken } from './tokens.ts';

export const ACCESS_TTL_MS = 60 * 60 * 1000;
export const IDLE_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const ABSOLUTE_TTL_MS = 90 * 24 * 60 * 60 * 1000;

export interface SessionRow {
  id: string;
  user_id: string;
  device_name: string;
  access_token_hash: string;
  access_expires_at: number;
  created_at: number;
  last_used_at: number;
  idle_expires_at: number;
  absolute_expires_at: number;
  revoked_at: number | null;
  revoked_reason: string | null;
}

export interface IssuedTokens {
  sessionId: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Starts a session for a signed-in device and hands out its first token pair. */
export function createSession(db: Db, userId: string, deviceName: string, now: number): IssuedTokens {
  const sessionId = newId('ses');
  const accessToken = newToken('ppa');
  const refreshToken = newToken('ppr');
  db.transaction(() => {
    db.prepare(
      `INSERT INTO sessions (id, user_id, device_name, access_token_hash, access_expires_at, created_at, last_used_at,
         idle_expires_at, absolute_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(sessionId, userId, deviceName, hashToken(accessToken), now + ACCESS_TTL_MS, now, now, now + IDLE_TTL_MS, now + ABSOLUTE_TTL_MS);
    db.prepare(`INSERT INTO refresh_tokens (token_hash, session_id, status, created_at) VALUES (?, ?, 'active', ?)`).run(
      hashToken(refreshToken),
      sessionId,
      now,
    );
  })();
  return { sessionId, accessToken, refreshToken, expiresIn: ACCESS_TTL_MS / 1000 };
}

export interface AuthenticatedSession {
  userId: string;
  sessionId: string;
}

/** The live session an access token belongs to, or undefined (unknown, expired or revoked). */
export function authenticateAccessToken(db: Db, token: string, now: number): AuthenticatedSession | undefined {
  if (!looksLikeToken(token, 'ppa')) return undefined;
  const row = db.prepare('SELECT * FROM sessions WHERE access_token_hash = ?').get(hashToken(token)) as SessionRow | undefined;
  if (!row || row.revoked_at !== null) return undefined;
  if (now >= row.access_expires_at || now >= row.idle_expires_at || now >= row.absolute_expires_at) return undefined;
  if (now - row.last_used_at > 60_000) {
    // Bounded write rate: last-used only needs minute precision for the Devices page.
    db.prepare('UPDATE sessions SET last_used_at = ? WHERE id = ?').run(now, row.id);
  }
  return { userId: row.user_id, sessionId: row.id };
}

export function revokeSession(db: Db, sessionId: string, reason: string, now: number): boolean {
  return db.prepare('UPDATE sessions SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL').run(now, reason, sessionId).changes === 1;
}
