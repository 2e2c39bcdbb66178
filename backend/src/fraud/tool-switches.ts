import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';

/**
 * Kill switch per tool: `PP_DISABLED_TOOLS` (comma-separated ids) pauses tools at start; the
 * tool_switches table pauses or resumes them at run time (`npm run tools:switch`), on every
 * backend instance at once.
 */
export function isToolEnabled(db: Db, disabledByConfig: ReadonlySet<string>, toolId: string): { enabled: boolean; reason?: string } {
  const row = db.prepare('SELECT enabled, reason FROM tool_switches WHERE tool_id = ?').get(toolId) as { enabled: 0 | 1; reason: string | null } | undefined;
  if (row) return row.enabled ? { enabled: true } : { enabled: false, reason: row.reason ?? 'paused' };
  return disabledByConfig.has(toolId) ? { enabled: false, reason: 'paused by configuration' } : { enabled: true };
}

export function assertToolEnabled(db: Db, disabledByConfig: ReadonlySet<string>, toolId: string): void {
  const state = isToolEnabled(db, disabledByConfig, toolId);
  if (!state.enabled) {
    throw new ApiError(503, 'tool_disabled', 'This tool is paused for the moment. Try another tool or try again later.', { tool: toolId, reason: state.reason });
  }
}

export function setToolEnabled(db: Db, toolId: string, enabled: boolean, reason: string | undefined, now: number): void {
  db.prepare(
    `INSERT INTO tool_switches (tool_id, enabled, reason, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (tool_id) DO UPDATE SET enabled = excluded.enabled, reason = excluded.reason, updated_at = excluded.updated_at`,
  ).run(toolId, enabled ? 1 : 0, reason ?? null, now);
}
