import type { AppDeps } from './app.ts';
import { webhookRetry } from './billing/jobs.ts';
import { holdSweeper } from './credits/jobs.ts';
import { rateLimitCleanupJob } from './http/rate-limit.ts';
import { retentionJob } from './privacy/jobs.ts';
import { sweepSignInLeftovers } from './auth/handoff.ts';
import { generationRetention, generationTracker } from './generation/tracker.ts';
import { uploadRetention } from './uploads/jobs.ts';
import { characterTracker } from './characters/tracker.ts';

/**
 * Periodic work that runs beside the HTTP server (hold sweeper, retention, generation
 * tracking). Each job must be safe to run on several backend instances at once: it claims
 * rows with a guarded UPDATE or works idempotently.
 */
export interface BackgroundJob {
  name: string;
  intervalMs: number;
  run(deps: AppDeps): Promise<void> | void;
}

/** The jobs every backend runs; each capability adds its own here. */
export const backgroundJobs: BackgroundJob[] = [
  holdSweeper,
  rateLimitCleanupJob,
  retentionJob,
  webhookRetry,
  { name: 'sign-in-sweeper', intervalMs: 10 * 60 * 1000, run: (deps) => sweepSignInLeftovers(deps.db, deps.now()) },
  generationTracker,
  generationRetention,
  uploadRetention,
  characterTracker,
];

export function startBackgroundJobs(deps: AppDeps, jobs: BackgroundJob[] = backgroundJobs): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  for (const job of jobs) {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      const p = Promise.resolve()
        .then(() => job.run(deps))
        .catch((err: unknown) => deps.log.error({ err, job: job.name }, 'background job failed'))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    const timer = setInterval(tick, job.intervalMs);
    timer.unref();
    timers.push(timer);
  }
  return async () => {
    for (const t of timers) clearInterval(t);
    await Promise.allSettled([...running]);
  };
}
