import type { AppDeps } from '../app.ts';
import { logPromptIfAllowed } from '../privacy/prompt-log.ts';

/**
 * THE hook for prompt logging, called once per accepted generation with the validated input.
 * Prompts and parameters are personal data: they go only to the privacy module's prompt log,
 * which keeps them 7 days and only while the user has not objected — never to technical logs.
 */
export function recordPromptForOptimisation(deps: AppDeps, event: { userId: string; generationId: string; tool: string; input: unknown }): void {
  const input = (event.input ?? {}) as Record<string, unknown>;
  const prompt = typeof input.prompt === 'string' ? input.prompt : typeof input.instruction === 'string' ? input.instruction : '';
  const params = Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'prompt' && k !== 'instruction'));
  logPromptIfAllowed(deps.db, { userId: event.userId, tool: event.tool, prompt, params: { ...params, generation_id: event.generationId } }, deps.now());
}
