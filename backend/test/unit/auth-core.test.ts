import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { ACCESS_TTL_MS, authenticateAccessToken, createSession, revokeSession } from '../../src/auth/sessions.ts';
import { hashToken, looksLikeToken, newToken } from '../../src/auth/tokens.ts';
import { upsertUserFromClaims } from '../../src/auth/users.ts';

describe('auth core: users and sessions', () => {
  const fresh = () => openDatabase(':memory:');

  it('keys users on issuer + subject and keeps an email only when verified', () => {
    const db = fresh();
    const a = upsertUserFromClaims(db, { issuer: 'i', subject: 's1', email: 'a@x.com', emailVerified: false }, 1);
    expect(a.created).toBe(true);
    expect(a.user.email).toBeNull();
    const again = upsertUserFromClaims(db, { issuer: 'i', subject: 's1', email: 'b@x.com', emailVerified: true, name: 'New' }, 2);
    expect(again.created).toBe(false);
    expect(again.user.id).toBe(a.user.id);
    expect(again.user.email).toBe('b@x.com');
    expect(again.user.name).toBe('New');
  });

  it('stores only hashes of tokens', () => {
    const db = fresh();
    const { user } = upsertUserFromClaims(db, { issuer: 'i', subject: 's' }, 1);
    const t = createSession(db, user.id, 'Laptop', 1000);
    const dump = JSON.stringify(db.prepare('SELECT * FROM sessions').all()) + JSON.stringify(db.prepare('SELECT * FROM refresh_tokens').all());
    expect(dump).not.toContain(t.accessToken);
    expect(dump).not.toContain(t.refreshToken);
    expect(dump).toContain(hashToken(t.accessToken));
  });

  it('accepts a live access token and refuses expired, revoked and malformed ones', () => {
    const db = fresh();
    const { user } = upsertUserFromClaims(db, { issuer: 'i', subject: 's' }, 1);
    const t = createSession(db, user.id, 'Laptop', 1000);
    expect(authenticateAccessToken(db, t.accessToken, 2000)).toEqual({ userId: user.id, sessionId: t.sessionId });
    expect(authenticateAccessToken(db, t.accessToken, 1000 + ACCESS_TTL_MS)).toBeUndefined();
    expect(authenticateAccessToken(db, newToken('ppa'), 2000)).toBeUndefined();
    expect(authenticateAccessToken(db, t.refreshToken, 2000)).toBeUndefined();
    expect(authenticateAccessToken(db, 'ppa_short', 2000)).toBeUndefined();
    revokeSession(db, t.sessionId, 'test', 3000);
    expect(authenticateAccessToken(db, t.accessToken, 3001)).toBeUndefined();
  });

  it('recognises token shapes by prefix', () => {
    expect(looksLikeToken(newToken('ppr'), 'ppr')).toBe(true);
    expect(looksLikeToken(newToken('ppr'), 'ppa')).toBe(false);
  });
});
