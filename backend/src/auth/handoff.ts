import type { Db } from '../db/database.ts';
import { constantTimeEqual, hashToken, looksLikeToken, newToken, sha256Base64Url } from './tokens.ts';

/** A browser sign-in attempt lives this long: time enough to pick an account at Google. */
export const ATTEMPT_TTL_MS = 10 * 60 * 1000;
/** The one-time code in the deep link is redeemable this long. */
export const HANDOFF_TTL_MS = 60 * 1000;

export interface AttemptRow {
  id: string;
  provider_state: string;
  provider_nonce: string;
  provider_code_verifier: string;
  app_challenge: string;
  app_state: string;
  created_at: number;
  expires_at: number;
  consumed_at: number | null;
}

export interface NewAttempt {
  providerState: string;
  providerNonce: string;
  providerCodeVerifier: string;
  appChallenge: string;
  appState: string;
}

/** Records an attempt; answers the cookie value (only its hash is stored). */
export function createAttempt(db: Db, attempt: NewAttempt, now: number): string {
  const cookie = newToken('pph');
  db.prepare(
    `INSERT INTO auth_attempts (id, provider_state, provider_nonce, provider_code_verifier, app_challenge, app_state, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(hashToken(cookie), attempt.providerState, attempt.providerNonce, attempt.providerCodeVerifier, attempt.appChallenge, attempt.appState, now, now + ATTEMPT_TTL_MS);
  return cookie;
}

export type AttemptClaim = { ok: true; attempt: AttemptRow } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/**
 * Claims the attempt the browser's cookie names, once: a guarded UPDATE is the compare-and-set,
 * so a replayed callback (same cookie, same or other code) finds it already consumed.
 */
export function claimAttempt(db: Db, cookie: string, now: number): AttemptClaim {
  if (!looksLikeToken(cookie, 'pph')) return { ok: false, reason: 'unknown' };
  const id = hashToken(cookie);
  const row = db.prepare('SELECT * FROM auth_attempts WHERE id = ?').get(id) as AttemptRow | undefined;
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.consumed_at !== null) return { ok: false, reason: 'used' };
  if (now >= row.expires_at) return { ok: false, reason: 'expired' };
  const claimed = db.prepare('UPDATE auth_attempts SET consumed_at = ? WHERE id = ? AND consumed_at IS NULL').run(now, id).changes === 1;
  return claimed ? { ok: true, attempt: { ...row, consumed_at: now } } : { ok: false, reason: 'used' };
}

/** Issues the one-time code the callback page hands to the app. */
export function issueHandoffCode(db: Db, userId: string, appChallenge: string, now: number): string {
  const code = newToken('pph');
  db.prepare('INSERT INTO handoff_codes (code_hash, user_id, app_challenge, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
    hashToken(code),
    userId,
    appChallenge,
    now,
    now + HANDOFF_TTL_MS,
  );
  return code;
}

/**
 * Redeems a handoff code for its user, or undefined. The code is burnt by an atomic guarded
 * UPDATE before the verifier is checked, so a wrong guess also uses it up: an app that
 * intercepted the deep link cannot keep trying.
 */
export function redeemHandoffCode(db: Db, code: string, codeVerifier: string, now: number): string | undefined {
  if (!looksLikeToken(code, 'pph')) return undefined;
  const hash = hashToken(code);
  const burnt = db.prepare('UPDATE handoff_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?').run(now, hash, now).changes === 1;
  if (!burnt) return undefined;
  const row = db.prepare('SELECT user_id, app_challenge FROM handoff_codes WHERE code_hash = ?').get(hash) as { user_id: string; app_challenge: string };
  return constantTimeEqual(sha256Base64Url(codeVerifier), row.app_challenge) ? row.user_id : undefined;
}

/** Deletes attempts and codes well past their expiry (they are useless, and hold no secrets worth keeping). */
export function sweepSignInLeftovers(db: Db, now: number): void {
  db.prepare('DELETE FROM auth_attempts WHERE expires_at < ?').run(now - ATTEMPT_TTL_MS);
  db.prepare('DELETE FROM handoff_codes WHERE expires_at < ?').run(now - ATTEMPT_TTL_MS);
}
