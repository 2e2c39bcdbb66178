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

export function readConsents(db: Db, userId: string): Consents {
  const raw = db.prepare('SELECT consents FROM users WHERE id = ?').pluck().get(userId) as string | undefined;
  let stored: unknown = {};
  try {
    stored = raw ? JSON.parse(raw) : {};
  } catch {
    stored = {};
  }
  const partial = consentsSchema.partial().safeParse(stored);
  return { ...DEFAULT_CONSENTS, ...(partial.success ? partial.data : {}) };
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
