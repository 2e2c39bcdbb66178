import type { Db } from '../db/database.ts';
import { readConsents } from './consents.ts';

export const PROMPT_LOG_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The one place prompts may be written down: only while the user has not objected, and only
 * for PROMPT_LOG_RETENTION_MS (the retention job deletes older rows).
 */
export function logPromptIfAllowed(
  db: Db,
  entry: { userId: string; tool: string; prompt: string; params: Record<string, unknown> },
  now: number,
): boolean {
  if (!readConsents(db, entry.userId).prompt_logging) return false;
  db.prepare('INSERT INTO prompt_logs (user_id, tool, prompt, params, created_at) VALUES (?, ?, ?, ?, ?)').run(
    entry.userId,
    entry.tool,
    entry.prompt.slice(0, 4000),
    JSON.stringify(entry.params),
    now,
  );
  return true;
}

/** Counts a use of a tool for today, in aggregate only, if the user allows usage analytics. */
export function countUsageIfAllowed(db: Db, userId: string, tool: string, now: number): boolean {
  if (!readConsents(db, userId).usage_analytics) return false;
  const day = new Date(now).toISOString().slice(0, 10);
  db.prepare('INSERT INTO usage_daily (day, tool, count) VALUES (?, ?, 1) ON CONFLICT (day, tool) DO UPDATE SET count = count + 1').run(day, tool);
  return true;
}
