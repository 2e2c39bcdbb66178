import type { Db } from '../db/database.ts';
import { forbidden, unauthorized } from '../http/errors.ts';

/** Billed routes call this: until the user accepted the terms (and confirmed 13+) they answer 403. */
export function requireTermsAccepted(db: Db, userId: string): void {
  const row = db.prepare('SELECT terms_accepted_at, age_confirmed_at FROM users WHERE id = ?').get(userId) as
    | { terms_accepted_at: number | null; age_confirmed_at: number | null }
    | undefined;
  if (!row) throw unauthorized();
  if (row.terms_accepted_at === null || row.age_confirmed_at === null) {
    throw forbidden('Accept the terms of service in PromptPixels before using paid tools.', 'terms_not_accepted');
  }
}
