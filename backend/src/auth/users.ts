import type { Db } from '../db/database.ts';
import { newId } from './tokens.ts';

export interface UserRow {
  id: string;
  oidc_issuer: string;
  oidc_subject: string;
  email: string | null;
  email_verified: 0 | 1;
  name: string | null;
  avatar_url: string | null;
  created_at: number;
  updated_at: number;
  terms_accepted_at: number | null;
  age_confirmed_at: number | null;
  consents: string;
  contact_email: string | null;
}

export interface IdentityClaims {
  issuer: string;
  subject: string;
  email?: string | undefined;
  emailVerified?: boolean | undefined;
  name?: string | undefined;
  picture?: string | undefined;
}

export function findUserById(db: Db, id: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

/**
 * Finds the user for an OpenID identity or creates one, refreshing name and picture on every
 * sign-in. The email is kept only when the provider says it is verified.
 */
export function upsertUserFromClaims(db: Db, claims: IdentityClaims, now: number): { user: UserRow; created: boolean } {
  const email = claims.emailVerified ? (claims.email ?? null) : null;
  const existing = db
    .prepare('SELECT * FROM users WHERE oidc_issuer = ? AND oidc_subject = ?')
    .get(claims.issuer, claims.subject) as UserRow | undefined;
  if (existing) {
    db.prepare(
      `UPDATE users SET name = COALESCE(?, name), avatar_url = COALESCE(?, avatar_url),
         email = COALESCE(?, email), email_verified = MAX(email_verified, ?), updated_at = ? WHERE id = ?`,
    ).run(claims.name ?? null, claims.picture ?? null, email, email ? 1 : 0, now, existing.id);
    return { user: findUserById(db, existing.id)!, created: false };
  }
  const id = newId('usr');
  db.prepare(
    `INSERT INTO users (id, oidc_issuer, oidc_subject, email, email_verified, name, avatar_url, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, claims.issuer, claims.subject, email, email ? 1 : 0, claims.name ?? null, claims.picture ?? null, now, now);
  return { user: findUserById(db, id)!, created: true };
}
