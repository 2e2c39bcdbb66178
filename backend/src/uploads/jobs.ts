import type { BackgroundJob } from '../jobs.ts';
import { sweepUploads } from './store.ts';

/** Deletes upload records nobody used once fal's copy has expired (docs/privacy.md). */
export const uploadRetention: BackgroundJob = {
  name: 'upload-retention',
  intervalMs: 60_000,
  run: (deps) => {
    const deleted = sweepUploads(deps.db, deps.now());
    if (deleted > 0) deps.log.info({ deleted }, 'expired uploads deleted');
  },
};
