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

export type RefreshOutcome =
  | { ok: true; tokens: IssuedTokens; userId: string }
  | { ok: false; reason: 'unknown' | 'reused' | 'session_ended' };

/**
 * Trades a refresh token for a new pair. The presented token is rotated by a guarded UPDATE
 * (the compare-and-set), so of two racing uses only one wins; presenting a token that was
 * already rotated means it leaked, and the whole session is revoked.
 */
export function rotateRefreshToken(db: Db, refreshToken: string, now: number): RefreshOutcome {
  if (!looksLikeToken(refreshToken, 'ppr')) return { ok: false, reason: 'unknown' };
  const hash = hashToken(refreshToken);
  return db.transaction((): RefreshOutcome => {
    const token = db.prepare('SELECT session_id, status FROM refresh_tokens WHERE token_hash = ?').get(hash) as
      | { session_id: string; status: 'active' | 'rotated' }
      | undefined;
    if (!token) return { ok: false, reason: 'unknown' };
    const session = db.prepare('SELECT * FROM sessions WHERE id = ?').get(token.session_id) as SessionRow;
    if (token.status === 'rotated') {
      revokeSession(db, session.id, 'refresh_token_reused', now);
      return { ok: false, reason: 'reused' };
    }
    if (session.revoked_at !== null || now >= session.idle_expires_at || now >= session.absolute_expires_at) {
      return { ok: false, reason: 'session_ended' };
    }
    const rotated = db.prepare("UPDATE refresh_tokens SET status = 'rotated' WHERE token_hash = ? AND status = 'active'").run(hash).changes === 1;
    if (!rotated) {
      revokeSession(db, session.id, 'refresh_token_reused', now);
      return { ok: false, reason: 'reused' };
    }
    const accessToken = newToken('ppa');
    const nextRefresh = newToken('ppr');
    const accessExpiresAt = Math.min(now + ACCESS_TTL_MS, session.absolute_expires_at);
    db.prepare('UPDATE sessions SET access_token_hash = ?, access_expires_at = ?, last_used_at = ?, idle_expires_at = ? WHERE id = ?').run(
      hashToken(accessToken),
      accessExpiresAt,
      now,
      Math.min(now + IDLE_TTL_MS, session.absolute_expires_at),
      session.id,
    );
    db.prepare(`INSERT INTO refresh_tokens (token_hash, session_id, status, created_at) VALUES (?, ?, 'active', ?)`).run(hashToken(nextRefresh), session.id, now);
    return {
      ok: true,
      userId: session.user_id,
      tokens: { sessionId: session.id, accessToken, refreshToken: nextRefresh, expiresIn: Math.round((accessExpiresAt - now) / 1000) },
    };
  }).immediate();
}

/** The user's live sessions (signed-in devices), most recently used first. */
export function listLiveSessions(db: Db, userId: string, now: number): SessionRow[] {
  return db
    .prepare(
      `SELECT * FROM sessions WHERE user_id = ? AND revoked_at IS NULL AND idle_expires_at > ? AND absolute_expires_at > ?
       ORDER BY last_used_at DESC`,
    )
    .all(userId, now, now) as SessionRow[];
}

/** Revokes one of the user's sessions; false when it is not theirs or already ended. */
export function revokeUserSession(db: Db, userId: string, sessionId: string, now: number): boolean {
  return db
    .prepare("UPDATE sessions SET revoked_at = ?, revoked_reason = 'revoked_by_user' WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
    .run(now, sessionId, userId).changes === 1;
}
