import type { BackgroundJob } from '../jobs.ts';
import { retryPendingWebhooks } from './webhooks.ts';

/** Applies webhook deliveries that were recorded but not applied (the answer to Polar was already 2xx). */
export const webhookRetry: BackgroundJob = {
  name: 'polar-webhook-retry',
  intervalMs: 60_000,
  run: (deps) => {
    const applied = retryPendingWebhooks(deps);
    if (applied > 0) deps.log.warn({ applied }, 'applied polar webhooks on retry');
  },
};
