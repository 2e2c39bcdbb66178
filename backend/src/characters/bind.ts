import type { Db } from '../db/database.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { ToolPlan } from '../generation/tool.ts';
import { findOwnCharacter } from './store.ts';

/**
 * Completes a character tool's plan with the character's weights and trigger word. Only the
 * owner's ready characters qualify; anyone else's id answers exactly like an unknown one (404).
 * Runs before any credits are held.
 */
export function bindCharacter(db: Db, userId: string, plan: ToolPlan): ToolPlan {
  if (!plan.character) return plan;
  const row = findOwnCharacter(db, userId, plan.character.id);
  if (!row) throw notFound('No such character.');
  if (row.status !== 'ready' || !row.weights_url) {
    throw new ApiError(409, 'character_not_ready', row.status === 'training' ? 'This character is still training. Try again when it is ready.' : 'This character’s training failed; train it again to use it.');
  }
  const { character, ...rest } = plan;
  return { ...rest, ...character.bind({ weightsUrl: row.weights_url, triggerWord: row.trigger_word, type: row.type }) };
}
