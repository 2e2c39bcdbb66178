import type { Db } from '../db/database.ts';
import { forbidden } from '../http/errors.ts';

/**
 * Paid actions need accepted terms. A shared `requireTermsAccepted` middleware is being built
 * elsewhere; until it lands, billing checks the users row itself with this small function.
 */
export function assertTermsAccepted(db: Db, userId: string): { email: string | null } {
  const row = db.prepare('SELECT terms_accepted_at, email FROM users WHERE id = ?').get(userId) as
    | { terms_accepted_at: number | null; email: string | null }
    | undefined;
  if (!row?.terms_accepted_at) throw forbidden('Accept the terms of service before buying credits.', 'terms_not_accepted');
  return { email: row.email };
}
