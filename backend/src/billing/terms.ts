import { requireTermsAccepted } from '../auth/terms.ts';
import type { Db } from '../db/database.ts';

/** Buying credits needs accepted terms (the shared check); answers the email for Polar's checkout. */
export function assertTermsAccepted(db: Db, userId: string): { email: string | null } {
  requireTermsAccepted(db, userId);
  const row = db.prepare('SELECT COALESCE(contact_email, email) AS email FROM users WHERE id = ?').get(userId) as { email: string | null } | undefined;
  return { email: row?.email ?? null };
}
