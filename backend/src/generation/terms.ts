import type { Db } from '../db/database.ts';
import { forbidden } from '../http/errors.ts';
import { sql } from './statements.ts';

/** Billed tools answer 403 terms_not_accepted until the user accepted the terms (API.md). */
export function requireTermsAccepted(db: Db, userId: string): void {
  const accepted = sql(db, 'SELECT terms_accepted_at FROM users WHERE id = ?').pluck().get(userId) as number | null | undefined;
  if (accepted === null || accepted === undefined) {
    throw forbidden('Accept the terms of service in your account settings before using paid tools.', 'terms_not_accepted');
  }
}
