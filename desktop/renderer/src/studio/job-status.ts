import type { GenerationJob } from '../../../shared/studio-types.ts';
import { credits } from './useQuote.ts';

/**
 * One line saying where a job is, for every page that runs billed work. `working` names the
 * running step in the page's words ("Generating", "Working").
 */
export function jobStatusLine(job: GenerationJob, working: string): string {
  switch (job.status) {
    case 'submitting':
      return 'Sending…';
    case 'queued':
      return job.queuePosition !== undefined ? `Queued · position ${job.queuePosition + 1}` : 'Queued';
    case 'running':
      return job.progress !== undefined ? `${working} · ${Math.round(job.progress)}%` : `${working}…`;
    case 'downloading':
      return 'Saving to your gallery…';
    case 'succeeded':
      return `Done · saved to your gallery${job.cost !== undefined ? ` · ${credits(job.cost)}` : ''}`;
    case 'canceled':
      return 'Canceled · nothing was charged';
    case 'failed':
      return 'Failed · nothing was charged';
  }
}
