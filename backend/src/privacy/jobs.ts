import type { BackgroundJob } from '../jobs.ts';
import { runRetention } from './retention.ts';

/** Hourly, so nothing outlives its retention period by more than an hour. */
export const retentionJob: BackgroundJob = {
  name: 'privacy-retention',
  intervalMs: 60 * 60 * 1000,
  run: (deps) => {
    const report = runRetention({ db: deps.db, now: deps.now(), logDir: deps.config.logDir });
    const deleted = report.filter((r) => r.deleted > 0);
    if (deleted.length > 0) deps.log.info({ retention: deleted }, 'retention deleted expired data');
  },
};
