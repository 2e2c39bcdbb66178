import type { BackgroundJob } from '../jobs.ts';

/** Releases credit holds whose work never settled (crash, lost job) once their TTL passes. */
export const holdSweeper: BackgroundJob = {
  name: 'credit-hold-sweeper',
  intervalMs: 30_000,
  run: (deps) => {
    const released = deps.ledger.sweepExpiredHolds();
    if (released > 0) deps.log.warn({ released }, 'released expired credit holds');
  },
};
