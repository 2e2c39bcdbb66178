import { z } from 'zod';
import type { Db } from '../db/database.ts';

/**
 * What the user lets us do beyond providing the service. Both default to allowed (the policy's
 * "until the user objects"); switching one off takes effect at once and deletes what it covered.
 */
export const consentsSchema = z
  .object({
    prompt_logging: z.boolean(),
    usage_analytics: z.boolean(),
  })
  .strict();
export type Consents = z.infer<typeof consentsSchema>;
export const DEFAULT_CONSENTS: Consents = { prompt_logging: true, usage_analytics: true };

/** Everything switched off: what a damaged consents column means (the safe reading). */
const NOTHING_CONSENTED: Consents = { prompt_logging: false, usage_analytics: false };

/** The consents stored in a users row's column, with defaults for keys never set. */
export function consentsFromColumn(raw: string | undefined): Consents {
  let stored: unknown;
  try {
    stored = raw ? JSON.parse(raw) : {};
  } catch {
    return NOTHING_CONSENTED;
  }
  const partial = consentsSchema.partial().safeParse(stored);
  return partial.success ? { ...DEFAULT_CONSENTS, ...partial.data } : NOTHING_CONSENTED;
}

export function readConsents(db: Db, userId: string): Consents {
  return consentsFromColumn(db.prepare('SELECT consents FROM users WHERE id = ?').pluck().get(userId) as string | undefined);
}

/** Stores a consent change; withdrawing prompt logging deletes the user's logged prompts now. */
export function updateConsents(db: Db, userId: string, change: Partial<Consents>, now: number): Consents {
  return db.transaction(() => {
    const next = { ...readConsents(db, userId), ...change };
    db.prepare('UPDATE users SET consents = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(next), now, userId);
    if (!next.prompt_logging) db.prepare('DELETE FROM prompt_logs WHERE user_id = ?').run(userId);
    return next;
  })();
}
