import type { AppDeps } from '../app.ts';

/**
 * THE hook for prompt logging, called once per accepted generation with the validated input.
 * Prompts and parameters are personal data: today nothing is recorded anywhere (not in the
 * database, not in logs). The privacy work adds temporary logging here, only for users who
 * consented, with its own retention — and nowhere else.
 */
export function recordPromptForOptimisation(_deps: AppDeps, _event: { userId: string; generationId: string; tool: string; input: unknown }): void {
  // Intentionally empty until consented, time-limited prompt logging exists (privacy issue).
}
