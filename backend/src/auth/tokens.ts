import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Opaque tokens: a readable prefix (so a leaked one is recognisable in a secret scanner) and
 * 256 random bits. Only SHA-256 hashes are stored.
 */
export type TokenKind = 'ppa' | 'ppr' | 'pph';

export function newToken(kind: TokenKind): string {
  return `${kind}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const TOKEN_SHAPE = /^(ppa|ppr|pph)_[A-Za-z0-9_-]{43}$/;

/** True for strings shaped like one of our tokens of `kind`; cheap rejection before a lookup. */
export function looksLikeToken(value: string, kind: TokenKind): boolean {
  return TOKEN_SHAPE.test(value) && value.startsWith(`${kind}_`);
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

export function sha256Base64Url(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
